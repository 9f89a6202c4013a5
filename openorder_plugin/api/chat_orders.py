"""What both hosts' chat-order types share (graphene only): the enums, the
buyer link and share link, and the resolvers of a chat order's fields in the
API's words."""

import graphene
from django.contrib.sites.models import Site
from django.urls import reverse

from ..chat_orders import rules
from ..chat_orders.selectors import chat_order_view, payment_instructions
from ..host import get_host
from ..models.chat_orders import ChatOrderStatus, ChatSource

ChatOrderStatusEnum = graphene.Enum(
    "MadeToOrderDraftStatus", [(code, code) for code, _label in ChatOrderStatus.CHOICES]
)
ChatSourceEnum = graphene.Enum(
    "MadeToOrderDraftSource", [(code, code) for code, _label in ChatSource.CHOICES]
)


def view_of(root):
    """The chat order's view, worked out once per object a response holds."""
    view = getattr(root, "_openorder_view", None)
    if view is None:
        view = chat_order_view(root)
        root._openorder_view = view
    return view


def buyer_path(chat_order):
    return reverse("openorder-chat-order", kwargs={"token": str(chat_order.token)})


def buyer_url(info, chat_order):
    return get_host().public_url(info.context, buyer_path(chat_order))


def share_message(info, chat_order):
    view = view_of(chat_order)
    currency = view.total.currency if view.total else get_host().currency()
    return rules.share_message(
        language_code=chat_order.language_code,
        customer_name=chat_order.customer_name,
        shop_name=Site.objects.get_current().name,
        total=view.total.amount if view.total else 0,
        currency=currency,
        deposit=view.deposit.amount if view.deposit else 0,
        promised_date=view.promised_date,
        buyer_url=buyer_url(info, chat_order),
    )


class ChatOrderLineResolvers:
    """A line of a chat order (a ChatLineView)."""

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
    def resolve_specs(root, _info):
        currency = root.unit_price.currency
        return [dict(item, currency=currency) for item in root.specs]


class ChatOrderResolvers:
    @staticmethod
    def resolve_status(root, _info):
        return view_of(root).status

    @staticmethod
    def resolve_customer_phone(root, _info):
        return root.customer_phone

    @staticmethod
    def resolve_buyer_url(root, info):
        return buyer_url(info, root)

    @staticmethod
    def resolve_share_message(root, info):
        return share_message(info, root)

    @staticmethod
    def resolve_share_url(root, info):
        return rules.share_url(root.customer_phone, share_message(info, root))

    @staticmethod
    def resolve_lines(root, _info):
        return view_of(root).lines

    @staticmethod
    def resolve_total(root, _info):
        return view_of(root).total

    @staticmethod
    def resolve_deposit(root, _info):
        return view_of(root).deposit

    @staticmethod
    def resolve_balance(root, _info):
        return view_of(root).balance

    @staticmethod
    def resolve_balance_due(root, _info):
        return view_of(root).balance_due

    @staticmethod
    def resolve_balance_due_days(root, _info):
        return view_of(root).balance_due_days

    @staticmethod
    def resolve_promised_date(root, _info):
        return view_of(root).promised_date

    @staticmethod
    def resolve_problems(root, _info):
        return view_of(root).problems

    @staticmethod
    def resolve_payment_instructions(root, _info):
        return payment_instructions(root)

    @staticmethod
    def resolve_payment_schedule(root, _info):
        return view_of(root).schedule

    @staticmethod
    def resolve_order_token(root, _info):
        view = view_of(root)
        if view.status != ChatOrderStatus.CONFIRMED or root.order is None:
            return None
        return get_host().order_token(root.order)

    @staticmethod
    def resolve_order_number(root, _info):
        if root.order is None:
            return None
        return str(get_host().order_number(root.order))
