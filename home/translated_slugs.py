"""A page translated with wagtail-localize gets a slug from its translated title when the
translator leaves the slug untranslated, so a Welsh page lives at a Welsh address
(``/cy/grwpiau/llyfrgell-gresffordd/``, not ``/cy/grwpiau/gresford-library/``).

wagtail-localize offers the slug as a segment like any other text and, left untranslated, keeps
the source page's slug (wagtail/wagtail-localize#902); there is no setting or signal for it, so
``BasePage.save`` calls ``slug_from_translated_title`` first: when a page that wagtail-localize
is translating is saved with its source's slug and a title of its own, the slug is made from
the title (before Wagtail's own ``save``, which then moves the address and its descendants'). A slug the translator did translate, a page
translated by hand (``copy_for_translation`` without wagtail-localize), or a title still the
same as the source's (a place name, an untranslated draft) is left alone.
See https://wagtail-localize.org/stable/concept/translation-source/
"""

from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail_localize.models import Translation


def slug_from_translated_title(instance):
    """Give ``instance`` a slug from its title if it is a wagtail-localize translation whose
    slug was left as the source's (see the module's docstring)."""
    if instance.pk is None or not instance.title:
        return
    translation = (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id
        )
        .select_related("source")
        .first()
    )
    if translation is None:
        return
    source = (
        Page.objects.filter(translation_key=instance.translation_key, locale_id=translation.source.locale_id)
        .values("slug", "title")
        .first()
    )
    if source is None or instance.slug != source["slug"] or instance.title == source["title"]:
        return
    parent = instance.get_parent()
    wanted = slugify(instance.title)[:255]
    if wanted and parent is not None:
        instance.slug = find_available_slug(parent, wanted, ignore_page_id=instance.pk)
