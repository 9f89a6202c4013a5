"""What both hosts' backlog types share (graphene only): the enums, the
arguments' checks, and the resolvers of the backlog's figures as Money."""

import graphene
from django.utils.translation import gettext
from graphql.error import GraphQLError

from ..backlog import rules
from ..backlog.selectors import MAX_WEEKS
from ..errors import OpenOrderError
from .ids import pk_from_global_id

BacklogRiskEnum = graphene.Enum(
    "BacklogRisk", [(code, code) for code, _label in rules.Risk.CHOICES]
)
MAX_DUE_WITHIN_DAYS = 60


def check_arguments(*, placed_from, placed_to, weeks, due_within_days):
    """Refuse what makes no backlog, with a GraphQL error saying why."""
    if placed_from and placed_to and placed_from > placed_to:
        raise GraphQLError(gettext("`placedFrom` is after `placedTo`."))
    if not 1 <= weeks <= MAX_WEEKS:
        raise GraphQLError(
            gettext("`weeks` is from 1 to %(max)d.") % {"max": MAX_WEEKS}
        )
    if not 0 <= due_within_days <= MAX_DUE_WITHIN_DAYS:
        raise GraphQLError(
            gettext("`dueWithinDays` is from 0 to %(max)d.")
            % {"max": MAX_DUE_WITHIN_DAYS}
        )


def product_type_pk(global_id):
    """The product type a backlog is asked for (None: every one); a bad ID
    is a GraphQL error saying so."""
    if not global_id:
        return None
    try:
        return pk_from_global_id(global_id, "ProductType", "productType")
    except OpenOrderError as error:
        raise GraphQLError(error.problems[0].message)
