"""Saleor's hooks for open orders. Each hook checks that the plugin is active
(Saleor's manager calls inactive plugins too) and hands over to the domain."""
import copy

from django.core.exceptions import ValidationError
from saleor.plugins.base_plugin import BasePlugin

from .. import config, pricing
from ..errors import OpenOrderError, as_checkout_error
from ..payments import cancellation as payment_cancellation
from ..payments import schedule as payment_schedule
from ..specs import orders as spec_orders

PLUGIN_ID = config.PLUGIN_ID


def require_active_plugin(fn):
    def wrapped(self, *args, **kwargs):
        if not self.active:
            return kwargs.get("previous_value", NotImplemented)
        return fn(self, *args, **kwargs)

    wrapped.__name__ = fn.__name__
    wrapped.__doc__ = fn.__doc__
    return wrapped


class OpenOrderPlugin(BasePlugin):
    PLUGIN_ID = config.PLUGIN_ID
    PLUGIN_NAME = "Open order (made to order)"
    PLUGIN_DESCRIPTION = (
        "Made-to-order product types, custom specs on checkout lines, "
        "production stages and deferred payment."
    )
    DEFAULT_ACTIVE = True
    DEFAULT_CONFIGURATION = copy.deepcopy(config.DEFAULT_CONFIGURATION)
    CONFIG_STRUCTURE = config.CONFIG_STRUCTURE

    @classmethod
    def validate_plugin_configuration(cls, plugin_configuration):
        values = {item["name"]: item["value"] for item in plugin_configuration.configuration}
        for name in (config.DEPOSIT_WINDOW, config.CONFIRMATION_WINDOW):
            if config.parse_hours(values.get(name)) is None:
                raise ValidationError(
                    {
                        name: ValidationError(
                            "%s: give a number of hours (0 turns it off)." % name,
                            code="invalid",
                        )
                    }
                )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.config = {item["name"]: item["value"] for item in self.configuration}

    @require_active_plugin
    def calculate_checkout_line_total(self, checkout_line, discounts, previous_value):
        # Spec price modifiers are part of Saleor's own line prices, so
        # subtotal, total and the order's line prices all include them.
        return pricing.add_to_line_total(previous_value, checkout_line)

    @require_active_plugin
    def preprocess_order_creation(self, checkout, discounts, previous_value):
        try:
            spec_orders.prepare_completion(checkout, list(checkout))
        except OpenOrderError as error:
            raise as_checkout_error(error)
        return previous_value

    @require_active_plugin
    def order_created(self, order, previous_value):
        from ..production import services as production

        # One query keeps ready-stock orders free of everything below.
        if not spec_orders.has_made_to_order_lines(order):
            return previous_value
        spec_orders.freeze_onto_order(order)
        production.create_jobs_for_order(order)
        payment_schedule.open_schedule(order)
        return previous_value

    @require_active_plugin
    def order_cancelled(self, order, previous_value):
        from ..production import services as production

        payment_cancellation.cancel_schedule(order)
        production.cancel_jobs_for_order(order)
        return previous_value

    @require_active_plugin
    def product_created(self, product, previous_value):
        # A product added to a made-to-order type must not be refused for
        # lack of stock either.
        from ..catalog import services as catalog

        catalog.make_product_sellable(product)
        return previous_value

    @require_active_plugin
    def order_updated(self, order, previous_value):
        # Saleor's own orderCapture/orderRefund move the payment: keep the
        # payment schedule in step.
        payment_schedule.sync_order(order)
        return previous_value
