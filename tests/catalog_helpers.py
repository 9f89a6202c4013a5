"""GraphQL documents and helpers for the catalog tests (made-to-order settings
and custom-spec fields)."""

from graphene import Node
from saleor.account.models import User

from openorder_plugin.models import CustomSpecField, MadeToOrderSettings

from .hosts import ON_SALEOR3, demo_catalog

if ON_SALEOR3:
    from saleor.permission.models import Permission
else:
    from django.contrib.auth.models import Permission

SPEC_FIELD = """
fragment SpecFieldParts on CustomSpecField {
  id code label helpText type required position
  minLength maxLength pattern minValue maxValue
  choices { value label price { amount currency } }
  earliestDateDays maxFileSize allowedFileTypes
  pricePerUnit { amount currency }
  pricePerCharacter { amount currency }
  visibleWhenField visibleWhenValue
}
"""

SETTINGS = (
    SPEC_FIELD
    + """
fragment SettingsParts on MadeToOrderSettings {
  productType { id slug }
  mode leadTimeDays dailyCapacity workingDays
  stages { code label }
  freeCancellationStage notifyStages
  deposit { type percent amount { amount currency } }
  balance { due days }
  schemaVersion
  specFields { ...SpecFieldParts }
}
"""
)

ERRORS = "errors { field message } openOrderErrors { field code message }"

MADE_TO_ORDER_UPDATE = (
    SETTINGS
    + """
mutation($productTypeId: ID!, $input: MadeToOrderSettingsInput!) {
  productTypeMadeToOrderUpdate(productTypeId: $productTypeId, input: $input) {
    madeToOrderSettings { ...SettingsParts }
    %s
  }
}
"""
    % ERRORS
)

FIELD_CREATE = (
    SPEC_FIELD
    + """
mutation($productTypeId: ID!, $input: CustomSpecFieldInput!) {
  customSpecFieldCreate(productTypeId: $productTypeId, input: $input) {
    customSpecField { ...SpecFieldParts }
    madeToOrderSettings { schemaVersion }
    %s
  }
}
"""
    % ERRORS
)

FIELD_UPDATE = (
    SPEC_FIELD
    + """
mutation($id: ID!, $input: CustomSpecFieldInput!) {
  customSpecFieldUpdate(id: $id, input: $input) {
    customSpecField { ...SpecFieldParts }
    madeToOrderSettings { schemaVersion }
    %s
  }
}
"""
    % ERRORS
)

FIELD_DELETE = (
    """
mutation($id: ID!) {
  customSpecFieldDelete(id: $id) {
    customSpecField { id code }
    madeToOrderSettings { schemaVersion specFields { code } }
    %s
  }
}
"""
    % ERRORS
)

FIELD_REORDER = (
    """
mutation($productTypeId: ID!, $moves: [ReorderInput!]!) {
  customSpecFieldReorder(productTypeId: $productTypeId, moves: $moves) {
    madeToOrderSettings { schemaVersion specFields { code position } }
    %s
  }
}
"""
    % ERRORS
)

# MadeToOrderProduct has every field of MadeToOrderSettings, plus the product.
# Saleor 3 prices in a channel: madeToOrderProduct takes its slug.
MADE_TO_ORDER_PRODUCT = (
    SETTINGS.replace(
        "SettingsParts on MadeToOrderSettings", "ProductParts on MadeToOrderProduct"
    )
    + """
query($productId: ID, $slug: String%s) {
  madeToOrderProduct(productId: $productId, slug: $slug%s) {
    product { id slug }
    ...ProductParts
  }
}
"""
    % ((", $channel: String!", ", channel: $channel") if ON_SALEOR3 else ("", ""))
)

MADE_TO_ORDER_PRODUCT_TYPES = (
    SETTINGS
    + """
query($first: Int, $after: String) {
  madeToOrderProductTypes(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ...SettingsParts } }
  }
}
"""
)


def gid(type_name, pk):
    return Node.to_global_id(type_name, pk)


def staff_user(email, permissions=()):
    """A staff member with exactly `permissions` (Saleor's "app.codename"),
    signing in with "secret-password"."""
    if ON_SALEOR3:
        # Saleor 3's UserManager has no create_user; the demo builds users.
        user = demo_catalog()._user(email, "secret-password", is_staff=True)
    else:
        user = User.objects.create_user(email, "secret-password", is_staff=True)
    for permission in permissions:
        app_label, codename = permission.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def snapshot(product_type):
    """Everything the catalog stores about a product type, to prove a refused
    change stored nothing."""
    settings = (
        MadeToOrderSettings.objects.filter(product_type=product_type).values().first()
    )
    if settings:
        settings.pop("updated_at")
    fields = list(
        CustomSpecField.objects.filter(product_type=product_type)
        .order_by("pk")
        .values()
    )
    for field in fields:
        field.pop("updated_at")
    return settings, fields


def assert_refused(payload, field, code):
    """The mutation answered with exactly this typed error (among its errors)."""
    problems = [(e["field"], e["code"]) for e in payload["openOrderErrors"]]
    assert (field, code) in problems, payload["openOrderErrors"]
    # Saleor's untyped `errors` says the same.
    assert field in [e["field"] for e in payload["errors"]]
