"""What Saleor 3 needs checked on made-to-order checkout lines before an
order: a spec price reaches Saleor as the line's price override, set only by
the plugin's mutations, so the override must still be what the specs and the
channel's price make it."""

from django.utils.translation import gettext

from ..errors import OpenOrderErrorCode as Code, Problems
from ..specs.lines import schemas_for_product_types
from .host import Saleor3Host

host = Saleor3Host()


def check_price_overrides(checkout, lines):
    """Raise OpenOrderError naming each made-to-order line that has no specs
    entry (added with Saleor's checkoutLinesAdd) or whose price override is
    not the channel's price plus its specs' modifier."""
    schemas = schemas_for_product_types(
        line.variant.product.product_type_id for line in lines
    )
    problems = Problems()
    for index, line in enumerate(lines):
        schema = schemas.get(line.variant.product.product_type_id)
        if schema is None:
            continue
        path = "lines.%d" % index
        expected = host.expected_price_override(line)
        if host.line_specs(line) is None:
            problems.add(
                path,
                Code.REQUIRED,
                gettext(
                    "%(product)s is made to order: add it with checkoutLinesAddCustom "
                    "and its specs."
                )
                % {"product": line.variant.product.name},
            )
        elif expected is None or line.price_override != expected:
            problems.add(
                path + ".specs",
                Code.INVALID,
                gettext(
                    "The price of %(product)s changed; update the line's specs to see "
                    "the new price."
                )
                % {"product": line.variant.product.name},
            )
    problems.raise_if_any()
