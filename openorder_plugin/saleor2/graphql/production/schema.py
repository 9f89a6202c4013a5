import graphene
from saleor.core.permissions import OrderPermissions
from saleor.graphql.decorators import permission_required

from ....host import get_host
from ....production import selectors
from ..core import FilterConnectionField, check_cursors, node_or_none
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
from .types import ProductionJob, ProductionJobSortingInput, ProductionTimeline


class ProductionQueries(graphene.ObjectType):
    production_jobs = FilterConnectionField(
        ProductionJob,
        filter=ProductionJobFilterInput(description="Filtering options for jobs."),
        sort_by=ProductionJobSortingInput(description="Sort jobs."),
        description="Production jobs (the production board). Needs MANAGE_ORDERS.",
    )
    production_job = graphene.Field(
        ProductionJob,
        id=graphene.Argument(graphene.ID, required=True),
        description="One production job. Needs MANAGE_ORDERS.",
    )
    production_timeline = graphene.List(
        graphene.NonNull(ProductionTimeline),
        required=True,
        order_token=graphene.Argument(graphene.UUID, required=True),
        description=(
            "The buyer's production timeline of an order, by the order's token "
            "(the same credential as Saleor's orderByToken): no staff data."
        ),
    )

    @permission_required(OrderPermissions.MANAGE_ORDERS)
    def resolve_production_jobs(self, _info, **kwargs):
        check_cursors(kwargs)
        return selectors.board_jobs()

    @permission_required(OrderPermissions.MANAGE_ORDERS)
    def resolve_production_job(self, _info, id):
        return node_or_none(id, "ProductionJob", selectors.board_jobs())

    def resolve_production_timeline(self, _info, order_token):
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
