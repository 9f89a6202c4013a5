"""Reading production jobs: the staff board's queryset (everything a board
row shows fetched in a fixed number of queries) and the buyer's timeline."""

from django.db.models import Prefetch, Q

from ..choices import SpecFieldType
from ..host import get_host
from ..models import DesignProof, OrderLineSpec, ProductionJob, ProductionJobEvent
from ..models.production import JobEventType, JobStatus
from .dates import shop_today

CHOICE_TYPES = (SpecFieldType.CHOICE, SpecFieldType.MULTI_CHOICE)


def board_jobs():
    """Jobs with their order, customer, line, frozen specs, assignee and
    events: a page of jobs costs the same number of queries whatever its size."""
    return ProductionJob.objects.select_related(
        "order",
        "order__user",
        "order_line",
        "order_line__open_order_spec",
        # The pre-order batch the job waits for, if any.
        "order_line__preorder_batch_line__batch",
        "product_type",
        "assignee",
    ).prefetch_related(
        # The board shows each order's payment status (Saleor reads it
        # from the order's payments).
        "order__payments",
        # ... and each chosen choice by its label (the frozen specs keep
        # the values): one query for every product type on the page.
        "product_type__custom_spec_fields",
        Prefetch(
            "events",
            queryset=ProductionJobEvent.objects.select_related("user").order_by(
                "created_at", "pk"
            ),
        ),
    )


def filter_jobs(
    qs,
    *,
    stages=None,
    overdue=None,
    product_types=None,
    due_before=None,
    search=None,
    status=None,
):
    if stages:
        qs = qs.filter(current_stage__in=stages)
    if overdue is not None:
        qs = qs.filter(is_overdue=overdue)
    if product_types:
        qs = qs.filter(product_type_id__in=product_types)
    if due_before:
        qs = qs.filter(promised_date__lt=due_before)
    if status:
        qs = qs.filter(status__in=status)
    if search:
        search = search.strip().lstrip("#")
        condition = Q(order__user_email__icontains=search) | Q(
            order__user__email__icontains=search
        )
        if search.isdigit() and len(search) < 19:
            condition |= Q(**{"order__%s" % get_host().order_number_field: int(search)})
        qs = qs.filter(condition)
    return qs


def line_specs(job):
    """The line's frozen specs ([{code, label, type, value}]), or []."""
    try:
        spec = job.order_line.open_order_spec
    except OrderLineSpec.DoesNotExist:
        return []
    return list(spec.specs or [])


def choice_labels(job):
    """{field code: {choice value: label}} for the choice fields of the job's
    product type (prefetched by board_jobs)."""
    if job.product_type is None:
        return {}
    return {
        field.code: {
            c["value"]: c.get("label") or c["value"] for c in field.choices or []
        }
        for field in job.product_type.custom_spec_fields.all()
        if field.type in CHOICE_TYPES
    }


def labelled_specs(job):
    """The line's frozen specs, each with `displayValues`: for a choice the
    labels of the chosen values (a value whose choice is gone as itself),
    otherwise the value."""
    labels = choice_labels(job)
    specs = []
    for item in line_specs(job):
        value = item.get("value")
        values = (
            value if isinstance(value, list) else ([] if value is None else [value])
        )
        if item.get("type") in CHOICE_TYPES:
            known = labels.get(item["code"], {})
            values = [known.get(v, v) for v in values]
        specs.append(dict(item, displayValues=[str(v) for v in values]))
    return specs


def stage_reached_at(job, events=None):
    """{stage code: when the job last reached it}, for the stages up to the
    current one; rework forgets the later stages, which are reached again."""
    events = job.events.all() if events is None else events
    codes = job.stage_codes
    reached = {}
    for event in events:
        if event.type not in (JobEventType.CREATED, JobEventType.STAGE_CHANGED):
            continue
        if event.to_stage not in codes:
            continue
        reached[event.to_stage] = event.created_at
        position = codes.index(event.to_stage)
        for later in codes[position + 1 :]:
            reached.pop(later, None)
    return reached


class TimelineStage:
    def __init__(self, code, label, reached_at):
        self.code = code
        self.label = label
        self.reached_at = reached_at


class Timeline:
    """What the buyer may see of a job: no notes, assignee or hold reason."""

    def __init__(self, job, today):
        reached = stage_reached_at(job)
        self.order_line_id = job.order_line_id
        self.product_name = job.order_line.product_name
        self.variant_name = job.order_line.variant_name
        self.quantity = job.quantity
        self.stages = [
            TimelineStage(stage["code"], stage["label"], reached.get(stage["code"]))
            for stage in job.stages
        ]
        self.current_stage = job.current_stage
        self.current_stage_label = next(
            s.label for s in self.stages if s.code == job.current_stage
        )
        self.status = job.status
        self.promised_date = job.promised_date
        finished = job.current_stage == job.last_stage
        self.is_ready = finished
        self.is_late = (
            job.status != JobStatus.CANCELLED
            and not finished
            and (
                job.is_overdue
                or (job.promised_date is not None and job.promised_date < today)
            )
        )


def timeline_for_order_lines(order, today=None):
    """The buyer's view of each made-to-order line of `order`, in line order."""
    today = today or shop_today()
    jobs = (
        ProductionJob.objects.filter(order=order)
        .select_related("order_line")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=ProductionJobEvent.objects.filter(
                    type__in=(JobEventType.CREATED, JobEventType.STAGE_CHANGED)
                ).order_by("created_at", "pk"),
            )
        )
        .order_by("order_line_id")
    )
    return [Timeline(job, today) for job in jobs]


def design_proofs(**filters):
    """Design-proof rounds (of a job: job_id=; of an order: job__order_id=),
    each with its job and line, in order (job, stage, round)."""
    return list(
        DesignProof.objects.select_related("job__order_line")
        .filter(**filters)
        .order_by("job_id", "stage", "version")
    )


def readable_design_proof(proof_id, *, token=None, staff_user=None):
    """The proof if the caller may see it: staff who manage orders, or the
    buyer holding the order's token."""
    proof = DesignProof.objects.select_related("job__order").filter(pk=proof_id).first()
    if proof is None:
        return None
    if staff_user is not None and staff_user.has_perm("order.manage_orders"):
        return proof
    if token and get_host().order_token(proof.job.order) == str(token):
        return proof
    return None
