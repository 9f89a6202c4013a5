"""The catalog through the API on the host the suite runs on: staff make a
product type made to order and give it spec fields; a storefront reads a
product's settings. The same operations, arguments, fields and error codes
on Saleor 2.10 and 3.23 (Saleor 3 adds `channel` to madeToOrderProduct)."""

import pytest

from openorder_plugin.host import get_host

from ..catalog_helpers import (
    FIELD_CREATE,
    FIELD_DELETE,
    FIELD_REORDER,
    FIELD_UPDATE,
    MADE_TO_ORDER_PRODUCT,
    MADE_TO_ORDER_PRODUCT_TYPES,
    MADE_TO_ORDER_UPDATE,
    gid,
    snapshot,
    staff_user,
)
from ..hosts import CHANNEL, ON_SALEOR3, channel_args

# A storefront reads amounts in its channel's currency (the demo shop's, IDR;
# on 2.10 the shop's). Staff read them in the host's own currency (on Saleor
# 3 its default channel's): `get_host().currency()`, read in each test.
CURRENCY = "IDR"

PRODUCT = MADE_TO_ORDER_PRODUCT


def read_product(api, **lookup):
    return api.execute(PRODUCT, dict(lookup, **channel_args()))


def problems(payload):
    return [(e["field"], e["code"]) for e in payload["openOrderErrors"]]


def ready_stock_type(demo_shop):
    return demo_shop["products"]["tas-kanvas"].product_type_id


def test_staff_make_a_product_type_made_to_order(api, staff_api, demo_shop):
    type_pk = ready_stock_type(demo_shop)
    type_id = gid("ProductType", type_pk)
    shop_currency = get_host().currency()
    updated = staff_api.query(
        MADE_TO_ORDER_UPDATE,
        {
            "productTypeId": type_id,
            "input": {
                "mode": "MADE_TO_ORDER",
                "leadTimeDays": 4,
                "dailyCapacity": 10,
                "workingDays": ["MONDAY", "TUESDAY", "WEDNESDAY"],
                "stages": [
                    {"code": "RECEIVED", "label": "Received"},
                    {"code": "SEWING", "label": "Sewing"},
                    {"code": "READY", "label": "Ready"},
                ],
                "depositType": "FIXED",
                "depositValue": 20000,
                "balanceDue": "DAYS_AFTER_ORDER",
                "balanceDueDays": 14,
                "freeCancellationStage": "RECEIVED",
            },
        },
    )["productTypeMadeToOrderUpdate"]
    assert updated["openOrderErrors"] == [] and updated["errors"] == []
    settings = updated["madeToOrderSettings"]
    assert settings["productType"]["id"] == type_id
    assert settings["mode"] == "MADE_TO_ORDER"
    assert settings["leadTimeDays"] == 4
    assert settings["dailyCapacity"] == 10
    assert settings["workingDays"] == ["MONDAY", "TUESDAY", "WEDNESDAY"]
    assert [s["code"] for s in settings["stages"]] == ["RECEIVED", "SEWING", "READY"]
    assert settings["notifyStages"] == ["SEWING", "READY"]
    assert settings["deposit"] == {
        "type": "FIXED",
        "percent": None,
        "amount": {"amount": 20000.0, "currency": shop_currency},
    }
    assert settings["balance"] == {"due": "DAYS_AFTER_ORDER", "days": 14}
    assert settings["freeCancellationStage"] == "RECEIVED"
    assert settings["specFields"] == []

    created = staff_api.query(
        FIELD_CREATE,
        {
            "productTypeId": type_id,
            "input": {
                "code": "monogram",
                "label": "Monogram",
                "type": "TEXT",
                "required": True,
                "maxLength": 3,
                "pricePerUnit": 10000,
                "pricePerCharacter": 1000,
            },
        },
    )["customSpecFieldCreate"]
    assert created["openOrderErrors"] == []
    monogram = created["customSpecField"]
    assert monogram["code"] == "monogram" and monogram["type"] == "TEXT"
    assert monogram["required"] is True and monogram["maxLength"] == 3
    assert monogram["pricePerUnit"] == {"amount": 10000.0, "currency": shop_currency}
    assert monogram["pricePerCharacter"] == {
        "amount": 1000.0,
        "currency": shop_currency,
    }
    version = created["madeToOrderSettings"]["schemaVersion"]

    created = staff_api.query(
        FIELD_CREATE,
        {
            "productTypeId": type_id,
            "input": {
                "code": "strap",
                "label": "Strap",
                "type": "CHOICE",
                "choices": [
                    {"value": "short", "label": "Short"},
                    {"value": "long", "priceAmount": 15000},
                ],
            },
        },
    )["customSpecFieldCreate"]
    assert created["openOrderErrors"] == []
    strap = created["customSpecField"]
    assert strap["choices"] == [
        {
            "value": "short",
            "label": "Short",
            "price": {"amount": 0.0, "currency": shop_currency},
        },
        {
            "value": "long",
            "label": "long",
            "price": {"amount": 15000.0, "currency": shop_currency},
        },
    ]
    assert created["madeToOrderSettings"]["schemaVersion"] > version

    changed = staff_api.query(
        FIELD_UPDATE, {"id": monogram["id"], "input": {"helpText": "Three letters"}}
    )["customSpecFieldUpdate"]
    assert changed["openOrderErrors"] == []
    assert changed["customSpecField"]["helpText"] == "Three letters"
    assert changed["customSpecField"]["maxLength"] == 3  # only what was given

    moved = staff_api.query(
        FIELD_REORDER,
        {"productTypeId": type_id, "moves": [{"id": strap["id"], "sortOrder": -1}]},
    )["customSpecFieldReorder"]
    assert moved["openOrderErrors"] == []
    assert [
        (f["code"], f["position"]) for f in moved["madeToOrderSettings"]["specFields"]
    ] == [("strap", 0), ("monogram", 1)]

    # A storefront reads the product in the channel it shops in.
    body = read_product(api, slug="tas-kanvas")
    assert not body.get("errors"), body["errors"]
    product = body["data"]["madeToOrderProduct"]
    assert product["product"]["slug"] == "tas-kanvas"
    assert product["mode"] == "MADE_TO_ORDER"
    assert [f["code"] for f in product["specFields"]] == ["strap", "monogram"]
    assert product["specFields"][1]["pricePerUnit"]["currency"] == CURRENCY

    deleted = staff_api.query(FIELD_DELETE, {"id": strap["id"]})[
        "customSpecFieldDelete"
    ]
    assert deleted["openOrderErrors"] == []
    assert deleted["customSpecField"] == {"id": strap["id"], "code": "strap"}
    assert [f["code"] for f in deleted["madeToOrderSettings"]["specFields"]] == [
        "monogram"
    ]


# IDs a dashboard or a bug may send as productTypeId: (ID, code).
BAD_PRODUCT_TYPE_IDS = [
    ("nonsense", "INVALID"),
    ("", "INVALID"),
    (gid("ProductType", "abc"), "INVALID"),
    (gid("Product", 1), "NOT_FOUND"),
    (gid("ProductType", 987654), "NOT_FOUND"),
]


@pytest.mark.parametrize("type_id, code", BAD_PRODUCT_TYPE_IDS)
def test_a_bad_product_type_id_is_a_typed_error(staff_api, demo_shop, type_id, code):
    updated = staff_api.query(
        MADE_TO_ORDER_UPDATE,
        {"productTypeId": type_id, "input": {"mode": "MADE_TO_ORDER"}},
    )["productTypeMadeToOrderUpdate"]
    assert updated["madeToOrderSettings"] is None
    assert problems(updated) == [("productTypeId", code)]
    created = staff_api.query(
        FIELD_CREATE,
        {
            "productTypeId": type_id,
            "input": {"code": "x", "label": "X", "type": "TEXT"},
        },
    )["customSpecFieldCreate"]
    assert created["customSpecField"] is None
    assert problems(created) == [("productTypeId", code)]
    moved = staff_api.query(FIELD_REORDER, {"productTypeId": type_id, "moves": []})[
        "customSpecFieldReorder"
    ]
    assert problems(moved) == [("productTypeId", code)]


def test_bad_settings_and_fields_are_typed_errors_and_store_nothing(
    staff_api, demo_shop
):
    product_type = demo_shop["products"]["kaos-custom"].product_type
    type_id = gid("ProductType", product_type.pk)
    before = snapshot(product_type)
    cases = [
        (
            MADE_TO_ORDER_UPDATE,
            "productTypeMadeToOrderUpdate",
            {"productTypeId": type_id, "input": {"leadTimeDays": -1}},
            ("input.leadTimeDays", "OUT_OF_RANGE"),
        ),
        (
            MADE_TO_ORDER_UPDATE,
            "productTypeMadeToOrderUpdate",
            {
                "productTypeId": type_id,
                "input": {"depositType": "PERCENT", "depositValue": 150},
            },
            ("input.depositValue", "OUT_OF_RANGE"),
        ),
        (
            FIELD_CREATE,
            "customSpecFieldCreate",
            {
                "productTypeId": type_id,
                "input": {"code": "Bad Code!", "label": "X", "type": "TEXT"},
            },
            ("input.code", "INVALID"),
        ),
        (
            FIELD_CREATE,
            "customSpecFieldCreate",
            {
                "productTypeId": type_id,
                "input": {"code": "size", "label": "Again", "type": "TEXT"},
            },
            ("input.code", "UNIQUE"),
        ),
        (
            FIELD_CREATE,
            "customSpecFieldCreate",
            {
                "productTypeId": type_id,
                "input": {"code": "fit", "label": "Fit", "type": "CHOICE"},
            },
            ("input.choices", "REQUIRED"),
        ),
        (
            FIELD_UPDATE,
            "customSpecFieldUpdate",
            {"id": gid("CustomSpecField", 987654), "input": {"label": "X"}},
            ("id", "NOT_FOUND"),
        ),
        (
            FIELD_DELETE,
            "customSpecFieldDelete",
            {"id": "nonsense"},
            ("id", "INVALID"),
        ),
        (
            FIELD_REORDER,
            "customSpecFieldReorder",
            {
                "productTypeId": type_id,
                "moves": [{"id": gid("CustomSpecField", 987654), "sortOrder": 1}],
            },
            ("moves.0.id", "NOT_FOUND"),
        ),
    ]
    for document, name, variables, expected in cases:
        payload = staff_api.query(document, variables)[name]
        assert expected in problems(payload), (name, payload["openOrderErrors"])
        # Saleor's untyped `errors` says the same.
        assert expected[0] in [e["field"] for e in payload["errors"]]
    assert snapshot(product_type) == before


def test_configuration_is_for_staff_who_manage_products(api, customer_api, demo_shop):
    type_id = gid("ProductType", ready_stock_type(demo_shop))
    variables = {"productTypeId": type_id, "input": {"mode": "MADE_TO_ORDER"}}
    for client in (api, customer_api):
        body = client.execute(MADE_TO_ORDER_UPDATE, variables)
        assert body["data"]["productTypeMadeToOrderUpdate"] is None
        assert body["errors"]
        body = client.execute(MADE_TO_ORDER_PRODUCT_TYPES, {"first": 10})
        assert body["data"]["madeToOrderProductTypes"] is None
        assert body["errors"]

    staff_user("katalog@openorder.test", ["product.manage_products"])
    catalog_staff = api.signed_in("katalog@openorder.test", "secret-password")
    updated = catalog_staff.query(MADE_TO_ORDER_UPDATE, variables)[
        "productTypeMadeToOrderUpdate"
    ]
    assert updated["openOrderErrors"] == []
    assert updated["madeToOrderSettings"]["mode"] == "MADE_TO_ORDER"
    listed = catalog_staff.query(MADE_TO_ORDER_PRODUCT_TYPES, {"first": 10})
    assert listed["madeToOrderProductTypes"]["totalCount"] >= 4

    staff_user("gudang@openorder.test", [])
    other_staff = api.signed_in("gudang@openorder.test", "secret-password")
    body = other_staff.execute(MADE_TO_ORDER_UPDATE, variables)
    assert body["data"]["productTypeMadeToOrderUpdate"] is None
    assert body["errors"]
    body = other_staff.execute(MADE_TO_ORDER_PRODUCT_TYPES, {"first": 10})
    assert body["data"]["madeToOrderProductTypes"] is None

    # Staff taking chat orders read the types' spec fields, and change nothing.
    staff_user("kasir@openorder.test", ["order.manage_orders"])
    order_staff = api.signed_in("kasir@openorder.test", "secret-password")
    listed = order_staff.query(MADE_TO_ORDER_PRODUCT_TYPES, {"first": 10})
    assert listed["madeToOrderProductTypes"]["totalCount"] >= 4
    body = order_staff.execute(MADE_TO_ORDER_UPDATE, variables)
    assert body["data"]["productTypeMadeToOrderUpdate"] is None


def test_the_staff_listing_pages_every_product_type(staff_api, demo_shop):
    count = get_host().product_types().count()
    first = staff_api.query(MADE_TO_ORDER_PRODUCT_TYPES, {"first": 2})[
        "madeToOrderProductTypes"
    ]
    assert first["totalCount"] == count
    assert len(first["edges"]) == 2 and first["pageInfo"]["hasNextPage"]
    rest = staff_api.query(
        MADE_TO_ORDER_PRODUCT_TYPES,
        {"first": 100, "after": first["pageInfo"]["endCursor"]},
    )["madeToOrderProductTypes"]
    nodes = [e["node"] for e in first["edges"] + rest["edges"]]
    assert len(nodes) == count
    assert len({n["productType"]["id"] for n in nodes}) == count
    by_slug = {n["productType"]["slug"]: n for n in nodes}
    assert by_slug["kaos-type"]["mode"] == "MADE_TO_ORDER"
    assert [f["code"] for f in by_slug["kaos-type"]["specFields"]] == [
        "size",
        "color",
        "print_text",
        "design_file",
    ]
    # A type nobody configured is ready stock, with the defaults.
    ready = [n for n in nodes if n["mode"] == "READY_STOCK"]
    assert ready and all(n["specFields"] == [] for n in ready)

    body = staff_api.execute(
        MADE_TO_ORDER_PRODUCT_TYPES, {"first": 2, "after": "not-a-cursor"}
    )
    assert body["data"]["madeToOrderProductTypes"] is None
    assert body["errors"]


def test_a_storefront_reads_a_made_to_order_product(api, demo_shop):
    product = demo_shop["products"]["kaos-custom"]
    body = read_product(api, slug="kaos-custom")
    assert not body.get("errors"), body["errors"]
    by_slug = body["data"]["madeToOrderProduct"]
    assert by_slug["product"] == {
        "id": gid("Product", product.pk),
        "slug": "kaos-custom",
    }
    assert by_slug["mode"] == "MADE_TO_ORDER"
    assert by_slug["leadTimeDays"] == 3
    assert [s["code"] for s in by_slug["stages"]][0] == "RECEIVED"
    assert by_slug["deposit"] == {"type": "PERCENT", "percent": 50.0, "amount": None}
    assert by_slug["balance"] == {"due": "ON_READY", "days": None}
    size = by_slug["specFields"][0]
    assert size["code"] == "size" and size["type"] == "CHOICE" and size["required"]
    assert {c["value"]: c["price"] for c in size["choices"]}["XL"] == {
        "amount": 5000.0,
        "currency": CURRENCY,
    }
    print_text = by_slug["specFields"][2]
    assert print_text["pattern"] and print_text["maxLength"] == 40
    assert print_text["pricePerCharacter"] == {"amount": 500.0, "currency": CURRENCY}

    body = read_product(api, productId=gid("Product", product.pk))
    assert body["data"]["madeToOrderProduct"] == by_slug

    # A ready-stock product: nothing to specify.
    body = read_product(api, slug="tas-kanvas")
    ready = body["data"]["madeToOrderProduct"]
    assert ready["mode"] == "READY_STOCK" and ready["specFields"] == []

    assert (
        read_product(api, slug="no-such-product")["data"]["madeToOrderProduct"] is None
    )
    for lookup in (
        {},
        {"slug": "kaos-custom", "productId": gid("Product", product.pk)},
    ):
        body = read_product(api, **lookup)
        assert body["data"]["madeToOrderProduct"] is None
        assert body["errors"]
    body = read_product(api, productId="nonsense")
    assert body["data"]["madeToOrderProduct"] is None
    assert body["errors"]


@pytest.mark.skipif(not ON_SALEOR3, reason="Saleor 3's channels")
def test_a_product_is_read_in_a_channel(api, demo_shop):
    body = api.execute(PRODUCT, {"slug": "kaos-custom", "channel": "no-such-channel"})
    assert body["data"]["madeToOrderProduct"] is None
    body = api.execute(PRODUCT, {"slug": "kaos-custom", "channel": CHANNEL})
    assert body["data"]["madeToOrderProduct"]["product"]["slug"] == "kaos-custom"
