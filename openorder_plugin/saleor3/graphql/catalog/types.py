"""The catalog's GraphQL types on Saleor 3.23: a product type's made-to-order
settings and its custom-spec fields, as 2.10 serves them.

Spec prices are amounts a merchant enters once per product type; a buyer is
charged them in the currency of the channel they shop in. Every catalog
object is therefore served in a `CatalogContext`: Saleor's ChannelContext
(the channel a storefront asked about; None for staff) plus the currency its
amounts are shown in."""

from dataclasses import dataclass
from decimal import Decimal

import graphene
from prices import Money as Amount
from saleor.graphql.core.context import ChannelContext
from saleor.graphql.core.types import BaseObjectType, Money, NonNullList
from saleor.graphql.core.types.context import (
    ChannelContextType,
    ChannelContextTypeForObjectType,
)
from saleor.graphql.product.types import Product, ProductType

from .... import models
from ....api.catalog_enums import (
    BalanceDueEnum,
    DepositTypeEnum,
    MadeToOrderModeEnum,
    SpecFieldTypeEnum,
    WeekdayEnum,
)
from ....choices import DepositType
from ....host import get_host
from ....batches import selectors as batch_selectors
from ..batches.types import PreOrderBatch
from ..core import DOC_CATEGORY
from ..production.types import ProductionStage

for _enum in (
    BalanceDueEnum,
    DepositTypeEnum,
    MadeToOrderModeEnum,
    SpecFieldTypeEnum,
    WeekdayEnum,
):
    _enum.doc_category = DOC_CATEGORY


@dataclass
class CatalogContext(ChannelContext):
    """A catalog object (settings view, spec field, choice), the channel it
    is read in (None: staff, no channel) and the currency of its amounts."""

    currency: str


def in_channel(node, channel):
    """`node` as a storefront reads it in `channel` (a Channel)."""
    return CatalogContext(
        node=node, channel_slug=channel.slug, currency=channel.currency_code
    )


def for_staff(node, currency=None):
    """`node` as staff read it: no channel, amounts in the shop's currency."""
    return CatalogContext(
        node=node, channel_slug=None, currency=currency or get_host().currency()
    )


def money(amount, root):
    return Amount(Decimal(amount or 0), root.currency)


class SpecChoice(ChannelContextTypeForObjectType):
    value = graphene.String(required=True, description="The value a buyer sends.")
    label = graphene.String(required=True, description="What a buyer sees.")
    price = graphene.Field(
        Money, required=True, description="Added to the unit price when chosen."
    )

    class Meta:
        description = "One allowed value of a CHOICE or MULTI_CHOICE field."
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_value(root: CatalogContext, _info):
        return root.node["value"]

    @staticmethod
    def resolve_label(root: CatalogContext, _info):
        return root.node.get("label") or root.node["value"]

    @staticmethod
    def resolve_price(root: CatalogContext, _info):
        return money(root.node.get("priceAmount"), root)


class CustomSpecField(ChannelContextType[models.CustomSpecField]):
    id = graphene.GlobalID(required=True, description="The ID of the object.")
    code = graphene.String(required=True)
    label = graphene.String(required=True)
    help_text = graphene.String(required=True)
    type = SpecFieldTypeEnum(required=True, description="The kind of value.")
    required = graphene.Boolean(required=True)
    position = graphene.Int(required=True)
    min_length = graphene.Int()
    max_length = graphene.Int()
    min_value = graphene.Float(description="NUMBER: the smallest value allowed.")
    max_value = graphene.Float(description="NUMBER: the largest value allowed.")
    pattern = graphene.String(
        description=(
            "TEXT, LONG_TEXT: a regular expression (RE2 syntax) the whole value "
            "must match."
        )
    )
    choices = NonNullList(
        SpecChoice,
        required=True,
        description="CHOICE, MULTI_CHOICE: the allowed values.",
    )
    earliest_date_days = graphene.Int()
    max_file_size = graphene.Int()
    allowed_file_types = NonNullList(
        graphene.String,
        required=True,
        description="FILE: the allowed MIME types (empty: any).",
    )
    price_per_unit = graphene.Field(
        Money,
        required=True,
        description="Added to the unit price when the field is given (true for BOOLEAN).",
    )
    price_per_character = graphene.Field(
        Money,
        required=True,
        description="TEXT, LONG_TEXT: added to the unit price per character given.",
    )
    visible_when_field = graphene.String(
        description="Shown (and accepted) only when the field with this code..."
    )
    visible_when_value = graphene.String(description="... has this value.")

    class Meta:
        default_resolver = ChannelContextType.resolver_with_context
        description = (
            "A specification a buyer gives for a made-to-order product, with its "
            "validation and price modifiers."
        )
        doc_category = DOC_CATEGORY
        interfaces = [graphene.relay.Node]
        model = models.CustomSpecField

    @staticmethod
    def resolve_pattern(root: CatalogContext, _info):
        return root.node.pattern or None

    @staticmethod
    def resolve_choices(root: CatalogContext, _info):
        return [
            CatalogContext(
                node=choice, channel_slug=root.channel_slug, currency=root.currency
            )
            for choice in root.node.choices
        ]

    @staticmethod
    def resolve_price_per_unit(root: CatalogContext, _info):
        return money(root.node.price_per_unit, root)

    @staticmethod
    def resolve_price_per_character(root: CatalogContext, _info):
        return money(root.node.price_per_character, root)

    @staticmethod
    def resolve_visible_when_field(root: CatalogContext, _info):
        return root.node.visible_when_field or None

    @staticmethod
    def resolve_visible_when_value(root: CatalogContext, _info):
        field = root.node
        return field.visible_when_value if field.visible_when_field else None


class DepositPolicy(ChannelContextTypeForObjectType):
    type = DepositTypeEnum(required=True)
    percent = graphene.Float(description="PERCENT: the share of the line total.")
    amount = graphene.Field(Money, description="FIXED: the amount per unit.")

    class Meta:
        description = "What a buyer pays before production starts."
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_type(root: CatalogContext, _info):
        return root.node.deposit_type

    @staticmethod
    def resolve_percent(root: CatalogContext, _info):
        if root.node.deposit_type == DepositType.PERCENT:
            return root.node.deposit_value
        return None

    @staticmethod
    def resolve_amount(root: CatalogContext, _info):
        if root.node.deposit_type == DepositType.FIXED:
            return money(root.node.deposit_value, root)
        return None


class BalancePolicy(BaseObjectType):
    due = BalanceDueEnum(required=True)
    days = graphene.Int(description="DAYS_AFTER_ORDER: how many days after the order.")

    class Meta:
        description = "When the rest of a made-to-order line is due."
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_due(root, _info):
        return root.balance_due

    @staticmethod
    def resolve_days(root, _info):
        return root.balance_due_days


class MadeToOrderSettings(ChannelContextTypeForObjectType):
    """Resolved from a CatalogContext of catalog.selectors.MadeToOrderView."""

    product_type = graphene.Field(ProductType, required=True)
    mode = MadeToOrderModeEnum(required=True)
    lead_time_days = graphene.Int(
        required=True, description="Working days of production from order to ready."
    )
    daily_capacity = graphene.Int(
        description="Units that can be started per working day; null: unlimited."
    )
    working_days = NonNullList(
        WeekdayEnum,
        required=True,
        description="The weekdays that count as production days.",
    )
    stages = NonNullList(
        ProductionStage,
        required=True,
        description="The production stages, in order.",
    )
    approval_stage = graphene.String(
        description=(
            "The stage at which the buyer approves a design proof before "
            "production goes on; null: no approval."
        )
    )
    free_cancellation_stage = graphene.String(
        description=(
            "The last stage at which a buyer may still cancel for a full refund; "
            "null: only before the first stage is left."
        )
    )
    notify_stages = NonNullList(
        graphene.String,
        required=True,
        description="The stages (codes) at which the buyer gets an e-mail.",
    )
    deposit = graphene.Field(DepositPolicy, required=True)
    balance = graphene.Field(BalancePolicy, required=True)
    schema_version = graphene.Int(
        required=True, description="Goes up with every change to the spec fields."
    )
    spec_fields = NonNullList(
        CustomSpecField,
        required=True,
        description="The specifications a buyer gives, in order.",
    )

    class Meta:
        description = "How a product type is made to order and what a buyer specifies."
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_product_type(root: CatalogContext, _info):
        return root.node.product_type

    @staticmethod
    def resolve_mode(root: CatalogContext, _info):
        return root.node.settings.mode

    @staticmethod
    def resolve_lead_time_days(root: CatalogContext, _info):
        return root.node.settings.lead_time_days

    @staticmethod
    def resolve_daily_capacity(root: CatalogContext, _info):
        return root.node.settings.daily_capacity

    @staticmethod
    def resolve_working_days(root: CatalogContext, _info):
        return root.node.settings.working_days

    @staticmethod
    def resolve_stages(root: CatalogContext, _info):
        return root.node.settings.stages

    @staticmethod
    def resolve_free_cancellation_stage(root: CatalogContext, _info):
        return root.node.settings.free_cancellation_stage or None

    @staticmethod
    def resolve_approval_stage(root: CatalogContext, _info):
        return root.node.settings.approval_stage or None

    @staticmethod
    def resolve_notify_stages(root: CatalogContext, _info):
        return root.node.settings.notified_stage_codes

    @staticmethod
    def resolve_deposit(root: CatalogContext, _info):
        return CatalogContext(
            node=root.node.settings,
            channel_slug=root.channel_slug,
            currency=root.currency,
        )

    @staticmethod
    def resolve_balance(root: CatalogContext, _info):
        return root.node.settings

    @staticmethod
    def resolve_schema_version(root: CatalogContext, _info):
        return root.node.settings.schema_version

    @staticmethod
    def resolve_spec_fields(root: CatalogContext, _info):
        return [
            CatalogContext(
                node=field, channel_slug=root.channel_slug, currency=root.currency
            )
            for field in root.node.fields
        ]


class MadeToOrderProduct(MadeToOrderSettings):
    product = graphene.Field(Product, required=True)
    sells_in_batches = graphene.Boolean(
        required=True,
        description=(
            "Sold only in pre-order batches: it can be ordered while a batch is "
            "taking orders (preOrderBatch.isTakingOrders)."
        ),
    )
    pre_order_batch = graphene.Field(
        PreOrderBatch,
        description=(
            "The pre-order batch taking orders now, else the next one to open; "
            "null when the product does not sell in batches."
        ),
    )

    class Meta:
        description = (
            "What a storefront needs to sell a product: whether it is made to "
            "order, how long it takes, how it is paid, and the specifications a "
            "buyer must give (none for a ready-stock product)."
        )
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_product(root: CatalogContext, _info):
        # Saleor's Product is read in the channel the storefront asked about.
        return ChannelContext(node=root.node.product, channel_slug=root.channel_slug)

    @staticmethod
    def resolve_sells_in_batches(root: CatalogContext, _info):
        return batch_selectors.selling_for_product(root.node.product).in_batches

    @staticmethod
    def resolve_pre_order_batch(root: CatalogContext, _info):
        selling = batch_selectors.selling_for_product(root.node.product)
        return selling.current or selling.upcoming
