"""A merchant makes a product type made to order and defines what a buyer
specifies; a storefront reads it back. All through the GraphQL endpoint."""

from decimal import Decimal

import pytest
from django.conf import settings
from saleor.product.models import Product, ProductType, ProductVariant
from saleor.warehouse.models import Stock, Warehouse

from openorder_plugin.saleor2.demo import catalog
from openorder_plugin.demo.made_to_order import MADE_TO_ORDER
from openorder_plugin.models import CustomSpecField, MadeToOrderSettings

from .catalog_helpers import (
    FIELD_CREATE,
    FIELD_DELETE,
    FIELD_REORDER,
    FIELD_UPDATE,
    MADE_TO_ORDER_PRODUCT,
    MADE_TO_ORDER_PRODUCT_TYPES,
    MADE_TO_ORDER_UPDATE,
    gid,
    snapshot,
)
from .sql import count_queries
from .storefront import ADDRESS

# One field of every type, with the validation and prices that fit it.
FIELDS = [
    {
        "code": "print_text",
        "label": "Print text",
        "helpText": "Up to 20 letters",
        "type": "TEXT",
        "required": True,
        "minLength": 1,
        "maxLength": 20,
        "pattern": "^[A-Z ]+$",
        "pricePerCharacter": 500,
        "pricePerUnit": 1000,
    },
    {
        "code": "notes",
        "label": "Notes",
        "type": "LONG_TEXT",
        "maxLength": 500,
    },
    {
        "code": "quantity_of_names",
        "label": "Names on the back",
        "type": "NUMBER",
        "minValue": 0,
        "maxValue": 2.5,
    },
    {
        "code": "size",
        "label": "Size",
        "type": "CHOICE",
        "required": True,
        "choices": [
            {"value": "M", "label": "Medium"},
            {"value": "XL", "label": "Extra large", "priceAmount": 5000},
        ],
    },
    {
        "code": "extras",
        "label": "Extras",
        "type": "MULTI_CHOICE",
        "choices": [
            {"value": "pocket", "label": "Pocket", "priceAmount": 7500},
            {"value": "hood"},
        ],
    },
    {
        "code": "gift_wrap",
        "label": "Gift wrap",
        "type": "BOOLEAN",
        "pricePerUnit": 3000,
    },
    {
        "code": "gift_message",
        "label": "Gift message",
        "type": "TEXT",
        "maxLength": 100,
        "visibleWhenField": "gift_wrap",
        "visibleWhenValue": "true",
    },
    {"code": "wanted_on", "label": "Wanted on", "type": "DATE", "earliestDateDays": 3},
    {"code": "shirt_color", "label": "Colour", "type": "COLOR"},
    {
        "code": "design",
        "label": "Design",
        "type": "FILE",
        "maxFileSize": 1048576,
        "allowedFileTypes": ["image/png", "Application/PDF"],
    },
]


def money(amount):
    return {"amount": amount, "currency": settings.DEFAULT_CURRENCY}


@pytest.fixture
def hoodie(demo_shop):
    """A ready-stock product type of the staff's own, with one product whose
    only variant has no stock at all."""
    _zone, warehouse = catalog.ensure_shipping()
    category = demo_shop["products"]["tas-kanvas"].category
    product_type = ProductType.objects.create(
        name="Hoodie", slug="hoodie", has_variants=False
    )
    product = Product.objects.create(
        name="Hoodie Custom",
        slug="hoodie-custom",
        product_type=product_type,
        category=category,
        price_amount=Decimal("150000"),
        currency=settings.DEFAULT_CURRENCY,
        is_published=True,
    )
    variant = ProductVariant.objects.create(
        product=product, sku="HOODIE", name="Hoodie"
    )
    return product_type, product, variant


def test_staff_makes_a_type_made_to_order_and_a_storefront_reads_it(
    staff_api, api, hoodie
):
    product_type, product, _variant = hoodie
    type_id = gid("ProductType", product_type.pk)

    data = staff_api.query(
        MADE_TO_ORDER_UPDATE,
        {
            "productTypeId": type_id,
            "input": {
                "mode": "MADE_TO_ORDER",
                "leadTimeDays": 4,
                "dailyCapacity": 12,
                "workingDays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
                "stages": [
                    {"code": "RECEIVED", "label": "Received"},
                    {"code": "SEWING", "label": "Sewing"},
                    {"code": "READY", "label": "Ready"},
                ],
                "depositType": "PERCENT",
                "depositValue": 30,
                "balanceDue": "DAYS_AFTER_ORDER",
                "balanceDueDays": 14,
                "freeCancellationStage": "RECEIVED",
            },
        },
    )["productTypeMadeToOrderUpdate"]
    assert data["openOrderErrors"] == []
    saved = data["madeToOrderSettings"]
    assert saved["mode"] == "MADE_TO_ORDER"
    assert saved["deposit"] == {"type": "PERCENT", "percent": 30.0, "amount": None}
    assert saved["balance"] == {"due": "DAYS_AFTER_ORDER", "days": 14}
    assert saved["schemaVersion"] == 1

    field_ids = {}
    version = 1
    for field in FIELDS:
        data = staff_api.query(
            FIELD_CREATE, {"productTypeId": type_id, "input": field}
        )["customSpecFieldCreate"]
        assert data["openOrderErrors"] == [], (field, data["openOrderErrors"])
        version += 1
        assert data["madeToOrderSettings"]["schemaVersion"] == version
        field_ids[field["code"]] = data["customSpecField"]["id"]
    assert CustomSpecField.objects.filter(product_type=product_type).count() == len(
        FIELDS
    )

    # Move the colour to the top and the notes one place down.
    data = staff_api.query(
        FIELD_REORDER,
        {
            "productTypeId": type_id,
            "moves": [
                {"id": field_ids["shirt_color"], "sortOrder": -20},
                {"id": field_ids["notes"], "sortOrder": 1},
            ],
        },
    )["customSpecFieldReorder"]
    assert data["openOrderErrors"] == []
    version += 1
    order = [f["code"] for f in data["madeToOrderSettings"]["specFields"]]
    assert order == [
        "shirt_color",
        "print_text",
        "quantity_of_names",
        "notes",
        "size",
        "extras",
        "gift_wrap",
        "gift_message",
        "wanted_on",
        "design",
    ]
    assert [f["position"] for f in data["madeToOrderSettings"]["specFields"]] == list(
        range(len(FIELDS))
    )

    data = staff_api.query(FIELD_DELETE, {"id": field_ids["notes"]})[
        "customSpecFieldDelete"
    ]
    assert data["openOrderErrors"] == []
    version += 1
    assert data["customSpecField"] == {"id": field_ids["notes"], "code": "notes"}
    assert "notes" not in [f["code"] for f in data["madeToOrderSettings"]["specFields"]]
    assert not CustomSpecField.objects.filter(code="notes").exists()

    # An anonymous storefront reads it, by ID and by slug, with the same answer.
    by_id = api.query(MADE_TO_ORDER_PRODUCT, {"productId": gid("Product", product.pk)})[
        "madeToOrderProduct"
    ]
    by_slug = api.query(MADE_TO_ORDER_PRODUCT, {"slug": "hoodie-custom"})[
        "madeToOrderProduct"
    ]
    assert by_id == by_slug
    assert by_id["product"] == {
        "id": gid("Product", product.pk),
        "slug": "hoodie-custom",
    }
    assert by_id["mode"] == "MADE_TO_ORDER"
    assert by_id["leadTimeDays"] == 4
    assert by_id["dailyCapacity"] == 12
    assert by_id["workingDays"] == [
        "MONDAY",
        "TUESDAY",
        "WEDNESDAY",
        "THURSDAY",
        "FRIDAY",
    ]
    assert [s["code"] for s in by_id["stages"]] == ["RECEIVED", "SEWING", "READY"]
    assert by_id["freeCancellationStage"] == "RECEIVED"
    assert by_id["schemaVersion"] == version
    fields = {f["code"]: f for f in by_id["specFields"]}
    assert [f["code"] for f in by_id["specFields"]][:2] == ["shirt_color", "print_text"]
    assert set(fields) == {f["code"] for f in FIELDS} - {"notes"}

    text = fields["print_text"]
    assert text["type"] == "TEXT" and text["required"] is True
    assert (text["minLength"], text["maxLength"], text["pattern"]) == (
        1,
        20,
        "^[A-Z ]+$",
    )
    assert text["pricePerCharacter"] == money(500.0)
    assert text["pricePerUnit"] == money(1000.0)
    assert text["helpText"] == "Up to 20 letters"
    assert (
        fields["quantity_of_names"]["minValue"],
        fields["quantity_of_names"]["maxValue"],
    ) == (
        0.0,
        2.5,
    )
    assert fields["quantity_of_names"]["pattern"] is None
    assert fields["size"]["choices"] == [
        {"value": "M", "label": "Medium", "price": money(0.0)},
        {"value": "XL", "label": "Extra large", "price": money(5000.0)},
    ]
    assert fields["extras"]["type"] == "MULTI_CHOICE"
    assert fields["extras"]["choices"] == [
        {"value": "pocket", "label": "Pocket", "price": money(7500)},
        {"value": "hood", "label": "hood", "price": money(0.0)},
    ]
    assert fields["gift_wrap"]["pricePerUnit"] == money(3000.0)
    assert fields["gift_message"]["visibleWhenField"] == "gift_wrap"
    assert fields["gift_message"]["visibleWhenValue"] == "true"
    assert fields["size"]["visibleWhenField"] is None
    assert fields["wanted_on"]["earliestDateDays"] == 3
    assert fields["shirt_color"]["type"] == "COLOR"
    assert fields["design"]["maxFileSize"] == 1048576
    assert fields["design"]["allowedFileTypes"] == ["image/png", "application/pdf"]
    assert fields["size"]["choices"][1]["price"]["currency"] == "IDR"

    # Staff change a field; only what they give changes.
    data = staff_api.query(
        FIELD_UPDATE,
        {
            "id": field_ids["print_text"],
            "input": {"label": "Text to print", "maxLength": 25},
        },
    )["customSpecFieldUpdate"]
    assert data["openOrderErrors"] == []
    updated = data["customSpecField"]
    assert (updated["label"], updated["maxLength"], updated["pattern"]) == (
        "Text to print",
        25,
        "^[A-Z ]+$",
    )
    assert data["madeToOrderSettings"]["schemaVersion"] == version + 1


def test_renaming_a_field_keeps_the_conditions_that_name_it(staff_api, demo_shop):
    cake = ProductType.objects.get(slug="kue-ulang-tahun-type")
    candles = CustomSpecField.objects.get(product_type=cake, code="candles")
    data = staff_api.query(
        FIELD_UPDATE,
        {"id": gid("CustomSpecField", candles.pk), "input": {"code": "lilin"}},
    )["customSpecFieldUpdate"]
    assert data["openOrderErrors"] == []
    assert (
        CustomSpecField.objects.get(
            code="candle_number", product_type=cake
        ).visible_when_field
        == "lilin"
    )


def test_changing_a_fields_type_clears_what_no_longer_fits(staff_api, demo_shop):
    shirt = ProductType.objects.get(slug="kaos-type")
    print_text = CustomSpecField.objects.get(product_type=shirt, code="print_text")
    data = staff_api.query(
        FIELD_UPDATE,
        {
            "id": gid("CustomSpecField", print_text.pk),
            "input": {"type": "NUMBER", "maxValue": 9},
        },
    )["customSpecFieldUpdate"]
    assert data["openOrderErrors"] == []
    field = data["customSpecField"]
    assert (field["type"], field["maxValue"], field["pattern"], field["maxLength"]) == (
        "NUMBER",
        9.0,
        None,
        None,
    )
    assert field["pricePerCharacter"] == money(0.0)


def test_a_ready_stock_product_says_so_and_has_no_fields(api, demo_shop):
    data = api.query(MADE_TO_ORDER_PRODUCT, {"slug": "tas-kanvas"})[
        "madeToOrderProduct"
    ]
    assert data["mode"] == "READY_STOCK"
    assert data["specFields"] == []
    assert data["product"]["slug"] == "tas-kanvas"
    assert data["deposit"]["type"] == "NONE"


def test_fields_of_a_type_switched_back_to_ready_stock_are_not_shown(
    staff_api, api, demo_shop
):
    shirt = ProductType.objects.get(slug="kaos-type")
    staff_api.query(
        MADE_TO_ORDER_UPDATE,
        {
            "productTypeId": gid("ProductType", shirt.pk),
            "input": {"mode": "READY_STOCK"},
        },
    )
    data = api.query(MADE_TO_ORDER_PRODUCT, {"slug": "kaos-custom"})[
        "madeToOrderProduct"
    ]
    assert data["mode"] == "READY_STOCK"
    assert data["specFields"] == []
    # Saleor sells it from stock again.
    assert not ProductVariant.objects.filter(
        product__product_type=shirt, track_inventory=False
    ).exists()


def test_unknown_or_hidden_products_read_as_null(api, demo_shop):
    assert (
        api.query(MADE_TO_ORDER_PRODUCT, {"slug": "no-such-thing"})[
            "madeToOrderProduct"
        ]
        is None
    )
    Product.objects.filter(slug="kaos-custom").update(is_published=False)
    assert (
        api.query(MADE_TO_ORDER_PRODUCT, {"slug": "kaos-custom"})["madeToOrderProduct"]
        is None
    )
    body = api.execute(MADE_TO_ORDER_PRODUCT, {})
    assert "productId or slug" in body["errors"][0]["message"]
    body = api.execute(MADE_TO_ORDER_PRODUCT, {"productId": gid("ProductType", 1)})
    assert body["errors"]


def test_the_demo_shop_reads_back_as_defined(api, demo_shop):
    for type_slug, product_slug in (
        ("kaos-type", "kaos-custom"),
        ("kue-ulang-tahun-type", "kue-ulang-tahun-custom"),
        ("rangkaian-bunga-type", "rangkaian-bunga-custom"),
    ):
        data = api.query(MADE_TO_ORDER_PRODUCT, {"slug": product_slug})[
            "madeToOrderProduct"
        ]
        definition = MADE_TO_ORDER[type_slug]
        assert data["mode"] == "MADE_TO_ORDER"
        assert data["leadTimeDays"] == definition["settings"]["lead_time_days"]
        assert [f["code"] for f in data["specFields"]] == [
            f["code"] for f in definition["fields"]
        ]
    cake = api.query(MADE_TO_ORDER_PRODUCT, {"slug": "kue-ulang-tahun-custom"})[
        "madeToOrderProduct"
    ]
    assert cake["deposit"] == {
        "type": "FIXED",
        "percent": None,
        "amount": money(100000.0),
    }
    assert cake["balance"] == {"due": "ON_DELIVERY", "days": None}


def test_loading_the_demo_again_changes_nothing(demo_shop):
    product_types = ProductType.objects.filter(slug__in=MADE_TO_ORDER)
    before = [snapshot(product_type) for product_type in product_types]
    catalog.load_catalog()
    assert [snapshot(product_type) for product_type in product_types] == before
    assert MadeToOrderSettings.objects.count() == 3


def test_storefront_read_takes_a_fixed_number_of_queries(api, demo_shop):
    with count_queries() as counter:
        data = api.query(MADE_TO_ORDER_PRODUCT, {"slug": "kue-ulang-tahun-custom"})
    assert len(data["madeToOrderProduct"]["specFields"]) == 6
    # product (with its type), settings, fields: the number of fields and
    # choices does not add queries.
    assert counter.count <= 4, counter.statements


def test_staff_list_every_product_type_in_pages(staff_api, hoodie):
    with count_queries() as counter:
        data = staff_api.query(MADE_TO_ORDER_PRODUCT_TYPES, {"first": 3})[
            "madeToOrderProductTypes"
        ]
    # 5 product types (4 demo + the hoodie), the first page of 3.
    assert data["totalCount"] == 5
    assert len(data["edges"]) == 3 and data["pageInfo"]["hasNextPage"]
    # Page, settings, fields, count, plus the signed-in user: not per type.
    assert counter.count <= 7, counter.statements
    rest = staff_api.query(
        MADE_TO_ORDER_PRODUCT_TYPES,
        {"first": 3, "after": data["pageInfo"]["endCursor"]},
    )["madeToOrderProductTypes"]
    nodes = [e["node"] for e in data["edges"] + rest["edges"]]
    by_slug = {node["productType"]["slug"]: node for node in nodes}
    assert set(by_slug) == set(MADE_TO_ORDER) | {"tas-kanvas-type", "hoodie"}
    # Never configured: ready stock with the default stages.
    assert by_slug["hoodie"]["mode"] == "READY_STOCK"
    assert [s["code"] for s in by_slug["hoodie"]["stages"]] == [
        "RECEIVED",
        "CONFIRMED",
        "IN_PRODUCTION",
        "QUALITY_CHECK",
        "READY",
    ]
    assert by_slug["hoodie"]["workingDays"][0] == "MONDAY"
    assert len(by_slug["kaos-type"]["specFields"]) == 4


CHECKOUT_CREATE = """
mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) {
    checkout { token lines { quantity } }
    checkoutErrors { field code message }
  }
}
"""


def test_a_made_to_order_variant_is_never_refused_for_lack_of_stock(
    staff_api, api, hoodie
):
    product_type, _product, variant = hoodie
    order = {
        "input": {
            "email": "pembeli@openorder.test",
            "lines": [{"variantId": gid("ProductVariant", variant.pk), "quantity": 30}],
            "shippingAddress": ADDRESS,
        }
    }
    refused = api.query(CHECKOUT_CREATE, order)["checkoutCreate"]
    assert refused["checkoutErrors"][0]["code"] == "INSUFFICIENT_STOCK"

    data = staff_api.query(
        MADE_TO_ORDER_UPDATE,
        {
            "productTypeId": gid("ProductType", product_type.pk),
            "input": {"mode": "MADE_TO_ORDER"},
        },
    )["productTypeMadeToOrderUpdate"]
    assert data["openOrderErrors"] == []

    variant.refresh_from_db()
    assert variant.track_inventory is False
    assert (
        Stock.objects.filter(product_variant=variant).count()
        == Warehouse.objects.count()
    )
    accepted = api.query(CHECKOUT_CREATE, order)["checkoutCreate"]
    assert accepted["checkoutErrors"] == []
    assert accepted["checkout"]["lines"] == [{"quantity": 30}]


PRODUCT_CREATE = """
mutation($input: ProductCreateInput!) {
  productCreate(input: $input) {
    product { id variants { id trackInventory } }
    productErrors { field code message }
  }
}
"""


def test_a_product_added_to_a_made_to_order_type_is_sellable_too(
    staff_api, api, demo_shop
):
    cake = ProductType.objects.get(slug="kue-ulang-tahun-type")
    category = demo_shop["products"]["kue-ulang-tahun-custom"].category
    data = staff_api.query(
        PRODUCT_CREATE,
        {
            "input": {
                "productType": gid("ProductType", cake.pk),
                "category": gid("Category", category.pk),
                "name": "Kue Lapis Custom",
                "slug": "kue-lapis-custom",
                "basePrice": 180000,
                "sku": "KUE-LAPIS",
                "isPublished": True,
            }
        },
    )["productCreate"]
    assert data["productErrors"] == []
    variant = ProductVariant.objects.get(sku="KUE-LAPIS")
    assert variant.track_inventory is False
    assert (
        Stock.objects.filter(product_variant=variant).count()
        == Warehouse.objects.count()
    )
    # And the storefront sees the cake's spec fields on the new product.
    read = api.query(MADE_TO_ORDER_PRODUCT, {"slug": "kue-lapis-custom"})[
        "madeToOrderProduct"
    ]
    assert len(read["specFields"]) == 6


PLUGIN_UPDATE = """
mutation($id: ID!, $input: PluginUpdateInput!) {
  pluginUpdate(id: $id, input: $input) { pluginsErrors { field code message } }
}
"""


def test_made_to_order_details_still_answer_when_the_plugin_is_inactive(staff_api, api):
    from openorder_plugin.saleor2.plugin import OpenOrderPlugin

    data = staff_api.query(
        PLUGIN_UPDATE, {"id": OpenOrderPlugin.PLUGIN_ID, "input": {"active": False}}
    )["pluginUpdate"]
    assert data["pluginsErrors"] == []
    read = api.query(MADE_TO_ORDER_PRODUCT, {"slug": "kaos-custom"})[
        "madeToOrderProduct"
    ]
    assert read["mode"] == "MADE_TO_ORDER"
    assert len(read["specFields"]) == 4
