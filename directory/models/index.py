"""The directory's index page: the groups of the reader's language, filtered, and the public
"suggest a group" form.

Follows bakerydemo's index/detail pattern (``BreadsIndexPage``/``BreadPage``); filtering lives
in ``directory.filters`` and the suggestion form in ``directory.suggestions`` so the index stays
a thin page.
See https://docs.wagtail.org/en/stable/topics/pages.html
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

from bilingual.language import current_language
from bilingual.translations import live_originals
from home.models import IndexPage, RoutesChildrenInOneQuery
from home.public_forms import TOO_MANY, check_post

from ..filters import GroupFilter
from ..suggestions import SuggestGroupForm, create_draft_listing
from .groups import GroupPage

SUGGEST_PATH = {"en": "suggest", "cy": "awgrymu"}
THANKS_PATH = {"en": "thanks", "cy": "diolch"}


class GroupIndexPage(RoutesChildrenInOneQuery, RoutablePageMixin, IndexPage):
    """The directory: live groups of the reader's language, filtered, sorted and paginated.

    Also the home of the public "suggest a group" form (``suggest/``, Welsh ``awgrymu/``), a
    routable sub-page: https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html
    """

    section_names = {"en": ("Community groups", "groups"), "cy": ("Grwpiau cymunedol", "grwpiau")}

    subpage_types = ["directory.GroupPage"]

    class Meta:
        verbose_name = _("group directory")

    def routed_children(self):
        """A group's page comes with its area in one query, not Wagtail's two or three."""
        return GroupPage.objects.child_of(self).select_related("area")

    @staticmethod
    def suggest_path(language, thanks=False):
        """The form's address below the directory, in its language ("awgrymu/" in Welsh)."""
        return f"{SUGGEST_PATH[language]}/" + (f"{THANKS_PATH[language]}/" if thanks else "")

    def suggest_url(self, thanks=False):
        return self.url + self.suggest_path(self.locale.language_code, thanks)

    def _alternate_suggest_urls(self, thanks=False):
        indexes = [self, *live_originals(self.get_translations())]
        return {index.locale.language_code: index.specific.suggest_url(thanks) for index in indexes}

    @re_path(r"^(?P<word>suggest|awgrymu)/$", name="suggest")
    def suggest(self, request, word):
        if word != SUGGEST_PATH[self.locale.language_code]:
            return redirect(self.suggest_url(), permanent=True)
        form = SuggestGroupForm(request.POST or None)
        refusal = status = None
        if request.method == "POST":
            may_store, status = check_post(request, form)
            if may_store:
                create_draft_listing(self, form)
                return redirect(self.suggest_url(thanks=True))
            if status == TOO_MANY:
                refusal = _("You have sent several suggestions in the last hour. Please try again later.")
            elif status:
                refusal = _("Your suggestion could not be sent.")
        response = self.render(
            request,
            template="directory/suggest_group.html",
            context_overrides={
                "form": form,
                "refusal": refusal,
                "suggest_path": self.suggest_path(current_language()),
                "alternate_urls": self._alternate_suggest_urls(),
                "retention_days": settings.SUGGESTION_RETENTION_DAYS,
            },
        )
        if status:
            response.status_code = status
        return response

    @re_path(r"^(?P<word>suggest|awgrymu)/(?P<thanks>thanks|diolch)/$", name="suggest_thanks")
    def suggest_thanks(self, request, word, thanks):
        return self.render(
            request,
            template="directory/suggest_group_thanks.html",
            context_overrides={"alternate_urls": self._alternate_suggest_urls(thanks=True)},
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        group_filter = GroupFilter(request.GET, index_page=self)
        paginator = Paginator(group_filter.listed(), self.per_page)
        paginator.count = group_filter.count()  # from the jump list's GROUP BY: no COUNT query of its own
        page_of_groups = paginator.get_page(request.GET.get("page"))
        context.update(
            suggest_path=self.suggest_path(current_language()),
            filter=group_filter,
            groups=group_filter.with_cards(page_of_groups.object_list),
            paginator_page=page_of_groups,
            group_count=page_of_groups.paginator.count,
        )
        return context
