"""Payment operations on an order with a payment schedule: staff record
money received and give more time to pay the deposit; the buyer sends a
transfer proof, which staff accept (recording its money) or reject."""

import uuid

import graphene
from saleor.graphql.core.context import SyncWebhookControlContext
from saleor.graphql.core.scalars import UUID, DateTime, PositiveDecimal
from saleor.graphql.core.types import Upload
from saleor.graphql.order.types import Order
from saleor.order.models import Order as OrderModel
from saleor.permission.enums import OrderPermissions

from ....api.payment_enums import InstallmentKindEnum
from ....api.uploads import uploaded_file
from ....payments import proofs as payment_proofs
from ....payments import schedule as payment_schedule
from ....payments import window as payment_window
from ..core import DOC_CATEGORY, OpenOrderMutation, node_or_error, pk_from_global_id
from .types import PaymentProof, PaymentRecord, PaymentSchedule


def order_or_error(order_id):
    return node_or_error(
        order_id, "Order", OrderModel.objects.all(), "orderId", pk_type=uuid.UUID
    )


class OrderPaymentRecord(OpenOrderMutation):
    order = graphene.Field(
        Order, description="The order, with Saleor's payment status."
    )
    payment_schedule = graphene.Field(PaymentSchedule)
    payment_record = graphene.Field(
        PaymentRecord, description="The record (the first one for a repeated key)."
    )

    class Arguments:
        order_id = graphene.ID(required=True, description="The order's ID.")
        amount = PositiveDecimal(
            required=True, description="Money received (more than zero)."
        )
        reference = graphene.String(
            required=True,
            description="Where it came from: a transfer reference, a receipt number.",
        )
        idempotency_key = graphene.String(
            required=True,
            description="Unique per payment; repeating a request with the same key records it once.",
        )
        currency = graphene.String(
            description="The amount's currency; the order's currency when not given."
        )

    class Meta:
        description = (
            "Record money received for an order with a payment schedule: a capture on "
            "the order's Saleor payment, allocated to the deposit, then the balance."
        )
        doc_category = DOC_CATEGORY
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(
        cls,
        _root,
        info,
        /,
        *,
        order_id,
        amount,
        reference,
        idempotency_key,
        currency=None,
    ):
        order = order_or_error(order_id)
        record = payment_schedule.record_payment(
            order,
            amount,
            (currency or order.currency).upper(),
            reference,
            idempotency_key,
            user=info.context.user,
        )
        order.refresh_from_db()
        return cls(
            order=SyncWebhookControlContext(node=order),
            payment_schedule=payment_schedule.schedule_for_order(order),
            payment_record=record,
        )


class OrderPaymentDeadlineExtend(OpenOrderMutation):
    payment_schedule = graphene.Field(PaymentSchedule)

    class Arguments:
        order_id = graphene.ID(required=True, description="The order's ID.")
        deadline = DateTime(
            required=True,
            description="The new deadline: a moment in the future, within a year.",
        )

    class Meta:
        description = (
            "Give one order more time to pay its deposit (or for staff to confirm "
            "it) before it is cancelled automatically."
        )
        doc_category = DOC_CATEGORY
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, _root, info, /, *, order_id, deadline):
        order = order_or_error(order_id)
        schedule = payment_window.extend_deadline(
            order, deadline, user=info.context.user
        )
        return cls(payment_schedule=payment_schedule.schedule_for_order(schedule.order))


class PaymentProofUpload(OpenOrderMutation):
    payment_proof = graphene.Field(PaymentProof, description="The proof, PENDING.")
    payment_schedule = graphene.Field(
        PaymentSchedule, description="The order's schedule: still owed until accepted."
    )

    class Arguments:
        token = UUID(
            required=True, description="The order's token: the buyer's credential."
        )
        file = Upload(
            required=True,
            description="The transfer receipt: an image or a PDF (multipart request).",
        )
        installment = InstallmentKindEnum(
            description="What it pays: DEPOSIT or BALANCE; default: the first still owed."
        )
        amount = PositiveDecimal(
            description="What was transferred; default: what is owed on the installment."
        )
        reference = graphene.String(
            description="The transfer's reference or the sender's name (at most 255)."
        )
        note = graphene.String(description="A note to the shop (at most 1000).")

    class Meta:
        description = (
            "The buyer sends a transfer receipt (bukti transfer) for an installment. "
            "Nothing counts as paid until staff accept it; staff are told."
        )
        doc_category = DOC_CATEGORY

    @classmethod
    def perform_mutation(cls, _root, info, /, *, token, file, **data):
        proof = payment_proofs.upload_proof(
            token,
            uploaded_file(info, file),
            installment_kind=data.get("installment"),
            amount=data.get("amount"),
            reference=data.get("reference"),
            note=data.get("note"),
        )
        return cls(
            payment_proof=proof,
            payment_schedule=payment_schedule.schedule_for_order(proof.order),
        )


class PaymentProofDecision(OpenOrderMutation):
    payment_proof = graphene.Field(PaymentProof)
    payment_schedule = graphene.Field(PaymentSchedule)

    class Meta:
        abstract = True

    @classmethod
    def proof_pk(cls, global_id):
        return pk_from_global_id(global_id, "PaymentProof", "id", uuid.UUID)

    @classmethod
    def success(cls, proof):
        return cls(
            payment_proof=proof,
            payment_schedule=payment_schedule.schedule_for_order(proof.order),
        )


class PaymentProofAccept(PaymentProofDecision):
    class Arguments:
        id = graphene.ID(required=True, description="ID of the proof.")
        amount = PositiveDecimal(
            description="What arrived, when it differs from what the buyer said."
        )
        reference = graphene.String(
            description="The bank's reference; default: the buyer's."
        )

    class Meta:
        description = (
            "The money is in the shop's account: record it against the order "
            "(as orderPaymentRecord does) and tell the buyer. Accepting twice "
            "records once."
        )
        doc_category = DOC_CATEGORY
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, _root, info, /, *, id, amount=None, reference=None):
        proof = payment_proofs.accept_proof(
            cls.proof_pk(id), user=info.context.user, amount=amount, reference=reference
        )
        return cls.success(proof)


class PaymentProofReject(PaymentProofDecision):
    class Arguments:
        id = graphene.ID(required=True, description="ID of the proof.")
        reason = graphene.String(
            required=True, description="Why, for the buyer (at most 500 characters)."
        )

    class Meta:
        description = (
            "No such money arrived, or the receipt cannot be read: nothing is "
            "recorded and the buyer is told the reason."
        )
        doc_category = DOC_CATEGORY
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, _root, info, /, *, id, reason):
        proof = payment_proofs.reject_proof(
            cls.proof_pk(id), reason=reason, user=info.context.user
        )
        return cls.success(proof)
