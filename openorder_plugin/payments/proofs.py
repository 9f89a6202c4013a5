"""Transfer proofs (bukti transfer): the buyer sends a photo or PDF of a bank
transfer for an installment, and staff check it against the shop's account.

A proof is only the buyer's word, so it moves no money: the installment stays
owed until staff accept the proof, which records the payment through
`schedule.record_payment` (the same path, the same checks and the same
idempotency as orderPaymentRecord). A rejected proof tells the buyer why. A
deposit with a proof waiting for staff does not lapse when its window ends:
the buyer did what was asked in time, and the shop has not looked yet."""

from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import OpenOrderError, OpenOrderErrorCode as Codes, Problems
from ..files import checked_kind, store_checked
from ..host import get_host
from ..l10n import format_money, language_of
from ..models import PaymentProof, PaymentSchedule
from ..models.payments import InstallmentKind, InstallmentStatus, PaymentProofStatus
from ..notifications import outbox
from ..notifications.recipients import staff_recipients
from . import schedule as payment_schedule

# An order can have this many proofs waiting for staff at once: enough for a
# buyer who sends the deposit in two transfers, not a way to fill the disk.
MAX_PENDING_PER_ORDER = 5
MAX_REFERENCE = 255
MAX_NOTE = 1000
MAX_REASON = 500

PROOF_RECEIVED = "payment_proof_received"  # to staff
PROOF_ACCEPTED = "payment_proof_accepted"  # to the buyer
PROOF_REJECTED = "payment_proof_rejected"  # to the buyer


def idempotency_key(proof):
    """The PaymentRecord key of a proof's money: accepting twice records once."""
    return "payment-proof:%s" % proof.pk


def _text(problems, value, field, limit):
    value = (value or "").strip()
    if len(value) > limit:
        problems.add(
            field,
            Codes.TOO_LONG,
            _("At most %(limit)s characters.") % {"limit": limit},
        )
    return value


def _owed(installment):
    return installment.amount - installment.paid_amount


def _installment_to_pay(schedule, kind):
    """The installment the proof is for: `kind`, or the first one still owed
    (deposit first)."""
    installments = list(schedule.installments.all())
    open_ones = [
        i
        for i in installments
        if i.status not in InstallmentStatus.SETTLED and _owed(i) > 0
    ]
    if kind:
        installment = next((i for i in installments if i.kind == kind), None)
        if installment is None:
            raise OpenOrderError.single(
                "installment",
                Codes.INVALID_CHOICE,
                _("This order has no such installment to pay."),
            )
        if installment not in open_ones:
            raise OpenOrderError.single(
                "installment",
                Codes.ALREADY_PAID,
                _("Nothing more is owed on this installment."),
            )
        return installment
    if not open_ones:
        raise OpenOrderError.single(
            "token", Codes.ALREADY_PAID, _("Nothing more is owed on this order.")
        )
    return open_ones[0]


def upload_proof(
    token, uploaded_file, *, installment_kind=None, amount=None, reference="", note=""
):
    """The buyer holding the order's token sends a transfer receipt. `amount`
    defaults to what is still owed on the installment. Returns the proof,
    PENDING; staff are told."""
    host = get_host()
    order = host.order_by_token(token)
    if order is None:
        raise OpenOrderError.single("token", Codes.NOT_FOUND, _("No such order."))
    problems = Problems()
    reference = _text(problems, reference, "reference", MAX_REFERENCE)
    note = _text(problems, note, "note", MAX_NOTE)
    if installment_kind and installment_kind not in dict(InstallmentKind.CHOICES):
        problems.add("installment", Codes.INVALID_CHOICE, _("DEPOSIT or BALANCE."))
    amount = Decimal(amount) if amount is not None else None
    if amount is not None:
        payment_schedule.check_amount(problems, amount, order.currency)
    problems.raise_if_any()
    kind = checked_kind(uploaded_file, "file")
    with transaction.atomic():
        # Under the schedule's lock: the count of waiting proofs, what is
        # owed and the payment window's sweep see one another's changes.
        schedule = PaymentSchedule.objects.locked_for_order(order.pk)
        if schedule is None:
            raise OpenOrderError.single(
                "token",
                Codes.NOT_MADE_TO_ORDER,
                _("This order has no payment schedule; nothing is paid by transfer."),
            )
        if (
            schedule.cancellation_rule
            or schedule.lapsed_at
            or host.order_is_cancelled(order)
        ):
            raise OpenOrderError.single(
                "token",
                Codes.INVALID,
                _("The order is cancelled; nothing more can be paid."),
            )
        installment = _installment_to_pay(schedule, installment_kind)
        owed_total = payment_schedule.outstanding(schedule)
        if amount is None:
            amount = _owed(installment)
        if amount > owed_total:
            raise OpenOrderError.single(
                "amount",
                Codes.OVERPAYMENT,
                _("Only %(owed)s is outstanding; %(amount)s is more than that.")
                % {
                    "owed": format_money(owed_total, schedule.currency),
                    "amount": format_money(amount, schedule.currency),
                },
            )
        pending = PaymentProof.objects.filter(
            order_id=order.pk, status=PaymentProofStatus.PENDING
        ).count()
        if pending >= MAX_PENDING_PER_ORDER:
            raise OpenOrderError.single(
                "file",
                Codes.TOO_MANY_PENDING,
                _(
                    "%(count)s transfer proofs are already waiting for the shop to "
                    "check them; wait for its answer before sending another."
                )
                % {"count": pending},
            )
        proof = PaymentProof(
            order=order,
            installment_kind=installment.kind,
            amount=amount,
            currency=schedule.currency,
            reference=reference,
            note=note,
        )
        store_checked(proof, uploaded_file, kind)
        proof.save()
        host.add_order_note(
            order,
            "Transfer proof received for the %s: %s (reference %s); waiting for "
            "staff to check it."
            % (
                installment.kind.lower(),
                format_money(amount, schedule.currency, "en"),
                reference or "none given",
            ),
        )
        _queue_received(proof, order)
        return proof


def _undecided_proof(proof_id, decision):
    """The proof, locked, to be given `decision`; (proof, False) when it has
    that decision already (a repeat changes nothing). The other decision is
    final: a typed error."""
    proof = (
        PaymentProof.objects.select_for_update(of=("self",))
        .select_related("order")
        .filter(pk=proof_id)
        .first()
    )
    if proof is None:
        raise OpenOrderError.single("id", Codes.NOT_FOUND, _("No such transfer proof."))
    if proof.status == decision:
        return proof, False
    if proof.status != PaymentProofStatus.PENDING:
        raise OpenOrderError.single(
            "id",
            Codes.INVALID_TRANSITION,
            _("This transfer proof was rejected; the buyer can send a new one.")
            if proof.status == PaymentProofStatus.REJECTED
            else _(
                "This transfer proof was accepted and its money recorded; refund "
                "it through the order if it was wrong."
            ),
        )
    return proof, True


def _decide(proof, decision, user, **fields):
    for name, value in fields.items():
        setattr(proof, name, value)
    proof.status = decision
    proof.decided_by = user if user is not None and user.is_authenticated else None
    proof.decided_at = timezone.now()
    proof.save(update_fields=["status", "decided_by", "decided_at", *fields])


def accept_proof(proof_id, *, user=None, amount=None, reference=None):
    """Staff found the money in the shop's account: record it (`amount`
    defaults to what the buyer said, `reference` to the buyer's). Accepting
    an accepted proof again changes nothing and returns it; a rejected one
    cannot be accepted."""
    with transaction.atomic():
        proof, undecided = _undecided_proof(proof_id, PaymentProofStatus.ACCEPTED)
        if not undecided:
            return proof
        record = payment_schedule.record_payment(
            proof.order,
            proof.amount if amount is None else Decimal(amount),
            proof.currency,
            (reference or "").strip()
            or proof.reference
            or ("Transfer proof %s" % str(proof.pk)[:8]),
            idempotency_key(proof),
            user=user,
        )
        _decide(proof, PaymentProofStatus.ACCEPTED, user, payment_record=record)
        _queue_decision(proof, PROOF_ACCEPTED, amount=record.amount)
        return proof


def reject_proof(proof_id, *, reason, user=None):
    """Staff found no such money (or the receipt is unreadable): the buyer is
    told `reason` and nothing is recorded. Rejecting a rejected proof again
    changes nothing; an accepted one cannot be rejected (its money is in the
    books: refund it through the order instead)."""
    problems = Problems()
    reason = _text(problems, reason, "reason", MAX_REASON)
    if not reason:
        problems.add(
            "reason",
            Codes.REQUIRED,
            _("Tell the buyer why, e.g. the transfer has not arrived."),
        )
    problems.raise_if_any()
    with transaction.atomic():
        proof, undecided = _undecided_proof(proof_id, PaymentProofStatus.REJECTED)
        if not undecided:
            return proof
        _decide(proof, PaymentProofStatus.REJECTED, user, rejection_reason=reason)
        get_host().add_order_note(
            proof.order,
            "Transfer proof of %s rejected: %s"
            % (format_money(proof.amount, proof.currency, "en"), reason),
            user,
        )
        _queue_decision(proof, PROOF_REJECTED, amount=proof.amount)
        return proof


def _queue_received(proof, order):
    host = get_host()
    language = language_of(settings.LANGUAGE_CODE)  # the shop's
    for recipient in staff_recipients():
        outbox.queue(
            "payment-proof:%s:received:%s" % (proof.pk, recipient),
            PROOF_RECEIVED,
            recipient,
            {
                "order_number": host.order_number(order),
                "installment": proof.installment_kind,
                "amount": format_money(proof.amount, proof.currency, language),
                "reference": proof.reference,
                "note": proof.note,
                "customer_email": order.get_customer_email() or "",
            },
            order=order,
            language=language,
        )


def _queue_decision(proof, kind, *, amount):
    host = get_host()
    order = proof.order
    language = language_of(order.language_code)
    owed = payment_schedule.outstanding(payment_schedule.schedule_for_order(order))
    outbox.queue(
        "payment-proof:%s:%s" % (proof.pk, proof.status.lower()),
        kind,
        order.get_customer_email(),
        {
            "order_number": host.order_number(order),
            "order_token": host.order_token(order),
            "installment": proof.installment_kind,
            "amount": format_money(amount, proof.currency, language),
            "reason": proof.rejection_reason,
            "outstanding": format_money(owed, proof.currency, language),
            "outstanding_is_zero": owed <= 0,
        },
        order=order,
        language=language,
    )
