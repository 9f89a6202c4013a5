import graphene
from saleor.core.permissions import OrderPermissions
from saleor.graphql.decorators import permission_required

from ....batches import selectors
from ..core import FilterConnectionField, check_cursors, node_or_none
from .filters import PreOrderBatchFilterInput
from .mutations import PreOrderBatchClose, PreOrderBatchCreate, PreOrderBatchUpdate
from .types import PreOrderBatch


class BatchQueries(graphene.ObjectType):
    pre_order_batches = FilterConnectionField(
        PreOrderBatch,
        filter=PreOrderBatchFilterInput(description="Filtering options for batches."),
        description="Pre-order batches, latest closing first. Needs MANAGE_ORDERS.",
    )
    pre_order_batch = graphene.Field(
        PreOrderBatch,
        id=graphene.Argument(graphene.ID, required=True),
        description="One pre-order batch. Needs MANAGE_ORDERS.",
    )

    @permission_required(OrderPermissions.MANAGE_ORDERS)
    def resolve_pre_order_batches(self, _info, **kwargs):
        check_cursors(kwargs)
        return selectors.staff_batches()

    @permission_required(OrderPermissions.MANAGE_ORDERS)
    def resolve_pre_order_batch(self, _info, id):
        return node_or_none(id, "PreOrderBatch", selectors.staff_batches())


class BatchMutations(graphene.ObjectType):
    pre_order_batch_create = PreOrderBatchCreate.Field()
    pre_order_batch_update = PreOrderBatchUpdate.Field()
    pre_order_batch_close = PreOrderBatchClose.Field()
