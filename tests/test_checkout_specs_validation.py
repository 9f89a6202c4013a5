"""Every way a buyer's specs can be wrong gets a typed error naming the line
and the field, and nothing at all is stored."""
import uuid

import pytest
from graphene import Node
from saleor.checkout.models import CheckoutLine

from openorder_plugin.models import CustomSpecField

from .specs_helpers import ADD_CUSTOM, TSHIRT_SPECS, days_from_today, empty_checkout
from .storefront import variant_id


def cake_specs(**overrides):
    specs = {
        "size": "22cm",
        "flavour": "pandan",
        "message": "Selamat ulang tahun",
        "date_wanted": days_from_today(10),
    }
    specs.update(overrides)
    return [{"code": code, "value": value} for code, value in specs.items() if value is not None]


def add(api, checkout, lines):
    return api.query(ADD_CUSTOM, {"checkoutId": checkout["id"], "lines": lines})[
        "checkoutLinesAddCustom"
    ]


@pytest.fixture
def checkout(api, demo_shop):
    return empty_checkout(api)


@pytest.fixture
def variants(demo_shop):
    return {slug: variant_id(product) for slug, product in demo_shop["products"].items()}


BAD_TSHIRT = [
    # (specs, field, code)
    ([{"code": "color", "value": "#000000"}], "lines.0.specs.size", "REQUIRED"),
    ([{"code": "size", "value": "XS"}, {"code": "color", "value": "#000000"}], "lines.0.specs.size", "INVALID_CHOICE"),
    ([{"code": "size", "value": "M"}, {"code": "color", "value": "navy"}], "lines.0.specs.color", "INVALID_TYPE"),
    ([{"code": "size", "value": "M"}, {"code": "color", "value": "#000000"},
      {"code": "print_text", "value": "X" * 41}], "lines.0.specs.print_text", "TOO_LONG"),
    ([{"code": "size", "value": "M"}, {"code": "color", "value": "#000000"},
      {"code": "print_text", "value": "<b>hi</b>"}], "lines.0.specs.print_text", "PATTERN_MISMATCH"),
    ([{"code": "size", "value": "M"}, {"code": "color", "value": "#000000"},
      {"code": "print_text", "value": "two\nlines"}], "lines.0.specs.print_text", "INVALID"),
    ([{"code": "size", "value": "M"}, {"code": "color", "value": "#000000"},
      {"code": "sleeve", "value": "long"}], "lines.0.specs.sleeve", "UNKNOWN_FIELD"),
    ([{"code": "size", "value": "M"}, {"code": "size", "value": "L"},
      {"code": "color", "value": "#000000"}], "lines.0.specs.size", "INVALID"),
    ([{"code": "size", "value": "M"}, {"code": "color", "value": "#000000"},
      {"code": "design_file", "value": "00000000-0000-0000-0000-000000000000"}],
     "lines.0.specs.design_file", "NOT_FOUND"),
]


@pytest.mark.parametrize("specs,field,code", BAD_TSHIRT)
def test_bad_tshirt_specs_are_refused(api, checkout, variants, specs, field, code):
    data = add(api, checkout, [{"variantId": variants["kaos-custom"], "quantity": 1, "specs": specs}])
    assert [(e["field"], e["code"]) for e in data["openOrderErrors"]] == [(field, code)]
    assert data["openOrderErrors"][0]["message"]
    assert data["checkout"] is None
    assert not CheckoutLine.objects.exists()


BAD_CAKE = [
    (cake_specs(date_wanted=days_from_today(1)), "lines.0.specs.date_wanted", "INVALID_DATE"),
    (cake_specs(date_wanted="31-12-2030"), "lines.0.specs.date_wanted", "INVALID_TYPE"),
    (cake_specs(date_wanted=days_from_today(1000)), "lines.0.specs.date_wanted", "INVALID_DATE"),
    (cake_specs(candles="yes"), "lines.0.specs.candles", "INVALID_TYPE"),
    # candle_number only applies when candles is true
    (cake_specs(candle_number="5"), "lines.0.specs.candle_number", "HIDDEN_FIELD"),
    (cake_specs(candles="true", candle_number="100"), "lines.0.specs.candle_number", "OUT_OF_RANGE"),
    (cake_specs(candles="true", candle_number="lima"), "lines.0.specs.candle_number", "INVALID_TYPE"),
    (cake_specs(candles="true", candle_number="NaN"), "lines.0.specs.candle_number", "INVALID_TYPE"),
    (cake_specs(flavour=None), "lines.0.specs.flavour", "REQUIRED"),
]


@pytest.mark.parametrize("specs,field,code", BAD_CAKE)
def test_bad_cake_specs_are_refused(api, checkout, variants, specs, field, code):
    data = add(api, checkout, [{"variantId": variants["kue-ulang-tahun-custom"], "quantity": 1, "specs": specs}])
    assert [(e["field"], e["code"]) for e in data["openOrderErrors"]] == [(field, code)]
    assert not CheckoutLine.objects.exists()


def test_conditional_field_is_accepted_when_shown(api, checkout, variants):
    data = add(api, checkout, [{
        "variantId": variants["kue-ulang-tahun-custom"], "quantity": 1,
        "specs": cake_specs(candles="true", candle_number="17"),
    }])
    assert data["openOrderErrors"] == []
    # 250.000 + 75.000 (22 cm) + 10.000 (candles)
    assert data["checkout"]["subtotalPrice"]["gross"]["amount"] == 335000.0


def test_multi_choice_values_and_errors(api, checkout, variants):
    bunga = variants["rangkaian-bunga-custom"]
    bad = add(api, checkout, [{"variantId": bunga, "quantity": 1,
                               "specs": [{"code": "flowers", "values": ["mawar", "tulip"]}]}])
    assert [(e["field"], e["code"]) for e in bad["openOrderErrors"]] == [
        ("lines.0.specs.flowers", "INVALID_CHOICE")
    ]
    twice = add(api, checkout, [{"variantId": bunga, "quantity": 1,
                                 "specs": [{"code": "flowers", "values": ["mawar", "mawar"]}]}])
    assert twice["openOrderErrors"][0]["code"] == "INVALID"
    none = add(api, checkout, [{"variantId": bunga, "quantity": 1,
                                "specs": [{"code": "flowers", "values": []}]}])
    assert none["openOrderErrors"][0]["code"] == "REQUIRED"
    good = add(api, checkout, [{"variantId": bunga, "quantity": 1,
                                "specs": [{"code": "flowers", "values": ["mawar", "anggrek"]}]}])
    assert good["openOrderErrors"] == []
    # 350.000 + 50.000 + 75.000
    assert good["checkout"]["subtotalPrice"]["gross"]["amount"] == 475000.0


def test_one_bad_line_stores_nothing_and_every_problem_is_named(api, checkout, variants):
    data = add(api, checkout, [
        {"variantId": variants["kaos-custom"], "quantity": 1, "specs": TSHIRT_SPECS},
        {"variantId": variants["kaos-custom"], "quantity": 0, "specs": TSHIRT_SPECS},
        {"variantId": variants["tas-kanvas"], "quantity": 1, "specs": []},
        {"variantId": variants["kue-ulang-tahun-custom"], "quantity": 1, "specs": []},
    ])
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
    data = add(api, checkout, [{"variantId": "UHJvZHVjdFZhcmlhbnQ6OTk5OTk=", "quantity": 1, "specs": []}])
    assert [(e["field"], e["code"]) for e in data["openOrderErrors"]] == [("lines.0.variantId", "NOT_FOUND")]
    missing = Node.to_global_id("Checkout", uuid.uuid4())
    data = api.query(ADD_CUSTOM, {"checkoutId": missing, "lines": []})["checkoutLinesAddCustom"]
    assert [(e["field"], e["code"]) for e in data["openOrderErrors"]] == [("checkoutId", "NOT_FOUND")]
    data = api.query(ADD_CUSTOM, {"checkoutId": "not-an-id", "lines": []})["checkoutLinesAddCustom"]
    assert data["openOrderErrors"][0]["field"] == "checkoutId"


def test_values_are_stored_as_given_never_as_html(api, checkout, variants):
    CustomSpecField.objects.filter(code="print_text").update(pattern="")
    script = '<img src=x onerror=alert(1)>'
    specs = [{"code": "size", "value": "M"}, {"code": "color", "value": "#000000"},
             {"code": "print_text", "value": script}]
    data = add(api, checkout, [{"variantId": variants["kaos-custom"], "quantity": 1, "specs": specs}])
    assert data["openOrderErrors"] == []
    line = CheckoutLine.objects.get()
    assert line.data["openorder"]["specs"]["print_text"] == script
