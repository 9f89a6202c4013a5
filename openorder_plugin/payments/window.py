"""The payment window: an order must get its deposit paid — or, with nothing
to pay up front, be confirmed by staff — before its deadline, or it lapses.

A lapsed order is cancelled through Saleor's own order cancellation, so its
jobs cancel, its capacity is freed and its authorisation is voided exactly as
when staff cancel it; the buyer gets one e-mail and the order history says
why. The sweep runs under Celery beat; each schedule is handled under its row
lock and marked lapsed in the same transaction, so two sweeps running at once
cancel an order once."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..config import CONFIRMATION_WINDOW, DEPOSIT_WINDOW, setting_hours
from ..errors import OpenOrderError, OpenOrderErrorCode as Codes
from ..host import get_host
from ..l10n import format_datetime, format_money, language_of
from ..models import Installment, PaymentSchedule, ProductionJob
from ..models.payments import DeadlineKind, InstallmentKind, InstallmentStatus
from ..models.production import JobStatus
from ..notifications import outbox
from .gates import gate_stage_index
from .selectors import pending_deposit_proof

DEPOSIT_DUE = "payment_deposit_due"
ORDER_LAPSED = "order_lapsed"


def open_window(schedule, order, deposit, now):
    """Set the order's deadline when it is placed: for the deposit when one is
    owed and unpaid, else for staff to confirm it. A window of 0 hours is
    off. The buyer is told what to pay by when."""
    if deposit is not None and deposit.status == InstallmentStatus.PAID:
        return None
    kind = DeadlineKind.DEPOSIT if deposit is not None else DeadlineKind.CONFIRMATION
    hours = setting_hours(
        DEPOSIT_WINDOW if deposit is not None else CONFIRMATION_WINDOW,
        order_id=order.pk,
    )
    if not hours:
        return None
    schedule.deadline = now + datetime.timedelta(hours=hours)
    schedule.deadline_kind = kind
    schedule.save(update_fields=["deadline", "deadline_kind"])
    if deposit is not None:
        deposit.due_date = timezone.localtime(schedule.deadline).date()
        deposit.save(update_fields=["due_date"])
        _queue_deposit_due(schedule, order, deposit)
    return schedule.deadline


def _queue_deposit_due(schedule, order, deposit):
    language = language_of(order.language_code)
    outbox.queue(
        "order:%s:deposit-due:%s" % (order.pk, schedule.deadline.isoformat()),
        DEPOSIT_DUE,
        order.get_customer_email(),
        {
            "order_number": get_host().order_number(order),
            "order_token": get_host().order_token(order),
            "amount": format_money(
                deposit.amount - deposit.paid_amount, schedule.currency, language
            ),
            "total": format_money(schedule.total, schedule.currency, language),
            "deadline": format_datetime(schedule.deadline, language),
        },
        order=order,
        language=language,
    )


def close_if_paid(schedule, installments):
    """The deposit is paid: its deadline is over."""
    if schedule.deadline_kind != DeadlineKind.DEPOSIT:
        return
    deposit = next((i for i in installments if i.kind == InstallmentKind.DEPOSIT), None)
    if deposit is None or deposit.status == InstallmentStatus.PAID:
        _clear(schedule)


def is_confirmed(order_id):
    """Every live job of the order has reached the confirmation stage."""
    jobs = ProductionJob.objects.filter(order_id=order_id).exclude(
        status=JobStatus.CANCELLED
    )
    return all(
        job.stage_codes.index(job.current_stage)
        >= max(gate_stage_index(job.stage_codes), 1)
        or len(job.stages) == 1
        for job in jobs
    )


def close_if_confirmed(order_id):
    """A job moved on: when the order waited for confirmation and every job
    is confirmed now, its deadline is over. Called in the stage change's
    transaction."""
    schedule = (
        PaymentSchedule.objects.select_for_update()
        .filter(
            order_id=order_id,
            deadline_kind=DeadlineKind.CONFIRMATION,
            lapsed_at__isnull=True,
        )
        .first()
    )
    if schedule is not None and is_confirmed(order_id):
        _clear(schedule)


def _clear(schedule):
    schedule.deadline = None
    schedule.deadline_kind = ""
    schedule.save(update_fields=["deadline", "deadline_kind"])


def locked_schedule(order, missing_message):
    """The order's schedule, locked; NOT_MADE_TO_ORDER when it has none."""
    schedule = PaymentSchedule.objects.locked_for_order(order.pk)
    if schedule is None:
        raise OpenOrderError.single(
            "order_id", Codes.NOT_MADE_TO_ORDER, missing_message
        )
    return schedule


def extend_deadline(order, deadline, user=None, now=None):
    """Staff give one order more time. Only an open deadline can move, and
    only to a moment still ahead."""
    now = now or timezone.now()
    with transaction.atomic():
        schedule = locked_schedule(order, _("This order has no payment schedule."))
        if (
            schedule.deadline is None
            or schedule.lapsed_at
            or schedule.cancellation_rule
        ):
            raise OpenOrderError.single(
                "order_id",
                Codes.INVALID,
                _(
                    "This order has no open deadline: it is paid, confirmed or cancelled."
                ),
            )
        if deadline is None or deadline <= now:
            raise OpenOrderError.single(
                "deadline",
                Codes.INVALID_DATE,
                _("The new deadline must be in the future."),
            )
        if deadline > now + datetime.timedelta(days=366):
            raise OpenOrderError.single(
                "deadline",
                Codes.INVALID_DATE,
                _("The new deadline must be within a year."),
            )
        old = schedule.deadline
        schedule.deadline = deadline
        schedule.save(update_fields=["deadline"])
        deposit = None
        if schedule.deadline_kind == DeadlineKind.DEPOSIT:
            deposit = Installment.objects.filter(
                schedule=schedule, kind=InstallmentKind.DEPOSIT
            ).first()
            if deposit is not None:
                deposit.due_date = timezone.localtime(deadline).date()
                deposit.save(update_fields=["due_date"])
                _queue_deposit_due(schedule, order, deposit)
        # The order history is staff's, in English like the rest of Saleor's.
        message = "Deadline moved from %s to %s." % (
            format_datetime(old, "en"),
            format_datetime(deadline, "en"),
        )
        get_host().add_order_note(order, message, user)
        return schedule


def lapse_overdue(now=None):
    """The sweep: cancel every order whose window ended with nothing done.
    Returns the pks of the orders it cancelled."""
    now = now or timezone.now()
    due = PaymentSchedule.objects.filter(
        deadline__lte=now, lapsed_at__isnull=True, cancellation_rule=""
    ).values_list("pk", flat=True)
    return [order_id for order_id in (lapse(pk, now) for pk in list(due)) if order_id]


@transaction.atomic
def lapse(schedule_pk, now):
    """Cancel one schedule's order if its window has ended with nothing done;
    the order's pk when this call cancelled it, else None."""
    schedule = (
        PaymentSchedule.objects.select_for_update(of=("self",))
        .select_related("order")
        .filter(pk=schedule_pk)
        .first()
    )
    if (
        schedule is None
        or schedule.lapsed_at is not None
        or schedule.cancellation_rule
        or schedule.deadline is None
        or schedule.deadline > now
    ):
        return None
    order = schedule.order
    kind = schedule.deadline_kind
    installments = list(schedule.installments.all())
    settled = (
        kind == DeadlineKind.DEPOSIT
        and all(
            i.status == InstallmentStatus.PAID
            for i in installments
            if i.kind == InstallmentKind.DEPOSIT
        )
    ) or (kind == DeadlineKind.CONFIRMATION and is_confirmed(order.pk))
    if kind == DeadlineKind.DEPOSIT and pending_deposit_proof(schedule) is not None:
        # The buyer sent a transfer proof in time: staff decide, not the clock.
        return None
    if (
        settled
        or get_host().order_is_cancelled(order)
        or not get_host().order_can_be_cancelled(order)
    ):
        _clear(schedule)
        return None
    schedule.lapsed_at = now
    schedule.save(update_fields=["lapsed_at"])
    message = "Cancelled automatically: %s by %s." % (
        "the deposit was not paid"
        if kind == DeadlineKind.DEPOSIT
        else "the order was not confirmed",
        format_datetime(schedule.deadline, "en"),
    )
    get_host().add_order_note(order, message)
    language = language_of(order.language_code)
    outbox.queue(
        "order:%s:lapsed" % order.pk,
        ORDER_LAPSED,
        order.get_customer_email(),
        {
            "order_number": get_host().order_number(order),
            "order_token": get_host().order_token(order),
            "reason": kind,
            "deadline": format_datetime(schedule.deadline, language),
            "total": format_money(schedule.total, schedule.currency, language),
        },
        order=order,
        language=language,
    )
    # The host's own cancellation: its event, stock, and the plugins' hooks
    # (ours cancels the jobs, frees capacity and voids the authorisation).
    get_host().cancel_order(order)
    return order.pk
