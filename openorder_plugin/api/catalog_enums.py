"""The catalog's GraphQL enums, shared by both hosts' GraphQL layers.
graphene only, no Saleor."""

import graphene

from ..choices import BalanceDue, DepositType, Mode, SpecFieldType


def _enum(name, choices, description):
    return graphene.Enum(
        name, [(value, value) for value, _label in choices], description=description
    )


MadeToOrderModeEnum = _enum(
    "MadeToOrderModeEnum",
    Mode.CHOICES,
    "Whether a product type is sold from stock or made to order.",
)
SpecFieldTypeEnum = _enum(
    "SpecFieldTypeEnum",
    SpecFieldType.CHOICES,
    "The kind of value a custom-spec field takes.",
)
DepositTypeEnum = _enum(
    "DepositTypeEnum", DepositType.CHOICES, "How much a buyer pays before production."
)
BalanceDueEnum = _enum(
    "BalanceDueEnum",
    BalanceDue.CHOICES,
    "When the rest of a made-to-order line is due.",
)


class WeekdayEnum(graphene.Enum):
    """ISO weekdays; the working days of a made-to-order product type."""

    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    THURSDAY = 4
    FRIDAY = 5
    SATURDAY = 6
    SUNDAY = 7
