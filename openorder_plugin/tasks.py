"""Celery tasks: thin and idempotent, each calling the domain. Found by
Saleor's Celery app through autodiscovery of installed apps."""
import datetime
import logging

from saleor.celeryconf import app

logger = logging.getLogger(__name__)


@app.task(bind=True, max_retries=5, default_retry_delay=60)
def send_notification(self, notification_id):
    """Send one e-mail of the outbox; a repeat or retry after success sends
    nothing (the Notification row is claimed and marked sent together)."""
    from .notifications.outbox import send_notification as send

    try:
        return send(notification_id)
    except Exception as exc:  # e.g. the mail server is down: try again later
        if self.request.is_eager:
            # In-process (no broker) there is no later: the change stands,
            # the row stays unsent for the sweep and the failure is logged.
            logger.exception("Notification %s not sent", notification_id)
            return False
        raise self.retry(exc=exc)


@app.task
def send_unsent_notifications(older_than_seconds=60):
    """Periodic: the outbox sweep (see notifications.outbox.send_unsent)."""
    from .notifications.outbox import send_unsent

    return send_unsent(datetime.timedelta(seconds=older_than_seconds))


@app.task
def mark_overdue_production_jobs(today=None):
    """Periodic: flag jobs past their promised date and alert staff once."""
    from .production.services import mark_overdue_jobs

    day = datetime.date.fromisoformat(today) if today else None
    return [job.pk for job in mark_overdue_jobs(day)]


@app.task
def run_payment_reminders():
    """Periodic: balances that became due or overdue: one e-mail each to the
    buyer and to staff, however often (or concurrently) this runs."""
    from .payments.reminders import run_reminders

    return run_reminders()


@app.task
def lapse_unpaid_orders():
    """Periodic: cancel orders whose deposit was not paid (or that staff did
    not confirm) within the payment window, once each."""
    from .payments.window import lapse_overdue

    return lapse_overdue()
