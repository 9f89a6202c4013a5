"""The plugin's one e-mail path: an outbox of Notification rows.

Each e-mail is a row with a unique key naming what it reports, written in the
same transaction as the change (so it exists exactly when the change does).
After the commit a Celery task sends it; sending happens while the row is
locked and marks it sent in the same transaction, so a retried or repeated
task sends nothing. A periodic sweep (send_unsent) sends what a lost task
message or a killed worker left unsent.

A row may wait (`send_after`) so that later changes join it: jobs of one
order reaching the same stage within a few minutes are told in one e-mail. An
open batch has a `batch_key`; joining it happens under its row lock, and
sending closes it, so an item is either in the e-mail or in a new batch."""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone
from ..host import get_host
from ..l10n import FALLBACK_LANGUAGE, language_of, override
from ..models import Notification

logger = logging.getLogger(__name__)

TEMPLATE_DIR = "openorder"


def template_name(kind, language):
    """`openorder/<language>/<kind>`, falling back to English when the
    language has no template of that kind."""
    for lang in (language, FALLBACK_LANGUAGE):
        name = "%s/%s/%s" % (TEMPLATE_DIR, lang, kind)
        try:
            get_template("templated_email/%s.email" % name)
        except TemplateDoesNotExist:
            continue
        return name
    raise TemplateDoesNotExist(kind)


# Sent once the transaction that owes an e-mail has committed; the Celery
# task that sends it listens (tasks.py), so the outbox knows no task queue.
notification_due = Signal()


def _schedule_send(notification):
    delay = max((notification.send_after - timezone.now()).total_seconds(), 0)
    transaction.on_commit(
        lambda: notification_due.send(
            sender=Notification, notification_id=notification.pk, delay=delay
        )
    )


def queue(key, kind, recipient, context, *, order=None, language=None, delay_seconds=0):
    """Owe `recipient` one e-mail of `kind`, once per `key`; sent after the
    surrounding transaction commits. Returns the Notification, or None when
    there is nobody to send it to."""
    if not recipient:
        return None
    context = dict(context, language=language_of(language))
    notification, created = Notification.objects.get_or_create(
        key=key,
        defaults={
            "kind": kind,
            "order": order,
            "recipient": recipient,
            "context": context,
            "send_after": timezone.now() + datetime.timedelta(seconds=delay_seconds),
        },
    )
    if created:
        _schedule_send(notification)
    return notification


def add_to_batch(
    batch_key, key, kind, recipient, context, item, *, order, language, delay_seconds
):
    """Add `item` to the open batch `batch_key` (its e-mail not sent yet), or
    open one that waits `delay_seconds` for more items. `context["items"]`
    lists them in the order they came."""
    if not recipient:
        return None
    for _ in range(3):
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    key=key,
                    batch_key=batch_key,
                    kind=kind,
                    order=order,
                    recipient=recipient,
                    context=dict(context, items=[item], language=language_of(language)),
                    send_after=timezone.now()
                    + datetime.timedelta(seconds=delay_seconds),
                )
        except IntegrityError:
            # A batch is open (or this very change was queued already).
            open_batch = (
                Notification.objects.select_for_update(of=("self",))
                .filter(batch_key=batch_key, sent_at__isnull=True)
                .first()
            )
            if open_batch is None:
                if Notification.objects.filter(key=key).exists():
                    return None  # queued already
                continue  # the batch was sent meanwhile: open a new one
            if item not in open_batch.context["items"]:
                open_batch.context["items"].append(item)
                open_batch.save(update_fields=["context"])
            return open_batch
        _schedule_send(notification)
        return notification
    return None


@transaction.atomic
def send_notification(notification_id, wait=True):
    """Send one notification unless it was sent already or is still waiting
    for its batch. Returns True when this call sent it. With wait=False a row
    another worker is sending right now is skipped."""
    notification = (
        Notification.objects.select_for_update(of=("self",), skip_locked=not wait)
        .filter(pk=notification_id)
        .first()
    )
    if notification is None or notification.sent_at is not None:
        return False
    # A task may run a moment early (clocks); the sweep sends a late row.
    if notification.send_after > timezone.now() + datetime.timedelta(seconds=1):
        return False
    notification.attempts += 1
    language = language_of(notification.context.get("language"))
    with override(language):
        get_host().send_mail(
            template_name(notification.kind, language),
            notification.recipient,
            notification.context,
        )
    notification.sent_at = timezone.now()
    notification.batch_key = None  # closed: later items open a new batch
    notification.save(update_fields=["sent_at", "attempts", "batch_key"])
    return True


def send_unsent(older_than=datetime.timedelta(minutes=1)):
    """The outbox sweep: send what is due and was left unsent (a lost task
    message, a worker killed mid-send, the mail server down). Returns the ids
    it sent."""
    cutoff = timezone.now() - older_than
    pending = Notification.objects.filter(sent_at__isnull=True, send_after__lte=cutoff)
    sent = []
    for notification_id in pending.order_by("pk").values_list("pk", flat=True)[:500]:
        try:
            if send_notification(notification_id, wait=False):
                sent.append(notification_id)
        except Exception:  # the mail server is down: the next sweep tries again
            logger.exception("Notification %s not sent", notification_id)
    return sent
