import graphene
from graphql.error import GraphQLError
from saleor.channel.models import Channel
from saleor.graphql.core.connection import CountableConnection, create_connection_slice
from saleor.graphql.core.fields import BaseField, ConnectionField
from saleor.graphql.utils import get_user_or_app_from_context
from saleor.permission.enums import OrderPermissions

from ....catalog import selectors
from ....errors import OpenOrderError as DomainError
from ....host import get_host
from ..core import DOC_CATEGORY, ChannelArgument, check_cursors, pk_from_global_id
from .mutations import (
    CATALOG_PERMISSIONS,
    CustomSpecFieldCreate,
    CustomSpecFieldDelete,
    CustomSpecFieldReorder,
    CustomSpecFieldUpdate,
    ProductTypeMadeToOrderUpdate,
)
from .types import MadeToOrderProduct, MadeToOrderSettings, for_staff, in_channel


class MadeToOrderSettingsCountableConnection(CountableConnection):
    class Meta:
        doc_category = DOC_CATEGORY
        node = MadeToOrderSettings


class CatalogQueries(graphene.ObjectType):
    made_to_order_product = BaseField(
        MadeToOrderProduct,
        product_id=graphene.Argument(graphene.ID, description="ID of a product."),
        slug=graphene.Argument(graphene.String, description="Slug of a product."),
        channel=ChannelArgument,
        description=(
            "Whether a product is made to order and, if so, its lead time, "
            "production stages, deposit and balance policy and the specifications "
            "a buyer must give, with amounts in the channel's currency. Public; "
            "null when the product is not visible in the channel."
        ),
        doc_category=DOC_CATEGORY,
    )
    made_to_order_product_types = ConnectionField(
        MadeToOrderSettingsCountableConnection,
        description=(
            "The made-to-order settings and spec fields of every product type "
            "(ready stock when never configured), amounts in the shop's currency. "
            "Staff taking chat orders (MANAGE_ORDERS) read it too, for the spec "
            "fields."
        ),
        permissions=[*CATALOG_PERMISSIONS, OrderPermissions.MANAGE_ORDERS],
        doc_category=DOC_CATEGORY,
    )

    @staticmethod
    def resolve_made_to_order_product(
        _root, info, *, channel, product_id=None, slug=None
    ):
        if (product_id is None) == (slug is None):
            raise GraphQLError("Give either productId or slug.")
        if product_id is not None:
            try:
                product_id = pk_from_global_id(product_id, "Product", "productId")
            except DomainError as error:
                raise GraphQLError(str(error)) from None
        # As Saleor's `product(channel:)`: an unknown channel shows nothing;
        # an inactive one only to staff.
        channel = Channel.objects.filter(slug=channel).first()
        if channel is None:
            return None
        products = selectors.products_visible_to(
            get_user_or_app_from_context(info.context), channel
        )
        view = selectors.made_to_order_for_product(
            products, product_id=product_id, slug=slug
        )
        return in_channel(view, channel) if view is not None else None

    @staticmethod
    def resolve_made_to_order_product_types(_root, info, **kwargs):
        check_cursors(kwargs)
        connection = create_connection_slice(
            selectors.product_types_with_settings(),
            info,
            kwargs,
            MadeToOrderSettingsCountableConnection,
        )
        currency = get_host().currency()
        for edge in connection.edges:
            edge.node = for_staff(selectors.view_for_product_type(edge.node), currency)
        return connection


class CatalogMutations(graphene.ObjectType):
    product_type_made_to_order_update = ProductTypeMadeToOrderUpdate.Field()
    custom_spec_field_create = CustomSpecFieldCreate.Field()
    custom_spec_field_update = CustomSpecFieldUpdate.Field()
    custom_spec_field_delete = CustomSpecFieldDelete.Field()
    custom_spec_field_reorder = CustomSpecFieldReorder.Field()
