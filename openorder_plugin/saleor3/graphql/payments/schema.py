"""An order's payment schedule (staff by the order's ID, the buyer by its
token) and the staff's payment operations."""

import uuid

import graphene
from saleor.graphql.core.fields import BaseField, PermissionsField
from saleor.graphql.core.scalars import UUID
from saleor.order.models import Order as OrderModel
from saleor.permission.enums import OrderPermissions

from ....payments.schedule import schedule_for_order
from ..core import DOC_CATEGORY, node_or_none
from .mutations import OrderPaymentDeadlineExtend, OrderPaymentRecord
from .types import PaymentSchedule


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
        # Saleor 3's order token is the order's ID (as orderByToken reads it).
        order = OrderModel.objects.non_draft().filter(id=token).first()
        if order is None:
            return None
        return schedule_for_order(order)


class PaymentMutations(graphene.ObjectType):
    order_payment_record = OrderPaymentRecord.Field()
    order_payment_deadline_extend = OrderPaymentDeadlineExtend.Field()
