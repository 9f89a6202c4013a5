"""Staff's payment operations on an order with a payment schedule: record
money received, give more time to pay the deposit."""

import uuid

import graphene
from saleor.graphql.core.context import SyncWebhookControlContext
from saleor.graphql.core.scalars import DateTime, PositiveDecimal
from saleor.graphql.order.types import Order
from saleor.order.models import Order as OrderModel
from saleor.permission.enums import OrderPermissions

from ....payments import schedule as payment_schedule
from ....payments import window as payment_window
from ..core import DOC_CATEGORY, OpenOrderMutation, node_or_error
from .types import PaymentRecord, PaymentSchedule


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
