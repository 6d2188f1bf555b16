"""The "Translations" report: where every page stands between English and Welsh.

A Wagtail report (``ReportView``, the pattern of Wagtail's own "Aging pages" report) over
``home.translation_state.pages_with_translation_state``, filtered by section and state with a
``WagtailFilterSet`` and paginated in the database.
See https://docs.wagtail.org/en/stable/extending/adding_reports.html
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from .translation_state import (
    TranslationState,
    may_see_translation_state,
    pages_with_translation_state,
    section_titles,
    update_link,
)


class TranslationStateFilterSet(WagtailFilterSet):
    section = django_filters.ChoiceFilter(
        label=_("Section"), field_name="section_key", choices=lambda: list(section_titles().items())
    )
    state = django_filters.ChoiceFilter(label=_("State"), choices=TranslationState.choices)

    class Meta:
        model = Page
        fields = []


class TranslationStateReportView(ReportView):
    """Every page in both languages with its state, for council editors only."""

    page_title = _("Translations")
    header_icon = "site"
    results_template_name = "home/admin/translation_state_results.html"
    filterset_class = TranslationStateFilterSet
    index_url_name = "translation_state_report"
    index_results_url_name = "translation_state_report_results"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not may_see_translation_state(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return pages_with_translation_state()

    def decorate_paginated_queryset(self, object_list):
        titles = section_titles()
        rows = list(object_list)
        for row in rows:
            row.section_title = titles.get(row.section_key, "")
            row.state_label = TranslationState(row.state).label
            row.update_link = update_link(row)
        return rows
