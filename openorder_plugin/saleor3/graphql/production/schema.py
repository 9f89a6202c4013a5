"""The production board (staff) and the buyer's production timeline."""

import graphene
from saleor.graphql.core.connection import (
    create_connection_slice,
    filter_connection_queryset,
)
from saleor.graphql.core.fields import (
    BaseField,
    FilterConnectionField,
    PermissionsField,
)
from saleor.graphql.core.scalars import UUID
from saleor.graphql.core.types import NonNullList
from saleor.permission.enums import OrderPermissions

from ....host import get_host
from ....production import selectors
from ..core import DOC_CATEGORY, check_cursors, node_or_none
from .filters import ProductionJobFilterInput
from .mutations import (
    ProductionJobAdvance,
    ProductionJobHold,
    ProductionJobResume,
    ProductionJobUpdate,
    ProductionProofApprove,
    ProductionProofRequestChanges,
    ProductionProofUpload,
)
from .types import (
    ProductionJob,
    ProductionJobCountableConnection,
    ProductionJobSortingInput,
    ProductionTimeline,
)


class ProductionQueries(graphene.ObjectType):
    production_jobs = FilterConnectionField(
        ProductionJobCountableConnection,
        filter=ProductionJobFilterInput(description="Filtering options for jobs."),
        sort_by=ProductionJobSortingInput(description="Sort jobs."),
        description="Production jobs (the production board).",
        permissions=[OrderPermissions.MANAGE_ORDERS],
        doc_category=DOC_CATEGORY,
    )
    production_job = PermissionsField(
        ProductionJob,
        id=graphene.Argument(
            graphene.ID, required=True, description="ID of the production job."
        ),
        description="One production job.",
        permissions=[OrderPermissions.MANAGE_ORDERS],
        doc_category=DOC_CATEGORY,
    )
    production_timeline = BaseField(
        NonNullList(ProductionTimeline),
        required=True,
        order_token=graphene.Argument(
            UUID, required=True, description="The order's token."
        ),
        description=(
            "The buyer's production timeline of an order, by the order's token "
            "(the same credential as Saleor's orderByToken): no staff data."
        ),
        doc_category=DOC_CATEGORY,
    )

    @staticmethod
    def resolve_production_jobs(_root, info, **kwargs):
        check_cursors(kwargs)
        qs = filter_connection_queryset(
            selectors.board_jobs(), kwargs, allow_replica=info.context.allow_replica
        )
        return create_connection_slice(
            qs, info, kwargs, ProductionJobCountableConnection
        )

    @staticmethod
    def resolve_production_job(_root, _info, /, *, id):
        return node_or_none(id, "ProductionJob", selectors.board_jobs())

    @staticmethod
    def resolve_production_timeline(_root, _info, /, *, order_token):
        order = get_host().order_by_token(order_token)
        if order is None:
            return []
        return selectors.timeline_for_order_lines(order)


class ProductionMutations(graphene.ObjectType):
    production_job_advance = ProductionJobAdvance.Field()
    production_job_update = ProductionJobUpdate.Field()
    production_job_hold = ProductionJobHold.Field()
    production_job_resume = ProductionJobResume.Field()
    production_proof_upload = ProductionProofUpload.Field()
    production_proof_approve = ProductionProofApprove.Field()
    production_proof_request_changes = ProductionProofRequestChanges.Field()
