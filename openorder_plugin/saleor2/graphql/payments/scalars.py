import decimal

from saleor.graphql.core.scalars import Decimal


class PositiveDecimal(Decimal):
    """A Decimal more than zero; anything else is refused before the resolver
    runs (a GraphQL error naming the argument)."""

    @staticmethod
    def parse_value(value):
        value = Decimal.parse_value(value)
        if value is None or not value.is_finite() or value <= 0:
            return None
        return value

    @staticmethod
    def parse_literal(node):
        try:
            value = decimal.Decimal(node.value)
        except (decimal.DecimalException, AttributeError, TypeError):
            return None
        if not value.is_finite() or value <= 0:
            return None
        return value
