"""One boundary for every plugin operation's IDs and spec values: the inputs
that once reached Python now get a typed error on the right field and change
nothing."""

import pytest
from graphene import Node
from saleor.checkout.models import CheckoutLine

from openorder_plugin.models import CustomSpecField, PaymentRecord

from .catalog_helpers import FIELD_CREATE, gid
from .payments_helpers import RECORD
from .production_helpers import SPECS
from .specs_helpers import ADD_CUSTOM, empty_checkout
from .storefront import variant_id

SPEC_UPDATE = """
mutation($checkoutId: ID!, $lineId: ID!, $specs: [SpecValueInput!]!) {
  checkoutLineSpecsUpdate(checkoutId: $checkoutId, lineId: $lineId, specs: $specs) {
    openOrderErrors { field code message }
  }
}
"""
STAFF_ORDER = "query($id: ID!) { madeToOrderOrder(orderId: $id) { number } }"
MALFORMED = [
    "",
    "   ",
    "not base64!",
    "bm90LWFuLWlk",
    Node.to_global_id("Order", "abc"),
]


def codes(errors):
    return [(e["field"], e["code"]) for e in errors]


def add(api, checkout, lines):
    return api.query(ADD_CUSTOM, {"checkoutId": checkout["id"], "lines": lines})[
        "checkoutLinesAddCustom"
    ]


def shirt_line(demo_shop, **changes):
    line = {
        "variantId": variant_id(demo_shop["products"]["kaos-custom"]),
        "quantity": 1,
        "specs": SPECS["kaos-custom"],
    }
    line.update(changes)
    return line


@pytest.mark.parametrize("bad", MALFORMED + [Node.to_global_id("Product", 1)])
def test_a_bad_variant_id_is_a_typed_error(api, demo_shop, bad):
    checkout = empty_checkout(api)

    result = add(
        api, checkout, [shirt_line(demo_shop), shirt_line(demo_shop, variantId=bad)]
    )

    (error,) = result["openOrderErrors"]
    assert error["field"] == "lines.1.variantId"
    assert error["code"] in ("INVALID", "NOT_FOUND")
    assert not CheckoutLine.objects.filter(checkout__token=checkout["token"]).exists()


@pytest.mark.parametrize("bad", MALFORMED + [Node.to_global_id("Order", 1)])
def test_a_bad_line_id_is_a_typed_error(api, demo_shop, bad):
    checkout = empty_checkout(api)
    result = api.query(
        SPEC_UPDATE, {"checkoutId": checkout["id"], "lineId": bad, "specs": []}
    )
    (error,) = result["checkoutLineSpecsUpdate"]["openOrderErrors"]
    assert error["field"] == "lineId" and error["code"] in ("INVALID", "NOT_FOUND")


@pytest.mark.parametrize("bad", MALFORMED)
def test_a_bad_order_id_is_a_typed_error_or_nothing_found(staff_api, demo_shop, bad):
    body = staff_api.execute(STAFF_ORDER, {"id": bad})
    assert body == {"data": {"madeToOrderOrder": None}}

    recorded = staff_api.query(
        RECORD, {"id": bad, "amount": 1000, "reference": "x", "key": "k"}
    )
    assert codes(recorded["orderPaymentRecord"]["openOrderErrors"]) == [
        ("orderId", "INVALID")
    ]
    assert not PaymentRecord.objects.exists()


@pytest.mark.parametrize("value", [{"a": 1}, ["HALO"], 17, True])
def test_a_spec_value_must_be_text(api, demo_shop, value):
    checkout = empty_checkout(api)
    specs = [s for s in SPECS["kaos-custom"] if s["code"] != "print_text"] + [
        {"code": "print_text", "value": value}
    ]

    result = add(api, checkout, [shirt_line(demo_shop, specs=specs)])

    assert codes(result["openOrderErrors"]) == [
        ("lines.0.specs.print_text", "INVALID_TYPE")
    ]
    assert not CheckoutLine.objects.filter(checkout__token=checkout["token"]).exists()


def test_value_and_values_must_fit_the_field(api, demo_shop):
    checkout = empty_checkout(api)
    choice_as_list = [s for s in SPECS["kaos-custom"] if s["code"] != "size"] + [
        {"code": "size", "values": ["XL"]}
    ]
    result = add(api, checkout, [shirt_line(demo_shop, specs=choice_as_list)])
    (error,) = result["openOrderErrors"]
    assert (error["field"], error["code"]) == (
        "lines.0.specs.size",
        "VALUE_KIND_MISMATCH",
    )
    assert error["message"] == "Size takes one value (`value`), not a list of `values`."

    flowers = variant_id(demo_shop["products"]["rangkaian-bunga-custom"])
    multi_as_one = [
        s for s in SPECS["rangkaian-bunga-custom"] if s["code"] != "flowers"
    ] + [{"code": "flowers", "value": "mawar"}]
    result = add(
        api, checkout, [{"variantId": flowers, "quantity": 1, "specs": multi_as_one}]
    )
    (error,) = result["openOrderErrors"]
    assert (error["field"], error["code"]) == (
        "lines.0.specs.flowers",
        "VALUE_KIND_MISMATCH",
    )


def test_a_catastrophic_pattern_cannot_stall_a_checkout(api, staff_api, demo_shop):
    # The classic backtracking bomb: a backtracking engine would take longer
    # than the universe's age on this input; RE2 answers at once.
    shirt = demo_shop["products"]["kaos-custom"].product_type
    created = staff_api.query(
        FIELD_CREATE,
        {
            "productTypeId": gid("ProductType", shirt.pk),
            "input": {
                "code": "engraving",
                "label": "Engraving",
                "type": "TEXT",
                "pattern": "(a+)+$",
                "maxLength": 5000,
            },
        },
    )["customSpecFieldCreate"]
    assert created["openOrderErrors"] == []
    assert CustomSpecField.objects.filter(code="engraving").exists()
    checkout = empty_checkout(api)
    specs = SPECS["kaos-custom"] + [{"code": "engraving", "value": "a" * 4000 + "!"}]

    result = add(api, checkout, [shirt_line(demo_shop, specs=specs)])

    assert codes(result["openOrderErrors"]) == [
        ("lines.0.specs.engraving", "PATTERN_MISMATCH")
    ]
