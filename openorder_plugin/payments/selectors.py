"""Reads of transfer proofs: staff's queue, an order's proofs, and who may
see a receipt's file."""

from ..host import get_host
from ..models import PaymentProof
from ..models.payments import InstallmentKind, PaymentProofStatus


def staff_proofs():
    """Every proof, oldest first (the order staff work through them)."""
    return PaymentProof.objects.select_related("order", "payment_record", "decided_by")


def filtered(queryset, *, status=None):
    if status:
        queryset = queryset.filter(status__in=list(status))
    return queryset


def proofs_of_order(order_id):
    return list(
        PaymentProof.objects.select_related("payment_record").filter(order_id=order_id)
    )


def readable_proof(proof_id, *, token=None, staff_user=None):
    """The proof if the caller may see its receipt: staff who manage orders,
    or the buyer holding the order's token."""
    proof = PaymentProof.objects.select_related("order").filter(pk=proof_id).first()
    if proof is None:
        return None
    if staff_user is not None and staff_user.has_perm("order.manage_orders"):
        return proof
    if token and get_host().order_token(proof.order) == str(token):
        return proof
    return None


def pending_deposit_proof(schedule):
    """The oldest transfer proof for the deposit still waiting for staff, or
    None. While one waits the deposit's deadline holds (payments/window.py)
    and the schedule says it is being checked."""
    return (
        PaymentProof.objects.filter(
            order_id=schedule.order_id,
            installment_kind=InstallmentKind.DEPOSIT,
            status=PaymentProofStatus.PENDING,
        )
        .order_by("created_at", "pk")
        .first()
    )
