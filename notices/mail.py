"""E-mail notices to the staff: kept as a Notice, sent once the change that caused them has
been committed, and kept for resending when the mail server refuses them."""

import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from notices.models import Notice

logger = logging.getLogger("notices")


def notify(recipients, subject, body):
    """Keep a notice to `recipients` (addresses) and send it once the current transaction has
    committed; nothing is sent if it is rolled back. Returns the notice, or None when there
    is nobody to tell."""
    addresses = list(dict.fromkeys(address.strip() for address in recipients if address))
    if not addresses:
        return None
    notice = Notice.objects.create(
        recipients="\n".join(addresses),
        # A line break in a subject would be refused as header injection.
        subject=" ".join(str(subject).split())[:255],
        body=body,
    )
    transaction.on_commit(lambda: send(notice))
    return notice


def send(notice):
    """Send `notice` now; whether it went out. A failure is recorded on the notice and
    logged, never raised."""
    notice.attempts += 1
    message = EmailMessage(notice.subject, notice.body, to=notice.recipient_list)
    try:
        message.send()
    # Whatever the mail backend raises, the change this notice is about has been saved; the
    # notice keeps the error and can be sent again.
    except Exception as error:
        notice.status = Notice.Status.FAILED
        notice.error = f"{type(error).__name__}: {error}"
        logger.warning(
            "E-Mail-Benachrichtigung %s („%s“) an %s nicht gesendet: %s",
            notice.pk,
            notice.subject,
            ", ".join(notice.recipient_list),
            notice.error,
        )
    else:
        notice.status = Notice.Status.SENT
        notice.sent_at = timezone.now()
        notice.error = ""
    notice.save(update_fields=["status", "attempts", "sent_at", "error"])
    return notice.status == Notice.Status.SENT


def resend(notice):
    """Try `notice` again, at once (the admin's „Erneut senden“)."""
    return send(notice)
