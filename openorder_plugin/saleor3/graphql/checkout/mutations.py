"""Made-to-order checkout lines on Saleor 3.23. The core writes each line's
specs entry (private metadata) and price override; then Saleor is told, as
its own checkoutLinesAdd tells it: deliveries marked stale, discounts and
prices recalculated when next read, CHECKOUT_UPDATED sent."""

import uuid

import graphene
from django.utils.translation import gettext
from saleor.checkout.actions import call_checkout_info_event
from saleor.checkout.fetch import fetch_checkout_info, fetch_checkout_lines
from saleor.checkout.models import Checkout as CheckoutModel
from saleor.checkout.utils import invalidate_checkout
from saleor.graphql.checkout.mutations.utils import (
    mark_checkout_deliveries_as_stale_if_needed,
)
from saleor.graphql.checkout.types import Checkout
from saleor.graphql.core.context import SyncWebhookControlContext
from saleor.graphql.core.scalars import UUID
from saleor.graphql.core.types import NonNullList, Upload
from saleor.graphql.plugins.dataloaders import get_plugin_manager_promise
from saleor.product.models import ProductVariant as ProductVariantModel
from saleor.webhook.event_types import WebhookEventAsyncType

from ....errors import (
    OpenOrderErrorCode as Code,
    Problems,
)
from ....api.uploads import uploaded_file
from ....specs import files, lines as spec_lines
from ..core import DOC_CATEGORY, OpenOrderMutation, node_or_error, pk_from_global_id
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
    variants = ProductVariantModel.objects.select_related("product")
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


def checkout_or_error(checkout_id):
    # A Saleor 3 checkout's ID carries its token, its primary key.
    return node_or_error(
        checkout_id,
        "Checkout",
        CheckoutModel.objects.select_related("channel"),
        "checkoutId",
        uuid.UUID,
    )


def after_lines_changed(info, checkout):
    """What Saleor's checkoutLinesAdd does once a checkout's lines changed;
    the checkout as Saleor's checkout mutations return it."""
    manager = get_plugin_manager_promise(info.context).get()
    lines, _unavailable = fetch_checkout_lines(checkout)
    checkout_info = fetch_checkout_info(checkout, lines, manager)
    update_fields = mark_checkout_deliveries_as_stale_if_needed(
        checkout_info.checkout, lines
    )
    update_fields += invalidate_checkout(checkout_info, lines, manager, save=False)
    checkout.search_index_dirty = True
    update_fields.append("search_index_dirty")
    checkout.save(update_fields=update_fields)
    call_checkout_info_event(
        manager,
        event_name=WebhookEventAsyncType.CHECKOUT_UPDATED,
        checkout_info=checkout_info,
        lines=lines,
    )
    return SyncWebhookControlContext(node=checkout)


class CheckoutLinesAddCustom(OpenOrderMutation):
    checkout = graphene.Field(Checkout, description="The updated checkout.")

    class Arguments:
        checkout_id = graphene.ID(required=True, description="The checkout's ID.")
        lines = NonNullList(
            CustomCheckoutLineInput,
            required=True,
            description="Made-to-order lines with the buyer's specs.",
        )

    class Meta:
        description = (
            "Adds made-to-order lines with specs to a checkout. The same variant with "
            "the same specs adds to one line; other specs make a line of their own. "
            "Nothing is stored when any line is invalid."
        )
        doc_category = DOC_CATEGORY

    @classmethod
    def perform_mutation(cls, _root, info, /, *, checkout_id, lines):
        checkout = checkout_or_error(checkout_id)
        checkout = spec_lines.add_lines(checkout, custom_lines(lines))
        return cls(checkout=after_lines_changed(info, checkout))


class CheckoutLineSpecsUpdate(OpenOrderMutation):
    checkout = graphene.Field(Checkout, description="The updated checkout.")

    class Arguments:
        checkout_id = graphene.ID(required=True)
        line_id = graphene.ID(required=True, description="The checkout line to change.")
        specs = NonNullList(SpecValueInput, required=True)

    class Meta:
        description = "Replaces the specs of one made-to-order checkout line."
        doc_category = DOC_CATEGORY

    @classmethod
    def perform_mutation(cls, _root, info, /, *, checkout_id, line_id, specs):
        checkout = checkout_or_error(checkout_id)
        line_pk = pk_from_global_id(line_id, "CheckoutLine", "lineId", uuid.UUID)
        checkout = spec_lines.update_line_specs(checkout, line_pk, spec_inputs(specs))
        return cls(checkout=after_lines_changed(info, checkout))


class SpecFileUpload(OpenOrderMutation):
    upload = graphene.Field(
        SpecFile, description="Use its ID as the FILE spec's value."
    )

    class Arguments:
        checkout_token = UUID(
            required=True, description="The buyer's checkout token: the credential."
        )
        file = Upload(required=True, description="The file (multipart request).")

    class Meta:
        description = (
            "Uploads a buyer's file for a FILE spec. Its type is checked by content; "
            "it is stored privately and readable only by this checkout's buyer and staff."
        )
        doc_category = DOC_CATEGORY

    @classmethod
    def perform_mutation(cls, _root, info, /, *, checkout_token, file):
        uploaded = uploaded_file(info, file)
        return cls(upload=files.store_upload(checkout_token, uploaded))
