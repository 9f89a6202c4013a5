import graphene
from django.utils import timezone
from saleor.graphql.account.types import User
from saleor.graphql.core.connection import CountableDjangoObjectType
from saleor.graphql.product.types import Product, ProductType

from ....api.batch_enums import PreOrderBatchStatusEnum
from ....batches import rules, selectors
from ....models import PreOrderBatch as PreOrderBatchModel
from ..core import is_production_staff


class PreOrderBatchProgress(graphene.ObjectType):
    ordered = graphene.Int(
        required=True,
        description="Units ordered (orders not cancelled); at close, what it closed on.",
    )
    minimum = graphene.Int(required=True, description="The units needed.")
    remaining = graphene.Int(
        required=True, description="Units still needed to reach the minimum."
    )
    reached = graphene.Boolean(required=True, description="Whether the minimum is met.")
    percent = graphene.Int(required=True, description="Ordered of minimum, 0-100.")
    seconds_left = graphene.Int(
        required=True, description="Seconds until the batch closes; 0 once past."
    )

    class Meta:
        description = "How far a pre-order batch is towards its minimum."


class PreOrderBatch(CountableDjangoObjectType):
    name = graphene.String(required=True)
    status = PreOrderBatchStatusEnum(required=True)
    opens_at = graphene.DateTime(required=True)
    closes_at = graphene.DateTime(required=True)
    minimum_quantity = graphene.Int(required=True, description="Units, not orders.")
    is_taking_orders = graphene.Boolean(
        required=True, description="Open now: a buyer can order into it."
    )
    production_starts_on = graphene.Date(
        required=True,
        description="The first day production can start: the day after it closes.",
    )
    progress = graphene.Field(PreOrderBatchProgress, required=True)
    closed_at = graphene.DateTime(description="When it closed; null while open.")
    product_type = graphene.Field(
        ProductType, description="The product type it sells, if it is a type's."
    )
    product = graphene.Field(Product, description="The product it sells, if one's.")
    closed_by = graphene.Field(
        User, description="Staff who closed it early; null for the automatic close."
    )
    version = graphene.Int(
        required=True, description="Send it back with a change; a stale one is refused."
    )

    class Meta:
        description = (
            "A pre-order (PO) batch: orders are taken from opensAt to closesAt, and "
            "production starts when it closes with its minimum reached; short of "
            "it, every order in it is cancelled and refunded."
        )
        interfaces = [graphene.relay.Node]
        model = PreOrderBatchModel
        only_fields = ["id"]

    @classmethod
    def get_node(cls, info, id):
        # A relay `node(id:)` lookup is for staff; buyers read a product's.
        if not is_production_staff(info):
            return None
        return selectors.staff_batches().filter(pk=id).first()

    @staticmethod
    def resolve_is_taking_orders(root, _info):
        return rules.is_taking_orders(root, timezone.now())

    @staticmethod
    def resolve_production_starts_on(root, _info):
        return rules.first_production_day(root.closes_at)

    @staticmethod
    def resolve_progress(root, _info):
        return selectors.progress_of(root, selectors.ordered_of(root))

    @staticmethod
    def resolve_product_type(root, info):
        return root.product_type if is_production_staff(info) else None

    @staticmethod
    def resolve_product(root, info):
        return root.product if is_production_staff(info) else None

    @staticmethod
    def resolve_closed_by(root, info):
        return root.closed_by if is_production_staff(info) else None
