"""The volunteering listing of one language: its open opportunities, filtered in
``volunteering.listing``, and the "contact this group" form's address below it."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

from home.models import IndexPage, RoutesChildrenInOneQuery
from home.visibility import is_publicly_visible, publicly_visible

from ..listing import OpportunityFilter
from ..messages import message_form_view
from ..offers import offer_form_view, offer_list_context
from .opportunities import CONTACT_PATH, NEW_OFFER_PATH, OFFERS_PATH, OpportunityPage, form_path, form_urls


class VolunteeringIndexPage(RoutesChildrenInOneQuery, RoutablePageMixin, IndexPage):
    """Ways to help: the open opportunities of the reader's language, filtered and paginated.

    Also the home of "Contact this group" (``contact/<group>/``, Welsh ``cysylltu/<grŵp>/``)
    for every group page, a routable sub-page, so that the directory needs no form of its own;
    and of "Offers of help" (``offers/``, Welsh ``cynigion/``) with its form (``offers/new/``):
    https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html
    """

    section_names = {"en": ("Volunteer", "volunteer"), "cy": ("Gwirfoddoli", "gwirfoddoli")}

    subpage_types = ["volunteering.OpportunityPage"]

    class Meta:
        verbose_name = _("volunteering listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        route = getattr(request, "routable_resolver_match", None)
        if route is not None and route.url_name != "index_route":
            return context  # a form or the offers below the listing: not the opportunities
        opportunity_filter = OpportunityFilter(request.GET, index_page=self)
        paginator_page = opportunity_filter.paginate(request.GET.get("page"), self.per_page)
        context.update(
            filter=opportunity_filter,
            paginator_page=paginator_page,
            opportunity_count=paginator_page.paginator.count,
            listing_url=self.get_url(request),
            offers_url=self.get_url(request) + form_path(OFFERS_PATH, self.language_code),
        )
        return context

    def routed_children(self):
        """An opportunity comes with its group, venue and area in one query."""
        return OpportunityPage.objects.child_of(self).select_related("group", "venue", "area")

    def _group(self, slug):
        from directory.models import GroupPage

        group = publicly_visible(GroupPage.objects.filter(locale_id=self.locale_id, slug=slug)).first()
        if group is None:
            raise Http404
        return group

    def _contact_urls(self, group, thanks=False):
        def group_slug(index):
            translation = group.get_translation_or_none(index.locale)
            return translation.slug if translation is not None and is_publicly_visible(translation) else None

        return form_urls(self, CONTACT_PATH, group_slug, thanks)

    @re_path(r"^(?P<word>contact|cysylltu)/(?P<slug>[-\w]+)/$", name="contact")
    def contact(self, request, word, slug):
        group = self._group(slug)
        urls = self._contact_urls(group)
        language = self.language_code
        if word != CONTACT_PATH[language]:
            return redirect(urls[language], permanent=True)
        return message_form_view(
            self, request, group, None, urls[language], self._contact_urls(group, thanks=True)[language], urls
        )

    @re_path(
        r"^(?P<word>contact|cysylltu)/(?P<slug>[-\w]+)/(?P<thanks>thanks|diolch)/$", name="contact_thanks"
    )
    def contact_thanks(self, request, word, slug, thanks):
        group = self._group(slug)
        return self.render(
            request,
            template="volunteering/message_thanks.html",
            context_overrides={"group": group, "alternate_urls": self._contact_urls(group, thanks=True)},
        )

    def _offer_urls(self, new=False, thanks=False):
        def new_word(index):
            return NEW_OFFER_PATH[index.language_code]

        return form_urls(self, OFFERS_PATH, new_word if new else None, thanks)

    @re_path(r"^(?P<word>offers|cynigion)/$", name="offers")
    def offers(self, request, word):
        urls = self._offer_urls()
        language = self.language_code
        if word != OFFERS_PATH[language]:
            return redirect(urls[language], permanent=True)
        return self.render(
            request,
            template="volunteering/offer_list.html",
            context_overrides={
                **offer_list_context(request),
                "alternate_urls": urls,
                "offer_form_url": urls[language] + form_path(NEW_OFFER_PATH, language),
            },
        )

    @re_path(r"^(?P<word>offers|cynigion)/(?P<new>new|newydd)/$", name="offer_form")
    def offer_form(self, request, word, new):
        urls = self._offer_urls(new=True)
        language = self.language_code
        if (word, new) != (OFFERS_PATH[language], NEW_OFFER_PATH[language]):
            return redirect(urls[language], permanent=True)
        thanks_url = self._offer_urls(new=True, thanks=True)[language]
        return offer_form_view(self, request, urls[language], thanks_url, urls)

    @re_path(
        r"^(?P<word>offers|cynigion)/(?P<new>new|newydd)/(?P<thanks>thanks|diolch)/$", name="offer_thanks"
    )
    def offer_thanks(self, request, word, new, thanks):
        return self.render(
            request,
            template="volunteering/offer_thanks.html",
            context_overrides={
                "alternate_urls": self._offer_urls(new=True, thanks=True),
                "offers_url": self._offer_urls()[self.language_code],
                "expiry_days": settings.OFFER_EXPIRY_DAYS,
            },
        )
