"""Saleor's hooks for open orders. Each hook checks that the plugin is active
(Saleor's manager calls inactive plugins too) and hands over to the domain."""
from saleor.plugins.base_plugin import BasePlugin, ConfigurationTypeField

PLUGIN_ID = "openorder.made_to_order"


def require_active_plugin(fn):
    def wrapped(self, *args, **kwargs):
        if not self.active:
            return kwargs.get("previous_value", NotImplemented)
        return fn(self, *args, **kwargs)

    wrapped.__name__ = fn.__name__
    wrapped.__doc__ = fn.__doc__
    return wrapped


class OpenOrderPlugin(BasePlugin):
    PLUGIN_ID = PLUGIN_ID
    PLUGIN_NAME = "Open order (made to order)"
    PLUGIN_DESCRIPTION = (
        "Made-to-order product types, custom specs on checkout lines, "
        "production stages and deferred payment."
    )
    DEFAULT_ACTIVE = True
    DEFAULT_CONFIGURATION = [
        {"name": "Deposit before production", "value": True},
        {"name": "Balance before fulfillment", "value": True},
        {"name": "Staff notification e-mail", "value": ""},
    ]
    CONFIG_STRUCTURE = {
        "Deposit before production": {
            "type": ConfigurationTypeField.BOOLEAN,
            "help_text": (
                "A job cannot move past CONFIRMED until the order's deposit is paid."
            ),
            "label": "Deposit before production",
        },
        "Balance before fulfillment": {
            "type": ConfigurationTypeField.BOOLEAN,
            "help_text": (
                "Made-to-order lines cannot be fulfilled until the balance is paid, "
                "unless the balance is due on delivery."
            ),
            "label": "Balance before fulfillment",
        },
        "Staff notification e-mail": {
            "type": ConfigurationTypeField.STRING,
            "help_text": "Where overdue alerts for staff are sent.",
            "label": "Staff notification e-mail",
        },
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.config = {item["name"]: item["value"] for item in self.configuration}
