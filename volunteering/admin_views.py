""" "Messages for your group": the messages people sent, newest first, with their status.

A Wagtail ModelViewSet (https://docs.wagtail.org/en/stable/extending/generic_views.html).
A group's editors see and update their own group's messages only (in every language of its
listing); council editors, who hold ``view_all_messages``, see every group's, with how many
people wrote to each group in each month.
"""

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from directory.models import GroupEditors

from .models.message import Message


def messages_for(user):
    """The messages ``user`` may see: every group's for council editors, else their groups'."""
    messages = Message.objects.select_related("group", "opportunity")
    if user.has_perm("volunteering.view_all_messages"):
        return messages
    keys = GroupEditors.objects.filter(group__user=user).values("translation_key")
    return messages.filter(group__translation_key__in=keys)


class MessageIndexView(generic.IndexView):
    def get_base_queryset(self):
        return messages_for(self.request.user)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if self.request.user.has_perm("volunteering.view_all_messages"):
            context["counts"] = (
                Message.objects.annotate(month=TruncMonth("created_at"))
                .values("month", "group__title")
                .annotate(people=Count("id"))
                .order_by("-month", "group__title")[:60]
            )
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
