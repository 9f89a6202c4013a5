"""Saleor's hooks for open orders. Each hook checks that the plugin is active
(Saleor's manager calls inactive plugins too) and hands over to the domain."""

import copy

from django.core.exceptions import ValidationError
from prices import Money, TaxedMoney
from saleor.checkout.error_codes import CheckoutErrorCode
from saleor.plugins.base_plugin import BasePlugin, ConfigurationTypeField

from .. import config, placement, plugin_rules
from ..catalog import services as catalog
from ..errors import OpenOrderError
from ..payments import cancellation as payment_cancellation
from ..payments import schedule as payment_schedule
from ..production import services as production
from ..specs import lines as spec_lines
from ..specs import orders as spec_orders

PLUGIN_ID = config.PLUGIN_ID

require_active_plugin = plugin_rules.active_only(NotImplemented)

CONFIGURATION_TYPES = {
    "boolean": ConfigurationTypeField.BOOLEAN,
    "string": ConfigurationTypeField.STRING,
}


def as_checkout_error(error):
    """An OpenOrderError as the ValidationError Saleor's checkoutComplete
    reports as a CheckoutError."""
    return ValidationError(
        {
            "lines": [
                ValidationError(message, code=CheckoutErrorCode(kind))
                for message, kind in plugin_rules.checkout_problems(error)
            ]
        }
    )


def line_total_with_specs(line_total: TaxedMoney, checkout_line) -> TaxedMoney:
    """A checkout line's total with its specs' unit modifier times quantity
    (read from the line's data: no query)."""
    modifier = spec_lines.unit_price_modifier(checkout_line)
    if not modifier:
        return line_total
    extra = Money(modifier * checkout_line.quantity, line_total.currency)
    return TaxedMoney(net=line_total.net + extra, gross=line_total.gross + extra)


class OpenOrderPlugin(BasePlugin):
    PLUGIN_ID = config.PLUGIN_ID
    PLUGIN_NAME = "Open order (made to order)"
    PLUGIN_DESCRIPTION = (
        "Made-to-order product types, custom specs on checkout lines, "
        "production stages and deferred payment."
    )
    DEFAULT_ACTIVE = True
    DEFAULT_CONFIGURATION = copy.deepcopy(config.DEFAULT_CONFIGURATION)
    CONFIG_STRUCTURE = {
        name: dict(field, type=CONFIGURATION_TYPES[field["type"]])
        for name, field in config.CONFIG_STRUCTURE.items()
    }

    @classmethod
    def validate_plugin_configuration(cls, plugin_configuration):
        values = {
            item["name"]: item["value"] for item in plugin_configuration.configuration
        }
        problem = plugin_rules.configuration_problem(values)
        if problem is not None:
            name, message = problem
            raise ValidationError({name: ValidationError(message, code="invalid")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.config = {item["name"]: item["value"] for item in self.configuration}

    @require_active_plugin
    def calculate_checkout_line_total(self, checkout_line, discounts, previous_value):
        # Spec price modifiers are part of Saleor's own line prices, so
        # subtotal, total and the order's line prices all include them.
        return line_total_with_specs(previous_value, checkout_line)

    @require_active_plugin
    def preprocess_order_creation(self, checkout, discounts, previous_value):
        try:
            spec_orders.prepare_completion(checkout, list(checkout))
        except OpenOrderError as error:
            raise as_checkout_error(error)
        return previous_value

    @require_active_plugin
    def order_created(self, order, previous_value):
        placement.order_placed(order)
        return previous_value

    @require_active_plugin
    def order_cancelled(self, order, previous_value):
        payment_cancellation.cancel_schedule(order)
        production.cancel_jobs_for_order(order)
        return previous_value

    @require_active_plugin
    def product_created(self, product, previous_value):
        # A product added to a made-to-order type must not be refused for
        # lack of stock either.
        catalog.make_product_sellable(product)
        return previous_value

    @require_active_plugin
    def order_updated(self, order, previous_value):
        # Saleor's own orderCapture/orderRefund move the payment: keep the
        # payment schedule in step.
        payment_schedule.sync_order(order)
        return previous_value
