"""Saleor 3.23's hooks for open orders, configured per channel. Each hook
checks that the plugin is active and hands over to the core.

Saleor 3 calls `order_created` and its siblings after the order is committed
(and the checkout deleted), so what they do is idempotent: freezing the specs
reads the order lines, which carry the checkout lines' private metadata, and
jobs and the payment schedule are made once per order whatever the number of
calls. The veto comes before, in `preprocess_order_creation`."""

import copy

from django.core.exceptions import ValidationError
from saleor.checkout.error_codes import CheckoutErrorCode
from saleor.plugins.base_plugin import BasePlugin, ConfigurationTypeField

from .. import config, placement, plugin_rules
from ..catalog import services as catalog
from ..errors import OpenOrderError
from ..payments import cancellation as payment_cancellation
from ..payments import schedule as payment_schedule
from ..production import services as production
from ..specs import orders as spec_orders
from . import lines as line_rules

require_active_plugin = plugin_rules.active_only(NotImplemented)

CONFIGURATION_TYPES = {
    "boolean": ConfigurationTypeField.BOOLEAN,
    "string": ConfigurationTypeField.STRING,
}


def as_checkout_error(error):
    """An OpenOrderError as the ValidationError checkoutComplete reports as
    a CheckoutError."""
    return ValidationError(
        {
            "lines": [
                ValidationError(message, code=CheckoutErrorCode(kind).value)
                for message, kind in plugin_rules.checkout_problems(error)
            ]
        }
    )


class OpenOrderPlugin(BasePlugin):
    PLUGIN_ID = config.PLUGIN_ID
    PLUGIN_NAME = "Open order (made to order)"
    PLUGIN_DESCRIPTION = (
        "Made-to-order product types, custom specs on checkout lines, "
        "production stages and deferred payment."
    )
    CONFIGURATION_PER_CHANNEL = True
    DEFAULT_ACTIVE = True
    DEFAULT_CONFIGURATION = copy.deepcopy(config.DEFAULT_CONFIGURATION)
    CONFIG_STRUCTURE = {
        name: dict(field, type=CONFIGURATION_TYPES[field["type"]])
        for name, field in config.CONFIG_STRUCTURE.items()
    }

    @classmethod
    def validate_plugin_configuration(cls, plugin_configuration, **kwargs):
        values = {
            item["name"]: item["value"] for item in plugin_configuration.configuration
        }
        problem = plugin_rules.configuration_problem(values)
        if problem is not None:
            name, message = problem
            raise ValidationError({name: ValidationError(message, code="invalid")})

    @require_active_plugin
    def preprocess_order_creation(self, checkout_info, lines, previous_value):
        checkout = checkout_info.checkout
        checkout_lines = [info.line for info in lines or []]
        try:
            line_rules.check_price_overrides(checkout, checkout_lines)
            spec_orders.prepare_completion(checkout, checkout_lines)
        except OpenOrderError as error:
            raise as_checkout_error(error)
        return previous_value

    @require_active_plugin
    def order_created(self, order, previous_value, webhooks=None):
        placement.order_placed(order)
        return previous_value

    @require_active_plugin
    def order_cancelled(self, order, previous_value, webhooks=None):
        payment_cancellation.cancel_schedule(order)
        production.cancel_jobs_for_order(order)
        return previous_value

    @require_active_plugin
    def product_created(self, product, previous_value, webhooks=None):
        # A product added to a made-to-order type must not be refused for
        # lack of stock either.
        catalog.make_product_sellable(product)
        return previous_value

    @require_active_plugin
    def order_updated(self, order, previous_value, webhooks=None):
        # Money that reaches the order's transactions by Saleor's own means
        # (an app's transactionEventReport, staff's transactionCreate) moves
        # the payment schedule too.
        payment_schedule.sync_order(order)
        return previous_value
