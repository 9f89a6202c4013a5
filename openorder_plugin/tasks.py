"""Celery tasks: thin and idempotent, each calling the core. Shared tasks, so
whichever Celery app the host runs (Saleor's, found by autodiscovery of
installed apps) registers them."""

import datetime
import logging

from celery import shared_task
from django.dispatch import receiver

from .backlog import digest as backlog_digest
from .batches import services as batches
from .host import get_host
from .notifications import outbox
from .payments.reminders import run_reminders
from .payments.window import lapse_overdue
from .production.overdue import mark_overdue_jobs

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def send_notification(self, notification_id):
    """Send one e-mail of the outbox; a repeat or retry after success sends
    nothing (the Notification row is claimed and marked sent together)."""
    try:
        with get_host().background_work():
            return outbox.send_notification(notification_id)
    except Exception as exc:  # e.g. the mail server is down: try again later
        if self.request.is_eager:
            # In-process (no broker) there is no later: the change stands,
            # the row stays unsent for the sweep and the failure is logged.
            logger.exception("Notification %s not sent", notification_id)
            return False
        raise self.retry(exc=exc)


@receiver(outbox.notification_due)
def _send_when_due(sender, notification_id, delay, **kwargs):
    send_notification.apply_async((notification_id,), countdown=delay)


@shared_task
def send_unsent_notifications(older_than_seconds=60):
    """Periodic: the outbox sweep (see notifications.outbox.send_unsent)."""
    with get_host().background_work():
        return outbox.send_unsent(datetime.timedelta(seconds=older_than_seconds))


@shared_task
def mark_overdue_production_jobs(today=None):
    """Periodic: flag jobs past their promised date and alert staff once."""
    day = datetime.date.fromisoformat(today) if today else None
    with get_host().background_work():
        return [job.pk for job in mark_overdue_jobs(day)]


@shared_task
def run_payment_reminders():
    """Periodic: balances that became due or overdue: one e-mail each to the
    buyer and to staff, however often (or concurrently) this runs."""
    with get_host().background_work():
        return run_reminders()


@shared_task
def lapse_unpaid_orders():
    """Periodic: cancel orders whose deposit was not paid (or that staff did
    not confirm) within the payment window, once each."""
    with get_host().background_work():
        return lapse_overdue()


@shared_task
def send_backlog_digest():
    """Periodic: the weekly backlog digest to staff, once a week (when the
    plugin's setting is on)."""
    with get_host().background_work():
        return backlog_digest.send_weekly()


@shared_task
def close_due_pre_order_batches():
    """Periodic: close each pre-order batch whose closing time passed, once,
    and apply any outcome a lost task left unapplied."""
    with get_host().background_work():
        return batches.close_due()


@shared_task
def apply_pre_order_batch_outcome(batch_id):
    """Start production for, or cancel, the orders of a closed batch; a repeat
    changes nothing (each line is marked when its outcome is applied)."""
    with get_host().background_work():
        return batches.apply_outcome(batch_id)


@receiver(batches.outcome_due)
def _apply_when_closed(sender, batch_id, **kwargs):
    apply_pre_order_batch_outcome.delay(batch_id)
