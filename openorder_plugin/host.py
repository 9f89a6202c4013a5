"""What the core needs from the shop it runs in: the host interface.

The core (catalog, specs, pricing, capacity, production, payments,
notifications) never imports the host. Each adapter (saleor2/ for Saleor 2.10)
implements this class and names it in the `OPENORDER_HOST` setting; the core
reaches it through `get_host()`. Host rows (orders, order lines, checkout
lines, variants, payments) pass through the core as the host's own objects;
only the host reads or changes them, beyond their keys and the facts both
Saleor hosts share (an order's token, currency, total_gross_amount,
language_code, lines and get_customer_email(); a line's quantity, variant and
its product's product_type_id)."""

import abc
from contextlib import nullcontext
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string


class Host(abc.ABC):
    """The shop. Every method is needed by the core; an adapter that misses
    one cannot be instantiated."""

    # The dotted path of the adapter's `django-admin openorder_demo` command.
    demo_command = None

    def background_work(self):
        """A context manager around each background task (tasks.py): what the
        host asks of work done outside a request, such as leave to write to
        its primary database. None by default."""
        return nullcontext()

    def public_url(self, request, path):
        """The absolute address of one of the plugin's paths (the board's
        Saleor App manifest names them), as the shop's visitors reach it."""
        return request.build_absolute_uri(path)

    def app_webhooks(self, request):
        """The webhooks of the plugin's Saleor App manifest (none by default:
        Saleor 2.10's dashboard installs no apps)."""
        return []

    # -- the shop ----------------------------------------------------------
    @abc.abstractmethod
    def currency(self):
        """The shop's currency code (prices and schedules are in it)."""

    @abc.abstractmethod
    def max_line_quantity(self):
        """The most units one checkout line may hold."""

    @abc.abstractmethod
    def plugin_configuration(self, plugin_id, order_id=None):
        """The plugin's configuration as {name: value}; None when the plugin
        is not active. A host that configures plugins per channel gives the
        order's channel's (its default channel's without an order)."""

    # -- catalog -----------------------------------------------------------
    @abc.abstractmethod
    def lock_product_type(self, product_type_id):
        """The product type, locked for update; None when there is none."""

    @abc.abstractmethod
    def product_types(self):
        """A queryset of the host's product types."""

    @abc.abstractmethod
    def products_visible_to(self, user, channel=None):
        """A queryset of the products `user` may see (in `channel`, on a host
        with channels)."""

    @abc.abstractmethod
    def variant_is_published(self, variant, checkout):
        """Whether a buyer of `checkout` may buy `variant`."""

    @abc.abstractmethod
    def make_variants_sellable(self, product_type):
        """Let the variants of a made-to-order type (or its key) be bought
        without stock."""

    @abc.abstractmethod
    def sell_variants_from_stock(self, product_type):
        """Back to ready stock: the type's variants sell from stock again."""

    # -- checkouts ---------------------------------------------------------
    @abc.abstractmethod
    def checkout_exists(self, checkout_token): ...

    @abc.abstractmethod
    def lock_checkout(self, checkout):
        """The checkout, locked for update."""

    @abc.abstractmethod
    def new_checkout_line(self, checkout, variant):
        """An unsaved line of `variant` with quantity 0."""

    @abc.abstractmethod
    def checkout_lines_changed(self, checkout):
        """Tell the host the checkout's lines changed (its totals, quantity)."""

    @abc.abstractmethod
    def line_specs(self, line):
        """The openorder entry of a checkout line ({} when none)."""

    @abc.abstractmethod
    def set_line_specs(self, line, entry):
        """Store the openorder entry on a checkout line, unsaved; returns the
        fields to save."""

    @abc.abstractmethod
    def checkout_line_total(self, line, pricing):
        """A checkout line's total as the host prices it (TaxedMoney).
        `pricing` is what the host prices with, from its API layer: Saleor
        2.10's discounts, Saleor 3's channel."""

    @abc.abstractmethod
    def variant_unit_price(self, variant, pricing, country):
        """A variant's unit price for one unit, taxes applied (TaxedMoney)."""

    @abc.abstractmethod
    def variant_is_sold(self, variant, pricing):
        """Whether `variant` may be sold where `pricing` prices it (Saleor 3:
        published with a price in that channel)."""

    # -- orders ------------------------------------------------------------
    cancelled_order_status = "canceled"
    draft_order_status = "draft"
    # The order field that holds the number staff search by.
    order_number_field = "number"
    # The order field that holds when it was placed.
    order_placed_field = "created_at"
    # Placed and not yet delivered (nor cancelled): the open-order backlog.
    open_order_statuses = ("unconfirmed", "unfulfilled", "partially_fulfilled")

    @abc.abstractmethod
    def order_line_specs(self, order):
        """[(order line, openorder entry or None, checkout line key)] for the
        order's lines, variant and product selected. The key names the
        capacity held for the checkout line the order line came from."""

    @abc.abstractmethod
    def order_by_token(self, token):
        """The placed order (no draft) whose buyer holds this token, or None;
        as the host's own orderByToken reads it."""

    @abc.abstractmethod
    def order_token(self, order):
        """What the buyer reads their order by (a UUID, as text)."""

    @abc.abstractmethod
    def order_number(self, order):
        """The order's number, as the shop shows it."""

    @abc.abstractmethod
    def order_placed_at(self, order):
        """When the order was placed (an aware datetime)."""

    @abc.abstractmethod
    def order_is_cancelled(self, order): ...

    @abc.abstractmethod
    def order_can_be_cancelled(self, order): ...

    @abc.abstractmethod
    def cancel_order(self, order, user=None):
        """Cancel through the host, with its events and hooks."""

    @abc.abstractmethod
    def add_order_note(self, order, message, user=None, parameters=None):
        """A line in the order's history (staff read it in the dashboard)."""

    @abc.abstractmethod
    def order_has_fulfillment(self, order):
        """Whether any of the order has been shipped (a fulfillment that is
        not cancelled)."""

    # -- draft orders (chat orders) ----------------------------------------
    @abc.abstractmethod
    def create_draft_order(self, *, lines, pricing, email, language_code, user):
        """A host draft order for `email` ("" when not known), priced where
        `pricing` says (as variant_unit_price takes it), with one order line
        per (variant, quantity, unit price as TaxedMoney) of `lines`, at that price
        (two lines of one variant stay apart: their specs differ). Returns
        (order, [order lines] in the order of `lines`)."""

    @abc.abstractmethod
    def place_draft_order(self, order, *, checkout_token, user=None):
        """Place the draft as the host places a completed draft order (its
        status, events and order-created hooks), with `checkout_token` as the
        order's checkout token (capacity held under it follows the order) and
        with what staff record the buyer's later payments against. Returns
        the placed order."""

    @abc.abstractmethod
    def delete_draft_order(self, order):
        """Delete a draft order that will not be placed."""

    # -- money -------------------------------------------------------------
    @abc.abstractmethod
    def total_captured(self, order):
        """What the host counts as paid for the order."""

    @abc.abstractmethod
    def lock_order_payment(self, order):
        """What money is recorded against (Saleor 2.10: the order's latest
        active payment; Saleor 3: its open-order transaction item), locked;
        None when there is nothing to record against."""

    @abc.abstractmethod
    def payment_outstanding(self, payment):
        """What the payment can still capture."""

    @abc.abstractmethod
    def record_money_received(
        self, order, payment, amount, reference, idempotency_key, user
    ):
        """Capture money staff received against the payment; returns the
        PaymentRecord fields that link to the host's rows of it."""

    @abc.abstractmethod
    def money_recorded(self, order, payment, amount, user):
        """After the schedule took the money in: the host's own bookkeeping
        (its order event, paid status)."""

    @abc.abstractmethod
    def refund_or_void(self, order, refund, user=None):
        """Refund `refund` of what was captured, or void an authorisation
        when nothing was; returns (refunded amount, voided)."""

    @abc.abstractmethod
    def latest_payment_captured(self, order):
        """What the order's latest payment has captured."""

    # -- people and mail ---------------------------------------------------
    @abc.abstractmethod
    def active_staff_member(self, user_id):
        """The active staff user with this key, or None."""

    @abc.abstractmethod
    def staff_from_request(self, request):
        """The staff user a request authenticates (its token), or None."""

    @abc.abstractmethod
    def staff_notification_emails(self):
        """The shop's own staff notification recipients."""

    @abc.abstractmethod
    def send_mail(self, template_name, recipient, context):
        """Send one templated e-mail with the shop's context and sender."""


@lru_cache(maxsize=None)
def get_host() -> Host:
    path = getattr(settings, "OPENORDER_HOST", None)
    if not path:
        raise ImproperlyConfigured(
            "OPENORDER_HOST names the host adapter, e.g. "
            '"openorder_plugin.saleor2.host.Saleor2Host"; use the adapter\'s '
            "settings module (openorder_plugin.saleor2.settings)."
        )
    return import_string(path)()
