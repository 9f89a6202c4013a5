"""Specs on checkout lines through the API on the host the suite runs on: a
quote, made-to-order lines whose specs reach the checkout's total, the
buyer's read model, design files, and the specs frozen onto the order. The
same operations, arguments, fields and error codes on Saleor 2.10 and 3.23
(Saleor 3 adds `channel` to madeToOrderQuote)."""

import io
import uuid

import pytest
from graphene import Node
from PIL import Image

from ..hosts import CHANNEL, ON_SALEOR3
from ..specs_helpers import (
    ADD_CUSTOM,
    MTO_CHECKOUT,
    MTO_ORDER,
    QUOTE_IN_CHANNEL,
    SPECS_UPDATE,
    TSHIRT_SPECS,
    quote,
)
from ..storefront import create_checkout, place_order, set_shipping_address, variant_id

CURRENCY = "IDR"  # the demo shop's (its channel's on Saleor 3)

# Another host's keys: Saleor 3's checkout lines and orders are UUIDs.
LINE_PK = uuid.uuid4() if ON_SALEOR3 else 987654

CHECKOUT_TOTALS = """
query($token: UUID!) {
  madeToOrderCheckout(token: $token) {
    checkout { id totalPrice { gross { amount currency } } lines { id quantity } }
  }
}
"""

UPLOAD = """
mutation($checkoutToken: UUID!, $file: Upload!) {
  specFileUpload(checkoutToken: $checkoutToken, file: $file) {
    upload { id name contentType size url }
    openOrderErrors { field code message }
  }
}
"""

# Rp 85.000 + 5.000 (XL) + 4 x 500 (print text "HALO")
UNIT = 92000.0
MODIFIER = 7000.0


def gid(type_name, pk):
    return Node.to_global_id(type_name, pk)


def add(api, checkout_id, lines):
    return api.query(ADD_CUSTOM, {"checkoutId": checkout_id, "lines": lines})[
        "checkoutLinesAddCustom"
    ]


def problems(payload):
    return [(e["field"], e["code"]) for e in payload["openOrderErrors"]]


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (27, 42, 74)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def tshirt(demo_shop):
    return variant_id(demo_shop["products"]["kaos-custom"])


@pytest.fixture
def bag(demo_shop):
    return variant_id(demo_shop["products"]["tas-kanvas"])


def test_a_quote_prices_specs_deposit_and_date(api, tshirt):
    result = quote(api, variantId=tshirt, quantity=2, specs=TSHIRT_SPECS)
    assert result["errors"] == []
    assert result["unitPrice"] == {"amount": UNIT, "currency": CURRENCY}
    assert result["unitPriceModifier"]["amount"] == MODIFIER
    assert result["totalPrice"]["amount"] == 2 * UNIT
    assert result["deposit"]["amount"] == UNIT  # 50 %
    assert result["promisedDate"]
    assert {s["code"]: s["priceModifier"]["amount"] for s in result["specs"]} == {
        "size": 5000.0,
        "color": 0.0,
        "print_text": 2000.0,
    }


def bad_quotes(tshirt, bag):
    return [
        # (variables, the errors)
        (
            {"variantId": "nonsense", "quantity": 1, "specs": TSHIRT_SPECS},
            [("variantId", "NOT_FOUND")],
        ),
        (
            {"variantId": bag, "quantity": 1, "specs": []},
            [("variantId", "NOT_MADE_TO_ORDER")],
        ),
        (
            {"variantId": tshirt, "quantity": 0, "specs": TSHIRT_SPECS},
            [("quantity", "OUT_OF_RANGE")],
        ),
        (
            {"variantId": tshirt, "quantity": 1, "specs": TSHIRT_SPECS[1:]},
            [("specs.size", "REQUIRED")],
        ),
        (
            {
                "variantId": tshirt,
                "quantity": 1,
                "specs": [{"code": "size", "value": 17}] + TSHIRT_SPECS[1:],
            },
            [("specs.size", "INVALID_TYPE")],
        ),
    ]


def test_a_quote_reports_bad_input_in_its_errors(api, tshirt, bag):
    for variables, expected in bad_quotes(tshirt, bag):
        result = quote(api, **variables)
        assert [(e["field"], e["code"]) for e in result["errors"]] == expected
        assert result["unitPrice"] is None and result["specs"] == []


@pytest.mark.skipif(not ON_SALEOR3, reason="Saleor 3's channels")
def test_a_quote_is_priced_in_an_active_channel(api, tshirt):
    result = api.query(
        QUOTE_IN_CHANNEL,
        {"channel": "no-such-channel", "variantId": tshirt, "quantity": 1},
    )["madeToOrderQuote"]
    assert [(e["field"], e["code"]) for e in result["errors"]] == [
        ("channel", "NOT_FOUND")
    ]
    result = api.query(
        QUOTE_IN_CHANNEL,
        {"channel": CHANNEL, "variantId": tshirt, "quantity": 1, "specs": TSHIRT_SPECS},
    )["madeToOrderQuote"]
    assert result["unitPrice"] == {"amount": UNIT, "currency": CURRENCY}


def test_specs_reach_the_checkouts_total(api, tshirt):
    checkout = create_checkout(api, [])
    added = add(
        api,
        checkout["id"],
        [{"variantId": tshirt, "quantity": 2, "specs": TSHIRT_SPECS}],
    )
    assert added["openOrderErrors"] == []
    totals = added["checkout"]
    assert totals["subtotalPrice"]["gross"] == {
        "amount": 2 * UNIT,
        "currency": CURRENCY,
    }
    assert totals["totalPrice"]["gross"] == {"amount": 2 * UNIT, "currency": CURRENCY}
    (line,) = totals["lines"]
    assert line["quantity"] == 2 and line["totalPrice"]["gross"]["amount"] == 2 * UNIT

    # The same specs add to the same line; other specs make a line of their own.
    added = add(
        api,
        checkout["id"],
        [{"variantId": tshirt, "quantity": 1, "specs": TSHIRT_SPECS}],
    )
    assert [ln["quantity"] for ln in added["checkout"]["lines"]] == [3]
    plain = [{"code": "size", "value": "M"}, {"code": "color", "value": "#FFFFFF"}]
    added = add(
        api, checkout["id"], [{"variantId": tshirt, "quantity": 1, "specs": plain}]
    )
    assert sorted(ln["quantity"] for ln in added["checkout"]["lines"]) == [1, 3]
    assert added["checkout"]["totalPrice"]["gross"]["amount"] == 3 * UNIT + 85000.0

    view = api.query(MTO_CHECKOUT, {"token": checkout["token"]})["madeToOrderCheckout"]
    assert view["token"] == checkout["token"]
    lines = {line["quantity"]: line for line in view["lines"]}
    assert lines[3]["unitPrice"]["gross"]["amount"] == UNIT
    assert lines[3]["unitPriceModifier"]["amount"] == MODIFIER
    assert lines[3]["totalPrice"]["gross"]["amount"] == 3 * UNIT
    assert lines[3]["promisedDate"]
    assert {s["code"]: s["value"] for s in lines[3]["specs"]} == {
        "size": "XL",
        "color": "#1b2a4a",
        "print_text": "HALO",
    }
    assert lines[1]["unitPriceModifier"]["amount"] == 0.0
    assert all(line["problems"] == [] for line in view["lines"])
    assert view["deposit"]["amount"] == (3 * UNIT + 85000.0) / 2
    assert view["deposit"]["currency"] == CURRENCY

    # New specs for the plain line: a new price; then the other line's specs:
    # the two become one line.
    plain_line = lines[1]["line"]["id"]
    changed = api.query(
        SPECS_UPDATE,
        {
            "checkoutId": checkout["id"],
            "lineId": plain_line,
            "specs": plain + [{"code": "print_text", "value": "OK"}],
        },
    )["checkoutLineSpecsUpdate"]
    assert changed["openOrderErrors"] == []
    assert changed["checkout"]["subtotalPrice"]["gross"]["amount"] == 3 * UNIT + 86000.0
    totals = api.query(CHECKOUT_TOTALS, {"token": checkout["token"]})
    assert totals["madeToOrderCheckout"]["checkout"]["totalPrice"]["gross"] == {
        "amount": 3 * UNIT + 86000.0,
        "currency": CURRENCY,
    }
    merged = api.query(
        SPECS_UPDATE,
        {"checkoutId": checkout["id"], "lineId": plain_line, "specs": TSHIRT_SPECS},
    )["checkoutLineSpecsUpdate"]
    assert merged["openOrderErrors"] == []
    assert [ln["quantity"] for ln in merged["checkout"]["lines"]] == [4]
    assert merged["checkout"]["subtotalPrice"]["gross"]["amount"] == 4 * UNIT


def test_bad_lines_are_typed_errors_and_store_nothing(api, tshirt, bag):
    checkout = create_checkout(api, [])
    added = add(
        api,
        checkout["id"],
        [{"variantId": tshirt, "quantity": 1, "specs": TSHIRT_SPECS}],
    )
    assert added["openOrderErrors"] == []
    line_id = added["checkout"]["lines"][0]["id"]
    cases = [
        # (checkout ID, lines, errors)
        (
            "nonsense",
            [{"variantId": tshirt, "quantity": 1, "specs": TSHIRT_SPECS}],
            [("checkoutId", "INVALID")],
        ),
        (
            gid("Checkout", uuid.uuid4()),
            [{"variantId": tshirt, "quantity": 1, "specs": TSHIRT_SPECS}],
            [("checkoutId", "NOT_FOUND")],
        ),
        (
            checkout["id"],
            [{"variantId": "nonsense", "quantity": 1, "specs": TSHIRT_SPECS}],
            [("lines.0.variantId", "INVALID")],
        ),
        (
            checkout["id"],
            [{"variantId": gid("ProductVariant", 987654), "quantity": 1}],
            [("lines.0.variantId", "NOT_FOUND")],
        ),
        (
            checkout["id"],
            [{"variantId": bag, "quantity": 1}],
            [("lines.0.variantId", "NOT_MADE_TO_ORDER")],
        ),
        (
            checkout["id"],
            [{"variantId": tshirt, "quantity": 0, "specs": TSHIRT_SPECS}],
            [("lines.0.quantity", "OUT_OF_RANGE")],
        ),
        (
            checkout["id"],
            [{"variantId": tshirt, "quantity": 1, "specs": TSHIRT_SPECS[1:]}],
            [("lines.0.specs.size", "REQUIRED")],
        ),
        (
            checkout["id"],
            [
                {"variantId": tshirt, "quantity": 1, "specs": TSHIRT_SPECS},
                {
                    "variantId": tshirt,
                    "quantity": 1,
                    "specs": [{"code": "size", "value": ["XL"]}] + TSHIRT_SPECS[1:],
                },
            ],
            [("lines.1.specs.size", "INVALID_TYPE")],
        ),
    ]
    for checkout_id, lines, expected in cases:
        payload = add(api, checkout_id, lines)
        assert payload["checkout"] is None
        assert problems(payload) == expected, (lines, payload["openOrderErrors"])

    for bad_line, code in (
        ("nonsense", "INVALID"),
        (gid("CheckoutLine", LINE_PK), "NOT_FOUND"),
        (gid("Checkout", LINE_PK), "NOT_FOUND"),
    ):
        payload = api.query(
            SPECS_UPDATE,
            {"checkoutId": checkout["id"], "lineId": bad_line, "specs": TSHIRT_SPECS},
        )["checkoutLineSpecsUpdate"]
        assert payload["checkout"] is None
        assert problems(payload) == [("lineId", code)]
    payload = api.query(
        SPECS_UPDATE,
        {
            "checkoutId": checkout["id"],
            "lineId": line_id,
            "specs": [{"code": "size", "value": "XS"}] + TSHIRT_SPECS[1:],
        },
    )["checkoutLineSpecsUpdate"]
    assert problems(payload) == [("specs.size", "INVALID_CHOICE")]

    # Nothing of the refused mutations was stored.
    view = api.query(MTO_CHECKOUT, {"token": checkout["token"]})["madeToOrderCheckout"]
    assert [
        (line["quantity"], line["unitPrice"]["gross"]["amount"])
        for line in view["lines"]
    ] == [(1, UNIT)]
    assert (
        api.query(MTO_CHECKOUT, {"token": str(uuid.uuid4())})["madeToOrderCheckout"]
        is None
    )


def test_a_design_file_is_uploaded_and_used_as_a_spec(api, tshirt):
    checkout = create_checkout(api, [])

    def upload(name, content, token=checkout["token"]):
        return api.upload(
            UPLOAD,
            {"checkoutToken": token, "file": None},
            "file",
            name,
            content,
            "application/octet-stream",
        )["specFileUpload"]

    stored = upload("desain.png", png_bytes())
    assert stored["openOrderErrors"] == []
    assert stored["upload"]["contentType"] == "image/png"
    assert stored["upload"]["name"] == "desain.png"
    assert stored["upload"]["url"]

    refused = upload("desain.png", b"<svg onload=alert(1)></svg>")
    assert refused["upload"] is None
    assert problems(refused) == [("file", "FILE_TYPE_NOT_ALLOWED")]
    refused = upload("desain.png", png_bytes(), token=str(uuid.uuid4()))
    assert problems(refused) == [("checkoutToken", "NOT_FOUND")]

    specs = TSHIRT_SPECS + [{"code": "design_file", "value": stored["upload"]["id"]}]
    added = add(
        api, checkout["id"], [{"variantId": tshirt, "quantity": 1, "specs": specs}]
    )
    assert added["openOrderErrors"] == []
    view = api.query(MTO_CHECKOUT, {"token": checkout["token"]})["madeToOrderCheckout"]
    (line,) = view["lines"]
    assert {s["code"]: s["value"] for s in line["specs"]}["design_file"] == stored[
        "upload"
    ]["id"]


def order_token(order):
    # Saleor 3's order token is its ID's key; 2.10 has a field of its own.
    if ON_SALEOR3:
        return Node.from_global_id(order["id"])[1]
    return order["token"]


def test_an_order_keeps_the_specs_it_was_placed_with(api, staff_api, tshirt):
    checkout = create_checkout(api, [])
    added = add(
        api,
        checkout["id"],
        [{"variantId": tshirt, "quantity": 2, "specs": TSHIRT_SPECS}],
    )
    assert added["openOrderErrors"] == []
    result = place_order(api, set_shipping_address(api, checkout))
    order = result["order"]
    assert order, result
    assert order["lines"][0]["unitPrice"]["gross"]["amount"] == UNIT

    frozen = api.query(MTO_ORDER, {"token": order_token(order)})["madeToOrderOrder"]
    assert frozen["id"] == order["id"]
    assert frozen["token"] == order_token(order)
    assert frozen["number"] == str(order["number"])
    (line,) = frozen["lines"]
    assert line["quantity"] == 2
    assert line["unitPrice"]["gross"]["amount"] == UNIT
    assert line["unitPriceModifier"]["amount"] == MODIFIER
    assert line["promisedDate"]
    specs = {s["code"]: s for s in line["specs"]}
    assert specs["size"]["label"] == "Size"
    assert specs["size"]["priceModifier"]["amount"] == 5000.0
    assert specs["print_text"]["value"] == "HALO"
    (timeline,) = frozen["timeline"]
    assert timeline["currentStage"] == "RECEIVED"
    assert frozen["paymentSchedule"]["installments"]

    # Staff read it by ID; nobody else does.
    by_id = staff_api.query(MTO_ORDER, {"orderId": order["id"]})["madeToOrderOrder"]
    assert by_id == frozen
    body = api.execute(MTO_ORDER, {"orderId": order["id"]})
    assert body["data"]["madeToOrderOrder"] is None
    assert body["errors"]
    unknown = api.query(MTO_ORDER, {"token": str(uuid.uuid4())})["madeToOrderOrder"]
    assert unknown is None
