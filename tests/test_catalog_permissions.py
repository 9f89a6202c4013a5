"""Configuring made to order needs product.manage_products, as Saleor's own
product type mutations do; reading a product's made-to-order details is
public."""

import pytest
from saleor.product.models import ProductType

from openorder_plugin.saleor2.demo import catalog
from openorder_plugin.models import CustomSpecField

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
    staff_user,
)

WHO = ["anonymous", "customer", "staff without the permission", "staff with it"]


@pytest.fixture
def clients(api, demo_shop):
    staff_user("plain-staff@openorder.test")
    staff_user("catalog-staff@openorder.test", ["product.manage_products"])
    return {
        "anonymous": api,
        "customer": api.signed_in(catalog.CUSTOMER_EMAIL, catalog.CUSTOMER_PASSWORD),
        "staff without the permission": api.signed_in(
            "plain-staff@openorder.test", "secret-password"
        ),
        "staff with it": api.signed_in(
            "catalog-staff@openorder.test", "secret-password"
        ),
    }


def operations():
    """(name, document, variables, payload key) of every configuration call,
    each a valid change to the T-shirt type."""
    shirt = ProductType.objects.get(slug="kaos-type")
    fields = {
        f.code: gid("CustomSpecField", f.pk)
        for f in CustomSpecField.objects.filter(product_type=shirt)
    }
    type_id = gid("ProductType", shirt.pk)
    return shirt, [
        (
            "productTypeMadeToOrderUpdate",
            MADE_TO_ORDER_UPDATE,
            {"productTypeId": type_id, "input": {"leadTimeDays": 9}},
        ),
        (
            "customSpecFieldCreate",
            FIELD_CREATE,
            {
                "productTypeId": type_id,
                "input": {"code": "name", "label": "Name", "type": "TEXT"},
            },
        ),
        (
            "customSpecFieldUpdate",
            FIELD_UPDATE,
            {"id": fields["color"], "input": {"label": "Colour of the shirt"}},
        ),
        ("customSpecFieldDelete", FIELD_DELETE, {"id": fields["design_file"]}),
        (
            "customSpecFieldReorder",
            FIELD_REORDER,
            {
                "productTypeId": type_id,
                "moves": [{"id": fields["size"], "sortOrder": 2}],
            },
        ),
    ]


@pytest.mark.parametrize("who", WHO)
def test_configuration_needs_manage_products(clients, who):
    shirt, calls = operations()
    client = clients[who]
    for name, document, variables in calls:
        before = snapshot(shirt)
        body = client.execute(document, variables)
        if who == "staff with it":
            assert not body.get("errors"), body
            assert body["data"][name]["openOrderErrors"] == [], (name, body)
            assert snapshot(shirt) != before, name
        else:
            assert body["data"][name] is None, (name, body)
            assert "permission" in body["errors"][0]["message"], (name, body)
            assert snapshot(shirt) == before, name


@pytest.mark.parametrize("who", WHO)
def test_listing_every_product_types_settings_needs_manage_products(clients, who):
    body = clients[who].execute(MADE_TO_ORDER_PRODUCT_TYPES, {"first": 10})
    if who == "staff with it":
        assert not body.get("errors"), body
        assert body["data"]["madeToOrderProductTypes"]["totalCount"] == 4
    else:
        assert body["data"]["madeToOrderProductTypes"] is None
        assert "permission" in body["errors"][0]["message"]


@pytest.mark.parametrize("who", WHO)
def test_anyone_reads_a_products_made_to_order_details(clients, who):
    data = clients[who].query(MADE_TO_ORDER_PRODUCT, {"slug": "kaos-custom"})
    product = data["madeToOrderProduct"]
    assert product["mode"] == "MADE_TO_ORDER"
    assert [f["code"] for f in product["specFields"]] == [
        "size",
        "color",
        "print_text",
        "design_file",
    ]
