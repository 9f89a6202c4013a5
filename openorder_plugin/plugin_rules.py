"""What both hosts' plugins decide alike, in plain terms each adapter turns
into its Saleor's errors."""

import functools

from . import config
from .api.paths import api_path
from .errors import OpenOrderErrorCode

# A domain error code as the kind of checkout error Saleor reports.
CHECKOUT_ERROR_KINDS = {
    OpenOrderErrorCode.REQUIRED: "required",
    OpenOrderErrorCode.CAPACITY_FULL: "insufficient_stock",
}


def checkout_problems(error):
    """[(message, kind)] for an OpenOrderError raised while an order is
    being placed: Saleor's checkout errors name Saleor's fields, so the spec
    path goes into the message; kind is a CheckoutErrorCode value."""
    return [
        (
            "%s: %s" % (api_path(p.field), p.message),
            CHECKOUT_ERROR_KINDS.get(p.code, "invalid"),
        )
        for p in error.problems
    ]


def configuration_problem(values):
    """(setting, message) for the first setting in {name: value} the plugin
    cannot use, else None."""
    for name in (config.DEPOSIT_WINDOW, config.CONFIRMATION_WINDOW):
        if config.parse_hours(values.get(name)) is None:
            return name, "%s: give a number of hours (0 turns it off)." % name
    return None


def active_only(inactive_value):
    """Saleor's manager calls inactive plugins too: an inactive plugin hands
    back `previous_value` (or `inactive_value` when the hook has none)."""

    def decorate(fn):
        @functools.wraps(fn)
        def wrapped(self, *args, **kwargs):
            if not self.active:
                return kwargs.get("previous_value", inactive_value)
            return fn(self, *args, **kwargs)

        return wrapped

    return decorate
