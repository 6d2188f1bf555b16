""" "Messages for your group": the messages people sent, newest first, with their status;
"Offers of help": council editors moderate residents' offers; "Answer this offer": a group's
editors answer an approved offer without ever seeing who made it.

Wagtail ModelViewSets (https://docs.wagtail.org/en/stable/extending/generic_views.html) and one
admin view (https://docs.wagtail.org/en/stable/extending/admin_views.html).
A group's editors see and update their own group's messages only (in every language of its
listing); council editors, who hold ``view_all_messages``, see every group's, with how many
people wrote to each group in each month (a group's English and Welsh pages counted as one).
"""

from django import forms
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from directory.models import GroupEditors, GroupPage
from home.mail import store_then_send

from .models.message import Message
from .models.offer import Offer, OfferReply
from .offers import send_offer_reply


def own_group_keys(user):
    """The translation keys of the groups ``user`` looks after (any language of each listing)."""
    return GroupEditors.objects.filter(group__user=user).values("translation_key")


def may_answer_offers(user):
    """Any signed-in editor of a community group may answer an approved offer of help."""
    return user.is_authenticated and GroupEditors.objects.filter(group__user=user).exists()


def messages_for(user):
    """The messages ``user`` may see: every group's for council editors, else their groups'."""
    all_messages = Message.objects.select_related("group", "opportunity")
    if user.has_perm("volunteering.view_all_messages"):
        return all_messages
    return all_messages.filter(group__translation_key__in=own_group_keys(user))


def one_page_per_group(pages, language):
    """One of each group's pages (by translation key): the one in ``language`` where it has one."""
    chosen = {}
    for group_page in pages.select_related("locale"):
        key = group_page.translation_key
        if key not in chosen or group_page.locale.language_code == language:
            chosen[key] = group_page
    return chosen


def message_counts_by_group_and_month(language, months=12):
    """How many people wrote to each group in each month, newest month first: the English and
    Welsh pages of a group are one group, named in ``language`` where it has a page in it."""
    rows = list(
        Message.objects.annotate(month=TruncMonth("created_at"))
        .values("month", "group__translation_key")
        .annotate(people=Count("id"))
        .order_by("-month")
    )
    keys = {row["group__translation_key"] for row in rows}
    names = one_page_per_group(GroupPage.objects.filter(translation_key__in=keys), language)
    newest_months = sorted({row["month"] for row in rows}, reverse=True)[:months]
    counts = [
        {"month": row["month"], "group": names[row["group__translation_key"]].title, "people": row["people"]}
        for row in rows
        if row["month"] in newest_months and row["group__translation_key"] in names
    ]
    return sorted(counts, key=lambda row: (-row["month"].toordinal(), row["group"]))


class MessageIndexView(generic.IndexView):
    def get_base_queryset(self):
        return messages_for(self.request.user)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if self.request.user.has_perm("volunteering.view_all_messages"):
            context["counts"] = message_counts_by_group_and_month(get_language())
        return context


class MessageEditView(generic.EditView):
    def get_queryset(self):  # the object comes from it (Django's SingleObjectMixin)
        return messages_for(self.request.user)


class MessageViewSet(ModelViewSet):
    model = Message
    icon = "mail"
    menu_label = _("Messages for your group")
    add_to_admin_menu = True
    menu_order = 330
    url_prefix = "volunteering/messages"
    index_view_class = MessageIndexView
    edit_view_class = MessageEditView
    index_template_name = "volunteering/admin/message_index.html"
    copy_view_enabled = False
    list_display = [
        Column("name", label=_("From"), accessor="name"),
        Column("group", label=_("Group"), accessor="group"),
        Column("opportunity", label=_("Volunteering opportunity"), accessor="opportunity"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Sent on")),
    ]
    list_filter = ["status"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("group", read_only=True),
                FieldPanel("opportunity", read_only=True),
                FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("email", read_only=True)]),
                FieldPanel("phone", read_only=True),
                FieldPanel("language", read_only=True),
                FieldPanel("text", read_only=True),
            ],
            heading=_("The message"),
        ),
    ]


class OfferViewSet(ModelViewSet):
    """Council editors approve, decline or edit residents' offers before they are listed."""

    model = Offer
    icon = "help"
    menu_label = _("Offers of help")
    add_to_admin_menu = True
    menu_order = 331
    url_prefix = "volunteering/offers"
    copy_view_enabled = False
    list_display = [
        Column("what", label=_("What is offered"), accessor="__str__"),
        Column("area", label=_("Area"), accessor="area"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Offered on")),
    ]
    list_filter = ["status"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("status"),
        FieldPanel("what"),
        FieldRowPanel([FieldPanel("area"), FieldPanel("when")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("email", read_only=True)]),
                FieldPanel("language", read_only=True),
            ],
            heading=_("Who made the offer (never shown to groups)"),
        ),
    ]


class AnswerOfferForm(forms.Form):
    group = forms.ModelChoiceField(
        label=_("Answer for"),
        queryset=GroupPage.objects.none(),
        empty_label=None,
        help_text=_("The group the person will hear from. Replies go to its contact addresses."),
    )
    text = forms.CharField(
        label=_("Your message to the person who made the offer"),
        help_text=_(
            "Say who you are, what you would like them to do and how to get in touch. We e-mail it "
            "to them in the language they chose; they decide whether to reply. 2,000 characters at most."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class AnswerOfferView(WagtailAdminTemplateMixin, FormView):
    """A group's editor answers an approved offer. The page shows the offer as the public list
    does (no name, no address): the relay (``volunteering.offers.send_offer_reply``) carries it."""

    form_class = AnswerOfferForm
    template_name = "volunteering/admin/answer_offer.html"
    header_icon = "help"

    def dispatch(self, request, pk):
        if not may_answer_offers(request.user):
            return permission_denied(request)
        self.offer = get_object_or_404(Offer.objects.listed().select_related("area"), pk=pk)
        self.groups = one_page_per_group(
            GroupPage.objects.filter(translation_key__in=own_group_keys(request.user)), get_language()
        )
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Answer an offer of help")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["group"].queryset = GroupPage.objects.filter(
            pk__in=[group.pk for group in self.groups.values()]
        ).order_by("title")
        return form

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            offer=self.offer,
            action_url=self.request.path,
            submit_button_label=_("Send your answer"),
            **kwargs,
        )

    def form_valid(self, form):
        store_then_send(OfferReply, send_offer_reply, offer=self.offer, **form.cleaned_data)
        messages.success(
            self.request,
            _(
                "Your answer is on its way. If the person would like to go ahead, they will reply to your group."
            ),
        )
        return redirect("wagtailadmin_home")
