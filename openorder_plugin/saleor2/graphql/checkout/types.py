import graphene
from prices import Money as PriceMoney
from saleor.graphql.checkout.types import Checkout, CheckoutLine
from saleor.graphql.core.types import Money, TaxedMoney
from saleor.graphql.order.types import OrderLine
from saleor.graphql.product.types import ProductVariant

from ....payments.schedule import schedule_for_order
from ....production.selectors import design_proofs, timeline_for_order_lines
from ....specs.selectors import frozen_specs_for_order
from ..core import OpenOrderError, OrderLineNames
from ..payments.types import PaymentSchedule
from ..production.types import DesignProof, ProductionTimeline
from ..specs.types import SpecValue, SpecValueInput


class CustomCheckoutLineInput(graphene.InputObjectType):
    variant_id = graphene.ID(required=True, description="A made-to-order variant.")
    quantity = graphene.Int(required=True, description="Number of units.")
    specs = graphene.List(
        graphene.NonNull(SpecValueInput),
        description="The buyer's specs.",
        default_value=[],
    )


class MadeToOrderCheckoutLine(graphene.ObjectType):
    line = graphene.Field(
        CheckoutLine, required=True, description="Saleor's checkout line."
    )
    variant = graphene.Field(ProductVariant, required=True)
    quantity = graphene.Int(required=True)
    specs = graphene.List(graphene.NonNull(SpecValue), required=True)
    unit_price = graphene.Field(
        TaxedMoney, description="Unit price with spec modifiers."
    )
    total_price = graphene.Field(
        TaxedMoney, description="Line total with spec modifiers."
    )
    unit_price_modifier = graphene.Field(Money, required=True)
    promised_date = graphene.Date(
        description="The ready date we could promise now (held only at checkoutComplete)."
    )
    deposit = graphene.Field(
        Money, required=True, description="Due at checkout for this line."
    )
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


class MadeToOrderOrderLine(OrderLineNames, graphene.ObjectType):
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
        return PriceMoney(root.unit_price_modifier, root.order_line.currency)


class MadeToOrderOrder(graphene.ObjectType):
    id = graphene.ID(required=True, description="Saleor's order ID.")
    number = graphene.String(required=True)
    token = graphene.UUID(required=True)
    status = graphene.String(required=True, description="Saleor's order status.")
    created = graphene.DateTime(required=True)
    lines = graphene.List(graphene.NonNull(MadeToOrderOrderLine), required=True)
    timeline = graphene.List(
        graphene.NonNull(ProductionTimeline),
        required=True,
        description="Where each made-to-order line is in production (no staff data).",
    )
    payment_schedule = graphene.Field(
        PaymentSchedule,
        description="Deposit and balance: amounts, when due, what is paid.",
    )
    design_proofs = graphene.List(
        graphene.NonNull(DesignProof),
        required=True,
        description=(
            "Design proofs the shop sent for approval, every round, oldest first: "
            "answer a PENDING one with productionProofApprove or "
            "productionProofRequestChanges."
        ),
    )

    @staticmethod
    def resolve_id(root, _info):
        return graphene.Node.to_global_id("Order", root.pk)

    @staticmethod
    def resolve_design_proofs(root, _info):
        return design_proofs(job__order_id=root.pk)

    @staticmethod
    def resolve_timeline(root, _info):
        return timeline_for_order_lines(root)

    @staticmethod
    def resolve_payment_schedule(root, _info):
        return schedule_for_order(root)

    @staticmethod
    def resolve_number(root, _info):
        return str(root.pk)

    @staticmethod
    def resolve_status(root, _info):
        return root.status.upper()

    @staticmethod
    def resolve_lines(root, _info):
        frozen = frozen_specs_for_order(root)
        return [frozen[line.pk] for line in root.lines.all() if line.pk in frozen]
