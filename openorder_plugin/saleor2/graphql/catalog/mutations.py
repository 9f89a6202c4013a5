import graphene
from saleor.core.permissions import ProductPermissions
from saleor.graphql.core.scalars import Decimal
from saleor.graphql.product.mutations.attributes import ReorderInput

from ....catalog import selectors, services
from ..core import OpenOrderMutation, pk_from_global_id
from ....api.catalog_enums import (
    BalanceDueEnum,
    DepositTypeEnum,
    MadeToOrderModeEnum,
    SpecFieldTypeEnum,
    WeekdayEnum,
)
from .types import CustomSpecField, MadeToOrderSettings


def settings_view(product_type_id):
    product_type = selectors.product_types_with_settings().get(pk=product_type_id)
    return selectors.view_for_product_type(product_type)


class ProductionStageInput(graphene.InputObjectType):
    code = graphene.String(
        required=True, description="Upper-case letters, digits and _, e.g. BAKING."
    )
    label = graphene.String(required=True, description="The stage's name.")


class MadeToOrderSettingsInput(graphene.InputObjectType):
    mode = MadeToOrderModeEnum(description="Ready stock or made to order.")
    lead_time_days = graphene.Int(description="Production days from order to ready.")
    daily_capacity = graphene.Int(
        description="Units that can be started per working day; null: unlimited."
    )
    working_days = graphene.List(
        graphene.NonNull(WeekdayEnum), description="The weekdays that count."
    )
    stages = graphene.List(
        graphene.NonNull(ProductionStageInput),
        description="The production stages, in order.",
    )
    deposit_type = DepositTypeEnum(description="The deposit a buyer pays first.")
    deposit_value = Decimal(
        description="PERCENT: a percentage (0-100); FIXED: an amount per unit."
    )
    balance_due = BalanceDueEnum(description="When the rest is due.")
    balance_due_days = graphene.Int(description="DAYS_AFTER_ORDER: how many days.")
    free_cancellation_stage = graphene.String(
        description="The last stage (code) at which a buyer may cancel for a full refund."
    )
    approval_stage = graphene.String(
        description=(
            "The stage (code) at which the buyer approves a design proof (ACC "
            "desain) before production goes on; empty: no approval. New orders "
            "take it."
        )
    )
    notify_stages = graphene.List(
        graphene.NonNull(graphene.String),
        description=(
            "The stages (codes) at which the buyer gets an e-mail; the default is "
            "every stage after the first. Moving a job back never e-mails."
        ),
    )

    class Meta:
        description = "Changes to a product type's made-to-order settings; only the fields given change."


class SpecChoiceInput(graphene.InputObjectType):
    value = graphene.String(required=True, description="The value a buyer sends.")
    label = graphene.String(description="What a buyer sees; the value when omitted.")
    price_amount = Decimal(description="Added to the unit price when chosen.")


class CustomSpecFieldInput(graphene.InputObjectType):
    code = graphene.String(
        description="Lower-case letters, digits and _, unique within the product type."
    )
    label = graphene.String(description="What a buyer sees.")
    help_text = graphene.String(description="A hint shown with the field.")
    type = SpecFieldTypeEnum(description="The kind of value.")
    required = graphene.Boolean(description="Whether a buyer must give it.")
    min_length = graphene.Int(description="TEXT, LONG_TEXT: fewest characters.")
    max_length = graphene.Int(description="TEXT, LONG_TEXT: most characters.")
    pattern = graphene.String(
        description="TEXT, LONG_TEXT: a regular expression in RE2 syntax."
    )
    min_value = Decimal(description="NUMBER: the smallest value.")
    max_value = Decimal(description="NUMBER: the largest value.")
    choices = graphene.List(
        graphene.NonNull(SpecChoiceInput),
        description="CHOICE, MULTI_CHOICE: the allowed values.",
    )
    earliest_date_days = graphene.Int(
        description="DATE: the earliest date allowed, in days from today."
    )
    max_file_size = graphene.Int(description="FILE: the largest upload in bytes.")
    allowed_file_types = graphene.List(
        graphene.NonNull(graphene.String), description="FILE: allowed MIME types."
    )
    price_per_unit = Decimal(description="Added to the unit price when given.")
    price_per_character = Decimal(
        description="TEXT, LONG_TEXT: added to the unit price per character."
    )
    visible_when_field = graphene.String(
        description="Show the field only when the field with this code ..."
    )
    visible_when_value = graphene.String(description="... has this value.")

    class Meta:
        description = (
            "A custom-spec field. On create, code, label and type are required; "
            "on update only the fields given change."
        )


def _changes(data):
    """The input as domain changes: only what the client gave."""
    changes = {}
    for key, value in data.items():
        if key == "choices" and value is not None:
            value = [dict(choice) for choice in value]
        elif key == "stages" and value is not None:
            value = [dict(stage) for stage in value]
        changes[key] = value
    return changes


class ProductTypeMadeToOrderUpdate(OpenOrderMutation):
    made_to_order_settings = graphene.Field(MadeToOrderSettings)

    class Arguments:
        product_type_id = graphene.ID(
            required=True, description="ID of a product type."
        )
        input = MadeToOrderSettingsInput(required=True)

    class Meta:
        description = (
            "Make a product type made to order (or ready stock again) and set how it "
            "is produced and paid. Making it made to order stops Saleor refusing its "
            "variants for lack of stock."
        )
        permissions = (ProductPermissions.MANAGE_PRODUCTS,)

    @classmethod
    def perform_mutation(cls, _root, info, product_type_id, input):
        pk = pk_from_global_id(product_type_id, "ProductType", "productTypeId")
        services.update_settings(pk, _changes(input))
        return cls(made_to_order_settings=settings_view(pk))


class CustomSpecFieldCreate(OpenOrderMutation):
    custom_spec_field = graphene.Field(CustomSpecField)
    made_to_order_settings = graphene.Field(MadeToOrderSettings)

    class Arguments:
        product_type_id = graphene.ID(
            required=True, description="ID of a product type."
        )
        input = CustomSpecFieldInput(required=True)

    class Meta:
        description = "Add a custom-spec field at the end of a product type's fields."
        permissions = (ProductPermissions.MANAGE_PRODUCTS,)

    @classmethod
    def perform_mutation(cls, _root, info, product_type_id, input):
        pk = pk_from_global_id(product_type_id, "ProductType", "productTypeId")
        spec_field = services.create_field(pk, _changes(input))
        return cls(
            custom_spec_field=spec_field, made_to_order_settings=settings_view(pk)
        )


class CustomSpecFieldUpdate(OpenOrderMutation):
    custom_spec_field = graphene.Field(CustomSpecField)
    made_to_order_settings = graphene.Field(MadeToOrderSettings)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a custom-spec field.")
        input = CustomSpecFieldInput(required=True)

    class Meta:
        description = "Change a custom-spec field; only the fields given change."
        permissions = (ProductPermissions.MANAGE_PRODUCTS,)

    @classmethod
    def perform_mutation(cls, _root, info, id, input):
        pk = pk_from_global_id(id, "CustomSpecField", "id")
        spec_field = services.update_field(pk, _changes(input))
        return cls(
            custom_spec_field=spec_field,
            made_to_order_settings=settings_view(spec_field.product_type_id),
        )


class CustomSpecFieldDelete(OpenOrderMutation):
    custom_spec_field = graphene.Field(
        CustomSpecField, description="The deleted field."
    )
    made_to_order_settings = graphene.Field(MadeToOrderSettings)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a custom-spec field.")

    class Meta:
        description = (
            "Delete a custom-spec field. Orders already placed keep what they recorded."
        )
        permissions = (ProductPermissions.MANAGE_PRODUCTS,)

    @classmethod
    def perform_mutation(cls, _root, info, id):
        pk = pk_from_global_id(id, "CustomSpecField", "id")
        spec_field = services.delete_field(pk)
        return cls(
            custom_spec_field=spec_field,
            made_to_order_settings=settings_view(spec_field.product_type_id),
        )


class CustomSpecFieldReorder(OpenOrderMutation):
    made_to_order_settings = graphene.Field(MadeToOrderSettings)

    class Arguments:
        product_type_id = graphene.ID(
            required=True, description="ID of a product type."
        )
        moves = graphene.List(
            graphene.NonNull(ReorderInput),
            required=True,
            description=(
                "Fields to move, in order: sortOrder is relative (+1 one place "
                "down, -1 one place up), as in productTypeReorderAttributes."
            ),
        )

    class Meta:
        description = "Reorder the custom-spec fields of a product type."
        permissions = (ProductPermissions.MANAGE_PRODUCTS,)

    @classmethod
    def perform_mutation(cls, _root, info, product_type_id, moves):
        pk = pk_from_global_id(product_type_id, "ProductType", "productTypeId")
        operations = [
            (
                pk_from_global_id(move.id, "CustomSpecField", "moves.%d.id" % index),
                move.sort_order,
            )
            for index, move in enumerate(moves)
        ]
        services.reorder_fields(pk, operations)
        return cls(made_to_order_settings=settings_view(pk))
