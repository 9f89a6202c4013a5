"""The fulfillment gate: made-to-order lines ship only when production has
finished (or staff say so explicitly), and only when payment allows it."""
from ..errors import OpenOrderError, Problem
from ..errors import OpenOrderErrorCode as Codes
from ..models import ProductionJob
from ..models.production import JobStatus
from ..payments import gates


def check_fulfillment(order, order_lines, override=False):
    """Raise OpenOrderError when `order_lines` of `order` may not be fulfilled.

    Lines without a production job (ready stock) are never held back here.
    Each problem's field is the global ID of the line it is about."""
    import graphene

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
                graphene.Node.to_global_id("OrderLine", job.order_line_id),
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
    from saleor.order import OrderEvents
    from saleor.order.models import OrderEvent

    from ..models import ProductionJobEvent
    from ..models.production import JobEventType

    if not jobs:
        return
    user = user if getattr(user, "is_authenticated", False) else None
    names = ", ".join(
        "%s (at %s)" % (job.order_line.product_name, job.stage_label(job.current_stage))
        for job in jobs
    )
    OrderEvent.objects.create(
        order=order,
        type=OrderEvents.NOTE_ADDED,
        user=user,
        parameters={
            "message": "Fulfilled before production finished (production gate "
            "overridden by staff): %s." % names,
            "production_jobs": [job.pk for job in jobs],
        },
    )
    for job in jobs:
        ProductionJobEvent.objects.create(
            job=job,
            type=JobEventType.UPDATED,
            user=user,
            from_stage=job.current_stage,
            note="Fulfilled before the last stage (production gate overridden).",
            parameters={"fulfillment_override": True},
        )
