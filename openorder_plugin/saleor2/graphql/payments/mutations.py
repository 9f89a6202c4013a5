import graphene
from django.conf import settings
from saleor.core.permissions import OrderPermissions
from saleor.graphql.order.types import Order
from saleor.order.models import Order as OrderModel

from ....payments import schedule as payment_schedule
from ....payments import window as payment_window
from ..core import OpenOrderMutation, node_or_error
from .scalars import PositiveDecimal
from .types import PaymentRecord, PaymentSchedule


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
        amount = PositiveDecimal(required=True, description="Money received.")
        reference = graphene.String(
            required=True,
            description="Where it came from: a transfer reference, a receipt number.",
        )
        idempotency_key = graphene.String(
            required=True,
            description="Unique per payment; repeating a request with the same key records it once.",
        )
        currency = graphene.String(
            description="The amount's currency; the shop's currency when not given."
        )

    class Meta:
        description = (
            "Record money received for an order with a payment schedule: a capture on "
            "the order's Saleor payment, allocated to the deposit, then the balance."
        )
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(
        cls, _root, info, order_id, amount, reference, idempotency_key, currency=None
    ):
        order = node_or_error(order_id, "Order", OrderModel.objects.all(), "orderId")
        record = payment_schedule.record_payment(
            order,
            amount,
            (currency or settings.DEFAULT_CURRENCY).upper(),
            reference,
            idempotency_key,
            user=info.context.user,
        )
        order.refresh_from_db()
        return cls(
            order=order,
            payment_schedule=payment_schedule.schedule_for_order(order),
            payment_record=record,
        )


class OrderPaymentDeadlineExtend(OpenOrderMutation):
    payment_schedule = graphene.Field(PaymentSchedule)

    class Arguments:
        order_id = graphene.ID(required=True, description="The order's ID.")
        deadline = graphene.DateTime(
            required=True,
            description="The new deadline: a moment in the future, within a year.",
        )

    class Meta:
        description = (
            "Give one order more time to pay its deposit (or for staff to confirm "
            "it) before it is cancelled automatically."
        )
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, _root, info, order_id, deadline):
        order = node_or_error(order_id, "Order", OrderModel.objects.all(), "orderId")
        schedule = payment_window.extend_deadline(
            order, deadline, user=info.context.user
        )
        return cls(payment_schedule=payment_schedule.schedule_for_order(schedule.order))
