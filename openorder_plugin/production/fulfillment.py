"""The fulfillment gate: made-to-order lines ship only when production has
finished (or staff say so explicitly), and only when payment allows it."""

from ..errors import OpenOrderError, Problem
from ..errors import OpenOrderErrorCode as Codes
from ..host import get_host
from ..models import ProductionJob
from ..models.production import JobEventType, JobStatus
from ..payments import gates
from .records import record


def check_fulfillment(order, order_lines, override=False):
    """Raise OpenOrderError when `order_lines` of `order` may not be fulfilled.

    Lines without a production job (ready stock) are never held back here.
    A PRODUCTION_NOT_READY problem's field is the key of the order line it is
    about (the API layer gives it in the API's own terms)."""
    jobs = list(
        ProductionJob.objects.filter(order_line__in=[line.pk for line in order_lines])
        .exclude(status=JobStatus.CANCELLED)
        .select_related("order_line")
        .order_by("order_line_id")
    )
    if not jobs:
        return []
    unfinished = [job for job in jobs if job.current_stage != job.last_stage]
    if not override:
        problems = [
            Problem(
                str(job.order_line_id),
                Codes.PRODUCTION_NOT_READY,
                "%s is still in production (stage %s, not %s); finish production "
                "or fulfill with overrideProductionGate: true."
                % (
                    job.order_line.product_name,
                    job.stage_label(job.current_stage),
                    job.stage_label(job.last_stage),
                ),
            )
            for job in unfinished
        ]
        if problems:
            raise OpenOrderError(problems)
    gates.check_fulfillment(order)
    return unfinished


def record_override(order, jobs, user):
    """Staff shipped lines before production finished: say so in the order's
    history, and in each job's."""
    if not jobs:
        return
    user = user if getattr(user, "is_authenticated", False) else None
    names = ", ".join(
        "%s (at %s)" % (job.order_line.product_name, job.stage_label(job.current_stage))
        for job in jobs
    )
    get_host().add_order_note(
        order,
        "Fulfilled before production finished (production gate overridden by "
        "staff): %s." % names,
        user,
        {"production_jobs": [job.pk for job in jobs]},
    )
    for job in jobs:
        record(
            job,
            user,
            JobEventType.UPDATED,
            from_stage=job.current_stage,
            note="Fulfilled before the last stage (production gate overridden).",
            fulfillment_override=True,
        )
