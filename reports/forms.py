""" "Is something wrong or out of date?": the public form that reports a problem with a page.

The shared public-form rules apply (``home.public_forms``): a honeypot, an hourly limit per
address, a length limit. The e-mail address is optional: without one nobody replies.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from bilingual.language import current_language
from home.public_forms import PublicForm

from .models import LANGUAGES, ReportKind

REPORTS_PER_HOUR = 5


class ReportForm(PublicForm):
    throttle_name = "listing-reports"
    per_hour = REPORTS_PER_HOUR

    kind = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=ReportKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what is wrong")},
    )
    details = forms.CharField(
        label=_("Tell us more"),
        help_text=_("What is wrong, and what is right if you know it. 1,000 characters at most."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Tell us what is wrong"),
            "max_length": _("Make it shorter: 1,000 characters at most"),
        },
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        help_text=_("Only if you would like a reply. We do not publish it."),
        required=False,
        error_messages={"invalid": _("Enter an e-mail address in the right format, like name@example.com")},
    )
    language = forms.ChoiceField(
        label=_("Which language should we reply in?"), choices=LANGUAGES, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = current_language()
