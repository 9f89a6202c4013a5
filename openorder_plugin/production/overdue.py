"""Jobs past their promised date: flagged once, with one alert to staff
(run by the periodic task)."""

from django.db import transaction
from django.utils import timezone

from ..models import ProductionJob
from ..models.production import JobEventType, JobStatus
from . import notifications
from .dates import shop_today
from .records import bump, record


def mark_overdue_jobs(today=None):
    """Mark jobs past their promised date that have not reached their last
    stage as overdue, and alert staff once per job. Returns the jobs marked."""
    today = today or shop_today()
    candidate_ids = list(
        ProductionJob.objects.filter(promised_date__lt=today, is_overdue=False)
        .exclude(status=JobStatus.CANCELLED)
        .values_list("pk", flat=True)
    )
    marked = []
    for job_id in candidate_ids:
        with transaction.atomic():
            job = (
                ProductionJob.objects.select_for_update(of=("self",))
                .select_related("order", "order_line")
                .filter(pk=job_id)
                .first()
            )
            if (
                job is None
                or job.is_overdue
                or job.status == JobStatus.CANCELLED
                or job.promised_date is None
                or job.promised_date >= today
                or job.current_stage == job.last_stage
            ):
                continue
            job.is_overdue = True
            bump(job, "is_overdue")
            record(
                job,
                None,
                JobEventType.OVERDUE,
                from_stage=job.current_stage,
                promised_date=job.promised_date.isoformat(),
            )
            if notifications.queue_overdue_alert(job):
                job.overdue_alerted_at = timezone.now()
                job.save(update_fields=["overdue_alerted_at"])
            marked.append(job)
    return marked
