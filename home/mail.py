"""E-mail from the public forms: store first, then send; a failed send is retried, never lost.

A row (a message, a report, a reply) is stored before its e-mail goes, and the e-mail goes only
once the transaction has committed. Each e-mail has a "sent at" field on its row: sending
claims it first (so the form and the retrying command never both send it); a mail server that
is down releases the claim and logs, for the app's ``send_pending_...`` command to try again.
The resident has their thanks page all the same: never a 500 for a failed e-mail.
"""

import logging
from functools import partial

from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


def store_then_send(model, send, **fields):
    """Store a ``model`` row, then ``send(row)`` once the transaction has committed: nothing is
    lost if the mail server is down, and no e-mail goes for a row that was rolled back."""
    with transaction.atomic():
        row = model.objects.create(**fields)
        # Only once the row is safely stored, and never holding the transaction open.
        transaction.on_commit(partial(send, row))
    return row


def send_once(row, sent_field, build):
    """Claim ``row``'s ``sent_field``, send what ``build()`` returns; on failure release the
    claim and log, for the pending-mail command to try again. Works for any stored row with a
    "sent at" field. Returns whether this call sent it."""
    rows = type(row).objects.filter(pk=row.pk)
    claimed = rows.filter(**{sent_field: None}).update(**{sent_field: timezone.now()})
    if not claimed:
        return False
    try:
        build().send()
    except OSError:  # smtplib.SMTPException is one, as are refused connections and timeouts
        rows.update(**{sent_field: None})
        logger.warning(
            "Could not e-mail %s %s (%s); the pending-mail command will try again.",
            row._meta.model_name,
            row.pk,
            sent_field,
            exc_info=True,
        )
        return False
    return True
