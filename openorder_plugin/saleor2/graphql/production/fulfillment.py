"""Saleor's orderFulfill with the production gate in front of it.

Saleor 2.10 has no hook before a fulfillment is created, so the extended
schema serves this subclass as `orderFulfill`: the same arguments, payload
and errors, plus `overrideProductionGate`. Orders without made-to-order lines
behave exactly as in Saleor."""

import graphene
from django.core.exceptions import ValidationError
from saleor.core.permissions import OrderPermissions
from saleor.graphql.core.types.common import OrderError
from saleor.graphql.order.mutations.fulfillments import (
    OrderFulfill as SaleorOrderFulfill,
    OrderFulfillInput,
)
from saleor.graphql.order.types import Order, OrderLine
from saleor.order.error_codes import OrderErrorCode

from ....errors import OpenOrderError, OpenOrderErrorCode as Codes
from ....production import fulfillment
from ..core import api_path, pk_from_global_id


class OrderFulfill(SaleorOrderFulfill):
    class Arguments:
        order = graphene.ID(
            description="ID of the order to be fulfilled.", name="order"
        )
        input = OrderFulfillInput(
            required=True, description="Fields required to create an fulfillment."
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
        permissions = (OrderPermissions.MANAGE_ORDERS,)
        error_type_class = OrderError
        error_type_field = "order_errors"

    @classmethod
    def perform_mutation(cls, root, info, order, **data):
        override = bool(data.pop("override_production_gate", False))
        line_ids = [
            line.get("order_line_id") for line in data["input"].get("lines") or []
        ]
        # Saleor's own ID helpers let a malformed ID raise; check them first.
        try:
            pk_from_global_id(order, "Order", "order")
            for line_id in line_ids:
                pk_from_global_id(line_id, "OrderLine", "lines")
        except OpenOrderError as error:
            problem = error.problems[0]
            raise ValidationError(
                {
                    problem.field: ValidationError(
                        problem.message, code=OrderErrorCode.GRAPHQL_ERROR
                    )
                }
            )
        order_obj = cls.get_node_or_error(info, order, field="order", only_type=Order)
        order_lines = cls.get_nodes_or_error(
            line_ids, field="lines", only_type=OrderLine
        )
        try:
            overridden = fulfillment.check_fulfillment(order_obj, order_lines, override)
        except OpenOrderError as error:
            raise cls.as_validation_error(error)
        result = super().perform_mutation(root, info, order=order, **data)
        if override:
            fulfillment.record_override(order_obj, overridden, info.context.user)
        return cls(fulfillments=result.fulfillments, order=result.order)

    @classmethod
    def as_validation_error(cls, error):
        errors = {}
        for problem in error.problems:
            if problem.code == Codes.PRODUCTION_NOT_READY:
                field, code = "lines", OrderErrorCode.FULFILL_ORDER_LINE
                params = {
                    "order_line": graphene.Node.to_global_id("OrderLine", problem.field)
                }
            else:  # the payment gate's
                field = api_path(problem.field) or "order"
                code, params = OrderErrorCode.PAYMENT_ERROR, {}
            errors.setdefault(field, []).append(
                ValidationError(problem.message, code=code, params=params)
            )
        return ValidationError(errors)
