import graphene
from graphql.language import ast
from django.urls import reverse
from saleor.graphql.checkout.types import Checkout, CheckoutLine
from saleor.graphql.core.types import Money, TaxedMoney
from saleor.graphql.order.types import OrderLine
from saleor.graphql.product.types import ProductVariant

from ..core import OpenOrderError


class NotText:
    """A spec value that came as something other than text."""

    def __init__(self, value):
        self.value = value


class SpecText(graphene.Scalar):
    """A spec value: always text. Numbers are "17", booleans "true" or
    "false", dates "2026-12-24", colours "#1b2a4a". A number, object or list
    is refused with INVALID_TYPE rather than turned into text."""

    @staticmethod
    def serialize(value):
        return value

    @staticmethod
    def parse_value(value):
        return value if isinstance(value, str) else NotText(value)

    @staticmethod
    def parse_literal(node):
        return node.value if isinstance(node, ast.StringValue) else NotText(node)


class SpecValueInput(graphene.InputObjectType):
    code = graphene.String(required=True, description="The spec field's code.")
    value = SpecText(
        description=(
            "The value as text: a number, a choice's value, true/false, a date "
            "(YYYY-MM-DD), a colour (#rrggbb) or an upload's ID for FILE fields."
        )
    )
    values = graphene.List(
        graphene.NonNull(SpecText), description="The chosen values (MULTI_CHOICE)."
    )


class CustomCheckoutLineInput(graphene.InputObjectType):
    variant_id = graphene.ID(required=True, description="A made-to-order variant.")
    quantity = graphene.Int(required=True, description="Number of units.")
    specs = graphene.List(
        graphene.NonNull(SpecValueInput), description="The buyer's specs.", default_value=[]
    )


class SpecFile(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True, description="The file name the buyer gave.")
    content_type = graphene.String(required=True, description="Type found from the content.")
    size = graphene.Int(required=True, description="Size in bytes.")
    url = graphene.String(
        required=True,
        description=(
            "Where to download it: the buyer adds `?token=` with their checkout or "
            "order token; staff send their JWT."
        ),
    )

    @staticmethod
    def resolve_id(root, _info):
        return str(root.pk)

    @staticmethod
    def resolve_name(root, _info):
        return root.original_name

    @staticmethod
    def resolve_url(root, _info):
        return reverse("openorder-spec-file", kwargs={"upload_id": str(root.pk)})


class SpecValue(graphene.ObjectType):
    code = graphene.String(required=True)
    label = graphene.String(required=True)
    type = graphene.String(required=True, description="The field's type.")
    value = graphene.String(description="The value as text (MULTI_CHOICE: comma-joined).")
    values = graphene.List(graphene.NonNull(graphene.String), description="MULTI_CHOICE values.")
    price_modifier = graphene.Field(Money, required=True, description="Added per unit.")

    class Meta:
        description = "A spec as the buyer gave it. Text: never render it as HTML."

    @staticmethod
    def resolve_value(root, _info):
        value = root["value"]
        return ",".join(value) if isinstance(value, list) else value

    @staticmethod
    def resolve_values(root, _info):
        value = root["value"]
        return value if isinstance(value, list) else [value]

    @staticmethod
    def resolve_price_modifier(root, info):
        from prices import Money as PriceMoney

        return PriceMoney(root["priceModifier"], root.get("currency") or _currency())


def _currency():
    from django.conf import settings

    return settings.DEFAULT_CURRENCY


class MadeToOrderCheckoutLine(graphene.ObjectType):
    line = graphene.Field(CheckoutLine, required=True, description="Saleor's checkout line.")
    variant = graphene.Field(ProductVariant, required=True)
    quantity = graphene.Int(required=True)
    specs = graphene.List(graphene.NonNull(SpecValue), required=True)
    unit_price = graphene.Field(TaxedMoney, description="Unit price with spec modifiers.")
    total_price = graphene.Field(TaxedMoney, description="Line total with spec modifiers.")
    unit_price_modifier = graphene.Field(Money, required=True)
    promised_date = graphene.Date(
        description="The ready date we could promise now (held only at checkoutComplete)."
    )
    deposit = graphene.Field(Money, required=True, description="Due at checkout for this line.")
    problems = graphene.List(
        graphene.NonNull(OpenOrderError),
        required=True,
        description="What must be fixed before checkoutComplete (missing or invalid specs).",
    )

    @staticmethod
    def resolve_variant(root, _info):
        return root.line.variant

    @staticmethod
    def resolve_quantity(root, _info):
        return root.line.quantity


class MadeToOrderCheckout(graphene.ObjectType):
    token = graphene.UUID(required=True)
    checkout = graphene.Field(Checkout, required=True)
    lines = graphene.List(graphene.NonNull(MadeToOrderCheckoutLine), required=True)
    deposit = graphene.Field(
        Money, required=True, description="Due now: the made-to-order lines' deposits."
    )

    @staticmethod
    def resolve_token(root, _info):
        return root.checkout.token


class MadeToOrderQuote(graphene.ObjectType):
    specs = graphene.List(graphene.NonNull(SpecValue), required=True)
    unit_price = graphene.Field(Money, description="Unit price with spec modifiers.")
    unit_price_modifier = graphene.Field(Money)
    total_price = graphene.Field(Money)
    deposit = graphene.Field(Money, description="Due at checkout.")
    promised_date = graphene.Date(description="The ready date we can promise today.")
    errors = graphene.List(graphene.NonNull(OpenOrderError), required=True)


class MadeToOrderOrderLine(graphene.ObjectType):
    line = graphene.Field(OrderLine, required=True, description="Saleor's order line.")
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    quantity = graphene.Int(required=True)
    unit_price = graphene.Field(TaxedMoney, required=True)
    specs = graphene.List(
        graphene.NonNull(SpecValue), required=True, description="Frozen when ordered."
    )
    unit_price_modifier = graphene.Field(Money, required=True)
    schema_version = graphene.Int(required=True)
    promised_date = graphene.Date()

    @staticmethod
    def resolve_product_name(root, _info):
        return root.order_line.product_name

    @staticmethod
    def resolve_variant_name(root, _info):
        return root.order_line.variant_name

    @staticmethod
    def resolve_quantity(root, _info):
        return root.order_line.quantity

    @staticmethod
    def resolve_line(root, _info):
        return root.order_line

    @staticmethod
    def resolve_unit_price(root, _info):
        return root.order_line.unit_price

    @staticmethod
    def resolve_unit_price_modifier(root, _info):
        from prices import Money as PriceMoney

        return PriceMoney(root.unit_price_modifier, root.order_line.currency)


def _production_types():
    # Imported late: the production types use SpecValue from this module.
    from ..production import types

    return types


def _payment_types():
    from ..payments import types

    return types


class MadeToOrderOrder(graphene.ObjectType):
    id = graphene.ID(required=True, description="Saleor's order ID.")
    number = graphene.String(required=True)
    token = graphene.UUID(required=True)
    status = graphene.String(required=True, description="Saleor's order status.")
    created = graphene.DateTime(required=True)
    lines = graphene.List(graphene.NonNull(MadeToOrderOrderLine), required=True)
    timeline = graphene.List(
        graphene.NonNull(lambda: _production_types().ProductionTimeline),
        required=True,
        description="Where each made-to-order line is in production (no staff data).",
    )
    payment_schedule = graphene.Field(
        lambda: _payment_types().PaymentSchedule,
        description="Deposit and balance: amounts, when due, what is paid.",
    )

    @staticmethod
    def resolve_id(root, _info):
        return graphene.Node.to_global_id("Order", root.pk)

    @staticmethod
    def resolve_timeline(root, _info):
        from ....production.selectors import timeline_for_order_lines

        return timeline_for_order_lines(root)

    @staticmethod
    def resolve_payment_schedule(root, _info):
        from ....payments.schedule import schedule_for_order

        return schedule_for_order(root)

    @staticmethod
    def resolve_number(root, _info):
        return str(root.pk)

    @staticmethod
    def resolve_status(root, _info):
        return root.status.upper()

    @staticmethod
    def resolve_lines(root, _info):
        from ....specs.selectors import frozen_specs_for_order

        frozen = frozen_specs_for_order(root)
        return [frozen[line.pk] for line in root.lines.all() if line.pk in frozen]
