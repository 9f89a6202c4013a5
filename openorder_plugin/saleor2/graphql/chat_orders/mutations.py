import uuid

import graphene
from django.conf import settings
from saleor.core.permissions import OrderPermissions

from ....api.chat_orders import ChatSourceEnum
from ....chat_orders import services
from ....chat_orders.selectors import staff_chat_orders
from ..checkout.mutations import custom_lines
from ..checkout.types import CustomCheckoutLineInput
from ..core import OpenOrderMutation, pk_from_global_id
from ..payments.scalars import PositiveDecimal
from .types import MadeToOrderDraft


class MadeToOrderDraftCustomerInput(graphene.InputObjectType):
    name = graphene.String(description="The buyer's name, for the greeting.")
    phone = graphene.String(
        description=(
            'The buyer\'s WhatsApp number: "+62 812 3456 7890" or as dialled in '
            'Indonesia, "0812 3456 7890".'
        )
    )
    email = graphene.String(
        description="For the order's e-mails (deposit due, production); optional."
    )


class MadeToOrderDraftCreateInput(graphene.InputObjectType):
    lines = graphene.List(
        graphene.NonNull(CustomCheckoutLineInput),
        required=True,
        description="Made-to-order lines with the specs agreed in the chat.",
    )
    customer = MadeToOrderDraftCustomerInput(description="Who the order is for.")
    source = ChatSourceEnum(description="Where it was taken; default WHATSAPP.")
    note = graphene.String(description="Your words to the buyer, shown on their page.")
    language_code = graphene.String(
        description="The buyer's page and message language: id (default) or en."
    )


class MadeToOrderDraftMutation(OpenOrderMutation):
    made_to_order_draft = graphene.Field(
        MadeToOrderDraft, description="The chat order."
    )

    class Meta:
        abstract = True

    @classmethod
    def success(cls, chat_order):
        return cls(made_to_order_draft=staff_chat_orders().get(pk=chat_order.pk))


class MadeToOrderDraftCreate(MadeToOrderDraftMutation):
    class Arguments:
        input = MadeToOrderDraftCreateInput(required=True)

    class Meta:
        description = (
            "Takes an order from a chat as a draft order with made-to-order lines and "
            "their specs (checked as at checkout), priced with them. Returns the buyer "
            "link to send (and a wa.me link with the message); the buyer confirms "
            "there. Nothing is held or charged until then."
        )
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, _root, info, input):
        customer = input.get("customer") or {}
        country = (
            info.context.country.code
            if getattr(info.context, "country", None)
            else settings.DEFAULT_COUNTRY
        )
        chat_order = services.create_draft(
            lines=custom_lines(input["lines"]),
            customer={
                "name": customer.get("name"),
                "phone": customer.get("phone"),
                "email": customer.get("email"),
            },
            pricing=info.context.discounts,
            country=country,
            source=input.get("source") or "WHATSAPP",
            note=input.get("note"),
            language_code=input.get("language_code") or "id",
            user=info.context.user,
        )
        return cls.success(chat_order)


class MadeToOrderDraftConfirm(MadeToOrderDraftMutation):
    class Arguments:
        token = graphene.UUID(
            required=True, description="The token of the buyer link (its last part)."
        )
        expected_total = PositiveDecimal(
            description=(
                "The total the buyer was shown: if the order changed since, nothing "
                "is placed (CONFLICT)."
            )
        )

    class Meta:
        description = (
            "The buyer confirms a chat order: it is checked as a checkout is, its "
            "production capacity is held and it becomes a placed order with its jobs "
            "and payment schedule. Confirming again changes nothing."
        )

    @classmethod
    def perform_mutation(cls, _root, info, token, expected_total=None):
        chat_order = services.confirm(
            token, expected_total=expected_total, user=info.context.user
        )
        return cls.success(chat_order)


class MadeToOrderDraftCancel(MadeToOrderDraftMutation):
    class Arguments:
        id = graphene.ID(required=True, description="The chat order's ID.")

    class Meta:
        description = (
            "Calls off a chat order the buyer has not confirmed: its draft is deleted "
            "and the buyer link says the shop cancelled it."
        )
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, _root, info, id):
        pk = pk_from_global_id(id, "MadeToOrderDraft", "id", uuid.UUID)
        return cls.success(services.cancel(pk, user=info.context.user))
