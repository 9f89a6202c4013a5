"""What happens to the money when an order with a schedule is cancelled.

FULL_REFUND: every made-to-order line is still at or before its product
type's free-cancellation stage, so everything captured is refunded through
the host and an authorisation with nothing captured is voided. DEPOSIT_KEPT: production went past that stage on some line,
so the shop keeps the deposit: what was captured beyond it is refunded and the
balance is waived. The rule is stored on the schedule and written to the
order's history."""

from decimal import Decimal

from django.db import transaction

from ..batches.selectors import order_is_in_cancelled_batch
from ..host import get_host
from ..models import PaymentSchedule, ProductionJob
from ..models.payments import InstallmentKind, InstallmentStatus
from ..l10n import format_money
from .schedule import settings_of_line

FULL_REFUND = "FULL_REFUND"
DEPOSIT_KEPT = "DEPOSIT_KEPT"


def _free_until(settings, stages):
    """Index of the last stage at which cancelling is free."""
    if settings is not None and settings.free_cancellation_stage in stages:
        return stages.index(settings.free_cancellation_stage)
    return 0


def cancellation_rule(order):
    """FULL_REFUND while every made-to-order line is at or before its free
    stage; a line without a job (production not started) counts as at its
    first stage. An order its pre-order batch cancelled is refunded in full:
    the shop did not produce it."""
    if order_is_in_cancelled_batch(order.pk):
        return FULL_REFUND
    jobs = {
        job.order_line_id: job
        for job in ProductionJob.objects.filter(order_id=order.pk)
    }
    lines = order.lines.select_related("variant__product__product_type__made_to_order")
    for line in lines:
        settings = settings_of_line(line)
        if settings is None or not settings.is_made_to_order:
            continue
        job = jobs.get(line.pk)
        if job is None:
            continue
        stages = job.stage_codes
        current = stages.index(job.current_stage) if job.current_stage in stages else 0
        if current > _free_until(settings, stages):
            return DEPOSIT_KEPT
    return FULL_REFUND


@transaction.atomic
def cancel_schedule(order, user=None):
    """Apply the cancellation rule to a cancelled order's money, once."""
    schedule = PaymentSchedule.objects.locked_for_order(order.pk)
    if schedule is None or schedule.cancellation_rule:
        return schedule
    rule = cancellation_rule(order)
    # Set first: the host's refund fires order_updated, and a cancelled schedule
    # is no longer synced from the payment.
    schedule.cancellation_rule = rule
    schedule.save(update_fields=["cancellation_rule"])
    installments = list(schedule.installments.order_by("pk"))
    deposit = next((i for i in installments if i.kind == InstallmentKind.DEPOSIT), None)
    captured = get_host().latest_payment_captured(order)
    keep = Decimal(0)
    if rule == DEPOSIT_KEPT and deposit is not None:
        keep = min(deposit.paid_amount, captured)
    refunded, voided = get_host().refund_or_void(order, captured - keep, user)

    for installment in installments:
        if installment.status in (InstallmentStatus.WAIVED, InstallmentStatus.REFUNDED):
            continue
        kept = rule == DEPOSIT_KEPT and installment.kind == InstallmentKind.DEPOSIT
        if kept and installment.paid_amount > 0:
            continue  # the shop keeps what was paid of the deposit
        installment.status = (
            InstallmentStatus.REFUNDED
            if installment.paid_amount > 0
            else InstallmentStatus.WAIVED
        )
        installment.save(update_fields=["status"])

    currency = schedule.currency

    def display(amount, currency):  # the order history is in English, as Saleor's
        return format_money(amount, currency, "en")

    if rule == FULL_REFUND:
        message = (
            "Cancelled before the free-cancellation stage: full refund (%s refunded%s)."
            % (
                display(refunded, currency),
                ", authorisation voided" if voided else "",
            )
        )
    else:
        message = (
            "Cancelled after the free-cancellation stage: deposit kept (%s), balance "
            "waived (%s refunded%s)."
            % (
                display(keep, currency),
                display(refunded, currency),
                ", authorisation voided" if voided else "",
            )
        )
    get_host().add_order_note(order, message, user)
    return schedule
