"""An order's payment schedule (staff by the order's ID, the buyer by its
token) and the staff's payment operations."""

import uuid

import graphene
from saleor.graphql.core.connection import (
    create_connection_slice,
    filter_connection_queryset,
)
from saleor.graphql.core.fields import (
    BaseField,
    FilterConnectionField,
    PermissionsField,
)
from saleor.graphql.core.scalars import UUID
from saleor.order.models import Order as OrderModel
from saleor.permission.enums import OrderPermissions

from ....host import get_host
from ....payments.schedule import schedule_for_order
from ....payments.selectors import staff_proofs
from ..core import DOC_CATEGORY, check_cursors, node_or_none
from .filters import PaymentProofFilterInput
from .mutations import (
    OrderPaymentDeadlineExtend,
    OrderPaymentRecord,
    PaymentProofAccept,
    PaymentProofReject,
    PaymentProofUpload,
)
from .types import PaymentProof, PaymentProofCountableConnection, PaymentSchedule


class PaymentQueries(graphene.ObjectType):
    order_payment_schedule = PermissionsField(
        PaymentSchedule,
        order_id=graphene.Argument(
            graphene.ID, required=True, description="The order's ID."
        ),
        description="An order's payment schedule.",
        permissions=[OrderPermissions.MANAGE_ORDERS],
        doc_category=DOC_CATEGORY,
    )
    payment_schedule_by_order_token = BaseField(
        PaymentSchedule,
        token=graphene.Argument(UUID, required=True, description="The order's token."),
        description=(
            "The buyer's view of an order's payment schedule, by the order's token "
            "(the same credential as Saleor's orderByToken)."
        ),
        doc_category=DOC_CATEGORY,
    )

    payment_proofs = FilterConnectionField(
        PaymentProofCountableConnection,
        filter=PaymentProofFilterInput(description="Filtering options for proofs."),
        description=(
            "Buyers' transfer proofs, oldest first (filter by status PENDING for "
            "the ones to check)."
        ),
        permissions=[OrderPermissions.MANAGE_ORDERS],
        doc_category=DOC_CATEGORY,
    )
    payment_proof = PermissionsField(
        PaymentProof,
        id=graphene.Argument(
            graphene.ID, required=True, description="ID of the proof."
        ),
        description="One transfer proof.",
        permissions=[OrderPermissions.MANAGE_ORDERS],
        doc_category=DOC_CATEGORY,
    )

    @staticmethod
    def resolve_payment_proofs(_root, info, **kwargs):
        check_cursors(kwargs)
        qs = filter_connection_queryset(
            staff_proofs(), kwargs, allow_replica=info.context.allow_replica
        )
        return create_connection_slice(
            qs, info, kwargs, PaymentProofCountableConnection
        )

    @staticmethod
    def resolve_payment_proof(_root, _info, /, *, id):
        return node_or_none(id, "PaymentProof", staff_proofs(), pk_type=uuid.UUID)

    @staticmethod
    def resolve_order_payment_schedule(_root, _info, /, *, order_id):
        order = node_or_none(
            order_id, "Order", OrderModel.objects.all(), pk_type=uuid.UUID
        )
        if order is None:
            return None
        return schedule_for_order(order)

    @staticmethod
    def resolve_payment_schedule_by_order_token(_root, _info, /, *, token):
        order = get_host().order_by_token(token)
        if order is None:
            return None
        return schedule_for_order(order)


class PaymentMutations(graphene.ObjectType):
    order_payment_record = OrderPaymentRecord.Field()
    order_payment_deadline_extend = OrderPaymentDeadlineExtend.Field()
    payment_proof_upload = PaymentProofUpload.Field()
    payment_proof_accept = PaymentProofAccept.Field()
    payment_proof_reject = PaymentProofReject.Field()
