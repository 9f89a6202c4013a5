import uuid

import graphene
from saleor.core.permissions import OrderPermissions
from saleor.graphql.decorators import permission_required
from saleor.order.models import Order as OrderModel

from ....host import get_host
from ....payments.schedule import schedule_for_order
from ..core import node_or_none
from ....payments.selectors import staff_proofs
from ..core import FilterConnectionField, check_cursors
from .filters import PaymentProofFilterInput
from .mutations import (
    OrderPaymentDeadlineExtend,
    OrderPaymentRecord,
    PaymentProofAccept,
    PaymentProofReject,
    PaymentProofUpload,
)
from .types import PaymentProof, PaymentSchedule


class PaymentQueries(graphene.ObjectType):
    order_payment_schedule = graphene.Field(
        PaymentSchedule,
        order_id=graphene.Argument(graphene.ID, required=True),
        description="An order's payment schedule. Needs MANAGE_ORDERS.",
    )
    payment_schedule_by_order_token = graphene.Field(
        PaymentSchedule,
        token=graphene.Argument(graphene.UUID, required=True),
        description=(
            "The buyer's view of an order's payment schedule, by the order's token "
            "(the same credential as Saleor's orderByToken)."
        ),
    )

    payment_proofs = FilterConnectionField(
        PaymentProof,
        filter=PaymentProofFilterInput(description="Filtering options for proofs."),
        description=(
            "Buyers' transfer proofs, oldest first (filter by status PENDING for "
            "the ones to check). Needs MANAGE_ORDERS."
        ),
    )
    payment_proof = graphene.Field(
        PaymentProof,
        id=graphene.Argument(graphene.ID, required=True),
        description="One transfer proof. Needs MANAGE_ORDERS.",
    )

    @permission_required(OrderPermissions.MANAGE_ORDERS)
    def resolve_payment_proofs(self, _info, **kwargs):
        check_cursors(kwargs)
        return staff_proofs()

    @permission_required(OrderPermissions.MANAGE_ORDERS)
    def resolve_payment_proof(self, _info, id):
        return node_or_none(id, "PaymentProof", staff_proofs(), pk_type=uuid.UUID)

    @permission_required(OrderPermissions.MANAGE_ORDERS)
    def resolve_order_payment_schedule(self, info, order_id):
        order = node_or_none(order_id, "Order", OrderModel.objects.all())
        if order is None:
            return None
        return schedule_for_order(order)

    def resolve_payment_schedule_by_order_token(self, _info, token):
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
