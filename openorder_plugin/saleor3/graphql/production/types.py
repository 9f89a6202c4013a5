"""Production jobs (the staff board) and the buyer's production timeline, as
Saleor 3.23 types. Saleor's Order and OrderLine are returned as Saleor's own
list queries return them: wrapped in SyncWebhookControlContext, without
synchronous webhooks (a board page holds many orders)."""

import graphene
from saleor.graphql.account.types import User
from saleor.graphql.core.connection import CountableConnection
from saleor.graphql.core.context import SyncWebhookControlContext
from saleor.graphql.core.scalars import Date, DateTime
from saleor.graphql.core.types import (
    BaseEnum,
    BaseObjectType,
    ModelObjectType,
    NonNullList,
    SortInputObjectType,
)
from saleor.graphql.order.types import Order, OrderLine

from ....api.design_proofs import DesignProofFields
from ....api.production_enums import (
    DesignProofStatusEnum,
    ProductionJobEventTypeEnum,
    ProductionJobStatusEnum,
)
from ....models import ProductionJob as ProductionJobModel
from ....models import ProductionJobEvent as ProductionJobEventModel
from ....batches import selectors as batch_selectors
from ....production import selectors
from ....production.approval import approval_stage
from ..batches.types import PreOrderBatch
from ..core import DOC_CATEGORY, is_production_staff
from ..specs.types import SpecValue

ProductionJobStatusEnum.doc_category = DOC_CATEGORY
ProductionJobEventTypeEnum.doc_category = DOC_CATEGORY
DesignProofStatusEnum.doc_category = DOC_CATEGORY


class DesignProof(DesignProofFields, BaseObjectType):
    created_at = DateTime(required=True, description="When staff sent it.")
    answered_at = DateTime(description="When the buyer answered.")

    class Meta:
        description = (
            "One round of design approval (ACC desain): a proof staff sent for the "
            "job's approval stage, and the buyer's answer."
        )
        doc_category = DOC_CATEGORY


class ProductionStage(BaseObjectType):
    code = graphene.String(required=True, description="The stage's code.")
    label = graphene.String(required=True, description="The stage's name.")

    class Meta:
        description = "One stage of a job, as copied from its product type."
        doc_category = DOC_CATEGORY


class ProductionJobEvent(ModelObjectType[ProductionJobEventModel]):
    id = graphene.GlobalID(required=True, description="The ID of the event.")
    type = ProductionJobEventTypeEnum(required=True)
    from_stage = graphene.String()
    to_stage = graphene.String()
    user = graphene.Field(User, description="The staff member; null for the system.")
    note = graphene.String()
    date = DateTime(required=True)

    class Meta:
        description = "A change of a production job: from, to, who, when, note."
        doc_category = DOC_CATEGORY
        interfaces = [graphene.relay.Node]
        model = ProductionJobEventModel

    @classmethod
    def get_node(cls, info, id):
        # A lookup by ID is for staff only, like the board.
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
    def resolve_note(root, _info):
        return root.note

    @staticmethod
    def resolve_date(root, _info):
        return root.created_at


class ProductionJobSpec(SpecValue):
    display_value = graphene.String(
        description=(
            "The value as staff read it: a choice by its label (MULTI_CHOICE: the "
            "labels, comma-joined), any other value as it is. Labels are the product "
            "type's current ones; a value whose choice is gone shows as itself."
        )
    )
    display_values = NonNullList(
        graphene.String,
        required=True,
        description="What to show for each chosen value (MULTI_CHOICE: one per value).",
    )

    class Meta:
        description = (
            "A spec frozen on a job's order line, with the labels of its chosen "
            "choices. Text: never render it as HTML."
        )
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_display_value(root, _info):
        shown = root["displayValues"]
        return ", ".join(shown) if shown else None

    @staticmethod
    def resolve_display_values(root, _info):
        return root["displayValues"]


class ProductionJob(ModelObjectType[ProductionJobModel]):
    id = graphene.GlobalID(required=True, description="The ID of the job.")
    order = graphene.Field(Order, required=True)
    order_line = graphene.Field(OrderLine, required=True)
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    quantity = graphene.Int(required=True)
    specs = NonNullList(
        ProductionJobSpec, required=True, description="Frozen at checkout."
    )
    stages = NonNullList(ProductionStage, required=True)
    current_stage = graphene.String(required=True)
    current_stage_label = graphene.String(required=True)
    is_last_stage = graphene.Boolean(required=True)
    status = ProductionJobStatusEnum(required=True)
    hold_reason = graphene.String()
    promised_date = Date()
    is_overdue = graphene.Boolean(required=True)
    assignee = graphene.Field(User)
    notes = graphene.String(required=True, description="Staff notes.")
    version = graphene.Int(
        required=True, description="Send it back with a change; a stale one is refused."
    )
    pre_order_batch = graphene.Field(
        PreOrderBatch,
        description=(
            "The pre-order batch the job's line is in: the job cannot pass "
            "confirmation until the batch closes with its minimum reached."
        ),
    )
    events = NonNullList(ProductionJobEvent, required=True)
    approval_stage = graphene.String(
        description=(
            "The stage at which the buyer approves a design proof; the job cannot "
            "pass it before. Null: no approval."
        )
    )
    design_proofs = NonNullList(
        DesignProof,
        required=True,
        description="Every round of design approval, oldest first (for one job's page).",
    )
    created_at = DateTime(required=True)
    stage_changed_at = DateTime(required=True)

    class Meta:
        description = "The production of one made-to-order order line."
        doc_category = DOC_CATEGORY
        interfaces = [graphene.relay.Node]
        model = ProductionJobModel

    @classmethod
    def get_node(cls, info, id):
        # A lookup by ID is for staff only, like the board.
        if not is_production_staff(info):
            return None
        return selectors.board_jobs().filter(pk=id).first()

    @staticmethod
    def resolve_pre_order_batch(root, _info):
        return batch_selectors.batch_of_job(root)

    @staticmethod
    def resolve_approval_stage(root, _info):
        return approval_stage(root)

    @staticmethod
    def resolve_design_proofs(root, _info):
        return selectors.design_proofs(job_id=root.pk)

    @staticmethod
    def resolve_order(root, _info):
        return SyncWebhookControlContext(node=root.order, allow_sync_webhooks=False)

    @staticmethod
    def resolve_order_line(root, _info):
        return SyncWebhookControlContext(
            node=root.order_line, allow_sync_webhooks=False
        )

    @staticmethod
    def resolve_product_name(root, _info):
        return root.order_line.product_name

    @staticmethod
    def resolve_variant_name(root, _info):
        return root.order_line.variant_name

    @staticmethod
    def resolve_specs(root, _info):
        # Price modifiers in the order's currency.
        return [
            dict(spec, currency=spec.get("currency") or root.order.currency)
            for spec in selectors.labelled_specs(root)
        ]

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


class ProductionJobCountableConnection(CountableConnection):
    class Meta:
        doc_category = DOC_CATEGORY
        node = ProductionJob


class ProductionJobSortField(BaseEnum):
    PROMISED_DATE = ["promised_date", "pk"]
    CREATED = ["created_at", "pk"]
    STAGE_CHANGED = ["stage_changed_at", "pk"]
    ORDER = ["order_id", "pk"]

    class Meta:
        doc_category = DOC_CATEGORY

    @property
    def description(self):
        return "Sort production jobs by %s." % self.name.lower().replace("_", " ")


class ProductionJobSortingInput(SortInputObjectType):
    class Meta:
        doc_category = DOC_CATEGORY
        sort_enum = ProductionJobSortField
        type_name = "production jobs"


class ProductionTimelineStage(BaseObjectType):
    code = graphene.String(required=True)
    label = graphene.String(required=True)
    reached_at = DateTime(description="When the job reached it; null if not yet.")

    class Meta:
        description = "A stage on the buyer's timeline."
        doc_category = DOC_CATEGORY


class ProductionTimeline(BaseObjectType):
    order_line = graphene.ID(required=True, description="The order line's ID.")
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    quantity = graphene.Int(required=True)
    stages = NonNullList(ProductionTimelineStage, required=True)
    current_stage = graphene.String(required=True)
    current_stage_label = graphene.String(required=True)
    status = ProductionJobStatusEnum(required=True)
    promised_date = Date()
    is_ready = graphene.Boolean(required=True, description="At its last stage.")
    is_late = graphene.Boolean(
        required=True, description="Past its promised date and not ready."
    )

    class Meta:
        description = (
            "The buyer's view of a made-to-order line's production: stages with "
            "the dates reached, the promised date and whether it is late."
        )
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_order_line(root, _info):
        return graphene.Node.to_global_id("OrderLine", root.order_line_id)
