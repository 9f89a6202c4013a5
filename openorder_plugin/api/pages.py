"""The page size of a connection, checked the same way on both hosts."""

from django.utils.translation import gettext
from graphql.error import GraphQLError


def check_page_size(kwargs, limit):
    """Refuse `first`/`last` outside 0..`limit` with a GraphQL error. Both
    Saleors check their limit with `assert`, so a storefront asking for 101
    records would get a Python AssertionError instead of a reason."""
    for name in ("first", "last"):
        value = kwargs.get(name)
        if value is not None and not 0 <= value <= limit:
            raise GraphQLError(
                gettext("`%(name)s` must be between 0 and %(limit)s.")
                % {"name": name, "limit": limit}
            )
