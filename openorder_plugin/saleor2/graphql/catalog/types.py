from decimal import Decimal

import graphene
from django.conf import settings
from prices import Money as Amount
from saleor.graphql.core.connection import CountableDjangoObjectType
from saleor.graphql.core.types import Money
from saleor.graphql.product.types import Product, ProductType

from .... import models
from ....choices import DepositType
from ....batches import selectors as batch_selectors
from ..batches.types import PreOrderBatch
from ..production.types import ProductionStage
from ....api.catalog_enums import (
    BalanceDueEnum,
    DepositTypeEnum,
    MadeToOrderModeEnum,
    SpecFieldTypeEnum,
    WeekdayEnum,
)


def shop_money(amount):
    """An amount stored in the shop currency, as Saleor's Money."""
    return Amount(Decimal(amount or 0), settings.DEFAULT_CURRENCY)


class SpecChoice(graphene.ObjectType):
    value = graphene.String(required=True, description="The value a buyer sends.")
    label = graphene.String(required=True, description="What a buyer sees.")
    price = graphene.Field(
        Money, required=True, description="Added to the unit price when chosen."
    )

    class Meta:
        description = "One allowed value of a CHOICE or MULTI_CHOICE field."

    @staticmethod
    def resolve_value(root, _info):
        return root["value"]

    @staticmethod
    def resolve_label(root, _info):
        return root.get("label") or root["value"]

    @staticmethod
    def resolve_price(root, _info):
        return shop_money(root.get("priceAmount"))


class CustomSpecField(CountableDjangoObjectType):
    type = SpecFieldTypeEnum(required=True, description="The kind of value.")
    min_value = graphene.Float(description="NUMBER: the smallest value allowed.")
    max_value = graphene.Float(description="NUMBER: the largest value allowed.")
    pattern = graphene.String(
        description=(
            "TEXT, LONG_TEXT: a regular expression (RE2 syntax) the whole value "
            "must match."
        )
    )
    choices = graphene.List(
        graphene.NonNull(SpecChoice),
        required=True,
        description="CHOICE, MULTI_CHOICE: the allowed values.",
    )
    allowed_file_types = graphene.List(
        graphene.NonNull(graphene.String),
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
        description = (
            "A specification a buyer gives for a made-to-order product, with its "
            "validation and price modifiers."
        )
        interfaces = [graphene.relay.Node]
        model = models.CustomSpecField
        only_fields = [
            "id",
            "code",
            "label",
            "help_text",
            "required",
            "position",
            "min_length",
            "max_length",
            "earliest_date_days",
            "max_file_size",
        ]

    @staticmethod
    def resolve_min_value(root, _info):
        return root.min_value

    @staticmethod
    def resolve_max_value(root, _info):
        return root.max_value

    @staticmethod
    def resolve_pattern(root, _info):
        return root.pattern or None

    @staticmethod
    def resolve_price_per_unit(root, _info):
        return shop_money(root.price_per_unit)

    @staticmethod
    def resolve_price_per_character(root, _info):
        return shop_money(root.price_per_character)

    @staticmethod
    def resolve_visible_when_field(root, _info):
        return root.visible_when_field or None

    @staticmethod
    def resolve_visible_when_value(root, _info):
        return root.visible_when_value if root.visible_when_field else None


class DepositPolicy(graphene.ObjectType):
    type = DepositTypeEnum(required=True)
    percent = graphene.Float(description="PERCENT: the share of the line total.")
    amount = graphene.Field(Money, description="FIXED: the amount per unit.")

    class Meta:
        description = "What a buyer pays before production starts."

    @staticmethod
    def resolve_type(root, _info):
        return root.deposit_type

    @staticmethod
    def resolve_percent(root, _info):
        if root.deposit_type == DepositType.PERCENT:
            return root.deposit_value
        return None

    @staticmethod
    def resolve_amount(root, _info):
        if root.deposit_type == DepositType.FIXED:
            return shop_money(root.deposit_value)
        return None


class BalancePolicy(graphene.ObjectType):
    due = BalanceDueEnum(required=True)
    days = graphene.Int(description="DAYS_AFTER_ORDER: how many days after the order.")

    class Meta:
        description = "When the rest of a made-to-order line is due."

    @staticmethod
    def resolve_due(root, _info):
        return root.balance_due

    @staticmethod
    def resolve_days(root, _info):
        return root.balance_due_days


class MadeToOrderSettings(graphene.ObjectType):
    """Resolved from catalog.selectors.MadeToOrderView."""

    product_type = graphene.Field(ProductType, required=True)
    mode = MadeToOrderModeEnum(required=True)
    lead_time_days = graphene.Int(
        required=True, description="Working days of production from order to ready."
    )
    daily_capacity = graphene.Int(
        description="Units that can be started per working day; null: unlimited."
    )
    working_days = graphene.List(
        graphene.NonNull(WeekdayEnum),
        required=True,
        description="The weekdays that count as production days.",
    )
    stages = graphene.List(
        graphene.NonNull(ProductionStage),
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
    notify_stages = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="The stages (codes) at which the buyer gets an e-mail.",
    )
    deposit = graphene.Field(DepositPolicy, required=True)
    balance = graphene.Field(BalancePolicy, required=True)
    schema_version = graphene.Int(
        required=True, description="Goes up with every change to the spec fields."
    )
    spec_fields = graphene.List(
        graphene.NonNull(CustomSpecField),
        required=True,
        description="The specifications a buyer gives, in order.",
    )

    class Meta:
        description = "How a product type is made to order and what a buyer specifies."

    @staticmethod
    def resolve_product_type(root, _info):
        return root.product_type

    @staticmethod
    def resolve_mode(root, _info):
        return root.settings.mode

    @staticmethod
    def resolve_lead_time_days(root, _info):
        return root.settings.lead_time_days

    @staticmethod
    def resolve_daily_capacity(root, _info):
        return root.settings.daily_capacity

    @staticmethod
    def resolve_working_days(root, _info):
        return root.settings.working_days

    @staticmethod
    def resolve_stages(root, _info):
        return root.settings.stages

    @staticmethod
    def resolve_free_cancellation_stage(root, _info):
        return root.settings.free_cancellation_stage or None

    @staticmethod
    def resolve_approval_stage(root, _info):
        return root.settings.approval_stage or None

    @staticmethod
    def resolve_notify_stages(root, _info):
        return root.settings.notified_stage_codes

    @staticmethod
    def resolve_deposit(root, _info):
        return root.settings

    @staticmethod
    def resolve_balance(root, _info):
        return root.settings

    @staticmethod
    def resolve_schema_version(root, _info):
        return root.settings.schema_version

    @staticmethod
    def resolve_spec_fields(root, _info):
        return root.fields


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

    @staticmethod
    def resolve_product(root, _info):
        return root.product

    @staticmethod
    def resolve_sells_in_batches(root, _info):
        return batch_selectors.selling_for_product(root.product).in_batches

    @staticmethod
    def resolve_pre_order_batch(root, _info):
        selling = batch_selectors.selling_for_product(root.product)
        return selling.current or selling.upcoming
