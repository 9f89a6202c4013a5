import graphene
from saleor.graphql.account.types import User
from saleor.graphql.core.connection import CountableDjangoObjectType
from saleor.graphql.core.types import SortInputObjectType
from saleor.graphql.order.types import Order, OrderLine

from ....models import ProductionJob as ProductionJobModel
from ....models import ProductionJobEvent as ProductionJobEventModel
from ....batches import selectors as batch_selectors
from ....production import selectors
from ..batches.types import PreOrderBatch
from ..core import OrderLineNames, is_production_staff
from ....api.production_enums import (
    ProductionJobEventTypeEnum,
    ProductionJobStatusEnum,
)
from ..specs.types import SpecValue
from ....api.design_proofs import DesignProofFields
from ....production.approval import approval_stage


class ProductionStage(graphene.ObjectType):
    code = graphene.String(required=True, description="The stage's code.")
    label = graphene.String(required=True, description="The stage's name.")

    class Meta:
        description = "One stage of a job, as copied from its product type."


class ProductionJobEvent(CountableDjangoObjectType):
    type = ProductionJobEventTypeEnum(required=True)
    from_stage = graphene.String()
    to_stage = graphene.String()
    user = graphene.Field(User, description="The staff member; null for the system.")
    note = graphene.String()
    date = graphene.DateTime(required=True)

    class Meta:
        description = "A change of a production job: from, to, who, when, note."
        interfaces = [graphene.relay.Node]
        model = ProductionJobEventModel
        only_fields = ["id"]

    @classmethod
    def get_node(cls, info, id):
        # A relay `node(id:)` lookup is for staff only, like the board.
        if not is_production_staff(info):
            return None
        return ProductionJobEventModel.objects.filter(pk=id).first()

    @staticmethod
    def resolve_from_stage(root, _info):
        return root.from_stage or None

    @staticmethod
    def resolve_to_stage(root, _info):
        return root.to_stage or None

    @staticmethod
    def resolve_date(root, _info):
        return root.created_at


class DesignProof(DesignProofFields, graphene.ObjectType):
    created_at = graphene.DateTime(required=True, description="When staff sent it.")
    answered_at = graphene.DateTime(description="When the buyer answered.")

    class Meta:
        description = (
            "One round of design approval (ACC desain): a proof staff sent for the "
            "job's approval stage, and the buyer's answer."
        )


class ProductionJobSpec(SpecValue):
    display_value = graphene.String(
        description=(
            "The value as staff read it: a choice by its label (MULTI_CHOICE: the "
            "labels, comma-joined), any other value as it is. Labels are the product "
            "type's current ones; a value whose choice is gone shows as itself."
        )
    )
    display_values = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="What to show for each chosen value (MULTI_CHOICE: one per value).",
    )

    class Meta:
        description = (
            "A spec frozen on a job's order line, with the labels of its chosen "
            "choices. Text: never render it as HTML."
        )

    @staticmethod
    def resolve_display_value(root, _info):
        shown = root["displayValues"]
        return ", ".join(shown) if shown else None

    @staticmethod
    def resolve_display_values(root, _info):
        return root["displayValues"]


class ProductionJob(OrderLineNames, CountableDjangoObjectType):
    order = graphene.Field(Order, required=True)
    order_line = graphene.Field(OrderLine, required=True)
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    quantity = graphene.Int(required=True)
    specs = graphene.List(
        graphene.NonNull(ProductionJobSpec),
        required=True,
        description="Frozen at checkout.",
    )
    stages = graphene.List(graphene.NonNull(ProductionStage), required=True)
    current_stage = graphene.String(required=True)
    current_stage_label = graphene.String(required=True)
    is_last_stage = graphene.Boolean(required=True)
    status = ProductionJobStatusEnum(required=True)
    hold_reason = graphene.String()
    promised_date = graphene.Date()
    is_overdue = graphene.Boolean(required=True)
    assignee = graphene.Field(User)
    notes = graphene.String(required=True, description="Staff notes.")
    version = graphene.Int(
        required=True, description="Send it back with a change; a stale one is refused."
    )
    events = graphene.List(graphene.NonNull(ProductionJobEvent), required=True)
    pre_order_batch = graphene.Field(
        PreOrderBatch,
        description=(
            "The pre-order batch the job's line is in: the job cannot pass "
            "confirmation until the batch closes with its minimum reached."
        ),
    )
    approval_stage = graphene.String(
        description=(
            "The stage at which the buyer approves a design proof; the job cannot "
            "pass it before. Null: no approval."
        )
    )
    design_proofs = graphene.List(
        graphene.NonNull(DesignProof),
        required=True,
        description="Every round of design approval, oldest first (for one job's page).",
    )
    created_at = graphene.DateTime(required=True)
    stage_changed_at = graphene.DateTime(required=True)

    class Meta:
        description = "The production of one made-to-order order line."
        interfaces = [graphene.relay.Node]
        model = ProductionJobModel
        only_fields = ["id"]

    @classmethod
    def get_node(cls, info, id):
        # A relay `node(id:)` lookup is for staff only, like the board.
        if not is_production_staff(info):
            return None
        return selectors.board_jobs().filter(pk=id).first()

    @staticmethod
    def resolve_specs(root, _info):
        return selectors.labelled_specs(root)

    @staticmethod
    def resolve_stages(root, _info):
        return [ProductionStage(code=s["code"], label=s["label"]) for s in root.stages]

    @staticmethod
    def resolve_current_stage_label(root, _info):
        return root.stage_label(root.current_stage)

    @staticmethod
    def resolve_is_last_stage(root, _info):
        return root.current_stage == root.last_stage

    @staticmethod
    def resolve_hold_reason(root, _info):
        return root.hold_reason or None

    @staticmethod
    def resolve_events(root, _info):
        return root.events.all()

    @staticmethod
    def resolve_pre_order_batch(root, _info):
        return batch_selectors.batch_of_job(root)

    @staticmethod
    def resolve_approval_stage(root, _info):
        return approval_stage(root)

    @staticmethod
    def resolve_design_proofs(root, _info):
        return selectors.design_proofs(job_id=root.pk)


class ProductionJobSortField(graphene.Enum):
    PROMISED_DATE = ["promised_date", "pk"]
    CREATED = ["created_at", "pk"]
    STAGE_CHANGED = ["stage_changed_at", "pk"]
    ORDER = ["order_id", "pk"]

    @property
    def description(self):
        return "Sort production jobs by %s." % self.name.lower().replace("_", " ")


class ProductionJobSortingInput(SortInputObjectType):
    class Meta:
        sort_enum = ProductionJobSortField
        type_name = "production jobs"


class ProductionTimelineStage(graphene.ObjectType):
    code = graphene.String(required=True)
    label = graphene.String(required=True)
    reached_at = graphene.DateTime(
        description="When the job reached it; null if not yet."
    )

    class Meta:
        description = "A stage on the buyer's timeline."


class ProductionTimeline(graphene.ObjectType):
    order_line = graphene.ID(required=True, description="The order line's ID.")
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    quantity = graphene.Int(required=True)
    stages = graphene.List(graphene.NonNull(ProductionTimelineStage), required=True)
    current_stage = graphene.String(required=True)
    current_stage_label = graphene.String(required=True)
    status = ProductionJobStatusEnum(required=True)
    promised_date = graphene.Date()
    is_ready = graphene.Boolean(required=True, description="At its last stage.")
    is_late = graphene.Boolean(
        required=True, description="Past its promised date and not ready."
    )

    class Meta:
        description = (
            "The buyer's view of a made-to-order line's production: stages with "
            "the dates reached, the promised date and whether it is late."
        )

    @staticmethod
    def resolve_order_line(root, _info):
        return graphene.Node.to_global_id("OrderLine", root.order_line_id)
