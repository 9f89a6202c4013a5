"""The product's vocabulary: modes, spec field types, stages, deposit and
balance policies. Plain classes in Saleor's style (see saleor.order.OrderStatus),
shared by the models, the domain and the GraphQL enums."""


class Mode:
    READY_STOCK = "READY_STOCK"
    MADE_TO_ORDER = "MADE_TO_ORDER"

    CHOICES = [
        (
            READY_STOCK,
            "Ready stock: shipped from stock, the plugin stays out of the way",
        ),
        (MADE_TO_ORDER, "Made to order: produced for each order after it is placed"),
    ]


class SpecFieldType:
    TEXT = "TEXT"
    LONG_TEXT = "LONG_TEXT"
    NUMBER = "NUMBER"
    CHOICE = "CHOICE"
    MULTI_CHOICE = "MULTI_CHOICE"
    BOOLEAN = "BOOLEAN"
    DATE = "DATE"
    COLOR = "COLOR"
    FILE = "FILE"

    CHOICES = [
        (TEXT, "One line of text"),
        (LONG_TEXT, "Several lines of text"),
        (NUMBER, "A number"),
        (CHOICE, "One of a list of choices"),
        (MULTI_CHOICE, "Any of a list of choices"),
        (BOOLEAN, "Yes or no"),
        (DATE, "A date"),
        (COLOR, "A colour (#rrggbb)"),
        (FILE, "An uploaded file"),
    ]

    TEXTUAL = (TEXT, LONG_TEXT)
    WITH_CHOICES = (CHOICE, MULTI_CHOICE)


DEFAULT_STAGES = (
    {"code": "RECEIVED", "label": "Received"},
    {"code": "CONFIRMED", "label": "Confirmed"},
    {"code": "IN_PRODUCTION", "label": "In production"},
    {"code": "QUALITY_CHECK", "label": "Quality check"},
    {"code": "READY", "label": "Ready"},
)

# ISO weekdays: Monday to Saturday, the usual working week of a konveksi.
DEFAULT_WORKING_DAYS = (1, 2, 3, 4, 5, 6)


class DepositType:
    NONE = "NONE"
    PERCENT = "PERCENT"
    FIXED = "FIXED"
    FULL = "FULL"

    CHOICES = [
        (NONE, "No deposit: everything is paid later"),
        (PERCENT, "A percentage of the line total"),
        (FIXED, "A fixed amount per unit"),
        (FULL, "The whole line total up front"),
    ]


class BalanceDue:
    ON_READY = "ON_READY"
    ON_DELIVERY = "ON_DELIVERY"
    DAYS_AFTER_ORDER = "DAYS_AFTER_ORDER"

    CHOICES = [
        (ON_READY, "When production is ready"),
        (ON_DELIVERY, "On delivery (cash on delivery)"),
        (DAYS_AFTER_ORDER, "A number of days after the order"),
    ]
