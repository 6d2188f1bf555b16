"""Make a fresh database bilingual: the Welsh locale, an English home page, its Welsh
translation and the Site, so that /en/ and /cy/ work after ``migrate`` alone."""

import uuid

from django.db import migrations
from django.utils import timezone

HOME_PAGES = {
    "en": {"title": "Together in Wrexham", "slug": "home", "path": "00010001"},
    "cy": {"title": "Gyda'n Gilydd yn Wrecsam", "slug": "hafan", "path": "00010002"},
}


def create_bilingual_home(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    locales = {
        "en": Locale.objects.get_or_create(language_code="en")[0],
        "cy": Locale.objects.get_or_create(language_code="cy")[0],
    }

    # Wagtail's own placeholder "Welcome" page (and the Site pointing at it) makes way.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page").delete()

    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    translation_key = uuid.uuid4()
    now = timezone.now()
    pages = {}
    for language, values in HOME_PAGES.items():
        pages[language] = HomePage.objects.create(
            title=values["title"],
            draft_title=values["title"],
            slug=values["slug"],
            path=values["path"],
            depth=2,
            numchild=0,
            url_path=f"/{values['slug']}/",
            content_type=content_type,
            locale=locales[language],
            translation_key=translation_key,
            live=True,
            first_published_at=now,
            last_published_at=now,
            body=[],
        )
    Page.objects.filter(depth=1).update(numchild=len(pages))
    Site.objects.create(
        hostname="localhost", port=80, root_page=pages["en"], is_default_site=True, site_name="Together in Wrexham"
    )


def remove_bilingual_home(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(depth=2).delete()
    apps.get_model("wagtailcore.Locale").objects.filter(language_code="cy").delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(create_bilingual_home, remove_bilingual_home)]
