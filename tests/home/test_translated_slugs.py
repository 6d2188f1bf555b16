"""A page translated with wagtail-localize gets a Welsh slug from its Welsh title when the
translator leaves the slug untranslated; a translated slug, or a page translated by hand, keeps
its own."""

import pytest
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from directory.models import GroupPage

pytestmark = pytest.mark.django_db


def translate_with_localize(page, locale, **texts):
    """What a translator does in wagtail-localize's editor: translate these segments (by field
    name), leave the rest, and publish."""
    TranslationCreator(None, [locale]).create_translations(page)
    translation = page.get_translation(locale)
    record = Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)
    for field, text in texts.items():
        segment = record.source.stringsegment_set.get(context__path=field)
        StringTranslation.objects.create(
            translation_of=segment.string, locale=locale, context=segment.context, data=text
        )
    record.save_target(publish=True)
    return GroupPage.objects.get(pk=translation.pk)


@pytest.fixture
def library(directory):
    page = GroupPage(title="Gresford Library", slug="gresford-library", summary="Books")
    directory["en"].add_child(instance=page)
    page.save_revision().publish()
    return page


def test_an_untranslated_slug_is_made_from_the_welsh_title(
    client, library, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        welsh = translate_with_localize(
            library, locales["cy"], title="Llyfrgell Gresffordd", summary="Llyfrau"
        )
    assert welsh.slug == "llyfrgell-gresffordd" and welsh.url_path.endswith("/grwpiau/llyfrgell-gresffordd/")
    assert client.get("/cy/grwpiau/llyfrgell-gresffordd/").status_code == 200
    assert GroupPage.objects.get(pk=library.pk).slug == "gresford-library"  # the English page keeps its own


def test_a_translated_slug_is_kept(library, locales, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        welsh = translate_with_localize(
            library, locales["cy"], title="Llyfrgell Gresffordd", slug="llyfrgell-y-pentref"
        )
    assert welsh.slug == "llyfrgell-y-pentref"


def test_a_title_left_as_it_is_keeps_the_slug(library, locales):
    welsh = translate_with_localize(library, locales["cy"], summary="Llyfrau")
    assert welsh.slug == "gresford-library"


def test_a_page_translated_by_hand_keeps_the_slug_it_was_given(library, locales):
    welsh = library.copy_for_translation(locales["cy"])
    welsh.title = "Llyfrgell Gresffordd"
    welsh.save_revision().publish()
    assert GroupPage.objects.get(pk=welsh.pk).slug == "gresford-library"
