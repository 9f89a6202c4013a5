import uuid

import graphene
from django.utils.translation import gettext
from saleor.graphql.checkout.mutations import update_checkout_shipping_method_if_invalid
from saleor.checkout.utils import recalculate_checkout_discount
from saleor.graphql.checkout.types import Checkout
from saleor.graphql.core.types import Upload
from saleor.checkout.models import Checkout as CheckoutModel
from saleor.product.models import ProductVariant as ProductVariantModel

from ....errors import (
    OpenOrderErrorCode as Code,
    Problems,
)
from ....api.uploads import uploaded_file
from ....specs import files, lines as spec_lines
from ..core import OpenOrderMutation, node_or_error, pk_from_global_id
from ..specs.types import NotText, SpecFile, SpecValueInput
from .types import CustomCheckoutLineInput


def spec_inputs(specs, prefix="specs"):
    """The buyer's specs as the domain reads them: text, or lists of text.
    Anything else is INVALID_TYPE at `<prefix>.<code>`."""
    problems = Problems()
    cleaned = []
    for spec in specs or []:
        value, values = spec.get("value"), spec.get("values")
        if isinstance(value, NotText) or any(
            isinstance(v, NotText) for v in values or []
        ):
            problems.add(
                "%s.%s" % (prefix, spec.code),
                Code.INVALID_TYPE,
                gettext(
                    'A spec value is text, e.g. "17" or "true"; lists go in `values`.'
                ),
            )
            continue
        cleaned.append({"code": spec.code, "value": value, "values": values})
    problems.raise_if_any()
    return cleaned


def custom_lines(lines):
    """Made-to-order lines as the domain takes them: [{"variant", "quantity",
    "specs"}]."""
    resolved = []
    variants = ProductVariantModel.objects.all()
    for index, line in enumerate(lines):
        variant = node_or_error(
            line.variant_id,
            "ProductVariant",
            variants,
            "lines.%d.variantId" % index,
            missing=gettext("No such product variant."),
        )
        resolved.append(
            {
                "variant": variant,
                "quantity": line.quantity,
                "specs": spec_inputs(line.specs, "lines.%d.specs" % index),
            }
        )
    return resolved


def _checkout(checkout_id):
    # Saleor 2.10's checkout ID carries the checkout's token.
    return node_or_error(
        checkout_id, "Checkout", CheckoutModel.objects.all(), "checkoutId", uuid.UUID
    )


def _after_lines_changed(info, checkout):
    # What Saleor's own checkoutLinesAdd does once lines changed.
    lines = list(checkout)
    update_checkout_shipping_method_if_invalid(checkout, lines, info.context.discounts)
    recalculate_checkout_discount(checkout, lines, info.context.discounts)


class CheckoutLinesAddCustom(OpenOrderMutation):
    checkout = graphene.Field(Checkout, description="The updated checkout.")

    class Arguments:
        checkout_id = graphene.ID(required=True, description="The checkout's ID.")
        lines = graphene.List(
            graphene.NonNull(CustomCheckoutLineInput),
            required=True,
            description="Made-to-order lines with the buyer's specs.",
        )

    class Meta:
        description = (
            "Adds made-to-order lines with specs to a checkout. The same variant with "
            "the same specs adds to one line; other specs make a line of their own. "
            "Nothing is stored when any line is invalid."
        )

    @classmethod
    def perform_mutation(cls, _root, info, checkout_id, lines):
        checkout = _checkout(checkout_id)
        checkout = spec_lines.add_lines(checkout, custom_lines(lines))
        _after_lines_changed(info, checkout)
        return CheckoutLinesAddCustom(checkout=checkout)


class CheckoutLineSpecsUpdate(OpenOrderMutation):
    checkout = graphene.Field(Checkout, description="The updated checkout.")

    class Arguments:
        checkout_id = graphene.ID(required=True)
        line_id = graphene.ID(required=True, description="The checkout line to change.")
        specs = graphene.List(graphene.NonNull(SpecValueInput), required=True)

    class Meta:
        description = "Replaces the specs of one made-to-order checkout line."

    @classmethod
    def perform_mutation(cls, _root, info, checkout_id, line_id, specs):
        checkout = _checkout(checkout_id)
        line_pk = pk_from_global_id(line_id, "CheckoutLine", "lineId")
        checkout = spec_lines.update_line_specs(checkout, line_pk, spec_inputs(specs))
        _after_lines_changed(info, checkout)
        return CheckoutLineSpecsUpdate(checkout=checkout)


class SpecFileUpload(OpenOrderMutation):
    upload = graphene.Field(
        SpecFile, description="Use its ID as the FILE spec's value."
    )

    class Arguments:
        checkout_token = graphene.UUID(
            required=True, description="The buyer's checkout token: the credential."
        )
        file = Upload(required=True, description="The file (multipart request).")

    class Meta:
        description = (
            "Uploads a buyer's file for a FILE spec. Its type is checked by content; "
            "it is stored privately and readable only by this checkout's buyer and staff."
        )

    @classmethod
    def perform_mutation(cls, _root, info, checkout_token, file):
        uploaded = uploaded_file(info, file)
        return SpecFileUpload(upload=files.store_upload(checkout_token, uploaded))
