"""Saleor 3.23's own rows for the benchmark's bulk data (bench.load plans the
orders and writes the plugin's tables, the same on both hosts).

What differs from Saleor 2.10: prices and orders belong to the demo's channel
("toko-open-order", IDR); an order line made to order carries its checkout
line's openorder entry in its private metadata and its spec price as a price
override, as Saleor copies them from the checkout line; money is on the
order's transaction items. An open order is placed unpaid (the channel
allows it): an order that paid has the open-order transaction item with a
CHARGE_SUCCESS event, as `orderPaymentRecord` writes it
(openorder_plugin.saleor3.host), and Saleor's charge and authorize status
and totals follow from it.

    python -m bench.load --host saleor3 --orders 10000
"""

import datetime
import uuid
from decimal import Decimal

from .load import READY_STOCK_SLUGS, _bulk, ready_stock_price, stock_variants


class Saleor3Data:
    """The bench's Saleor rows on Saleor 3.23, in the demo's channel."""

    def __init__(self):
        from saleor.channel.models import Channel

        from openorder_plugin.saleor3.demo.catalog import CHANNEL_SLUG

        self.channel = Channel.objects.get(slug=CHANNEL_SLUG)

    def currency(self):
        return self.channel.currency_code

    def ensure_ready_stock(self):
        """Five ready-stock variants, published and priced in the channel,
        with stock enough for any run."""
        from django.utils import timezone
        from saleor.product.models import (
            Product,
            ProductChannelListing,
            ProductVariant,
            ProductVariantChannelListing,
        )
        from saleor.warehouse.models import Warehouse

        base = Product.objects.get(slug="tas-kanvas")
        warehouse = Warehouse.objects.get(slug="gudang-bandung")
        now = timezone.now()
        for index, slug in enumerate(READY_STOCK_SLUGS):
            product = Product.objects.filter(slug=slug).first()
            if product is None:
                price = ready_stock_price(index)
                product = Product.objects.create(
                    slug=slug,
                    name="Bench %s (ready stock)" % slug,
                    product_type=base.product_type,
                    category=base.category,
                )
                ProductChannelListing.objects.create(
                    product=product,
                    channel=self.channel,
                    is_published=True,
                    published_at=now,
                    visible_in_listings=True,
                    available_for_purchase_at=now,
                    currency=self.currency(),
                    discounted_price_amount=price,
                )
                variant = ProductVariant.objects.create(
                    product=product,
                    sku="BENCH-%s" % slug.upper(),
                    name=product.name,
                    track_inventory=True,
                )
                ProductVariantChannelListing.objects.create(
                    variant=variant,
                    channel=self.channel,
                    price_amount=price,
                    discounted_price_amount=price,
                    currency=self.currency(),
                )
            stock_variants(product, warehouse)

    def unit_prices(self, variants):
        """{variant pk: its price in the channel}."""
        from saleor.product.models import ProductVariantChannelListing

        return dict(
            ProductVariantChannelListing.objects.filter(
                channel=self.channel, variant__in=variants
            ).values_list("variant_id", "price_amount")
        )

    def shipping(self):
        from saleor.shipping.models import (
            ShippingMethod,
            ShippingMethodChannelListing,
        )

        method = ShippingMethod.objects.get(name="Kurir reguler")
        listing = ShippingMethodChannelListing.objects.get(
            shipping_method=method, channel=self.channel
        )
        return method, listing.price_amount

    def new_user(self, **fields):
        from saleor.account.models import User

        from openorder_plugin.saleor3.demo.catalog import default_customer_type

        return User(customer_type=default_customer_type(), **fields)

    def order_rows(self, plan, shipping, now):
        from django.db import connection
        from saleor.order import (
            OrderAuthorizeStatus,
            OrderChargeStatus,
            OrderOrigin,
            OrderStatus,
        )
        from saleor.order.models import Order

        method, price = shipping
        # Saleor numbers orders from a sequence (a query per order as a
        # default): one query for all of them.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval('order_order_number_seq') FROM generate_series(1, %s)",
                [len(plan)],
            )
            numbers = [row[0] for row in cursor.fetchall()]
        rows = []
        for number, o in zip(numbers, plan):
            charged = o.captured
            rows.append(
                Order(
                    number=number,
                    created_at=now - datetime.timedelta(days=o.age),
                    status=OrderStatus.FULFILLED
                    if o.fulfilled
                    else OrderStatus.UNFULFILLED,
                    # Saleor's own rules (order.utils.update_order_charge_status
                    # and update_order_authorize_status) for what was charged.
                    charge_status=OrderChargeStatus.FULL
                    if charged >= o.total
                    else OrderChargeStatus.PARTIAL
                    if charged
                    else OrderChargeStatus.NONE,
                    authorize_status=OrderAuthorizeStatus.FULL
                    if charged >= o.total
                    else OrderAuthorizeStatus.PARTIAL
                    if charged
                    else OrderAuthorizeStatus.NONE,
                    total_charged_amount=charged,
                    total_authorized_amount=Decimal(0),
                    user=o.customer,
                    user_email=o.customer.email,
                    billing_address=o.address,
                    shipping_address=o.address,
                    origin=OrderOrigin.CHECKOUT,
                    channel=self.channel,
                    currency=self.currency(),
                    shipping_method=method,
                    shipping_method_name=method.name,
                    shipping_price_net_amount=price,
                    shipping_price_gross_amount=price,
                    base_shipping_price_amount=price,
                    undiscounted_base_shipping_price_amount=price,
                    checkout_token=str(uuid.uuid4()),
                    lines_count=len(o.lines),
                    subtotal_net_amount=o.subtotal,
                    subtotal_gross_amount=o.subtotal,
                    total_net_amount=o.total,
                    total_gross_amount=o.total,
                    undiscounted_total_net_amount=o.total,
                    undiscounted_total_gross_amount=o.total,
                    should_refresh_prices=False,
                )
            )
        return rows

    def order_line_rows(self, order, planned):
        from graphene import Node
        from saleor.order.models import OrderLine

        from openorder_plugin.saleor3.host import (
            LINE_METADATA_KEY,
            PRICE_OVERRIDE_REASON,
        )

        rows = []
        for row in planned.lines:
            variant, quantity, unit = row.variant, row.quantity, row.unit
            total = unit * quantity
            entry = dict(row.entry, checkoutLineId=str(uuid.uuid4()))
            rows.append(
                OrderLine(
                    order=order,
                    variant=variant,
                    product_name=variant.product.name,
                    variant_name=variant.name,
                    product_sku=variant.sku,
                    product_variant_id=Node.to_global_id("ProductVariant", variant.pk),
                    product_type_id=variant.product.product_type_id,
                    is_shipping_required=True,
                    is_gift_card=False,
                    quantity=quantity,
                    quantity_fulfilled=quantity if planned.fulfilled else 0,
                    currency=self.currency(),
                    unit_price_net_amount=unit,
                    unit_price_gross_amount=unit,
                    total_price_net_amount=total,
                    total_price_gross_amount=total,
                    undiscounted_unit_price_net_amount=unit,
                    undiscounted_unit_price_gross_amount=unit,
                    undiscounted_total_price_net_amount=total,
                    undiscounted_total_price_gross_amount=total,
                    base_unit_price_amount=unit,
                    undiscounted_base_unit_price_amount=unit,
                    tax_rate=Decimal(0),
                    is_price_overridden=True,
                    price_override_reason=PRICE_OVERRIDE_REASON,
                    private_metadata={LINE_METADATA_KEY: entry},
                )
            )
        return rows

    def add_payments(self, orders, plan):
        """What staff recorded of each paid order: its open-order transaction
        item with one CHARGE_SUCCESS event (as Saleor3Host.
        record_money_received writes it). Unpaid orders have none."""
        from saleor.payment import TransactionEventType
        from saleor.payment.models import TransactionEvent, TransactionItem

        from openorder_plugin.saleor3.host import (
            TRANSACTION_NAME,
            open_order_reference,
        )

        paid = [(o, p) for o, p in zip(orders, plan) if p.captured > 0]
        items = _bulk(
            TransactionItem,
            [
                TransactionItem(
                    order_id=order.pk,
                    name=TRANSACTION_NAME,
                    psp_reference=open_order_reference(order),
                    currency=order.currency,
                    available_actions=[],
                    charged_value=planned.captured,
                )
                for order, planned in paid
            ],
        )
        events = []
        for item, (order, planned) in zip(items, paid):
            key = "bench-%s" % uuid.uuid4()
            events.append(
                TransactionEvent(
                    transaction=item,
                    type=TransactionEventType.CHARGE_SUCCESS,
                    amount_value=planned.captured,
                    currency=order.currency,
                    psp_reference="%s:%s" % (open_order_reference(order), key),
                    idempotency_key=key,
                    include_in_calculations=True,
                    message="Recorded by staff: bench transfer",
                )
            )
        _bulk(TransactionEvent, events)
        return "%d transaction items with a charge (%d orders unpaid)" % (
            len(items),
            len(orders) - len(items),
        )
