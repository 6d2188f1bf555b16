"""Where each page stands between its English and its Welsh version.

One query gives every page of both language trees, one row per page (the English page, or the
Welsh one where there is no English), with its Welsh twin and its state annotated in the
database, so the admin report can filter and paginate without loading the pages. The state
compares the English page's last publication with the last time wagtail-localize copied it into
its ``TranslationSource`` (what "Sync translated pages" does, from the published page); a Welsh
page written by hand, without wagtail-localize, is compared with its own last publication.
See https://wagtail-localize.org/stable/concept/translation-source/
"""

from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

ENGLISH, WELSH = "en", "cy"
# Who sees the translation state (the report, the dashboard panel, the translate links):
# council editors, the only role that submits translations (home/migrations/0004_roles.py).
TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"
# Pages at this depth are the site's sections (the directory, events, ...): depth 2 is a home page.
SECTION_DEPTH = 3


class TranslationState(models.TextChoices):
    ONLY_ENGLISH = "only_en", _("Only in English")
    ONLY_WELSH = "only_cy", _("Only in Welsh")
    WELSH_DRAFT = "welsh_draft", _("Welsh draft waiting")
    WELSH_BEHIND = "welsh_behind", _("English changed since the Welsh was last synced")
    BOTH_LIVE = "both_live", _("Live in both languages")
    NOT_LIVE = "not_live", _("Not live in either language")


# The states that need a council editor's attention (the dashboard panel counts them).
OUT_OF_STEP = [
    TranslationState.ONLY_ENGLISH,
    TranslationState.ONLY_WELSH,
    TranslationState.WELSH_DRAFT,
    TranslationState.WELSH_BEHIND,
]


def may_see_translation_state(user):
    return user.has_perm(TRANSLATE_PERMISSION)


def _twin(language):
    return Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language, alias_of__isnull=True
    )


def pages_with_translation_state():
    """Every page but the root, one row per translation, with ``state``, the row's
    ``language`` and the Welsh twin's ``welsh_id``, ``welsh_title`` (the row itself when
    there is no English), the English ``source_id`` (for "sync") and the
    ``section_key`` (the translation key of the section the page is in) annotated.

    A wagtail-localize alias is not a translation: a Welsh alias of an English page counts as
    missing Welsh.
    """
    welsh = _twin(WELSH)
    source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale__language_code=ENGLISH
    )
    section = Page.objects.filter(
        depth=SECTION_DEPTH, path=Substr(OuterRef("path"), 1, SECTION_DEPTH * Page.steplen)
    )
    english_live = Q(locale__language_code=ENGLISH, live=True)
    welsh_published_at_or_synced_at = Case(
        When(source_synced_at__isnull=False, then=F("source_synced_at")),
        default=F("welsh_published_at"),
    )
    return (
        Page.objects.filter(depth__gt=1, alias_of__isnull=True)
        .filter(Q(locale__language_code=ENGLISH) | Q(locale__language_code=WELSH) & ~Exists(_twin(ENGLISH)))
        .annotate(
            language=F("locale__language_code"),
            welsh_id=Subquery(welsh.values("pk")[:1]),
            welsh_title=Subquery(welsh.values("title")[:1]),
            welsh_live=Subquery(welsh.values("live")[:1]),
            welsh_unpublished_changes=Subquery(welsh.values("has_unpublished_changes")[:1]),
            welsh_published_at=Subquery(welsh.values("last_published_at")[:1]),
            source_id=Subquery(source.values("pk")[:1]),
            source_synced_at=Subquery(source.values("last_updated_at")[:1]),
            section_key=Subquery(section.values("translation_key")[:1]),
        )
        .annotate(
            state=Case(
                When(locale__language_code=WELSH, live=True, then=Value(TranslationState.ONLY_WELSH)),
                When(locale__language_code=WELSH, then=Value(TranslationState.NOT_LIVE)),
                When(live=False, welsh_live=True, then=Value(TranslationState.ONLY_WELSH)),
                When(live=False, then=Value(TranslationState.NOT_LIVE)),
                When(welsh_id__isnull=True, then=Value(TranslationState.ONLY_ENGLISH)),
                When(
                    Q(welsh_live=False) | Q(welsh_unpublished_changes=True),
                    then=Value(TranslationState.WELSH_DRAFT),
                ),
                When(
                    english_live & Q(last_published_at__gt=welsh_published_at_or_synced_at),
                    then=Value(TranslationState.WELSH_BEHIND),
                ),
                default=Value(TranslationState.BOTH_LIVE),
                output_field=models.CharField(),
            )
        )
        .order_by("path")
    )


def section_titles():
    """Each section's title in the admin's language, by the section's translation key."""
    language = WELSH if (get_language() or "").startswith(WELSH) else ENGLISH
    titles = {}
    sections = Page.objects.filter(depth=SECTION_DEPTH, alias_of__isnull=True).order_by("path")
    for key, title, code in sections.values_list("translation_key", "title", "locale__language_code"):
        if code == language or key not in titles:
            titles[key] = title
    return titles


def update_link(row):
    """The one action that brings a row's Welsh (or English) version up to date, as
    ``(label, url)``, or ``None`` when there is nothing to do."""
    state = row.state
    if state == TranslationState.ONLY_ENGLISH:
        return _("Translate into Welsh"), reverse("wagtail_localize:submit_page_translation", args=[row.pk])
    if state == TranslationState.ONLY_WELSH and row.language == WELSH:
        return _("Translate into English"), reverse("wagtail_localize:submit_page_translation", args=[row.pk])
    if state == TranslationState.ONLY_WELSH:  # the English is a draft
        return _("Publish the English"), reverse("wagtailadmin_pages:edit", args=[row.pk])
    if state == TranslationState.WELSH_BEHIND and row.source_id:
        return _("Sync the Welsh"), reverse("wagtail_localize:update_translations", args=[row.source_id])
    if state in (TranslationState.WELSH_BEHIND, TranslationState.WELSH_DRAFT):
        return _("Update the Welsh"), reverse("wagtailadmin_pages:edit", args=[row.welsh_id])
    return None
