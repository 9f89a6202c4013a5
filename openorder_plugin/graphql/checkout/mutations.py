import graphene
from django.utils.translation import gettext
from saleor.graphql.checkout.mutations import update_checkout_shipping_method_if_invalid
from saleor.checkout.utils import recalculate_checkout_discount
from saleor.graphql.checkout.types import Checkout, CheckoutLine
from saleor.graphql.core.types import Upload
from saleor.graphql.product.types import ProductVariant

from ...errors import OpenOrderError as DomainError, OpenOrderErrorCode as Code
from ...specs import files, lines as spec_lines
from ..core import OpenOrderMutation
from .types import CustomCheckoutLineInput, SpecFile, SpecValueInput


def _specs(specs):
    return [
        {"code": s.code, "value": s.get("value"), "values": s.get("values")} for s in specs or []
    ]


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
        checkout = cls.get_node_or_error(info, checkout_id, only_type=Checkout, field="checkoutId")
        resolved = []
        for index, line in enumerate(lines):
            try:
                variant = cls.get_node_or_error(
                    info, line.variant_id, only_type=ProductVariant, field="variantId"
                )
            except Exception:
                raise DomainError.single(
                    "lines.%d.variantId" % index, Code.NOT_FOUND, gettext("No such product variant.")
                )
            resolved.append(
                {"variant": variant, "quantity": line.quantity, "specs": _specs(line.specs)}
            )
        checkout = spec_lines.add_lines(checkout, resolved)
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
        checkout = cls.get_node_or_error(info, checkout_id, only_type=Checkout, field="checkoutId")
        _type, line_pk = graphene.Node.from_global_id(line_id) if line_id else (None, None)
        if _type != "CheckoutLine" or not str(line_pk).isdigit():
            raise DomainError.single("lineId", Code.NOT_FOUND, gettext("No such checkout line."))
        checkout = spec_lines.update_line_specs(checkout, int(line_pk), _specs(specs))
        _after_lines_changed(info, checkout)
        return CheckoutLineSpecsUpdate(checkout=checkout)


class SpecFileUpload(OpenOrderMutation):
    upload = graphene.Field(SpecFile, description="Use its ID as the FILE spec's value.")

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
        uploaded = info.context.FILES.get(file)
        if uploaded is None:
            raise DomainError.single(
                "file", Code.REQUIRED, gettext("Send the file in a multipart request.")
            )
        return SpecFileUpload(upload=files.store_upload(checkout_token, uploaded))
