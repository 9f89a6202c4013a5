"""The host interface (openorder_plugin.host) on Saleor 2.10."""

from decimal import Decimal

from django.conf import settings
from graphql_jwt.exceptions import JSONWebTokenError
from graphql_jwt.shortcuts import get_user_by_token
from saleor.checkout import calculations
from saleor.checkout.models import Checkout, CheckoutLine
from saleor.checkout.utils import update_checkout_quantity
from saleor.core.emails import get_email_context
from saleor.account.models import User
from saleor.order import OrderEvents, OrderStatus, events
from saleor.order import actions as order_actions
from saleor.order.models import Order, OrderEvent
from saleor.order.utils import recalculate_order
from saleor.payment import ChargeStatus, TransactionKind
from saleor.payment import gateway as saleor_gateway
from saleor.payment.interface import GatewayResponse
from saleor.payment.models import Payment
from saleor.payment.utils import (
    create_payment_information,
    create_transaction,
    gateway_postprocess,
)
from saleor.plugins.manager import get_plugins_manager
from saleor.product.models import Product
from templated_email import send_templated_mail

from ..api.ids import as_uuid
from ..payments.deferred import GATEWAY_ID
from ..saleor_common.host import SaleorHost

# What Saleor counts as paid (as Order._total_paid does).
CHARGED = (
    ChargeStatus.PARTIALLY_CHARGED,
    ChargeStatus.FULLY_CHARGED,
    ChargeStatus.PARTIALLY_REFUNDED,
)

# The openorder entry of a checkout line lives in Saleor's own
# CheckoutLine.data: Saleor keeps lines of one variant apart exactly when
# their data differ, and the price hooks read it without a query.
LINE_DATA_KEY = "openorder"


class Saleor2Host(SaleorHost):
    name = "Saleor 2.10"
    cancelled_order_status = OrderStatus.CANCELED
    # Saleor 2.10's order number is its key.
    order_number_field = "pk"
    order_placed_field = "created"
    demo_command = "openorder_plugin.saleor2.demo.command.Command"

    # -- the shop ----------------------------------------------------------
    def currency(self):
        return settings.DEFAULT_CURRENCY

    def max_line_quantity(self):
        return settings.MAX_CHECKOUT_LINE_QUANTITY

    def plugin_configuration(self, plugin_id, order_id=None):
        # Saleor 2.10 configures a plugin once for the whole shop.
        plugin = get_plugins_manager().get_plugin(plugin_id)
        if plugin is None or not plugin.active:
            return None
        return plugin.config

    # -- catalog -----------------------------------------------------------
    def products_visible_to(self, user, channel=None):
        return Product.objects.visible_to_user(user)

    def variant_is_published(self, variant, checkout):
        return self.variant_is_sold(variant, None)

    def variant_is_sold(self, variant, pricing):
        # Saleor 2.10 has no channels: a published product sells everywhere.
        return variant.product.is_published

    # -- checkouts ---------------------------------------------------------
    def new_checkout_line(self, checkout, variant):
        return CheckoutLine(checkout=checkout, variant=variant, quantity=0)

    def checkout_lines_changed(self, checkout):
        update_checkout_quantity(checkout)

    def line_specs(self, line):
        return (line.data or {}).get(LINE_DATA_KEY)

    def set_line_specs(self, line, entry):
        line.data = dict(line.data or {}, **{LINE_DATA_KEY: entry})
        return ["data"]

    def checkout_line_total(self, line, discounts):
        return calculations.checkout_line_total(line=line, discounts=discounts)

    def variant_unit_price(self, variant, discounts, country):
        return get_plugins_manager().apply_taxes_to_product(
            variant.product, variant.get_price(discounts), country
        )

    # -- orders ------------------------------------------------------------
    def order_line_specs(self, order):
        # The checkout still exists when order_created runs on Saleor 2.10.
        checkout = Checkout.objects.filter(token=order.checkout_token).first()
        if checkout is None:
            return []
        checkout_lines = list(checkout.lines.order_by("pk"))
        # Saleor creates order lines from checkout lines in order; pair them
        # up by variant and quantity in that order.
        unused = list(order.lines.select_related("variant__product").order_by("pk"))
        pairs = []
        for checkout_line in checkout_lines:
            match = next(
                (
                    o
                    for o in unused
                    if o.variant_id == checkout_line.variant_id
                    and o.quantity == checkout_line.quantity
                ),
                None,
            )
            if match is not None:
                unused.remove(match)
                pairs.append((match, self.line_specs(checkout_line), checkout_line.pk))
        return pairs

    def order_by_token(self, token):
        token = as_uuid(token)
        if token is None:
            return None
        return Order.objects.confirmed().filter(token=token).first()

    def order_token(self, order):
        return str(order.token)

    def order_number(self, order):
        return order.pk

    def order_placed_at(self, order):
        return order.created

    def order_is_cancelled(self, order):
        return order.status == OrderStatus.CANCELED

    def order_can_be_cancelled(self, order):
        return order.can_cancel()

    def cancel_order(self, order, user=None):
        order_actions.cancel_order(order=order, user=user)

    def add_order_note(self, order, message, user=None, parameters=None):
        # NOTE_ADDED is the event type Saleor's dashboard shows with its message.
        OrderEvent.objects.create(
            order_id=order if isinstance(order, int) else order.pk,
            type=OrderEvents.NOTE_ADDED,
            user=user if getattr(user, "is_authenticated", False) else None,
            parameters=dict(parameters or {}, message=message),
        )

    # -- draft orders (chat orders) ----------------------------------------
    def create_draft_order(self, *, lines, pricing, email, language_code, user):
        """As Saleor's draftOrderCreate saves one, with one order line per
        chat line (its add_variant_to_draft_order would merge lines of one
        variant) at the price given."""
        order = Order.objects.create(
            status=OrderStatus.DRAFT,
            user_email=email,
            language_code=language_code,
            currency=self.currency(),
        )
        events.draft_order_created_event(order=order, user=user)
        order_lines = []
        for variant, quantity, unit_price in lines:
            product = variant.product
            order_lines.append(
                order.lines.create(
                    product_name=str(product),
                    variant_name=str(variant),
                    product_sku=variant.sku,
                    is_shipping_required=variant.is_shipping_required(),
                    quantity=quantity,
                    unit_price=unit_price,
                    tax_rate=(unit_price.tax / unit_price.net if unit_price.net else 0),
                    variant=variant,
                )
            )
        recalculate_order(order)
        return order, order_lines

    def place_draft_order(self, order, *, checkout_token, user=None):
        """Saleor's draftOrderComplete, but for the shipping a chat order
        leaves to the chat, and with a "Pay deposit / pay later" payment that
        has authorised the total (the buyer's promise, nothing captured), as
        the checkout's would have."""
        order.checkout_token = checkout_token
        if order.user_email and not order.user_id:
            order.user = User.objects.filter(email=order.user_email).first()
        order.status = OrderStatus.UNFULFILLED
        order.save(update_fields=["checkout_token", "user", "status"])
        payment = Payment.objects.create(
            gateway=GATEWAY_ID,
            is_active=True,
            order=order,
            total=order.total_gross_amount,
            currency=order.currency,
            billing_email=order.user_email,
            token=checkout_token,
        )
        create_transaction(
            payment=payment,
            kind=TransactionKind.AUTH,
            payment_information=create_payment_information(
                payment, payment_token=checkout_token
            ),
            gateway_response=GatewayResponse(
                is_success=True,
                action_required=False,
                kind=TransactionKind.AUTH,
                amount=payment.total,
                currency=payment.currency,
                transaction_id=checkout_token,
                error=None,
                raw_response={"gateway": GATEWAY_ID, "chat_order": checkout_token},
            ),
        )
        order_actions.order_created(order, user=user, from_draft=True)
        return order

    def delete_draft_order(self, order):
        order.delete()

    # -- money -------------------------------------------------------------
    def total_captured(self, order):
        return sum(
            (
                p.captured_amount
                for p in Payment.objects.filter(
                    order_id=order.pk, charge_status__in=CHARGED
                )
            ),
            Decimal(0),
        )

    def lock_order_payment(self, order):
        payment = (
            Payment.objects.select_for_update()
            .filter(order_id=order.pk)
            .order_by("-pk")
            .first()
        )
        return payment if payment is not None and payment.is_active else None

    def payment_outstanding(self, payment):
        return payment.total - payment.captured_amount

    def record_money_received(
        self, order, payment, amount, reference, idempotency_key, user
    ):
        """A CAPTURE transaction through Saleor's own helpers. Saleor's
        gateway.capture allows only a payment's first capture, so a balance
        after a deposit is written as the transaction the gateway would have
        returned; gateway_postprocess then moves the captured amount and
        charge status and fires order_fully_paid when the order is paid in
        full. Saleor's order_captured writes the order's event."""
        information = create_payment_information(
            payment, payment_token=reference, amount=amount
        )
        response = GatewayResponse(
            is_success=True,
            action_required=False,
            kind=TransactionKind.CAPTURE,
            amount=amount,
            currency=payment.currency,
            transaction_id=reference,
            error=None,
            raw_response={
                "recorded_by": getattr(user, "email", None),
                "reference": reference,
                "idempotency_key": idempotency_key,
            },
        )
        txn = create_transaction(
            payment=payment,
            kind=TransactionKind.CAPTURE,
            payment_information=information,
            gateway_response=response,
        )
        gateway_postprocess(txn, payment)
        return {"payment": payment, "transaction": txn}

    def money_recorded(self, order, payment, amount, user):
        order_actions.order_captured(order, user, amount, payment)

    def latest_payment_captured(self, order):
        payment = Payment.objects.filter(order_id=order.pk).order_by("-pk").first()
        return payment.captured_amount if payment is not None else Decimal(0)

    def refund_or_void(self, order, refund, user=None):
        payment = Payment.objects.filter(order_id=order.pk).order_by("-pk").first()
        if payment is None or not payment.is_active:
            return Decimal(0), False
        if refund > 0 and payment.can_refund():
            saleor_gateway.refund(payment, amount=refund)
            order_actions.order_refunded(order, user, refund, payment)
            return refund, False
        if payment.captured_amount == 0 and payment.can_void():
            saleor_gateway.void(payment)
            order_actions.order_voided(order, user, payment)
            return Decimal(0), True
        return Decimal(0), False

    # -- people and mail ---------------------------------------------------
    def staff_from_request(self, request):
        auth = request.META.get("HTTP_AUTHORIZATION", "")
        if not auth.startswith("JWT "):
            return None
        try:
            return get_user_by_token(auth[4:])
        except JSONWebTokenError:
            return None

    def send_mail(self, template_name, recipient, context):
        send_kwargs, shop_context = get_email_context()
        shop_context.update(context)
        send_templated_mail(
            template_name=template_name,
            recipient_list=[recipient],
            context=shop_context,
            **send_kwargs,
        )
