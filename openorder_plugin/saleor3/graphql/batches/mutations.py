"""Staff open, change and close pre-order batches."""

import graphene
from saleor.graphql.core.scalars import DateTime
from saleor.graphql.core.types import BaseInputObjectType
from saleor.permission.enums import OrderPermissions
from saleor.product.models import Product

from ....batches import rules, selectors, services
from ..core import DOC_CATEGORY, OpenOrderMutation, node_or_error, pk_from_global_id
from .types import PreOrderBatch


class PreOrderBatchCreateInput(BaseInputObjectType):
    product_type = graphene.ID(
        description="A made-to-order product type: all its products sell in it."
    )
    product = graphene.ID(
        description="Or one product: it then sells only in its own batches."
    )
    name = graphene.String(required=True, description='e.g. "PO Kaos Batch 3".')
    opens_at = DateTime(description="When orders open; default: now.")
    closes_at = DateTime(required=True, description="When orders close.")
    minimum_quantity = graphene.Int(
        required=True, description="Units needed for production to start."
    )

    class Meta:
        doc_category = DOC_CATEGORY


class PreOrderBatchUpdateInput(BaseInputObjectType):
    name = graphene.String()
    opens_at = DateTime(description="Only before the batch has opened.")
    closes_at = DateTime()
    minimum_quantity = graphene.Int()

    class Meta:
        doc_category = DOC_CATEGORY


class PreOrderBatchMutation(OpenOrderMutation):
    pre_order_batch = graphene.Field(PreOrderBatch, description="The batch.")

    class Meta:
        abstract = True

    @classmethod
    def success(cls, batch):
        return cls(pre_order_batch=selectors.staff_batches().get(pk=batch.pk))

    @classmethod
    def batch_pk(cls, data):
        return pk_from_global_id(data["id"], "PreOrderBatch", "id")


class PreOrderBatchCreate(PreOrderBatchMutation):
    class Arguments:
        input = PreOrderBatchCreateInput(required=True)

    class Meta:
        description = (
            "Opens a pre-order batch for a made-to-order product type or product."
        )
        doc_category = DOC_CATEGORY
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, _root, _info, /, **data):
        given = data["input"]
        product_type_id = product = None
        if given.get("product_type"):
            product_type_id = pk_from_global_id(
                given["product_type"], "ProductType", "input.product_type"
            )
        if given.get("product"):
            product = node_or_error(
                given["product"], "Product", Product.objects.all(), "input.product"
            )
        batch = services.create_batch(
            product_type_id=product_type_id,
            product=product,
            name=given["name"],
            opens_at=rules.aware(given.get("opens_at")),
            closes_at=rules.aware(given["closes_at"]),
            minimum_quantity=given["minimum_quantity"],
        )
        return cls.success(batch)


class PreOrderBatchUpdate(PreOrderBatchMutation):
    class Arguments:
        id = graphene.ID(required=True, description="ID of the batch.")
        input = PreOrderBatchUpdateInput(required=True)
        version = graphene.Int(description="The batch version you read.")

    class Meta:
        description = "Changes an open pre-order batch's name, window or minimum."
        doc_category = DOC_CATEGORY
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, _root, _info, /, **data):
        changes = {}
        for key, value in data["input"].items():
            changes[key] = rules.aware(value) if key.endswith("_at") else value
        batch = services.update_batch(
            cls.batch_pk(data), version=data.get("version"), **changes
        )
        return cls.success(batch)


class PreOrderBatchClose(PreOrderBatchMutation):
    class Arguments:
        id = graphene.ID(required=True, description="ID of the batch.")
        version = graphene.Int(description="The batch version you read.")

    class Meta:
        description = (
            "Closes a pre-order batch now, before its closing time: with its "
            "minimum reached production starts, else its orders are cancelled "
            "and refunded. A batch closes once."
        )
        doc_category = DOC_CATEGORY
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, _root, info, /, **data):
        batch = services.close_batch(
            cls.batch_pk(data), user=info.context.user, version=data.get("version")
        )
        return cls.success(batch)
