"""The council's reply to a problem report, e-mailed in the language the resident chose.

Stored first, sent once (``home.mail``): a mail server that is down leaves the reply waiting
for ``send_pending_report_replies``, never lost.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from home.mail import send_once


def title_in(page, language):
    """The page's title in ``language`` (its translation's), else its own."""
    version = page.get_translations(inclusive=True).filter(locale__language_code=language).first()
    return (version or page).title


def send_reply(report):
    """E-mail the reply of ``report`` if one is due; returns whether it went."""
    if not report.reply_is_due:
        return False

    def build():
        context = {"report": report, "page_title": title_in(report.page, report.language)}
        with translation.override(report.language):
            subject = render_to_string("reports/emails/reply_subject.txt", context).strip()
            body = render_to_string("reports/emails/reply.txt", context)
        return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [report.email])

    return send_once(report, "reply_sent_at", build)
