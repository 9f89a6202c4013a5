"""Where payment holds production and shipping back. Production calls these
before a stage change and before fulfillment; each raises OpenOrderError when
the plugin's configuration says the money must come first."""

from ..config import BALANCE_GATE, DEPOSIT_GATE, setting_enabled
from ..errors import OpenOrderError, OpenOrderErrorCode as Codes
from ..models import Installment
from ..models.payments import DueTrigger, InstallmentKind, InstallmentStatus
from ..l10n import format_money

# Production may go as far as this stage before the deposit is paid.
LAST_STAGE_BEFORE_DEPOSIT = "CONFIRMED"


def gate_stage_index(codes):
    """Index of the last stage a job may reach before the deposit is paid,
    which is also the stage at which staff confirm an order: CONFIRMED, or the
    first stage when a type has no CONFIRMED stage."""
    return (
        codes.index(LAST_STAGE_BEFORE_DEPOSIT)
        if LAST_STAGE_BEFORE_DEPOSIT in codes
        else 0
    )


def _unpaid(order_id, **filters):
    return list(
        Installment.objects.filter(schedule__order_id=order_id, **filters)
        .exclude(status__in=InstallmentStatus.SETTLED)
        .select_related("schedule")
    )


def _money(amount, installment):
    return format_money(amount, installment.schedule.currency)


def check_stage_change(job, to_stage):
    """Refuse moving `job` past CONFIRMED while its order's deposit is unpaid
    (plugin setting "Deposit before production"). Stages without CONFIRMED
    hold production at the first stage."""
    codes = job.stage_codes
    if to_stage not in codes:
        return None
    gate = gate_stage_index(codes)
    if codes.index(to_stage) <= gate:
        return None
    if not setting_enabled(DEPOSIT_GATE, order_id=job.order_id):
        return None
    unpaid = _unpaid(job.order_id, kind=InstallmentKind.DEPOSIT)
    if unpaid:
        deposit = unpaid[0]
        raise OpenOrderError.single(
            "to_stage",
            Codes.DEPOSIT_NOT_PAID,
            "The deposit (%s, %s paid) is not paid yet; production cannot go past %s."
            % (
                _money(deposit.amount, deposit),
                _money(deposit.paid_amount, deposit),
                codes[gate],
            ),
        )
    return None


def check_fulfillment(order):
    """Refuse fulfilling made-to-order lines while the balance is unpaid,
    unless it is due on delivery (plugin setting "Balance before fulfillment").
    An unpaid deposit holds fulfillment too."""
    if not setting_enabled(BALANCE_GATE, order_id=order.pk):
        return None
    for installment in _unpaid(order.pk):
        if (
            installment.kind == InstallmentKind.BALANCE
            and installment.due_trigger == DueTrigger.ON_DELIVERY
        ):
            continue
        code = (
            Codes.DEPOSIT_NOT_PAID
            if installment.kind == InstallmentKind.DEPOSIT
            else Codes.BALANCE_NOT_PAID
        )
        raise OpenOrderError.single(
            "order",
            code,
            "The %s (%s, %s paid) is not paid yet; the order cannot be fulfilled."
            % (
                installment.get_kind_display().lower(),
                _money(installment.amount, installment),
                _money(installment.paid_amount, installment),
            ),
        )
    return None
