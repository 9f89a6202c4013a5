import graphene
from django.conf import settings
from django.utils.translation import gettext
from graphql_jwt.exceptions import PermissionDenied
from saleor.checkout.models import Checkout as CheckoutModel
from saleor.core.permissions import OrderPermissions
from saleor.product.models import ProductVariant as ProductVariantModel
from saleor.order.models import Order as OrderModel

from ....host import get_host
from ....errors import (
    OpenOrderError as DomainError,
    OpenOrderErrorCode as Code,
    Problem,
)
from ....specs import selectors
from ..core import node_or_none
from .mutations import (
    CheckoutLineSpecsUpdate,
    CheckoutLinesAddCustom,
    SpecFileUpload,
    spec_inputs,
)
from ..specs.types import SpecValueInput
from .types import MadeToOrderCheckout, MadeToOrderOrder, MadeToOrderQuote


class CheckoutQueries(graphene.ObjectType):
    made_to_order_quote = graphene.Field(
        MadeToOrderQuote,
        variant_id=graphene.ID(required=True),
        quantity=graphene.Int(required=True),
        specs=graphene.List(graphene.NonNull(SpecValueInput), default_value=[]),
        checkout_token=graphene.UUID(
            description="Lets FILE specs name this checkout's uploads."
        ),
        description=(
            "Price with spec modifiers, deposit and promised ready date for a "
            "made-to-order variant, without creating anything."
        ),
    )
    made_to_order_checkout = graphene.Field(
        MadeToOrderCheckout,
        token=graphene.UUID(required=True),
        description="A checkout's made-to-order lines with specs, prices and promised dates.",
    )
    made_to_order_order = graphene.Field(
        MadeToOrderOrder,
        token=graphene.UUID(description="The order's token, as Saleor's orderByToken."),
        order_id=graphene.ID(description="For staff (order.manage_orders)."),
        description="An order's made-to-order lines with the specs frozen when it was placed.",
    )

    def resolve_made_to_order_quote(
        self, info, variant_id, quantity, specs, checkout_token=None
    ):
        variant = node_or_none(
            variant_id, "ProductVariant", ProductVariantModel.objects.all()
        )
        if variant is None:
            return selectors.Quote(
                [],
                None,
                None,
                None,
                None,
                None,
                [
                    Problem(
                        "variantId", Code.NOT_FOUND, gettext("No such product variant.")
                    )
                ],
            )
        country = (
            info.context.country.code
            if getattr(info.context, "country", None)
            else settings.DEFAULT_COUNTRY
        )
        try:
            specs = spec_inputs(specs)
        except DomainError as error:
            return selectors.Quote([], None, None, None, None, None, error.problems)
        return selectors.quote(
            variant,
            quantity,
            specs,
            info.context.discounts,
            country,
            checkout_token,
        )

    def resolve_made_to_order_checkout(self, info, token):
        checkout = CheckoutModel.objects.filter(token=token).first()
        if checkout is None:
            return None
        return selectors.checkout_view(checkout, info.context.discounts)

    def resolve_made_to_order_order(self, info, token=None, order_id=None):
        if order_id is not None:
            if not info.context.user.has_perm(OrderPermissions.MANAGE_ORDERS):
                raise PermissionDenied()
            return node_or_none(order_id, "Order", OrderModel.objects.all())
        if token is None:
            return None
        return get_host().order_by_token(token)


class CheckoutMutations(graphene.ObjectType):
    checkout_lines_add_custom = CheckoutLinesAddCustom.Field()
    checkout_line_specs_update = CheckoutLineSpecsUpdate.Field()
    spec_file_upload = SpecFileUpload.Field()
