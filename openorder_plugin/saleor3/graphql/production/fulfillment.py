"""Saleor's orderFulfill with the production gate in front of it.

Saleor 3.23 has no plugin hook that can refuse a fulfillment before it is
created, so the extended schema (graphql/api.py) serves this subclass of
Saleor's own mutation as `orderFulfill`: the same arguments, payload and
errors, plus `overrideProductionGate`. Made-to-order lines are refused while
their production job is not at its last stage, and while the payment gate
says the money must come first. Orders without made-to-order lines behave
exactly as in Saleor."""

import graphene
from django.core.exceptions import ValidationError
from django.db import transaction
from saleor.graphql.core.doc_category import DOC_CATEGORY_ORDERS
from saleor.graphql.core.types import OrderError
from saleor.graphql.order.mutations.order_fulfill import (
    OrderFulfill as SaleorOrderFulfill,
)
from saleor.graphql.order.mutations.order_fulfill import OrderFulfillInput
from saleor.graphql.order.types import Order, OrderLine
from saleor.order.error_codes import OrderErrorCode
from saleor.permission.enums import OrderPermissions

from ....errors import OpenOrderError as DomainError
from ....errors import OpenOrderErrorCode as Codes
from ....production import fulfillment
from ..core import api_path


class OrderFulfill(SaleorOrderFulfill):
    class Arguments:
        order = graphene.ID(
            description="ID of the order to be fulfilled.", name="order"
        )
        input = OrderFulfillInput(
            required=True, description="Fields required to create a fulfillment."
        )
        override_production_gate = graphene.Boolean(
            default_value=False,
            description=(
                "Fulfill made-to-order lines whose production job has not reached "
                "its last stage (recorded in the order's history)."
            ),
        )

    class Meta:
        name = "OrderFulfill"
        description = (
            "Creates new fulfillments for an order. Made-to-order lines need their "
            "production job at its last stage, unless overrideProductionGate is set."
        )
        doc_category = DOC_CATEGORY_ORDERS
        permissions = (OrderPermissions.MANAGE_ORDERS,)
        error_type_class = OrderError
        error_type_field = "order_errors"
        webhook_events_info = SaleorOrderFulfill.webhook_events_info

    @classmethod
    def perform_mutation(  # type: ignore[override]
        cls,
        _root,
        info,
        /,
        *,
        input,
        order=None,
        override_production_gate=False,
    ):
        override = bool(override_production_gate)
        overridden = []
        order_obj = None
        if order:
            # Saleor's own ID helpers: a bad ID is Saleor's typed error.
            order_obj = cls.get_node_or_error(
                info, order, field="order", only_type=Order
            )
            cls.check_channel_permissions(info, [order_obj.channel_id])
            line_ids = [line.get("order_line_id") for line in input.get("lines") or []]
            order_lines = cls.get_nodes_or_error(
                line_ids, field="lines", only_type=OrderLine
            )
            try:
                overridden = fulfillment.check_fulfillment(
                    order_obj, order_lines, override
                )
            except DomainError as error:
                raise cls.as_validation_error(error) from error
        with transaction.atomic():
            result = super().perform_mutation(_root, info, input=input, order=order)
            if override and order_obj is not None:
                fulfillment.record_override(order_obj, overridden, info.context.user)
        return cls(fulfillments=result.fulfillments, order=result.order)

    @classmethod
    def as_validation_error(cls, error):
        errors = {}
        for problem in error.problems:
            if problem.code == Codes.PRODUCTION_NOT_READY:
                field, code = "lines", OrderErrorCode.FULFILL_ORDER_LINE.value
                params = {
                    "order_lines": [
                        graphene.Node.to_global_id("OrderLine", problem.field)
                    ]
                }
            else:  # the payment gate's
                field = api_path(problem.field) or "order"
                code, params = OrderErrorCode.PAYMENT_ERROR.value, {}
            errors.setdefault(field, []).append(
                ValidationError(problem.message, code=code, params=params)
            )
        return ValidationError(errors)
