import graphene
from saleor.core.permissions import OrderPermissions
from saleor.graphql.decorators import permission_required
from saleor.order.models import Order as OrderModel

from ....payments.schedule import schedule_for_order
from ..core import node_or_none
from .mutations import OrderPaymentDeadlineExtend, OrderPaymentRecord
from .types import PaymentSchedule


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

    @permission_required(OrderPermissions.MANAGE_ORDERS)
    def resolve_order_payment_schedule(self, info, order_id):
        order = node_or_none(order_id, "Order", OrderModel.objects.all())
        if order is None:
            return None
        return schedule_for_order(order)

    def resolve_payment_schedule_by_order_token(self, _info, token):
        order = OrderModel.objects.confirmed().filter(token=token).first()
        if order is None:
            return None
        return schedule_for_order(order)


class PaymentMutations(graphene.ObjectType):
    order_payment_record = OrderPaymentRecord.Field()
    order_payment_deadline_extend = OrderPaymentDeadlineExtend.Field()
