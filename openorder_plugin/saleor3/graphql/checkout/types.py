"""The checkout and order read models on Saleor 3.23: a checkout's and an
order's made-to-order lines with their specs, and a quote. Saleor's own
Checkout, CheckoutLine, OrderLine and ProductVariant are returned wrapped as
Saleor's resolvers return them; money is in the checkout's, order's or
channel's currency."""

import graphene
from prices import Money as Amount
from saleor.graphql.checkout.types import Checkout, CheckoutLine
from saleor.graphql.core.context import ChannelContext, SyncWebhookControlContext
from saleor.graphql.core.scalars import UUID, Date, DateTime
from saleor.graphql.core.types import (
    BaseInputObjectType,
    BaseObjectType,
    Money,
    NonNullList,
    TaxedMoney,
)
from saleor.graphql.core.types.context import ChannelContextTypeForObjectType
from saleor.graphql.order.types import OrderLine
from saleor.graphql.product.types import ProductVariant

from ....host import get_host
from ....payments.schedule import schedule_for_order
from ....production.selectors import design_proofs, timeline_for_order_lines
from ....specs.selectors import frozen_specs_for_order
from ..core import DOC_CATEGORY, OpenOrderError
from ..payments.types import PaymentSchedule
from ..production.types import DesignProof, ProductionTimeline
from ..specs.types import SpecValue, SpecValueInput, spec_values


class CustomCheckoutLineInput(BaseInputObjectType):
    variant_id = graphene.ID(required=True, description="A made-to-order variant.")
    quantity = graphene.Int(required=True, description="Number of units.")
    specs = NonNullList(
        SpecValueInput,
        description="The buyer's specs.",
        default_value=[],
    )

    class Meta:
        description = "A made-to-order checkout line with the buyer's specs."
        doc_category = DOC_CATEGORY


class MadeToOrderCheckoutLine(ChannelContextTypeForObjectType):
    """Resolved from ChannelContext(node=specs.selectors.LineView,
    channel_slug=the checkout's channel)."""

    line = graphene.Field(
        CheckoutLine, required=True, description="Saleor's checkout line."
    )
    variant = graphene.Field(ProductVariant, required=True)
    quantity = graphene.Int(required=True)
    specs = NonNullList(SpecValue, required=True)
    unit_price = graphene.Field(
        TaxedMoney, description="Unit price with spec modifiers."
    )
    total_price = graphene.Field(
        TaxedMoney, description="Line total with spec modifiers."
    )
    unit_price_modifier = graphene.Field(Money, required=True)
    promised_date = Date(
        description="The ready date we could promise now (held only at checkoutComplete)."
    )
    deposit = graphene.Field(
        Money, required=True, description="Due at checkout for this line."
    )
    problems = NonNullList(
        OpenOrderError,
        required=True,
        description="What must be fixed before checkoutComplete (missing or invalid specs).",
    )

    class Meta:
        default_resolver = ChannelContextTypeForObjectType.resolver_with_context
        description = "A made-to-order checkout line: its specs, price, deposit and promised date."
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_line(root: ChannelContext, _info):
        return SyncWebhookControlContext(node=root.node.line)

    @staticmethod
    def resolve_variant(root: ChannelContext, _info):
        return ChannelContext(
            node=root.node.line.variant, channel_slug=root.channel_slug
        )

    @staticmethod
    def resolve_quantity(root: ChannelContext, _info):
        return root.node.line.quantity

    @staticmethod
    def resolve_specs(root: ChannelContext, _info):
        return spec_values(root.node.specs, root.node.unit_price_modifier.currency)


class MadeToOrderCheckout(BaseObjectType):
    """Resolved from specs.selectors.CheckoutView."""

    token = UUID(required=True)
    checkout = graphene.Field(Checkout, required=True)
    lines = NonNullList(MadeToOrderCheckoutLine, required=True)
    deposit = graphene.Field(
        Money, required=True, description="Due now: the made-to-order lines' deposits."
    )

    class Meta:
        description = "A checkout's made-to-order lines, with what is due now."
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_token(root, _info):
        return root.checkout.token

    @staticmethod
    def resolve_checkout(root, _info):
        return SyncWebhookControlContext(node=root.checkout)

    @staticmethod
    def resolve_lines(root, _info):
        slug = root.checkout.channel.slug
        return [ChannelContext(node=line, channel_slug=slug) for line in root.lines]


class MadeToOrderQuote(BaseObjectType):
    """Resolved from specs.selectors.Quote (amounts in the channel's currency)."""

    specs = NonNullList(SpecValue, required=True)
    unit_price = graphene.Field(Money, description="Unit price with spec modifiers.")
    unit_price_modifier = graphene.Field(Money)
    total_price = graphene.Field(Money)
    deposit = graphene.Field(Money, description="Due at checkout.")
    promised_date = Date(description="The ready date we can promise today.")
    errors = NonNullList(OpenOrderError, required=True)

    class Meta:
        description = (
            "Price with spec modifiers, deposit and promised date of a made-to-order "
            "variant; what is wrong with the input in `errors`."
        )
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_specs(root, _info):
        currency = root.unit_price.currency if root.unit_price else None
        return spec_values(root.specs, currency)


class MadeToOrderOrderLine(BaseObjectType):
    """Resolved from an OrderLineSpec (the specs frozen onto an order line)."""

    line = graphene.Field(OrderLine, required=True, description="Saleor's order line.")
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    quantity = graphene.Int(required=True)
    unit_price = graphene.Field(TaxedMoney, required=True)
    specs = NonNullList(SpecValue, required=True, description="Frozen when ordered.")
    unit_price_modifier = graphene.Field(Money, required=True)
    schema_version = graphene.Int(required=True)
    promised_date = Date()

    class Meta:
        description = (
            "An order's made-to-order line with the specs frozen when it was placed."
        )
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_line(root, _info):
        return SyncWebhookControlContext(node=root.order_line)

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
    def resolve_unit_price(root, _info):
        return root.order_line.unit_price

    @staticmethod
    def resolve_specs(root, _info):
        return spec_values(root.specs, root.order_line.currency)

    @staticmethod
    def resolve_unit_price_modifier(root, _info):
        return Amount(root.unit_price_modifier, root.order_line.currency)


class MadeToOrderOrder(BaseObjectType):
    """Resolved from Saleor's Order."""

    id = graphene.ID(required=True, description="Saleor's order ID.")
    number = graphene.String(required=True)
    token = UUID(required=True)
    status = graphene.String(required=True, description="Saleor's order status.")
    created = DateTime(required=True)
    lines = NonNullList(MadeToOrderOrderLine, required=True)
    timeline = NonNullList(
        ProductionTimeline,
        required=True,
        description="Where each made-to-order line is in production (no staff data).",
    )
    payment_schedule = graphene.Field(
        PaymentSchedule,
        description="Deposit and balance: amounts, when due, what is paid.",
    )
    design_proofs = NonNullList(
        DesignProof,
        required=True,
        description=(
            "Design proofs the shop sent for approval, every round, oldest first: "
            "answer a PENDING one with productionProofApprove or "
            "productionProofRequestChanges."
        ),
    )

    class Meta:
        description = "An order's made-to-order lines, production and payments."
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_id(root, _info):
        return graphene.Node.to_global_id("Order", root.pk)

    @staticmethod
    def resolve_number(root, _info):
        return str(get_host().order_number(root))

    @staticmethod
    def resolve_token(root, _info):
        # Saleor 3's order token is its ID (as orderByToken reads it).
        return get_host().order_token(root)

    @staticmethod
    def resolve_status(root, _info):
        return root.status.upper()

    @staticmethod
    def resolve_created(root, _info):
        return root.created_at

    @staticmethod
    def resolve_timeline(root, _info):
        return timeline_for_order_lines(root)

    @staticmethod
    def resolve_payment_schedule(root, _info):
        return schedule_for_order(root)

    @staticmethod
    def resolve_design_proofs(root, _info):
        return design_proofs(job__order_id=root.pk)

    @staticmethod
    def resolve_lines(root, _info):
        frozen = frozen_specs_for_order(root)
        return [frozen[line.pk] for line in root.lines.all() if line.pk in frozen]
