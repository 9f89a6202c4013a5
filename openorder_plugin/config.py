"""The open-order plugin's settings, as staff configure them in the host
(Saleor's pluginUpdate): their names, defaults and help, and the one way the
rest of the package reads them. Each adapter turns CONFIG_STRUCTURE's types
("boolean", "string") into its host's own."""

from .host import get_host

PLUGIN_ID = "openorder.made_to_order"

DEPOSIT_GATE = "Deposit before production"
BALANCE_GATE = "Balance before fulfillment"
STAFF_EMAIL = "Staff notification e-mail"
DEPOSIT_WINDOW = "Deposit payment window"
CONFIRMATION_WINDOW = "Confirmation window"
PAYMENT_INSTRUCTIONS = "Payment instructions"
BACKLOG_DIGEST = "Weekly backlog digest"

DEFAULT_CONFIGURATION = [
    {"name": DEPOSIT_GATE, "value": True},
    {"name": BALANCE_GATE, "value": True},
    {"name": STAFF_EMAIL, "value": ""},
    # Indonesian marketplaces give a buyer about a day to pay.
    {"name": DEPOSIT_WINDOW, "value": "24"},
    {"name": CONFIRMATION_WINDOW, "value": "48"},
    {"name": PAYMENT_INSTRUCTIONS, "value": ""},
    {"name": BACKLOG_DIGEST, "value": False},
]

CONFIG_STRUCTURE = {
    DEPOSIT_GATE: {
        "type": "boolean",
        "help_text": "A job cannot move past CONFIRMED until the order's deposit is paid.",
        "label": DEPOSIT_GATE,
    },
    BALANCE_GATE: {
        "type": "boolean",
        "help_text": (
            "Made-to-order lines cannot be fulfilled until the balance is paid, "
            "unless the balance is due on delivery."
        ),
        "label": BALANCE_GATE,
    },
    STAFF_EMAIL: {
        "type": "string",
        "help_text": (
            "Where alerts for staff are sent (comma-separated); empty: Saleor's "
            "staff notification recipients."
        ),
        "label": STAFF_EMAIL,
    },
    DEPOSIT_WINDOW: {
        "type": "string",
        "help_text": (
            "Hours a buyer has to pay the deposit after placing the order; an "
            "order still unpaid then is cancelled and its production capacity "
            "freed. 0 turns this off."
        ),
        "label": "Deposit payment window (hours)",
    },
    CONFIRMATION_WINDOW: {
        "type": "string",
        "help_text": (
            "For orders with nothing to pay up front (pay on delivery): hours "
            "staff have to confirm the order by moving its jobs to CONFIRMED; an "
            "unconfirmed order is then cancelled. 0 turns this off."
        ),
        "label": "Confirmation window (hours)",
    },
    PAYMENT_INSTRUCTIONS: {
        "type": "string",
        "help_text": (
            "How buyers pay, shown on a chat order's buyer page, e.g. the bank "
            'account: "Transfer to BCA 1234567890 a.n. Toko Kaos". Empty: buyers '
            "are told to ask in the chat."
        ),
        "label": PAYMENT_INSTRUCTIONS,
    },
    BACKLOG_DIGEST: {
        "type": "boolean",
        "help_text": (
            "Every Monday morning, e-mail staff the open-order backlog: what is "
            "open and where, what is at risk, and the money expected this week "
            "and next."
        ),
        "label": BACKLOG_DIGEST,
    },
}

_DEFAULTS = {item["name"]: item["value"] for item in DEFAULT_CONFIGURATION}


def plugin_setting(name, order_id=None):
    """A setting of the open-order plugin; None when the plugin is inactive.
    On a host that configures plugins per channel, the order's channel's
    setting (the shop's default channel without an order)."""
    configuration = get_host().plugin_configuration(PLUGIN_ID, order_id=order_id)
    if configuration is None:
        return None
    return configuration.get(name, _DEFAULTS.get(name))


def setting_enabled(name, order_id=None):
    value = plugin_setting(name, order_id=order_id)
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def parse_hours(value):
    """A window in hours from its configured text ("24", "1.5"); None when it
    is not a number of hours."""
    try:
        hours = float(str(value).strip().replace(",", "."))
    except (TypeError, ValueError):
        return None
    if hours != hours or hours < 0 or hours > 24 * 366:  # NaN, negative, absurd
        return None
    return hours


def setting_hours(name, order_id=None):
    """A window in hours; 0 (off) when the plugin is inactive. Saved values
    are checked by the plugin (OpenOrderPlugin.validate_plugin_configuration)."""
    value = plugin_setting(name, order_id=order_id)
    if value is None:
        return 0.0
    hours = parse_hours(value)
    return float(_DEFAULTS[name]) if hours is None else hours


def staff_emails():
    """The plugin's staff notification e-mails, as configured; [] when unset."""
    configured = plugin_setting(STAFF_EMAIL) or ""
    return [e.strip() for e in configured.replace(";", ",").split(",") if e.strip()]
