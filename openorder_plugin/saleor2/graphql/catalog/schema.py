import graphene
from saleor.core.permissions import OrderPermissions, ProductPermissions
from saleor.graphql.core.connection import (
    CountableConnection,
    connection_from_queryset_slice,
)
from saleor.graphql.decorators import one_of_permissions_required
from saleor.graphql.utils import get_user_or_app_from_context
from saleor.graphql.utils.sorting import sort_queryset_for_connection
from graphene.relay import PageInfo
from graphql.error import GraphQLError

from ....catalog import selectors
from ....errors import OpenOrderError as DomainError
from .mutations import (
    CustomSpecFieldCreate,
    CustomSpecFieldDelete,
    CustomSpecFieldReorder,
    CustomSpecFieldUpdate,
    ProductTypeMadeToOrderUpdate,
)
from ..core import ConnectionField, check_cursors, pk_from_global_id
from .types import MadeToOrderProduct, MadeToOrderSettings


class MadeToOrderSettingsCountableConnection(CountableConnection):
    class Meta:
        node = MadeToOrderSettings


class CatalogQueries(graphene.ObjectType):
    made_to_order_product = graphene.Field(
        MadeToOrderProduct,
        product_id=graphene.Argument(graphene.ID, description="ID of a product."),
        slug=graphene.Argument(graphene.String, description="Slug of a product."),
        description=(
            "Whether a product is made to order and, if so, its lead time, "
            "production stages, deposit and balance policy and the specifications "
            "a buyer must give. Public; null when the product is not visible."
        ),
    )
    made_to_order_product_types = ConnectionField(
        MadeToOrderSettingsCountableConnection,
        description=(
            "The made-to-order settings and spec fields of every product type "
            "(ready stock when never configured). Needs MANAGE_PRODUCTS, or "
            "MANAGE_ORDERS (staff taking chat orders fill in the spec fields)."
        ),
    )

    def resolve_made_to_order_product(self, info, product_id=None, slug=None):
        if (product_id is None) == (slug is None):
            raise GraphQLError("Give either productId or slug.")
        if product_id is not None:
            try:
                product_id = pk_from_global_id(product_id, "Product", "productId")
            except DomainError as error:
                raise GraphQLError(str(error))
        products = selectors.products_visible_to(
            get_user_or_app_from_context(info.context)
        )
        return selectors.made_to_order_for_product(
            products, product_id=product_id, slug=slug
        )

    @one_of_permissions_required(
        [ProductPermissions.MANAGE_PRODUCTS, OrderPermissions.MANAGE_ORDERS]
    )
    def resolve_made_to_order_product_types(self, info, **kwargs):
        check_cursors(kwargs)
        qs, _sort_by = sort_queryset_for_connection(
            selectors.product_types_with_settings(), kwargs
        )
        connection = connection_from_queryset_slice(
            qs,
            kwargs,
            MadeToOrderSettingsCountableConnection,
            MadeToOrderSettingsCountableConnection.Edge,
            PageInfo,
        )
        for edge in connection.edges:
            edge.node = selectors.view_for_product_type(edge.node)
        connection.iterable = qs
        return connection


class CatalogMutations(graphene.ObjectType):
    product_type_made_to_order_update = ProductTypeMadeToOrderUpdate.Field()
    custom_spec_field_create = CustomSpecFieldCreate.Field()
    custom_spec_field_update = CustomSpecFieldUpdate.Field()
    custom_spec_field_delete = CustomSpecFieldDelete.Field()
    custom_spec_field_reorder = CustomSpecFieldReorder.Field()
