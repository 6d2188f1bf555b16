"""Account › Preferences that an editor can save without a first and last name.

Wagtail's account page saves all its panels at once, and its "Name and email" panel requires
both names, so an editor invited without them (as group editors are) could not even change the
admin's language. The same page, with the names optional; everything else is Wagtail's.
See https://docs.wagtail.org/en/stable/extending/custom_account_settings.html
"""

from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.views.account import AccountView, NameEmailSettingsPanel


class NamesOptionalForm(NameEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = False
        self.fields["last_name"].required = False


class NamesOptionalPanel(NameEmailSettingsPanel):
    form_class = NamesOptionalForm


class NamesOptionalAccountView(AccountView):
    """Wagtail's account view with ``NamesOptionalPanel`` in place of its name panel."""

    def get_panels(self):
        return [
            NamesOptionalPanel(panel.request, panel.user, panel.profile)
            if type(panel) is NameEmailSettingsPanel
            else panel
            for panel in super().get_panels()
        ]


# Decorated as Wagtail decorates its own admin views (wagtail/admin/urls/__init__.py).
account_view = never_cache(require_admin_access(NamesOptionalAccountView.as_view()))
