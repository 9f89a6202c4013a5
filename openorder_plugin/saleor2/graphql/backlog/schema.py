import graphene
from saleor.core.permissions import OrderPermissions
from saleor.graphql.decorators import permission_required

from ....api.backlog import check_arguments, product_type_pk
from ....backlog import selectors
from .types import OpenOrderBacklog


class BacklogQueries(graphene.ObjectType):
    open_order_backlog = graphene.Field(
        OpenOrderBacklog,
        required=True,
        product_type=graphene.Argument(
            graphene.ID, description="Only this made-to-order product type."
        ),
        placed_from=graphene.Argument(
            graphene.Date, description="Only orders placed on or after this day."
        ),
        placed_to=graphene.Argument(
            graphene.Date, description="Only orders placed on or before this day."
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
            "forecast by week. Needs MANAGE_ORDERS."
        ),
    )

    @permission_required(OrderPermissions.MANAGE_ORDERS)
    def resolve_open_order_backlog(self, _info, product_type=None, **kwargs):
        check_arguments(
            placed_from=kwargs.get("placed_from"),
            placed_to=kwargs.get("placed_to"),
            weeks=kwargs["weeks"],
            due_within_days=kwargs["due_within_days"],
        )
        return selectors.backlog(
            product_type_id=product_type_pk(product_type), **kwargs
        )
