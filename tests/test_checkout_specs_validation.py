"""Every way a buyer's specs can be wrong gets a typed error naming the line
and the field, and nothing at all is stored."""

import uuid

import pytest
from graphene import Node
from saleor.checkout.models import CheckoutLine

from openorder_plugin.models import CustomSpecField

from .spec_cases import BAD_CAKE, BAD_TSHIRT, cake_specs
from .specs_helpers import ADD_CUSTOM, TSHIRT_SPECS, empty_checkout
from .storefront import variant_id


def add(api, checkout, lines):
    return api.query(ADD_CUSTOM, {"checkoutId": checkout["id"], "lines": lines})[
        "checkoutLinesAddCustom"
    ]


@pytest.fixture
def checkout(api, demo_shop):
    return empty_checkout(api)


@pytest.fixture
def variants(demo_shop):
    return {
        slug: variant_id(product) for slug, product in demo_shop["products"].items()
    }


# Over HTTP, a few cases: every case runs on the domain in
# test_spec_value_rules.py.
@pytest.mark.parametrize("specs,field,code", [BAD_TSHIRT[i] for i in (0, 4, 8)])
def test_bad_tshirt_specs_are_refused(api, checkout, variants, specs, field, code):
    data = add(
        api,
        checkout,
        [{"variantId": variants["kaos-custom"], "quantity": 1, "specs": specs}],
    )
    assert [(e["field"], e["code"]) for e in data["openOrderErrors"]] == [(field, code)]
    assert data["openOrderErrors"][0]["message"]
    assert data["checkout"] is None
    assert not CheckoutLine.objects.exists()


@pytest.mark.parametrize("specs,field,code", [BAD_CAKE[i] for i in (0, 4)])
def test_bad_cake_specs_are_refused(api, checkout, variants, specs, field, code):
    data = add(
        api,
        checkout,
        [
            {
                "variantId": variants["kue-ulang-tahun-custom"],
                "quantity": 1,
                "specs": specs,
            }
        ],
    )
    assert [(e["field"], e["code"]) for e in data["openOrderErrors"]] == [(field, code)]
    assert not CheckoutLine.objects.exists()


def test_conditional_field_is_accepted_when_shown(api, checkout, variants):
    data = add(
        api,
        checkout,
        [
            {
                "variantId": variants["kue-ulang-tahun-custom"],
                "quantity": 1,
                "specs": cake_specs(candles="true", candle_number="17"),
            }
        ],
    )
    assert data["openOrderErrors"] == []
    # 250.000 + 75.000 (22 cm) + 10.000 (candles)
    assert data["checkout"]["subtotalPrice"]["gross"]["amount"] == 335000.0


def test_multi_choice_values_and_errors(api, checkout, variants):
    bunga = variants["rangkaian-bunga-custom"]
    bad = add(
        api,
        checkout,
        [
            {
                "variantId": bunga,
                "quantity": 1,
                "specs": [{"code": "flowers", "values": ["mawar", "tulip"]}],
            }
        ],
    )
    assert [(e["field"], e["code"]) for e in bad["openOrderErrors"]] == [
        ("lines.0.specs.flowers", "INVALID_CHOICE")
    ]
    twice = add(
        api,
        checkout,
        [
            {
                "variantId": bunga,
                "quantity": 1,
                "specs": [{"code": "flowers", "values": ["mawar", "mawar"]}],
            }
        ],
    )
    assert twice["openOrderErrors"][0]["code"] == "INVALID"
    none = add(
        api,
        checkout,
        [
            {
                "variantId": bunga,
                "quantity": 1,
                "specs": [{"code": "flowers", "values": []}],
            }
        ],
    )
    assert none["openOrderErrors"][0]["code"] == "REQUIRED"
    good = add(
        api,
        checkout,
        [
            {
                "variantId": bunga,
                "quantity": 1,
                "specs": [{"code": "flowers", "values": ["mawar", "anggrek"]}],
            }
        ],
    )
    assert good["openOrderErrors"] == []
    # 350.000 + 50.000 + 75.000
    assert good["checkout"]["subtotalPrice"]["gross"]["amount"] == 475000.0


def test_one_bad_line_stores_nothing_and_every_problem_is_named(
    api, checkout, variants
):
    data = add(
        api,
        checkout,
        [
            {
                "variantId": variants["kaos-custom"],
                "quantity": 1,
                "specs": TSHIRT_SPECS,
            },
            {
                "variantId": variants["kaos-custom"],
                "quantity": 0,
                "specs": TSHIRT_SPECS,
            },
            {"variantId": variants["tas-kanvas"], "quantity": 1, "specs": []},
            {
                "variantId": variants["kue-ulang-tahun-custom"],
                "quantity": 1,
                "specs": [],
            },
        ],
    )
    errors = {(e["field"], e["code"]) for e in data["openOrderErrors"]}
    assert errors == {
        ("lines.1.quantity", "OUT_OF_RANGE"),
        ("lines.2.variantId", "NOT_MADE_TO_ORDER"),
        ("lines.3.specs.size", "REQUIRED"),
        ("lines.3.specs.flavour", "REQUIRED"),
        ("lines.3.specs.date_wanted", "REQUIRED"),
    }
    assert not CheckoutLine.objects.exists()


def test_unknown_variant_and_checkout_are_typed_errors(api, checkout, variants):
    data = add(
        api,
        checkout,
        [{"variantId": "UHJvZHVjdFZhcmlhbnQ6OTk5OTk=", "quantity": 1, "specs": []}],
    )
    assert [(e["field"], e["code"]) for e in data["openOrderErrors"]] == [
        ("lines.0.variantId", "NOT_FOUND")
    ]
    missing = Node.to_global_id("Checkout", uuid.uuid4())
    data = api.query(ADD_CUSTOM, {"checkoutId": missing, "lines": []})[
        "checkoutLinesAddCustom"
    ]
    assert [(e["field"], e["code"]) for e in data["openOrderErrors"]] == [
        ("checkoutId", "NOT_FOUND")
    ]
    data = api.query(ADD_CUSTOM, {"checkoutId": "not-an-id", "lines": []})[
        "checkoutLinesAddCustom"
    ]
    assert data["openOrderErrors"][0]["field"] == "checkoutId"


def test_values_are_stored_as_given_never_as_html(api, checkout, variants):
    CustomSpecField.objects.filter(code="print_text").update(pattern="")
    script = "<img src=x onerror=alert(1)>"
    specs = [
        {"code": "size", "value": "M"},
        {"code": "color", "value": "#000000"},
        {"code": "print_text", "value": script},
    ]
    data = add(
        api,
        checkout,
        [{"variantId": variants["kaos-custom"], "quantity": 1, "specs": specs}],
    )
    assert data["openOrderErrors"] == []
    line = CheckoutLine.objects.get()
    assert line.data["openorder"]["specs"]["print_text"] == script
