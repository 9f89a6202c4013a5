"""The GraphQL types of specs: a spec value as a buyer gives it and as it
is shown back, and a buyer's design file. Shared by checkout, order and
production types."""

import graphene
from django.conf import settings
from django.urls import reverse
from graphql.language import ast
from prices import Money as PriceMoney
from saleor.graphql.core.types import Money


class NotText:
    """A spec value that came as something other than text."""

    def __init__(self, value):
        self.value = value


class SpecText(graphene.Scalar):
    """A spec value: always text. Numbers are "17", booleans "true" or
    "false", dates "2026-12-24", colours "#1b2a4a". A number, object or list
    is refused with INVALID_TYPE rather than turned into text."""

    @staticmethod
    def serialize(value):
        return value

    @staticmethod
    def parse_value(value):
        return value if isinstance(value, str) else NotText(value)

    @staticmethod
    def parse_literal(node):
        return node.value if isinstance(node, ast.StringValue) else NotText(node)


class SpecValueInput(graphene.InputObjectType):
    code = graphene.String(required=True, description="The spec field's code.")
    value = SpecText(
        description=(
            "The value as text: a number, a choice's value, true/false, a date "
            "(YYYY-MM-DD), a colour (#rrggbb) or an upload's ID for FILE fields."
        )
    )
    values = graphene.List(
        graphene.NonNull(SpecText), description="The chosen values (MULTI_CHOICE)."
    )


class SpecFile(graphene.ObjectType):
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

    @staticmethod
    def resolve_id(root, _info):
        return str(root.pk)

    @staticmethod
    def resolve_name(root, _info):
        return root.original_name

    @staticmethod
    def resolve_url(root, _info):
        return reverse("openorder-spec-file", kwargs={"upload_id": str(root.pk)})


class SpecValue(graphene.ObjectType):
    code = graphene.String(required=True)
    label = graphene.String(required=True)
    type = graphene.String(required=True, description="The field's type.")
    value = graphene.String(
        description="The value as text (MULTI_CHOICE: comma-joined)."
    )
    values = graphene.List(
        graphene.NonNull(graphene.String), description="MULTI_CHOICE values."
    )
    price_modifier = graphene.Field(Money, required=True, description="Added per unit.")

    class Meta:
        description = "A spec as the buyer gave it. Text: never render it as HTML."

    @staticmethod
    def resolve_value(root, _info):
        value = root["value"]
        return ",".join(value) if isinstance(value, list) else value

    @staticmethod
    def resolve_values(root, _info):
        value = root["value"]
        return value if isinstance(value, list) else [value]

    @staticmethod
    def resolve_price_modifier(root, info):
        return PriceMoney(
            root["priceModifier"], root.get("currency") or settings.DEFAULT_CURRENCY
        )
