"""Chat orders on Saleor 3.23: draft orders made, placed and deleted from
plain Python, as Saleor's draftOrderCreate, draftOrderComplete and
draftOrderDelete do it through GraphQL (with Saleor's own functions wherever
they need no request).

A chat line's price is a price override, as the spec price of a checkout line
is: Saleor creates the line with `is_price_overridden` and no
`draft_base_price_expire_at`, so its draft price recalculation
(calculations.fetch_order_prices_if_expired) keeps the line's base price
instead of resetting it to the channel listing's when the draft's price
freeze period ends. Taxes are then Saleor's, as on a checkout's lines.
"""

from collections import defaultdict

# order_confirmed (which order_created calls when the channel confirms at
# once) imports saleor.giftcard.gateway, which can only be imported once
# Saleor's GraphQL payment mutations are: the shop's schema loads them first
# in a web process, not in a worker or a shell.
import saleor.graphql.payment.mutations  # noqa: F401, I001

from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.db import transaction
from saleor.account.models import User
from saleor.core.exceptions import InsufficientStock
from saleor.core.taxes import zero_taxed_money
from saleor.discount.models import VoucherCode
from saleor.discount.utils.voucher import (
    get_customer_email_for_voucher_usage,
    release_voucher_code_usage,
)
from saleor.graphql.order import utils as checks
from saleor.graphql.order.mutations.draft_order_complete import DraftOrderComplete
from saleor.graphql.order.utils import (
    OrderLineData,
    prepare_insufficient_stock_order_validation_errors,
)
from saleor.order import OrderOrigin, OrderStatus
from saleor.order import events as order_events
from saleor.order.actions import call_order_event, order_created
from saleor.order.calculations import fetch_order_prices_if_expired
from saleor.order.fetch import OrderInfo, OrderLineInfo
from saleor.order.models import Order, OrderLine
from saleor.order.search import update_order_search_vector
from saleor.order.utils import (
    create_order_line,
    get_order_country,
    invalidate_order_prices,
    recalculate_order_weight,
    store_user_addresses_from_draft_order,
    update_order_display_gross_prices,
)
from saleor.payment.models import Payment, TransactionItem
from saleor.plugins.manager import get_plugins_manager
from saleor.warehouse.management import allocate_preorders, allocate_stocks
from saleor.warehouse.reservations import is_reservation_enabled
from saleor.webhook.event_types import WebhookEventAsyncType

from ..errors import OpenOrderError, OpenOrderErrorCode as Code, Problem


def _signed_in(user):
    return user if getattr(user, "is_authenticated", False) else None


def _refused(error):
    """Saleor's ValidationError (as its mutations would return it) as the
    plugin's error, one problem per message."""
    error_dict = getattr(error, "error_dict", None) or {"order": error.error_list}
    return OpenOrderError(
        [
            Problem(field, Code.INVALID, message)
            for field, errors in error_dict.items()
            for item in errors
            for message in item.messages
        ]
    )


def create_draft_order(*, lines, channel, email, language_code, user, reason):
    """draftOrderCreate with `forceNewLine` and a `price` for every line: one
    order line per (variant, quantity, unit price) of `lines`, at that price,
    in `channel`. Returns (order, [order lines] in the order of `lines`)."""
    requestor = _signed_in(user)
    manager = get_plugins_manager(allow_replica=False)
    site_settings = Site.objects.get_current().settings
    # Prices in the channel are entered with or without tax, as the shop
    # says; the unit price is in the channel listing's terms (Saleor 3's
    # variant_unit_price gives the listing price as both net and gross).
    entered_with_tax = channel.tax_configuration.prices_entered_with_tax
    with transaction.atomic():
        order = Order(
            status=OrderStatus.DRAFT,
            origin=OrderOrigin.DRAFT,
            channel=channel,
            currency=channel.currency_code,
            # As draftOrderCreate: the active customer with that address.
            user=(
                User.objects.filter(email=email, is_active=True).first()
                if email
                else None
            ),
            user_email=email or "",
            language_code=language_code,
            lines_count=len(lines),
        )
        order.save()
        order_lines = []
        for variant, quantity, unit_price in lines:
            price = unit_price.gross if entered_with_tax else unit_price.net
            order_lines.append(
                create_order_line(
                    order,
                    OrderLineData(
                        variant_id=variant.pk,
                        variant=variant,
                        quantity=quantity,
                        price_override=price.amount,
                    ),
                    requestor,
                    site_settings,
                )
            )
        for line in order_lines:
            line.price_override_reason = reason
        OrderLine.objects.bulk_update(order_lines, ["price_override_reason"])
        order_events.order_added_products_event(
            order=order, user=requestor, app=None, order_lines=order_lines
        )
        update_order_display_gross_prices(order)
        invalidate_order_prices(order)
        recalculate_order_weight(order)
        update_order_search_vector(order, save=False)
        order.save()
        order_events.draft_order_created_event(order=order, user=requestor, app=None)
        call_order_event(manager, WebhookEventAsyncType.DRAFT_ORDER_CREATED, order)
        # Saleor works a draft's totals out when it is next read; the chat
        # order shows them at once.
        order, priced = fetch_order_prices_if_expired(
            order, manager, requestor=requestor, lines=order_lines, force_update=True
        ).get()
    by_pk = {line.pk: line for line in priced}
    return order, [by_pk.get(line.pk, line) for line in order_lines]


def _validate(order, lines, country, site_settings):
    """draftOrderComplete's checks (saleor.graphql.order.utils
    validate_draft_order), but for the addresses and shipping method a chat
    order leaves to the chat. Raises OpenOrderError."""
    channel = order.channel
    errors = defaultdict(list)
    checks.validate_total_quantity(lines, errors)
    checks.validate_order_lines(
        order,
        lines,
        channel,
        country,
        errors,
        calculate_stocks_with_shipping_zones=(
            site_settings.use_legacy_shipping_zone_stock_availability
        ),
    )
    checks.validate_channel_is_active(channel, errors)
    checks.validate_product_is_published(channel, lines, errors)
    checks.validate_product_is_available_for_purchase(channel, lines, errors)
    checks.validate_variants_is_available(channel, lines, errors)
    checks._validate_voucher(order, lines, channel, errors)
    if errors:
        raise _refused(ValidationError(errors))


def place_draft_order(order, *, checkout_token, user=None):
    """draftOrderComplete from plain Python, for an order without shipping
    method or addresses. Returns the placed order; an order that is no longer
    a draft is returned as it is."""

    requestor = _signed_in(user)
    manager = get_plugins_manager(allow_replica=False)
    site_settings = Site.objects.get_current().settings
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if not order.is_draft():
            return order
        order, _ = fetch_order_prices_if_expired(
            order,
            manager,
            requestor=requestor,
            force_update=order.tax_error is not None,
        ).get()
        if order.tax_error is not None:
            raise OpenOrderError.single(
                "order",
                Code.INVALID,
                "Configured Tax App returned invalid response.",
            )
        # As priced now (the recalculation saves what it changed).
        lines = list(
            OrderLine.objects.filter(order_id=order.pk)
            .select_related("variant")
            .order_by("created_at", "pk")
        )
        country = get_order_country(order)
        _validate(order, lines, country, site_settings)

        update_fields = [
            "status",
            "checkout_token",
            "search_vector",
            "display_gross_prices",
            "updated_at",
        ]
        update_fields.extend(DraftOrderComplete.update_user_fields(order))
        channel = order.channel
        order.status = (
            OrderStatus.UNFULFILLED
            if channel.automatically_confirm_all_new_orders
            else OrderStatus.UNCONFIRMED
        )
        order.checkout_token = str(checkout_token)
        if not order.is_shipping_required():
            order.shipping_method_name = None
            order.shipping_price = zero_taxed_money(order.currency)
            if order.shipping_address:
                order.shipping_address.delete()
                order.shipping_address = None
            update_fields.extend(
                [
                    "shipping_method_name",
                    "shipping_price_net_amount",
                    "shipping_price_gross_amount",
                    "shipping_address_id",
                ]
            )
        if shipping_method := order.shipping_method:
            order.shipping_method_metadata = shipping_method.metadata
            order.shipping_method_private_metadata = shipping_method.private_metadata
            update_fields.extend(
                ["shipping_method_metadata", "shipping_method_private_metadata"]
            )
        update_order_search_vector(order, save=False)
        update_order_display_gross_prices(order)
        order.save(update_fields=update_fields)

        DraftOrderComplete.handle_order_voucher(order, channel)
        lines_info = []
        reservations = is_reservation_enabled(site_settings)
        for line in lines:
            variant = line.variant
            if variant is None or not (
                variant.track_inventory or variant.is_preorder_active()
            ):
                continue
            line_info = OrderLineInfo(
                line=line, quantity=line.quantity, variant=variant
            )
            lines_info.append(line_info)
            try:
                with transaction.atomic():
                    allocate_stocks(
                        [line_info],
                        country,
                        channel,
                        site_settings,
                        requestor,
                        check_reservations=reservations,
                        calculate_stocks_with_shipping_zones=(
                            site_settings.use_legacy_shipping_zone_stock_availability
                        ),
                    )
                    allocate_preorders(
                        [line_info], channel.slug, check_reservations=reservations
                    )
            except InsufficientStock as error:
                raise _refused(
                    ValidationError(
                        {
                            "lines": prepare_insufficient_stock_order_validation_errors(
                                error
                            )
                        }
                    )
                ) from error
        # A placed order's base prices are no longer refreshed.
        for line in lines:
            line.draft_base_price_expire_at = None
        OrderLine.objects.bulk_update(lines, ["draft_base_price_expire_at"])

        store_user_addresses_from_draft_order(order=order, manager=manager)
        # Saleor's order_created: the order's event, the customer's order
        # count, and (after commit) the ORDER_CREATED plugin hooks and
        # webhooks, ORDER_CONFIRMED too when the channel confirms at once.
        order_created(
            order_info=OrderInfo(
                order=order,
                customer_email=order.get_customer_email(),
                channel=channel,
                payment=order.get_last_payment(),
                lines_data=lines_info,
            ),
            user=requestor,
            app=None,
            manager=manager,
            from_draft=True,
            site_settings=site_settings,
        )
    return order


def delete_draft_order(order):
    """draftOrderDelete: a draft without payments or transactions, its
    voucher code's usage released."""
    if order.status != OrderStatus.DRAFT:
        raise OpenOrderError.single(
            "order", Code.INVALID_TRANSITION, "The order is not a draft."
        )
    if (
        Payment.objects.filter(order_id=order.pk).exists()
        or TransactionItem.objects.filter(order_id=order.pk).exists()
    ):
        raise OpenOrderError.single(
            "order",
            Code.INVALID_TRANSITION,
            "Cannot delete order with payments or transactions attached to it.",
        )
    manager = get_plugins_manager(allow_replica=False)
    with transaction.atomic():
        db_id = order.pk
        order.delete()
        order.id = db_id
        if code := order.voucher_code:
            channel = order.channel
            if channel.include_draft_order_in_voucher_usage and (
                voucher_code := VoucherCode.objects.filter(code=code).first()
            ):
                release_voucher_code_usage(
                    voucher_code,
                    voucher_code.voucher,
                    get_customer_email_for_voucher_usage(order),
                )
        call_order_event(manager, WebhookEventAsyncType.DRAFT_ORDER_DELETED, order)
