import uuid

import graphene
from django.utils.translation import gettext
from saleor.checkout.models import Checkout as CheckoutModel
from saleor.core.exceptions import PermissionDenied
from saleor.graphql.core.fields import BaseField
from saleor.graphql.core.scalars import UUID
from saleor.graphql.core.types import NonNullList
from saleor.graphql.utils import get_user_or_app_from_context
from saleor.order.models import Order as OrderModel
from saleor.permission.enums import OrderPermissions
from saleor.product.models import ProductVariant as ProductVariantModel

from ....host import get_host
from ....errors import (
    OpenOrderError as DomainError,
    OpenOrderErrorCode as Code,
    Problem,
)
from ....specs import selectors
from ...host import variant_channel_price
from ..core import DOC_CATEGORY, ChannelArgument, channel_or_error, node_or_none
from ..specs.types import SpecValueInput
from .mutations import (
    CheckoutLineSpecsUpdate,
    CheckoutLinesAddCustom,
    SpecFileUpload,
    spec_inputs,
)
from .types import MadeToOrderCheckout, MadeToOrderOrder, MadeToOrderQuote


def failed_quote(problems):
    return selectors.Quote([], None, None, None, None, None, list(problems))


class CheckoutQueries(graphene.ObjectType):
    made_to_order_quote = BaseField(
        MadeToOrderQuote,
        variant_id=graphene.ID(required=True),
        quantity=graphene.Int(required=True),
        specs=NonNullList(SpecValueInput, default_value=[]),
        checkout_token=UUID(
            description="Lets FILE specs name this checkout's uploads."
        ),
        channel=ChannelArgument,
        description=(
            "Price with spec modifiers, deposit and promised ready date for a "
            "made-to-order variant in a channel (its price and currency), without "
            "creating anything."
        ),
        doc_category=DOC_CATEGORY,
    )
    made_to_order_checkout = BaseField(
        MadeToOrderCheckout,
        token=graphene.Argument(UUID, required=True),
        description="A checkout's made-to-order lines with specs, prices and promised dates.",
        doc_category=DOC_CATEGORY,
    )
    made_to_order_order = BaseField(
        MadeToOrderOrder,
        token=graphene.Argument(
            UUID, description="The order's token, as Saleor's orderByToken."
        ),
        order_id=graphene.Argument(
            graphene.ID, description="For staff (MANAGE_ORDERS)."
        ),
        description="An order's made-to-order lines with the specs frozen when it was placed.",
        doc_category=DOC_CATEGORY,
    )

    @staticmethod
    def resolve_made_to_order_quote(
        _root, _info, *, variant_id, quantity, channel, specs, checkout_token=None
    ):
        variant = node_or_none(
            variant_id,
            "ProductVariant",
            ProductVariantModel.objects.select_related("product"),
        )
        if variant is None:
            return failed_quote(
                [
                    Problem(
                        "variantId", Code.NOT_FOUND, gettext("No such product variant.")
                    )
                ]
            )
        try:
            channel = channel_or_error(channel)
            specs = spec_inputs(specs)
        except DomainError as error:
            return failed_quote(error.problems)
        if variant_channel_price(variant, channel.pk) is None:
            return failed_quote(
                [
                    Problem(
                        "variantId",
                        Code.INVALID,
                        gettext("This product is not sold in channel %(channel)s.")
                        % {"channel": channel.slug},
                    )
                ]
            )
        # Saleor 3 prices in a channel: the host reads the variant's price
        # from its channel listing.
        return selectors.quote(
            variant,
            quantity,
            specs,
            channel,
            channel.default_country.code,
            checkout_token,
        )

    @staticmethod
    def resolve_made_to_order_checkout(_root, _info, *, token):
        checkout = (
            CheckoutModel.objects.select_related("channel").filter(token=token).first()
        )
        if checkout is None:
            return None
        return selectors.checkout_view(checkout, checkout.channel)

    @staticmethod
    def resolve_made_to_order_order(_root, info, *, token=None, order_id=None):
        if order_id is not None:
            requestor = get_user_or_app_from_context(info.context)
            if not (requestor and requestor.has_perm(OrderPermissions.MANAGE_ORDERS)):
                raise PermissionDenied(permissions=[OrderPermissions.MANAGE_ORDERS])
            return node_or_none(order_id, "Order", OrderModel.objects.all(), uuid.UUID)
        if token is None:
            return None
        return get_host().order_by_token(token)


class CheckoutMutations(graphene.ObjectType):
    checkout_lines_add_custom = CheckoutLinesAddCustom.Field()
    checkout_line_specs_update = CheckoutLineSpecsUpdate.Field()
    spec_file_upload = SpecFileUpload.Field()
