"""Celery tasks: thin and idempotent, each calling the domain. Found by
Saleor's Celery app through autodiscovery of installed apps."""
import logging

from saleor.celeryconf import app  # noqa: F401  (tasks register on Saleor's app)


# Production (issue 5)

logger = logging.getLogger(__name__)


@app.task(bind=True, max_retries=5, default_retry_delay=60)
def send_production_notification(self, notification_id):
    """Send one production e-mail; a repeat or retry after success sends
    nothing (the Notification row is claimed and marked sent together)."""
    from .production.notifications import send_notification

    try:
        return send_notification(notification_id)
    except Exception as exc:  # e.g. the mail server is down: try again later
        if self.request.is_eager:
            # In-process (no broker) there is no later: the change stands,
            # the row stays unsent and the failure is logged.
            logger.exception("Production notification %s not sent", notification_id)
            return False
        raise self.retry(exc=exc)


@app.task
def send_unsent_notifications(older_than_seconds=60):
    """Periodic: the outbox sweep (see production.notifications.send_unsent)."""
    import datetime

    from .production.notifications import send_unsent

    return send_unsent(datetime.timedelta(seconds=older_than_seconds))


@app.task
def mark_overdue_production_jobs(today=None):
    """Periodic: flag jobs past their promised date and alert staff once."""
    import datetime

    from .production.services import mark_overdue_jobs

    day = datetime.date.fromisoformat(today) if today else None
    return [job.pk for job in mark_overdue_jobs(day)]


# Deferred payment (issue 6)


@app.task
def run_payment_reminders():
    """Balances that became due or overdue: one e-mail each to the buyer and
    to staff, however often (or concurrently) this runs."""
    from .payments.reminders import run_reminders

    return run_reminders()
