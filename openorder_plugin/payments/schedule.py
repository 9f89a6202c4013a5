"""An order's payment schedule: made when the order is placed, kept in step
with what the host's payment has captured, and paid into by staff.

The host's payment is the ledger (captured amount, charge status, transactions,
order events); the schedule says what that money is for (deposit, balance)
and when the rest is due. Installments are paid in order: deposit first."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ..errors import OpenOrderError, OpenOrderErrorCode as Codes, Problems
from ..host import get_host
from ..models import Installment, PaymentRecord, PaymentSchedule
from ..models.payments import DueTrigger, InstallmentKind, InstallmentStatus
from . import window
from ..l10n import format_money
from .deposits import OrderLineTerms, split_order
from ..money import currency_precision


def schedule_for_order(order):
    """The order's schedule with its installments, or None (no made-to-order
    lines). Two queries."""
    return (
        PaymentSchedule.objects.filter(order_id=order.pk)
        .prefetch_related("installments")
        .first()
    )


def outstanding(schedule):
    return sum(
        (
            i.amount - i.paid_amount
            for i in schedule.installments.all()
            if i.status not in InstallmentStatus.CLOSED
        ),
        Decimal(0),
    )


def settings_of_line(line):
    """The line's product type's MadeToOrderSettings, or None."""
    variant = line.variant
    if variant is None:
        return None
    try:
        return variant.product.product_type.made_to_order
    except Exception:  # RelatedObjectDoesNotExist: a type without settings
        return None


def order_line_terms(order):
    lines = order.lines.select_related("variant__product__product_type__made_to_order")
    return [
        OrderLineTerms(
            settings_of_line(line),
            line.unit_price_gross_amount * line.quantity,
            line.quantity,
        )
        for line in lines
    ]


def _order_date(order):
    return timezone.localtime(get_host().order_placed_at(order)).date()


@transaction.atomic
def open_schedule(order):
    """Give a newly placed order with made-to-order lines its schedule.

    Nothing is captured here: with "Pay deposit / pay later" the checkout
    only authorised the total (the buyer's promise), so the deposit is DUE
    until staff record the money, with the payment window's deadline as its
    date. With a gateway that captured at checkout, what it captured is
    allocated (deposit first) and marked paid."""
    existing = schedule_for_order(order)
    if existing is not None:
        return existing
    split = split_order(
        order_line_terms(order), order.total_gross_amount, order.currency
    )
    if split is None:
        return None
    now = timezone.now()
    schedule = PaymentSchedule.objects.create(
        order=order, currency=order.currency, total=order.total_gross_amount
    )
    installments = []
    deposit = None
    if split.deposit > 0:
        deposit = Installment(
            schedule=schedule,
            kind=InstallmentKind.DEPOSIT,
            amount=split.deposit,
            due_trigger=DueTrigger.AT_CHECKOUT,
            due_date=_order_date(order),
            status=InstallmentStatus.DUE,
            became_due_at=now,
        )
        installments.append(deposit)
    if split.balance > 0:
        due_date = None
        if split.balance_due == DueTrigger.DAYS_AFTER_ORDER:
            due_date = _order_date(order) + datetime.timedelta(
                days=split.balance_due_days or 0
            )
        installments.append(
            Installment(
                schedule=schedule,
                kind=InstallmentKind.BALANCE,
                amount=split.balance,
                due_trigger=split.balance_due,
                due_days=split.balance_due_days,
                due_date=due_date,
                status=InstallmentStatus.PENDING,
            )
        )
    # One statement; the new rows need no lock (nobody else can see them yet).
    Installment.objects.bulk_create(installments)
    _allocate(schedule, installments)
    window.open_window(schedule, order, deposit, now)
    return schedule


def total_captured(order):
    """What the host counts as paid."""
    return get_host().total_captured(order)


def sync_paid(schedule):
    """Allocate what the host has captured to the installments, deposit first.
    A cancelled schedule is frozen (the cancellation rule settled it)."""
    if schedule.cancellation_rule:
        return
    installments = list(
        Installment.objects.select_for_update().filter(schedule=schedule).order_by("pk")
    )
    _allocate(schedule, installments)


def _allocate(schedule, installments):
    """Spread what the host has captured over `installments` (in order),
    saving those that change."""
    remaining = total_captured(schedule.order)
    now = timezone.now()
    for installment in installments:
        if installment.status in InstallmentStatus.CLOSED:
            continue
        paid = min(remaining, installment.amount)
        remaining -= paid
        status = installment.status
        if paid >= installment.amount:
            status = InstallmentStatus.PAID
        elif status == InstallmentStatus.PAID:
            # Money went back (a refund through Saleor): owed again.
            status = InstallmentStatus.DUE
        if paid != installment.paid_amount or status != installment.status:
            installment.paid_amount = paid
            if status == InstallmentStatus.PAID and installment.status != status:
                installment.paid_at = now
            installment.status = status
            installment.save(update_fields=["paid_amount", "status", "paid_at"])
    window.close_if_paid(schedule, installments)


@transaction.atomic
def sync_order(order):
    """Bring the order's schedule in step with the host's payment (after its
    own orderCapture or orderRefund, for example)."""
    schedule = PaymentSchedule.objects.locked_for_order(order.pk)
    if schedule is not None:
        sync_paid(schedule)
    return schedule


def check_amount(problems, amount, currency, field="amount"):
    """An amount of money someone says was paid: more than zero, in the
    currency's precision."""
    if amount is None or amount <= 0:
        problems.add(field, Codes.INVALID, "The amount must be more than zero.")
    elif currency and amount != amount.quantize(
        Decimal(1).scaleb(-currency_precision(currency))
    ):
        problems.add(
            field,
            Codes.INVALID,
            "%s amounts have at most %s decimal places; got %s."
            % (currency, currency_precision(currency), amount),
        )


def _validate_record_input(amount, currency, reference, idempotency_key):
    problems = Problems()
    check_amount(problems, amount, currency)
    if not (reference or "").strip():
        problems.add(
            "reference",
            Codes.REQUIRED,
            "Say where the money came from (e.g. a transfer reference).",
        )
    elif len(reference) > 255:
        problems.add("reference", Codes.TOO_LONG, "At most 255 characters.")
    if not (idempotency_key or "").strip():
        problems.add(
            "idempotency_key", Codes.REQUIRED, "An idempotency key is required."
        )
    elif len(idempotency_key) > 255:
        problems.add("idempotency_key", Codes.TOO_LONG, "At most 255 characters.")
    problems.raise_if_any()


def record_payment(order, amount, currency, reference, idempotency_key, user=None):
    """Record money staff received against the order: a capture on the order's
    Saleor payment, allocated to the installments.

    Runs under a row lock on the order's schedule, so concurrent requests are
    serialised: the same idempotency key records once (the repeat gets the
    first record back) and together they never capture more than is owed.
    Returns the PaymentRecord."""
    amount = Decimal(amount) if amount is not None else None
    _validate_record_input(amount, currency, reference, idempotency_key)
    reference = reference.strip()
    with transaction.atomic():
        schedule = window.locked_schedule(
            order,
            "This order has no made-to-order lines, so it has no payment schedule; "
            "use Saleor's orderCapture or orderMarkAsPaid.",
        )
        existing = PaymentRecord.objects.filter(
            order_id=order.pk, idempotency_key=idempotency_key
        ).first()
        if existing is not None:
            if (existing.amount, existing.currency, existing.reference) != (
                amount,
                currency,
                reference,
            ):
                raise OpenOrderError.single(
                    "idempotency_key",
                    Codes.CONFLICT,
                    "This idempotency key already recorded %s %s (%s); use a new key "
                    "for a different payment."
                    % (existing.amount, existing.currency, existing.reference),
                )
            return existing
        if currency != schedule.currency:
            raise OpenOrderError.single(
                "currency",
                Codes.CURRENCY_MISMATCH,
                "The order is in %s; the amount was given in %s."
                % (schedule.currency, currency),
            )
        order = type(order).objects.get(pk=order.pk)
        if get_host().order_is_cancelled(order) or schedule.cancellation_rule:
            raise OpenOrderError.single(
                "order_id",
                Codes.INVALID,
                "The order is cancelled; nothing more can be paid.",
            )
        payment = get_host().lock_order_payment(order)
        if payment is None:
            raise OpenOrderError.single(
                "order_id",
                Codes.NO_PAYMENT,
                "The order has no active Saleor payment to record money against.",
            )
        owed = min(outstanding(schedule), get_host().payment_outstanding(payment))
        if amount > owed:
            raise OpenOrderError.single(
                "amount",
                Codes.OVERPAYMENT,
                "Only %s is outstanding; %s is more than that."
                % (format_money(owed, currency), format_money(amount, currency)),
            )
        host_rows = get_host().record_money_received(
            order, payment, amount, reference, idempotency_key, user
        )
        record = PaymentRecord.objects.create(
            order=order,
            **host_rows,
            amount=amount,
            currency=currency,
            reference=reference,
            idempotency_key=idempotency_key,
            recorded_by=user if user is not None and user.is_authenticated else None,
        )
        sync_paid(schedule)
        get_host().money_recorded(order, payment, amount, user)
        return record
