"""The GraphQL types of specs on Saleor 3.23: a spec value as a buyer gives
it and as it is shown back, and a buyer's design file. Shared by checkout,
order and production types.

A shown spec's price modifier is in the currency of the checkout, order or
channel it belongs to: whoever returns SpecValues gives it (`spec_values`)."""

import graphene
from django.urls import reverse
from graphql.language import ast
from prices import Money as Amount
from saleor.graphql.core.types import (
    BaseInputObjectType,
    BaseObjectType,
    Money,
    NonNullList,
)

from ....host import get_host
from ..core import DOC_CATEGORY


def spec_values(items, currency):
    """Spec snapshots ({"code", "label", "type", "value", "priceModifier"}) as
    SpecValue roots, their modifiers in `currency`."""
    return [dict(item, currency=currency) for item in items or []]


class NotText:
    """A spec value that came as something other than text."""

    def __init__(self, value):
        self.value = value


class SpecText(graphene.Scalar):
    """A spec value: always text. Numbers are "17", booleans "true" or
    "false", dates "2026-12-24", colours "#1b2a4a". A number, object or list
    is refused with INVALID_TYPE rather than turned into text."""

    doc_category = DOC_CATEGORY

    @staticmethod
    def serialize(value):
        return value

    @staticmethod
    def parse_value(value):
        return value if isinstance(value, str) else NotText(value)

    @staticmethod
    def parse_literal(node):
        return node.value if isinstance(node, ast.StringValue) else NotText(node)


class SpecValueInput(BaseInputObjectType):
    code = graphene.String(required=True, description="The spec field's code.")
    value = SpecText(
        description=(
            "The value as text: a number, a choice's value, true/false, a date "
            "(YYYY-MM-DD), a colour (#rrggbb) or an upload's ID for FILE fields."
        )
    )
    values = NonNullList(SpecText, description="The chosen values (MULTI_CHOICE).")

    class Meta:
        description = "A buyer's value for one custom-spec field."
        doc_category = DOC_CATEGORY


class SpecFile(BaseObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True, description="The file name the buyer gave.")
    content_type = graphene.String(
        required=True, description="Type found from the content."
    )
    size = graphene.Int(required=True, description="Size in bytes.")
    url = graphene.String(
        required=True,
        description=(
            "Where to download it: the buyer adds `?token=` with their checkout or "
            "order token; staff send their JWT."
        ),
    )

    class Meta:
        description = "A buyer's design file for a FILE spec."
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_id(root, _info):
        return str(root.pk)

    @staticmethod
    def resolve_name(root, _info):
        return root.original_name

    @staticmethod
    def resolve_url(root, _info):
        return reverse("openorder-spec-file", kwargs={"upload_id": str(root.pk)})


class SpecValue(BaseObjectType):
    code = graphene.String(required=True)
    label = graphene.String(required=True)
    type = graphene.String(required=True, description="The field's type.")
    value = graphene.String(
        description="The value as text (MULTI_CHOICE: comma-joined)."
    )
    values = NonNullList(graphene.String, description="MULTI_CHOICE values.")
    price_modifier = graphene.Field(Money, required=True, description="Added per unit.")

    class Meta:
        description = "A spec as the buyer gave it. Text: never render it as HTML."
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_code(root, _info):
        return root["code"]

    @staticmethod
    def resolve_label(root, _info):
        return root["label"]

    @staticmethod
    def resolve_type(root, _info):
        return root["type"]

    @staticmethod
    def resolve_value(root, _info):
        value = root["value"]
        return ",".join(value) if isinstance(value, list) else value

    @staticmethod
    def resolve_values(root, _info):
        value = root["value"]
        return value if isinstance(value, list) else [value]

    @staticmethod
    def resolve_price_modifier(root, _info):
        return Amount(
            root["priceModifier"], root.get("currency") or get_host().currency()
        )
