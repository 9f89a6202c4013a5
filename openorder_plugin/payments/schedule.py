"""An order's payment schedule: made when the order is placed, kept in step
with what Saleor's payment has captured, and paid into by staff.

Saleor's payment is the ledger (captured amount, charge status, transactions,
order events); the schedule says what that money is for (deposit, balance)
and when the rest is due. Installments are paid in order: deposit first."""
import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from saleor.order import OrderStatus
from saleor.order import actions as order_actions
from saleor.payment import ChargeStatus, TransactionKind
from saleor.payment.interface import GatewayResponse
from saleor.payment.models import Payment
from saleor.payment.utils import (
    create_payment_information,
    create_transaction,
    gateway_postprocess,
)

from ..errors import OpenOrderError, OpenOrderErrorCode as Codes, Problems
from ..models import Installment, PaymentRecord, PaymentSchedule
from ..models.payments import DueTrigger, InstallmentKind, InstallmentStatus
from . import window
from ..l10n import format_money
from .deposits import OrderLineTerms, split_order
from ..money import currency_precision

CHARGED = (
    ChargeStatus.PARTIALLY_CHARGED,
    ChargeStatus.FULLY_CHARGED,
    ChargeStatus.PARTIALLY_REFUNDED,
)


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
        (i.amount - i.paid_amount for i in schedule.installments.all() if i.status not in InstallmentStatus.CLOSED),
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
        OrderLineTerms(settings_of_line(line), line.unit_price_gross_amount * line.quantity, line.quantity)
        for line in lines
    ]


def _order_date(order):
    return timezone.localtime(order.created).date()


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
    split = split_order(order_line_terms(order), order.total_gross_amount, order.currency)
    if split is None:
        return None
    now = timezone.now()
    schedule = PaymentSchedule.objects.create(
        order=order, currency=order.currency, total=order.total_gross_amount
    )
    deposit = None
    if split.deposit > 0:
        deposit = Installment.objects.create(
            schedule=schedule,
            kind=InstallmentKind.DEPOSIT,
            amount=split.deposit,
            due_trigger=DueTrigger.AT_CHECKOUT,
            due_date=_order_date(order),
            status=InstallmentStatus.DUE,
            became_due_at=now,
        )
    if split.balance > 0:
        due_date = None
        if split.balance_due == DueTrigger.DAYS_AFTER_ORDER:
            due_date = _order_date(order) + datetime.timedelta(days=split.balance_due_days or 0)
        Installment.objects.create(
            schedule=schedule,
            kind=InstallmentKind.BALANCE,
            amount=split.balance,
            due_trigger=split.balance_due,
            due_days=split.balance_due_days,
            due_date=due_date,
            status=InstallmentStatus.PENDING,
        )
    sync_paid(schedule)
    if deposit is not None:
        deposit.refresh_from_db()
    window.open_window(schedule, order, deposit, now)
    return schedule


def total_captured(order):
    """What Saleor counts as paid (as Order._total_paid does)."""
    return sum(
        (
            p.captured_amount
            for p in Payment.objects.filter(order_id=order.pk, charge_status__in=CHARGED)
        ),
        Decimal(0),
    )


def sync_paid(schedule):
    """Allocate what Saleor has captured to the installments, deposit first.
    A cancelled schedule is frozen (the cancellation rule settled it)."""
    if schedule.cancellation_rule:
        return
    remaining = total_captured(schedule.order)
    now = timezone.now()
    installments = list(
        Installment.objects.select_for_update().filter(schedule=schedule).order_by("pk")
    )
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
    """Bring the order's schedule in step with Saleor's payment (after Saleor's
    own orderCapture or orderRefund, for example)."""
    schedule = PaymentSchedule.objects.select_for_update().filter(order_id=order.pk).first()
    if schedule is not None:
        sync_paid(schedule)
    return schedule


def _validate_record_input(amount, currency, reference, idempotency_key):
    problems = Problems()
    if amount is None or amount <= 0:
        problems.add("amount", Codes.INVALID, "The amount must be more than zero.")
    elif currency and amount != amount.quantize(Decimal(1).scaleb(-currency_precision(currency))):
        problems.add(
            "amount",
            Codes.INVALID,
            "%s amounts have at most %s decimal places; got %s."
            % (currency, currency_precision(currency), amount),
        )
    if not (reference or "").strip():
        problems.add("reference", Codes.REQUIRED, "Say where the money came from (e.g. a transfer reference).")
    elif len(reference) > 255:
        problems.add("reference", Codes.TOO_LONG, "At most 255 characters.")
    if not (idempotency_key or "").strip():
        problems.add("idempotencyKey", Codes.REQUIRED, "An idempotency key is required.")
    elif len(idempotency_key) > 255:
        problems.add("idempotencyKey", Codes.TOO_LONG, "At most 255 characters.")
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
        schedule = PaymentSchedule.objects.select_for_update().filter(order_id=order.pk).first()
        if schedule is None:
            raise OpenOrderError.single(
                "orderId",
                Codes.NOT_MADE_TO_ORDER,
                "This order has no made-to-order lines, so it has no payment schedule; "
                "use Saleor's orderCapture or orderMarkAsPaid.",
            )
        existing = PaymentRecord.objects.filter(order_id=order.pk, idempotency_key=idempotency_key).first()
        if existing is not None:
            if (existing.amount, existing.currency, existing.reference) != (amount, currency, reference):
                raise OpenOrderError.single(
                    "idempotencyKey",
                    Codes.CONFLICT,
                    "This idempotency key already recorded %s %s (%s); use a new key "
                    "for a different payment." % (existing.amount, existing.currency, existing.reference),
                )
            return existing
        if currency != schedule.currency:
            raise OpenOrderError.single(
                "currency",
                Codes.CURRENCY_MISMATCH,
                "The order is in %s; the amount was given in %s." % (schedule.currency, currency),
            )
        order = type(order).objects.get(pk=order.pk)
        if order.status == OrderStatus.CANCELED or schedule.cancellation_rule:
            raise OpenOrderError.single(
                "orderId", Codes.INVALID, "The order is cancelled; nothing more can be paid."
            )
        payment = Payment.objects.select_for_update().filter(order_id=order.pk).order_by("-pk").first()
        if payment is None or not payment.is_active:
            raise OpenOrderError.single(
                "orderId",
                Codes.NO_PAYMENT,
                "The order has no active Saleor payment to record money against.",
            )
        owed = min(outstanding(schedule), payment.total - payment.captured_amount)
        if amount > owed:
            raise OpenOrderError.single(
                "amount",
                Codes.OVERPAYMENT,
                "Only %s is outstanding; %s is more than that."
                % (format_money(owed, currency), format_money(amount, currency)),
            )
        txn = _capture_recorded(payment, amount, reference, idempotency_key, user)
        record = PaymentRecord.objects.create(
            order=order,
            payment=payment,
            transaction=txn,
            amount=amount,
            currency=currency,
            reference=reference,
            idempotency_key=idempotency_key,
            recorded_by=user if user is not None and user.is_authenticated else None,
        )
        sync_paid(schedule)
        order_actions.order_captured(order, user, amount, payment)
        return record


def _capture_recorded(payment, amount, reference, idempotency_key, user):
    """A CAPTURE transaction through Saleor's own helpers. Saleor's
    gateway.capture allows only a payment's first capture, so a balance after
    a deposit is written as the transaction the gateway would have returned;
    gateway_postprocess then moves the captured amount and charge status and
    fires order_fully_paid when the order is paid in full."""
    information = create_payment_information(payment, payment_token=reference, amount=amount)
    response = GatewayResponse(
        is_success=True,
        action_required=False,
        kind=TransactionKind.CAPTURE,
        amount=amount,
        currency=payment.currency,
        transaction_id=reference,
        error=None,
        raw_response={
            "recorded_by": getattr(user, "email", None),
            "reference": reference,
            "idempotency_key": idempotency_key,
        },
    )
    txn = create_transaction(
        payment=payment,
        kind=TransactionKind.CAPTURE,
        payment_information=information,
        gateway_response=response,
    )
    gateway_postprocess(txn, payment)
    return txn
