import graphene
from saleor.graphql.core.connection import CountableDjangoObjectType
from saleor.graphql.core.types import Money
from saleor.graphql.order.types import Order

from .... import models
from ....api.catalog_enums import BalanceDueEnum
from ....api.chat_orders import (
    ChatOrderLineResolvers,
    ChatOrderResolvers,
    ChatOrderStatusEnum,
    ChatSourceEnum,
)
from ....api.ids import as_uuid
from ....chat_orders.selectors import staff_chat_orders
from ..core import OpenOrderError, is_production_staff
from ..payments.types import PaymentSchedule
from ..specs.types import SpecValue


class MadeToOrderDraftLine(ChatOrderLineResolvers, graphene.ObjectType):
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    quantity = graphene.Int(required=True)
    unit_price = graphene.Field(
        Money, required=True, description="One unit, with its specs' prices."
    )
    total_price = graphene.Field(Money, required=True)
    specs = graphene.List(graphene.NonNull(SpecValue), required=True)
    promised_date = graphene.Date(
        description=(
            "The ready date: while a draft, what could be promised now (held only "
            "once the buyer confirms); then the date promised."
        )
    )

    class Meta:
        description = "A line of a chat order: a made-to-order product with its specs."


class MadeToOrderDraft(ChatOrderResolvers, CountableDjangoObjectType):
    status = ChatOrderStatusEnum(
        required=True,
        description=(
            "DRAFT until the buyer confirms on the buyer link (CONFIRMED: a placed "
            "order); CANCELLED when staff called it off."
        ),
    )
    source = ChatSourceEnum(required=True, description="Where the order was taken.")
    customer_name = graphene.String(required=True)
    customer_phone = graphene.String(
        required=True, description='The buyer\'s WhatsApp number, e.g. "6281234567890".'
    )
    customer_email = graphene.String(required=True)
    language_code = graphene.String(
        required=True, description="The language of the buyer's page and message."
    )
    note = graphene.String(required=True, description="Staff's words to the buyer.")
    buyer_url = graphene.String(
        required=True,
        description=(
            "The page where the buyer sees the order and confirms it. Whoever has "
            "this link can confirm: send it to the buyer only."
        ),
    )
    share_message = graphene.String(
        required=True, description="The message to send with the link, in its language."
    )
    share_url = graphene.String(
        required=True,
        description="A wa.me link opening the buyer's WhatsApp chat with the message typed in.",
    )
    lines = graphene.List(graphene.NonNull(MadeToOrderDraftLine), required=True)
    total = graphene.Field(Money, description="The order's total.")
    deposit = graphene.Field(Money, description="To pay before production starts.")
    balance = graphene.Field(Money, description="The rest.")
    balance_due = BalanceDueEnum(description="When the balance falls due.")
    balance_due_days = graphene.Int(description="N, for DAYS_AFTER_ORDER.")
    promised_date = graphene.Date(description="When the whole order can be ready.")
    problems = graphene.List(
        graphene.NonNull(OpenOrderError),
        required=True,
        description=(
            "Why the buyer cannot confirm it as it stands (e.g. a spec's price "
            "changed); empty when they can."
        ),
    )
    payment_instructions = graphene.String(
        required=True, description="How to pay, as the shop set it (may be empty)."
    )
    payment_schedule = graphene.Field(
        PaymentSchedule,
        description="Once confirmed: deposit and balance, what is paid.",
    )
    order_token = graphene.UUID(
        description="Once confirmed: the order's token, for the buyer's order queries."
    )
    order_number = graphene.String(description="The host order's number.")
    order = graphene.Field(
        Order,
        description="The host's draft, then the order. Staff only (null for buyers).",
    )

    class Meta:
        description = (
            "A chat order: taken by staff in a WhatsApp or Instagram chat as a draft "
            "order, confirmed by the buyer on the buyer link."
        )
        interfaces = [graphene.relay.Node]
        model = models.ChatOrder
        only_fields = ["id", "created_at", "confirmed_at", "cancelled_at"]

    @classmethod
    def get_node(cls, info, id):
        if not is_production_staff(info):
            return None
        pk = as_uuid(id)
        return staff_chat_orders().filter(pk=pk).first() if pk else None

    @staticmethod
    def resolve_order(root, info):
        return root.order if is_production_staff(info) else None
