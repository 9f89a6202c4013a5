"""The host interface (openorder_plugin.host) on Saleor 3.23.

Saleor 3 differs from 2.10 where the core meets it:
- channels own currency, prices and publication, and configure plugins;
- a line's openorder entry lives in the checkout line's private metadata
  (only the plugin's mutations write it; Saleor copies it onto the order
  line), and the spec price reaches Saleor as the line's `price_override`,
  which every total includes;
- money is on the order's transaction items (the Transactions API).
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q, Sum
from django.template import Context
from django.template.loader import get_template
from django.template.loader_tags import BlockNode
from django.utils import timezone
from prices import Money, TaxedMoney
from saleor.channel.models import Channel
from saleor.checkout.models import CheckoutLine
from saleor.core.auth import get_token_from_request
from saleor.core.db.connection import allow_writer
from saleor.core.utils import build_absolute_uri
from saleor.core.jwt import get_user_from_access_payload, jwt_decode
from saleor.order import OrderStatus
from saleor.order import events as order_events
from saleor.order.actions import cancel_order
from saleor.order.models import Order
from saleor.payment import TransactionEventType
from saleor.payment.models import TransactionEvent, TransactionItem
from saleor.payment.transaction_item_calculations import (
    recalculate_transaction_amounts,
)
from saleor.payment.utils import process_order_with_transaction
from saleor.plugins.manager import get_plugins_manager
from saleor.product.models import (
    Product,
    ProductChannelListing,
    ProductVariantChannelListing,
)

from ..payments.deferred import GATEWAY_ID
from ..api.ids import as_uuid
from ..saleor_common.host import SaleorHost
from . import drafts
from .payment_app import manifest_webhooks

# The key of the openorder entry in a checkout (and order) line's private
# metadata.
LINE_METADATA_KEY = "openorder"
# Why a line's price is overridden, as Saleor shows it to staff.
PRICE_OVERRIDE_REASON = "openorder: spec prices"
# Saleor's own default when the shop sets no limit per checkout.
DEFAULT_LINE_LIMIT = 50
# The order's transaction item that holds what staff record.
TRANSACTION_NAME = "Open order: deposit and balance"


def open_order_reference(order):
    return "openorder:%s" % order.pk


def is_open_order_item(item, order):
    """The order's transaction item for what staff record: the buyer's "Pay
    deposit / pay later" one, or the one the plugin made."""
    return item.app_identifier == GATEWAY_ID or item.psp_reference == (
        open_order_reference(order)
    )


def staff_or_none(user):
    return user if getattr(user, "is_authenticated", False) else None


def default_channel():
    """The shop's default channel: DEFAULT_CHANNEL_SLUG, else the first
    active channel."""
    channel = Channel.objects.filter(slug=settings.DEFAULT_CHANNEL_SLUG).first()
    return channel or Channel.objects.filter(is_active=True).order_by("pk").first()


def variant_channel_price(variant, channel_id):
    """The variant's price in a channel (its undiscounted catalogue price), or
    None when it is not sold there."""
    return (
        ProductVariantChannelListing.objects.filter(
            variant_id=variant.pk, channel_id=channel_id, price_amount__isnull=False
        )
        .values_list("price_amount", flat=True)
        .first()
    )


def variant_sold_in(variant, channel_id):
    """Whether the variant's product is published in the channel (its
    publication date passed) and the variant has a price there."""
    listed = ProductChannelListing.objects.filter(
        product_id=variant.product_id,
        channel_id=channel_id,
        is_published=True,
    ).exclude(published_at__gt=timezone.now())
    return listed.exists() and variant_channel_price(variant, channel_id) is not None


class Saleor3Host(SaleorHost):
    name = "Saleor 3.23"
    cancelled_order_status = OrderStatus.CANCELED
    demo_command = "openorder_plugin.saleor3.demo.command.Command"

    def background_work(self):
        # Saleor 3 runs Celery tasks under CELERY_RESTRICT_WRITER_METHOD: a
        # warning per query in production, an error in its tests, for any
        # write outside allow_writer(), which its own tasks wrap their work in.
        return allow_writer()

    def public_url(self, request, path):
        # Saleor 3's own public address (PUBLIC_URL, else the Site's domain):
        # its app installer fetches the manifest with the port dropped from
        # Host, so the request cannot say where the shop is.
        return build_absolute_uri(path)

    def app_webhooks(self, request):
        # "Pay deposit / pay later" on the Transactions API.
        return manifest_webhooks(lambda path: self.public_url(request, path))

    # -- the shop ----------------------------------------------------------
    def currency(self):
        # Merchants enter spec prices once per product type: they are in the
        # default channel's currency.
        channel = default_channel()
        return channel.currency_code if channel else settings.DEFAULT_CURRENCY

    def max_line_quantity(self):
        site = Site.objects.get_current()
        return site.settings.limit_quantity_per_checkout or DEFAULT_LINE_LIMIT

    def plugin_configuration(self, plugin_id, order_id=None):
        slug = None
        if order_id is not None:
            slug = (
                Channel.objects.filter(orders__pk=order_id)
                .values_list("slug", flat=True)
                .first()
            )
        if slug is None:
            channel = default_channel()
            slug = channel.slug if channel else None
        plugin = get_plugins_manager(allow_replica=False).get_plugin(
            plugin_id, channel_slug=slug
        )
        if plugin is None or not plugin.active:
            return None
        return {item["name"]: item["value"] for item in plugin.configuration}

    # -- catalog -----------------------------------------------------------
    def products_visible_to(self, user, channel=None):
        return Product.objects.visible_to_user(
            user, channel, limited_channel_access=channel is not None
        )

    def variant_is_published(self, variant, checkout):
        # The checkout's channel key: no query for the channel itself.
        return variant_sold_in(variant, checkout.channel_id)

    def variant_is_sold(self, variant, pricing):
        # `pricing` is the channel.
        return variant_sold_in(variant, pricing.pk)

    # -- checkouts ---------------------------------------------------------
    def new_checkout_line(self, checkout, variant):
        return CheckoutLine(
            checkout=checkout,
            variant=variant,
            quantity=0,
            currency=checkout.currency,
        )

    def checkout_lines_changed(self, checkout):
        # Saleor recalculates a checkout's prices when they expire.
        invalidate_checkout_prices_of(checkout)

    def line_specs(self, line):
        return (line.private_metadata or {}).get(LINE_METADATA_KEY)

    def set_line_specs(self, line, entry):
        """The entry goes into the line's private metadata, with the checkout
        line's own key (the order line carries it, so capacity held for the
        checkout line follows it); the unit price with the specs' modifier
        becomes the line's price override."""
        entry = dict(entry, checkoutLineId=str(line.pk))
        line.private_metadata = dict(
            line.private_metadata or {}, **{LINE_METADATA_KEY: entry}
        )
        base = variant_channel_price(line.variant, line.checkout.channel_id)
        line.price_override = (base or Decimal(0)) + Decimal(entry["unitPriceModifier"])
        line.price_override_reason = PRICE_OVERRIDE_REASON
        line.currency = line.checkout.currency
        return ["private_metadata", "price_override", "price_override_reason"]

    def expected_price_override(self, line):
        """What a line's price override must be, from its entry and the
        channel's current price; None for a line without an entry."""
        entry = self.line_specs(line)
        if entry is None:
            return None
        base = variant_channel_price(line.variant, line.checkout.channel_id)
        if base is None:
            return None
        return base + Decimal(entry["unitPriceModifier"])

    def checkout_line_total(self, line, pricing):
        unit = line.price_override
        if unit is None:
            unit = variant_channel_price(line.variant, line.checkout.channel_id)
        total = Money((unit or Decimal(0)) * line.quantity, line.checkout.currency)
        return TaxedMoney(net=total, gross=total)

    def variant_unit_price(self, variant, pricing, country):
        # `pricing` is the channel the buyer shops in.
        amount = variant_channel_price(variant, pricing.pk) or Decimal(0)
        unit = Money(amount, pricing.currency_code)
        return TaxedMoney(net=unit, gross=unit)

    # -- orders ------------------------------------------------------------
    def order_line_specs(self, order):
        # Saleor 3 has deleted the checkout by now; its lines' private
        # metadata is on the order lines.
        pairs = []
        for line in order.lines.select_related("variant__product").order_by(
            "created_at", "pk"
        ):
            if line.variant is None:
                continue
            entry = self.line_specs(line)
            key = entry.get("checkoutLineId") if entry else None
            pairs.append((line, entry, key))
        return pairs

    def order_by_token(self, token):
        # As Saleor's orderByToken: any order but a draft, by its ID.
        token = as_uuid(token)
        if token is None:
            return None
        return Order.objects.non_draft().filter(id=token).first()

    def order_token(self, order):
        # Saleor 3's order ID is the UUID that was 2.10's order token.
        return str(order.pk)

    def order_number(self, order):
        return order.number

    def order_placed_at(self, order):
        return order.created_at

    def order_is_cancelled(self, order):
        return order.status == OrderStatus.CANCELED

    def order_can_be_cancelled(self, order):
        return order.status not in (
            OrderStatus.CANCELED,
            OrderStatus.DRAFT,
        ) and not self.order_has_fulfillment(order)

    def cancel_order(self, order, user=None):
        site = Site.objects.get_current()
        cancel_order(
            order=order,
            user=user if getattr(user, "is_authenticated", False) else None,
            app=None,
            manager=get_plugins_manager(allow_replica=False),
            site_settings=site.settings,
        )

    def add_order_note(self, order, message, user=None, parameters=None):
        # Saleor 3's note event; `parameters` are 2.10's extra keys, kept in
        # the message on this host.
        if not isinstance(order, Order):
            order = Order.objects.get(pk=order)
        order_events.order_note_added_event(
            order=order,
            user=user if getattr(user, "is_authenticated", False) else None,
            app=None,
            message=message,
        )

    # -- draft orders (chat orders) ----------------------------------------
    # Saleor's draftOrderCreate / draftOrderComplete / draftOrderDelete from
    # plain Python (drafts.py); OrderStatus.DRAFT is the core's "draft".
    draft_order_status = OrderStatus.DRAFT

    def create_draft_order(self, *, lines, pricing, email, language_code, user):
        # `pricing` is the channel; each line's price is a price override, as
        # a checkout line's spec price is, so Saleor keeps it.
        return drafts.create_draft_order(
            lines=lines,
            channel=pricing,
            email=email,
            language_code=language_code,
            user=user,
            reason=PRICE_OVERRIDE_REASON,
        )

    def place_draft_order(self, order, *, checkout_token, user=None):
        # What staff record later goes on the transaction item that
        # lock_order_payment makes on demand: no payment is made here.
        return drafts.place_draft_order(order, checkout_token=checkout_token, user=user)

    def delete_draft_order(self, order):
        drafts.delete_draft_order(order)

    # -- money -------------------------------------------------------------
    # Money on Saleor 3 is on the order's transaction items. What staff
    # record (a transfer, cash on delivery) goes on the order's open-order
    # transaction item as a CHARGE_SUCCESS event keyed by its idempotency
    # key, so Saleor's own totals (chargeStatus, totalCharged, isPaid) follow
    # from events; a refund is a REFUND_SUCCESS event. Nothing is charged
    # until staff record money that arrived.

    def total_captured(self, order):
        charged = TransactionItem.objects.filter(order_id=order.pk).aggregate(
            total=Sum("charged_value")
        )["total"]
        return charged or Decimal(0)

    def lock_order_payment(self, order):
        """The order's open-order transaction item, locked (made when money is
        first recorded)."""
        # The buyer's "Pay deposit / pay later" transaction, when the order
        # was placed with it, else the one staff's first record makes.
        item = (
            TransactionItem.objects.select_for_update()
            .filter(order_id=order.pk)
            .filter(
                Q(app_identifier=GATEWAY_ID)
                | Q(psp_reference=open_order_reference(order))
            )
            .order_by("pk")
            .first()
        )
        if item is None:
            item = TransactionItem.objects.create(
                order_id=order.pk,
                name=TRANSACTION_NAME,
                psp_reference=open_order_reference(order),
                currency=order.currency,
                available_actions=[],
            )
            item = TransactionItem.objects.select_for_update().get(pk=item.pk)
        return item

    def payment_outstanding(self, payment):
        order = payment.order
        return max(order.total_gross_amount - self.total_captured(order), Decimal(0))

    def record_money_received(
        self, order, payment, amount, reference, idempotency_key, user
    ):
        event = TransactionEvent.objects.create(
            transaction=payment,
            type=TransactionEventType.CHARGE_SUCCESS,
            amount_value=amount,
            currency=payment.currency,
            # Saleor counts one charge per PSP reference (the latest event of
            # each): every recorded payment is its own.
            psp_reference=("%s:%s" % (open_order_reference(order), idempotency_key))[
                :512
            ],
            idempotency_key=idempotency_key,
            include_in_calculations=True,
            user=staff_or_none(user),
            message=("Recorded by staff: %s" % reference)[:512],
        )
        recalculate_transaction_amounts(payment)
        return {"host_reference": "transaction-event:%s" % event.pk}

    def money_recorded(self, order, payment, amount, user):
        # Saleor's own bookkeeping of a transaction that changed: the order's
        # charge status and totals, its events and hooks.
        process_order_with_transaction(
            payment,
            get_plugins_manager(allow_replica=False),
            staff_or_none(user),
            None,
            previous_charged_value=payment.charged_value - amount,
        )

    def latest_payment_captured(self, order):
        return self.total_captured(order)

    def refund_or_void(self, order, refund, user=None):
        """Refund from what the order's transaction items charged, the
        open-order item first; with nothing charged, cancel what is
        authorised. Returns (refunded amount, voided)."""
        items = list(
            TransactionItem.objects.select_for_update()
            .filter(order_id=order.pk)
            .order_by("pk")
        )
        items.sort(key=lambda i: not is_open_order_item(i, order))
        refunded = Decimal(0)
        if refund > 0:
            for item in items:
                part = min(item.charged_value, refund - refunded)
                if part <= 0:
                    continue
                self._event(item, TransactionEventType.REFUND_SUCCESS, part, user)
                refunded += part
            if refunded:
                self._after_events(order, items, user)
            return refunded, False
        authorised = [i for i in items if i.authorized_value > 0]
        if self.total_captured(order) == 0 and authorised:
            for item in authorised:
                self._event(
                    item,
                    TransactionEventType.CANCEL_SUCCESS,
                    item.authorized_value,
                    user,
                )
            self._after_events(order, authorised, user)
            return Decimal(0), True
        return Decimal(0), False

    def _event(self, item, event_type, amount, user):
        TransactionEvent.objects.create(
            transaction=item,
            type=event_type,
            amount_value=amount,
            currency=item.currency,
            psp_reference=item.psp_reference,
            include_in_calculations=True,
            user=staff_or_none(user),
            message="Open order cancelled",
        )
        recalculate_transaction_amounts(item)

    def _after_events(self, order, items, user):
        manager = get_plugins_manager(allow_replica=False)
        for item in items:
            process_order_with_transaction(item, manager, staff_or_none(user), None)

    # -- people and mail ---------------------------------------------------
    def staff_from_request(self, request):
        token = get_token_from_request(request)
        if not token:
            return None
        try:
            user = get_user_from_access_payload(jwt_decode(token), request)
        except Exception:  # any token Saleor would refuse
            return None
        return user if user is not None and user.is_staff else None

    def send_mail(self, template_name, recipient, context):
        """Saleor 3 has no templated-e-mail plugin: the plugin's templates
        (subject, plain and html blocks) are rendered with Django's."""
        site = Site.objects.get_current()
        shop_context = {
            "site_name": site.name,
            "domain": site.domain,
        }
        shop_context.update(context)
        parts = render_email_blocks(
            "templated_email/%s.email" % template_name, shop_context
        )
        sender = site.settings.default_from_email or settings.DEFAULT_FROM_EMAIL
        message = EmailMultiAlternatives(
            subject=" ".join(parts.get("subject", "").split()),
            body=parts.get("plain", "").strip(),
            from_email=sender,
            to=[recipient],
        )
        if parts.get("html"):
            message.attach_alternative(parts["html"], "text/html")
        message.send()


def render_email_blocks(template_path, context):
    """{block name: text} of a .email template (subject, plain, html)."""
    template = get_template(template_path).template
    context = Context(context, autoescape=False)
    blocks = {}
    with context.bind_template(template):
        for node in template.nodelist.get_nodes_by_type(BlockNode):
            blocks[node.name] = node.render(context)
    return blocks


def invalidate_checkout_prices_of(checkout):
    # As Saleor's invalidate_checkout_prices: prices and discounts are
    # worked out again when next read.
    checkout.price_expiration = checkout.discount_expiration = timezone.now()
    checkout.save(
        update_fields=["price_expiration", "discount_expiration", "last_change"]
    )
