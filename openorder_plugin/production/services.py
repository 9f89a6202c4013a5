"""Changing production jobs. Each public function is one atomic change: the
job row is locked, the version the caller read is checked (a stale one is a
CONFLICT), the version is bumped, and the change is recorded as a job event
and in the order's history (production/records.py). E-mails are queued for after the commit."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .. import choices
from ..errors import OpenOrderError, OpenOrderErrorCode as Codes
from ..batches import gates as batch_gates
from ..host import get_host
from ..models import (
    CapacityReservation,
    OrderLineSpec,
    ProductionJob,
    ProductionJobEvent,
)
from ..models.production import JobEventType, JobStatus
from ..payments import gates, window
from . import approval, notifications
from .dates import default_promised_date, shop_today
from .records import bump, line_name, order_history, record

UNSET = object()


def _locked_job(job_id, version):
    """The job, locked for this transaction, if `version` is still current."""
    job = (
        ProductionJob.objects.select_for_update(of=("self",))
        .select_related("order", "order_line")
        .filter(pk=job_id)
        .first()
    )
    if job is None:
        raise OpenOrderError.single(
            "id", Codes.NOT_FOUND, "No production job with this ID."
        )
    if version != job.version:
        raise OpenOrderError.single(
            "version",
            Codes.CONFLICT,
            "The job was changed by someone else (version %s, you sent %s): "
            "reload it and try again." % (job.version, version),
        )
    return job


def _require_active(job):
    if job.status == JobStatus.CANCELLED:
        raise OpenOrderError.single(
            "id", Codes.JOB_CANCELLED, "The job is cancelled (its order was cancelled)."
        )
    if job.status == JobStatus.ON_HOLD:
        raise OpenOrderError.single(
            "id",
            Codes.JOB_ON_HOLD,
            "The job is on hold (%s): resume it first." % job.hold_reason,
        )


# Creating and cancelling, from Saleor's order hooks


def _made_to_order_settings(line):
    variant = line.variant
    if variant is None:
        return None
    settings = getattr(variant.product.product_type, "made_to_order", None)
    if settings is None or not settings.is_made_to_order:
        return None
    return settings


def _frozen_promised_date(line):
    try:
        return line.open_order_spec.promised_date
    except OrderLineSpec.DoesNotExist:
        return None


@transaction.atomic
def create_jobs_for_order(order):
    """A job for each made-to-order line of a new order; lines that already
    have one are left alone, so calling it twice creates nothing more."""
    lines = order.lines.select_related(
        "variant__product__product_type__made_to_order", "open_order_spec"
    ).filter(production_job__isnull=True)
    jobs = []
    for line in lines:
        settings = _made_to_order_settings(line)
        if settings is None:
            continue
        stages = [
            {"code": stage["code"], "label": stage["label"]}
            for stage in (settings.stages or choices.DEFAULT_STAGES)
        ]
        # The order keeps the terms it was placed under: the stage the buyer
        # approves a proof at is frozen onto the job.
        for stage in stages:
            if stage["code"] == settings.approval_stage:
                stage["approval"] = True
        jobs.append(
            ProductionJob(
                order=order,
                order_line=line,
                product_type_id=settings.product_type_id,
                quantity=line.quantity,
                stages=stages,
                current_stage=stages[0]["code"],
                promised_date=_frozen_promised_date(line)
                or default_promised_date(order, settings),
            )
        )
    # Two inserts whatever the number of lines: checkoutComplete stays as
    # fast for a 5-line order as for one line.
    ProductionJob.objects.bulk_create(jobs)
    ProductionJobEvent.objects.bulk_create(
        ProductionJobEvent(
            job=job, type=JobEventType.CREATED, to_stage=job.current_stage
        )
        for job in jobs
    )
    return jobs


@transaction.atomic
def cancel_jobs_for_order(order, user=None):
    """The order was cancelled in Saleor: its jobs stop and the production
    capacity its lines held is freed for other orders."""
    jobs = list(
        ProductionJob.objects.select_for_update()
        .filter(order=order)
        .exclude(status=JobStatus.CANCELLED)
        .order_by("pk")
    )
    for job in jobs:
        job.status = JobStatus.CANCELLED
        job.is_overdue = False
        bump(job, "status", "is_overdue")
        record(job, user, JobEventType.CANCELLED, from_stage=job.current_stage)
    CapacityReservation.objects.filter(
        Q(order=order) | Q(order_line__order=order), released=False
    ).update(released=True)
    return jobs


# Staff changes


@transaction.atomic
def advance_job(job_id, *, version, user, to_stage=None, note=""):
    """Move a job to its next stage, or to `to_stage`: a later stage skips
    ahead, an earlier one is rework and needs a note saying why."""
    job = _locked_job(job_id, version)
    _require_active(job)
    note = (note or "").strip()
    codes = job.stage_codes
    current = codes.index(job.current_stage)
    if to_stage is None:
        if current == len(codes) - 1:
            raise OpenOrderError.single(
                "to_stage",
                Codes.INVALID_TRANSITION,
                "The job is already at its last stage (%s)."
                % job.stage_label(job.current_stage),
            )
        to_stage = codes[current + 1]
    if to_stage not in codes:
        raise OpenOrderError.single(
            "to_stage",
            Codes.INVALID_TRANSITION,
            "Unknown stage %r; this job's stages are %s."
            % (to_stage, ", ".join(codes)),
        )
    target = codes.index(to_stage)
    if target == current:
        raise OpenOrderError.single(
            "to_stage", Codes.INVALID_TRANSITION, "The job is already at %s." % to_stage
        )
    rework = target < current
    if rework and not note:
        raise OpenOrderError.single(
            "note",
            Codes.NOTE_REQUIRED,
            "Moving a job back (rework) needs a note saying why.",
        )
    if not rework:
        batch_gates.check_stage_change(job, to_stage)
        gates.check_stage_change(job, to_stage)
        approval.check_stage_change(job, to_stage)

    from_stage = job.current_stage
    job.current_stage = to_stage
    job.stage_changed_at = timezone.now()
    if target == len(codes) - 1:
        job.is_overdue = False
    bump(job, "current_stage", "stage_changed_at", "is_overdue")
    event = record(
        job,
        user,
        JobEventType.STAGE_CHANGED,
        from_stage=from_stage,
        to_stage=to_stage,
        note=note,
        rework=rework,
    )
    message = "Production%s: %s moved from %s to %s." % (
        " rework" if rework else "",
        line_name(job),
        job.stage_label(from_stage),
        job.stage_label(to_stage),
    )
    if note:
        message += " Note: %s" % note
    order_history(
        job, user, message, from_stage=from_stage, to_stage=to_stage, rework=rework
    )
    notifications.queue_stage_changed(job, event)
    if not rework:
        window.close_if_confirmed(job.order_id)
    return job


@transaction.atomic
def update_job(
    job_id, *, version, user, due_date=UNSET, assignee_id=UNSET, notes=UNSET
):
    """Change the promised date, the assignee or the staff notes. A later
    promised date tells the buyer; `assignee_id=None` unassigns."""
    job = _locked_job(job_id, version)
    if job.status == JobStatus.CANCELLED:
        _require_active(job)
    if due_date is UNSET and assignee_id is UNSET and notes is UNSET:
        raise OpenOrderError.single(
            "input", Codes.REQUIRED, "Give at least one of dueDate, assignee or note."
        )
    changed = []
    parameters = {}
    old_date = job.promised_date
    if due_date is not UNSET:
        if due_date is None:
            raise OpenOrderError.single(
                "input.due_date", Codes.REQUIRED, "A job must keep a promised date."
            )
        ordered_on = timezone.localtime(get_host().order_placed_at(job.order)).date()
        if due_date < ordered_on:
            raise OpenOrderError.single(
                "input.due_date",
                Codes.INVALID_DATE,
                "The promised date cannot be before the order date (%s)."
                % ordered_on.isoformat(),
            )
        if due_date != old_date:
            job.promised_date = due_date
            if due_date >= shop_today():
                # A new date: the job is on time again and may be alerted anew.
                job.is_overdue = False
                job.overdue_alerted_at = None
            changed += ["promised_date", "is_overdue", "overdue_alerted_at"]
            parameters["from_date"] = old_date.isoformat() if old_date else None
            parameters["to_date"] = due_date.isoformat()
    if assignee_id is not UNSET:
        assignee = None
        if assignee_id is not None:
            assignee = get_host().active_staff_member(assignee_id)
            if assignee is None:
                raise OpenOrderError.single(
                    "input.assignee",
                    Codes.INVALID,
                    "The assignee must be an active staff member.",
                )
        if assignee_id != job.assignee_id:
            job.assignee = assignee
            changed.append("assignee")
            parameters["assignee"] = assignee.email if assignee else None
    if notes is not UNSET and (notes or "") != job.notes:
        job.notes = notes or ""
        changed.append("notes")
    if not changed:
        return job
    bump(job, *changed)
    if "promised_date" in changed:
        record(
            job,
            user,
            JobEventType.DUE_DATE_CHANGED,
            note=job.notes if "notes" in changed else "",
            **parameters,
        )
        order_history(
            job,
            user,
            "Production: promised date of %s moved from %s to %s."
            % (
                line_name(job),
                parameters["from_date"] or "none",
                parameters["to_date"],
            ),
            from_date=parameters["from_date"],
            to_date=parameters["to_date"],
        )
        if (
            old_date is not None
            and due_date > old_date
            and job.status != JobStatus.CANCELLED
        ):
            notifications.queue_delay_notice(job, old_date)
    else:
        record(
            job,
            user,
            JobEventType.UPDATED,
            note=job.notes if "notes" in changed else "",
            **parameters,
        )
    return job


@transaction.atomic
def hold_job(job_id, *, version, user, reason):
    reason = (reason or "").strip()
    job = _locked_job(job_id, version)
    _require_active(job)
    if not reason:
        raise OpenOrderError.single(
            "reason", Codes.REQUIRED, "Say why the job is put on hold."
        )
    job.status = JobStatus.ON_HOLD
    job.hold_reason = reason
    bump(job, "status", "hold_reason")
    record(job, user, JobEventType.HELD, from_stage=job.current_stage, note=reason)
    order_history(
        job,
        user,
        "Production: %s put on hold at %s. Reason: %s"
        % (line_name(job), job.stage_label(job.current_stage), reason),
    )
    return job


@transaction.atomic
def resume_job(job_id, *, version, user):
    job = _locked_job(job_id, version)
    if job.status == JobStatus.CANCELLED:
        _require_active(job)
    if job.status != JobStatus.ON_HOLD:
        raise OpenOrderError.single(
            "id", Codes.INVALID_TRANSITION, "The job is not on hold."
        )
    job.status = JobStatus.ACTIVE
    job.hold_reason = ""
    bump(job, "status", "hold_reason")
    record(job, user, JobEventType.RESUMED, from_stage=job.current_stage)
    order_history(
        job,
        user,
        "Production: %s resumed at %s."
        % (line_name(job), job.stage_label(job.current_stage)),
    )
    return job
