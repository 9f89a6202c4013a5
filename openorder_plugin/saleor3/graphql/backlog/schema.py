"""The open-order backlog query."""

import graphene
from saleor.graphql.core.fields import PermissionsField
from saleor.graphql.core.scalars import Date
from saleor.permission.enums import OrderPermissions

from ....api.backlog import check_arguments, product_type_pk
from ....backlog import selectors
from ..core import DOC_CATEGORY
from .types import OpenOrderBacklog


class BacklogQueries(graphene.ObjectType):
    open_order_backlog = PermissionsField(
        graphene.NonNull(OpenOrderBacklog),
        product_type=graphene.Argument(
            graphene.ID, description="Only this made-to-order product type."
        ),
        placed_from=graphene.Argument(
            Date, description="Only orders placed on or after this day."
        ),
        placed_to=graphene.Argument(
            Date, description="Only orders placed on or before this day."
        ),
        weeks=graphene.Argument(
            graphene.Int,
            default_value=selectors.DEFAULT_WEEKS,
            description="Weeks of cash forecast, this one first (1 to 26).",
        ),
        due_within_days=graphene.Argument(
            graphene.Int,
            default_value=selectors.DEFAULT_DUE_WITHIN_DAYS,
            description="A job due within this many days is at risk at an early stage.",
        ),
        description=(
            "The open-order backlog: open orders and units by stage with their "
            "value, their ages and due dates, the jobs at risk and the cash "
            "forecast by week."
        ),
        permissions=[OrderPermissions.MANAGE_ORDERS],
        doc_category=DOC_CATEGORY,
    )

    @staticmethod
    def resolve_open_order_backlog(_root, _info, *, product_type=None, **kwargs):
        check_arguments(
            placed_from=kwargs.get("placed_from"),
            placed_to=kwargs.get("placed_to"),
            weeks=kwargs["weeks"],
            due_within_days=kwargs["due_within_days"],
        )
        return selectors.backlog(
            product_type_id=product_type_pk(product_type), **kwargs
        )
