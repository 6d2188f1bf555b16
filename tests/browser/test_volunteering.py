"""A resident, in English or in Welsh, finds a way to help, tells the group, and the group's
editor sees the message in the admin: the whole volunteering path, in the browser."""

import pytest
from django.core import mail

from demo.site import demo_password

from .pages import LANGUAGES, PAGES, visit

pytestmark = pytest.mark.browser

THANKS = {"en": "Thank you: your message is on its way", "cy": "Diolch: mae eich neges ar ei ffordd"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_resident_offers_to_help_and_the_groups_editor_sees_it(live_server, open_page, language):
    page = open_page(javascript=False)
    visit(page, live_server.url, "volunteer-index", language)
    everything = page.locator(".opportunity-card").count()
    page.locator("#id_from_home").check()
    with page.expect_navigation():
        page.locator("form.filters button[type=submit]").click()
    assert "from_home=on" in page.url
    assert 0 < page.locator(".opportunity-card").count() < everything

    visit(page, live_server.url, "opportunity", language)
    with page.expect_navigation():
        page.locator(".opportunity__actions a.button").click()
    assert page.url == live_server.url + PAGES["help-form"][language]
    name = f"Resident {language}"
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill(f"resident-{language}@example.org")
    page.locator("#id_text").fill("I can help on Saturday mornings.")
    page.locator(f'input[name="language"][value="{language}"]').check()
    page.locator("#id_consent").check()
    with page.expect_navigation():
        page.locator("form.message-form button[type=submit]").click()
    assert page.locator("h1").inner_text() == THANKS[language]

    resident = f"resident-{language}@example.org"
    (confirmation,) = [message for message in mail.outbox if message.to == [resident]]
    (to_group,) = [message for message in mail.outbox if message is not confirmation]
    assert to_group.reply_to == [resident]  # the group answers the resident; the page never showed an address

    admin = open_page()
    admin.goto(live_server.url + "/admin/login/")
    admin.locator("#id_username").fill("gresford-editor")
    admin.locator("#id_password").fill(demo_password())
    with admin.expect_navigation():
        admin.locator("form button[type=submit]").first.click()
    admin.goto(live_server.url + "/admin/volunteering/messages/")
    assert name in admin.locator("main").inner_text()
