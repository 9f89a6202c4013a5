"""Where an order's payment stands, in one word and in one plain sentence
for the buyer's order view and the production board."""

from contextlib import nullcontext

from django.utils.translation import gettext as _

from ..l10n import format_date, format_datetime, format_money, override
from ..models.payments import (
    DeadlineKind,
    DueTrigger,
    InstallmentKind,
    InstallmentStatus,
)
from .cancellation import FULL_REFUND
from .selectors import pending_deposit_proof


class ScheduleState:
    AWAITING_DEPOSIT = "AWAITING_DEPOSIT"
    AWAITING_CONFIRMATION = "AWAITING_CONFIRMATION"
    BALANCE_PENDING = "BALANCE_PENDING"
    BALANCE_DUE = "BALANCE_DUE"
    BALANCE_OVERDUE = "BALANCE_OVERDUE"
    PAID = "PAID"
    CANCELLED = "CANCELLED"
    LAPSED = "LAPSED"

    CHOICES = [
        (AWAITING_DEPOSIT, "Waiting for the deposit"),
        (AWAITING_CONFIRMATION, "Waiting for the shop to confirm the order"),
        (BALANCE_PENDING, "The balance is not due yet"),
        (BALANCE_DUE, "The balance is due"),
        (BALANCE_OVERDUE, "The balance is overdue"),
        (PAID, "Paid in full"),
        (CANCELLED, "Cancelled"),
        (LAPSED, "Cancelled: the deadline passed"),
    ]


_BALANCE_STATES = {
    InstallmentStatus.PENDING: ScheduleState.BALANCE_PENDING,
    InstallmentStatus.DUE: ScheduleState.BALANCE_DUE,
    InstallmentStatus.OVERDUE: ScheduleState.BALANCE_OVERDUE,
}


def _parts(schedule):
    installments = list(schedule.installments.all())
    deposit = next((i for i in installments if i.kind == InstallmentKind.DEPOSIT), None)
    balance = next((i for i in installments if i.kind == InstallmentKind.BALANCE), None)
    return deposit, balance


def schedule_state(schedule):
    if schedule.lapsed_at is not None:
        return ScheduleState.LAPSED
    if schedule.cancellation_rule:
        return ScheduleState.CANCELLED
    deposit, balance = _parts(schedule)
    if deposit is not None and deposit.status != InstallmentStatus.PAID:
        return ScheduleState.AWAITING_DEPOSIT
    if schedule.deadline_kind == DeadlineKind.CONFIRMATION:
        return ScheduleState.AWAITING_CONFIRMATION
    if balance is not None and balance.status in _BALANCE_STATES:
        return _BALANCE_STATES[balance.status]
    return ScheduleState.PAID


def summary(schedule, language=None):
    """One sentence saying where the payment stands and what comes next, in
    `language` (None: the request's)."""
    with override(language) if language else nullcontext():
        return _summary(schedule)


def _summary(schedule):
    state = schedule_state(schedule)
    deposit, balance = _parts(schedule)

    def money(installment):
        return format_money(
            installment.amount - installment.paid_amount, schedule.currency
        )

    values = {
        "deadline": format_datetime(schedule.deadline) if schedule.deadline else "",
    }
    if state == ScheduleState.LAPSED:
        if schedule.deadline_kind == DeadlineKind.CONFIRMATION:
            return (
                _(
                    "Cancelled automatically: the order was not confirmed by %(deadline)s."
                )
                % values
            )
        return (
            _("Cancelled automatically: the deposit was not paid by %(deadline)s.")
            % values
        )
    if state == ScheduleState.CANCELLED:
        if schedule.cancellation_rule == FULL_REFUND:
            return _("Cancelled; everything paid is refunded.")
        return _("Cancelled; the deposit is kept and the balance waived.")
    if state == ScheduleState.AWAITING_DEPOSIT:
        values["amount"] = money(deposit)
        proof = pending_deposit_proof(schedule)
        if proof is not None:
            # The buyer says they paid: they are told it is being checked, and
            # the deadline holds meanwhile.
            values["proof"] = format_money(proof.amount, proof.currency)
            return (
                _(
                    "Your transfer of %(proof)s is being checked by the shop; the "
                    "order is not cancelled while it waits. Deposit due: %(amount)s."
                )
                % values
            )
        if schedule.deadline:
            return (
                _(
                    "Waiting for the deposit: %(amount)s, to be paid by %(deadline)s, or the "
                    "order is cancelled."
                )
                % values
            )
        return _("Waiting for the deposit: %(amount)s.") % values
    if state == ScheduleState.AWAITING_CONFIRMATION:
        return (
            _(
                "Nothing to pay now. Waiting for the shop to confirm the order by %(deadline)s."
            )
            % values
        )
    if state == ScheduleState.PAID:
        return _("Paid in full.")
    values["amount"] = money(balance)
    values["date"] = format_date(balance.due_date) if balance.due_date else ""
    if state == ScheduleState.BALANCE_OVERDUE:
        return (
            _("The balance of %(amount)s was due by %(date)s and is overdue.") % values
        )
    if state == ScheduleState.BALANCE_DUE:
        return _("The balance of %(amount)s is due by %(date)s.") % values
    paid = _("Deposit paid. ") if deposit is not None else ""
    if balance.due_trigger == DueTrigger.ON_DELIVERY:
        return paid + _("The balance of %(amount)s is paid on delivery.") % values
    if balance.due_trigger == DueTrigger.DAYS_AFTER_ORDER and values["date"]:
        return paid + _("The balance of %(amount)s is due by %(date)s.") % values
    return (
        paid + _("The balance of %(amount)s is due when the order is ready.") % values
    )
