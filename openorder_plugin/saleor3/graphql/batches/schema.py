"""Staff's pre-order batch list and lookup, and the batch mutations."""

import graphene
from saleor.graphql.core.connection import (
    create_connection_slice,
    filter_connection_queryset,
)
from saleor.graphql.core.fields import FilterConnectionField, PermissionsField
from saleor.permission.enums import OrderPermissions

from ....batches import selectors
from ..core import DOC_CATEGORY, check_cursors, node_or_none
from .filters import PreOrderBatchFilterInput
from .mutations import PreOrderBatchClose, PreOrderBatchCreate, PreOrderBatchUpdate
from .types import PreOrderBatch, PreOrderBatchCountableConnection


class BatchQueries(graphene.ObjectType):
    pre_order_batches = FilterConnectionField(
        PreOrderBatchCountableConnection,
        filter=PreOrderBatchFilterInput(description="Filtering options for batches."),
        description="Pre-order batches, latest closing first.",
        permissions=[OrderPermissions.MANAGE_ORDERS],
        doc_category=DOC_CATEGORY,
    )
    pre_order_batch = PermissionsField(
        PreOrderBatch,
        id=graphene.Argument(
            graphene.ID, required=True, description="ID of the batch."
        ),
        description="One pre-order batch.",
        permissions=[OrderPermissions.MANAGE_ORDERS],
        doc_category=DOC_CATEGORY,
    )

    @staticmethod
    def resolve_pre_order_batches(_root, info, **kwargs):
        check_cursors(kwargs)
        qs = filter_connection_queryset(
            selectors.staff_batches(), kwargs, allow_replica=info.context.allow_replica
        )
        return create_connection_slice(
            qs, info, kwargs, PreOrderBatchCountableConnection
        )

    @staticmethod
    def resolve_pre_order_batch(_root, _info, /, *, id):
        return node_or_none(id, "PreOrderBatch", selectors.staff_batches())


class BatchMutations(graphene.ObjectType):
    pre_order_batch_create = PreOrderBatchCreate.Field()
    pre_order_batch_update = PreOrderBatchUpdate.Field()
    pre_order_batch_close = PreOrderBatchClose.Field()
