"""Lines with specs live beside Saleor's own lines: same specs add up,
different specs stay apart, Saleor's line mutations keep working, and
checkoutComplete refuses lines whose specs are missing or no longer valid."""

import datetime

from saleor.checkout.models import CheckoutLine
from saleor.order.models import Order

from openorder_plugin.models import CustomSpecField

from .specs_helpers import (
    MTO_CHECKOUT,
    SPECS_UPDATE,
    TSHIRT_SPECS,
    add_custom,
    empty_checkout,
)
from .sql import count_queries
from .storefront import (
    complete,
    pay,
    pay_and_complete,
    set_shipping_address,
    variant_id,
)

LINES_ADD = """
mutation($checkoutId: ID!, $lines: [CheckoutLineInput]!) {
  checkoutLinesAdd(checkoutId: $checkoutId, lines: $lines) {
    checkout { lines { id quantity } subtotalPrice { gross { amount } } }
    checkoutErrors { field code message }
  }
}
"""
LINES_UPDATE = """
mutation($checkoutId: ID!, $lines: [CheckoutLineInput]!) {
  checkoutLinesUpdate(checkoutId: $checkoutId, lines: $lines) {
    checkout { lines { id quantity } }
    checkoutErrors { field code message }
  }
}
"""
LINE_DELETE = """
mutation($checkoutId: ID!, $lineId: ID!) {
  checkoutLineDelete(checkoutId: $checkoutId, lineId: $lineId) {
    checkout { lines { id quantity } }
    checkoutErrors { field code message }
  }
}
"""


def test_same_specs_add_up_other_specs_stay_apart(api, demo_shop):
    tshirt = variant_id(demo_shop["products"]["kaos-custom"])
    checkout = empty_checkout(api)
    add_custom(
        api, checkout, [{"variantId": tshirt, "quantity": 1, "specs": TSHIRT_SPECS}]
    )
    same = add_custom(
        api, checkout, [{"variantId": tshirt, "quantity": 2, "specs": TSHIRT_SPECS}]
    )
    assert [ln["quantity"] for ln in same["checkout"]["lines"]] == [3]

    other = [dict(s) for s in TSHIRT_SPECS]
    other[0]["value"] = "M"
    both = add_custom(
        api, checkout, [{"variantId": tshirt, "quantity": 1, "specs": other}]
    )
    assert sorted(ln["quantity"] for ln in both["checkout"]["lines"]) == [1, 3]
    # 3 x 92.000 + 1 x (85.000 + 2.000)
    assert both["checkout"]["subtotalPrice"]["gross"]["amount"] == 363000.0

    # Changing the M line's specs to the XL ones makes the two lines one.
    m_line = next(ln for ln in both["checkout"]["lines"] if ln["quantity"] == 1)
    merged = api.query(
        SPECS_UPDATE,
        {"checkoutId": checkout["id"], "lineId": m_line["id"], "specs": TSHIRT_SPECS},
    )["checkoutLineSpecsUpdate"]
    assert merged["openOrderErrors"] == []
    assert [ln["quantity"] for ln in merged["checkout"]["lines"]] == [4]
    assert merged["checkout"]["subtotalPrice"]["gross"]["amount"] == 368000.0


def test_specs_update_validates_and_changes_nothing_on_error(api, demo_shop):
    tshirt = variant_id(demo_shop["products"]["kaos-custom"])
    checkout = empty_checkout(api)
    line = add_custom(
        api, checkout, [{"variantId": tshirt, "quantity": 1, "specs": TSHIRT_SPECS}]
    )["checkout"]["lines"][0]
    before = CheckoutLine.objects.get().data
    data = api.query(
        SPECS_UPDATE,
        {
            "checkoutId": checkout["id"],
            "lineId": line["id"],
            "specs": [
                {"code": "size", "value": "XXXL"},
                {"code": "color", "value": "#ffffff"},
            ],
        },
    )["checkoutLineSpecsUpdate"]
    assert [(e["field"], e["code"]) for e in data["openOrderErrors"]] == [
        ("specs.size", "INVALID_CHOICE")
    ]
    assert CheckoutLine.objects.get().data == before
    bad_line = api.query(
        SPECS_UPDATE,
        {
            "checkoutId": checkout["id"],
            "lineId": "Q2hlY2tvdXRMaW5lOjk5OTk5",
            "specs": TSHIRT_SPECS,
        },
    )["checkoutLineSpecsUpdate"]
    assert [(e["field"], e["code"]) for e in bad_line["openOrderErrors"]] == [
        ("lineId", "NOT_FOUND")
    ]


def test_saleors_line_mutations_keep_working(api, demo_shop):
    products = demo_shop["products"]
    checkout = empty_checkout(api)
    added = add_custom(
        api,
        checkout,
        [
            {
                "variantId": variant_id(products["kaos-custom"]),
                "quantity": 1,
                "specs": TSHIRT_SPECS,
            }
        ],
    )
    custom_line = added["checkout"]["lines"][0]
    tote = api.query(
        LINES_ADD,
        {
            "checkoutId": checkout["id"],
            "lines": [{"variantId": variant_id(products["tas-kanvas"]), "quantity": 2}],
        },
    )["checkoutLinesAdd"]
    assert tote["checkoutErrors"] == []
    assert tote["checkout"]["subtotalPrice"]["gross"]["amount"] == 92000.0 + 90000.0

    updated = api.query(
        LINES_UPDATE,
        {
            "checkoutId": checkout["id"],
            "lines": [{"variantId": variant_id(products["tas-kanvas"]), "quantity": 1}],
        },
    )["checkoutLinesUpdate"]
    assert updated["checkoutErrors"] == []
    assert sorted(ln["quantity"] for ln in updated["checkout"]["lines"]) == [1, 1]

    deleted = api.query(
        LINE_DELETE, {"checkoutId": checkout["id"], "lineId": custom_line["id"]}
    )["checkoutLineDelete"]
    assert deleted["checkoutErrors"] == []
    assert len(deleted["checkout"]["lines"]) == 1
    # The specs went with the line.
    assert not any("openorder" in line.data for line in CheckoutLine.objects.all())
    view = api.query(MTO_CHECKOUT, {"token": checkout["token"]})["madeToOrderCheckout"]
    assert view["lines"] == []


def test_checkout_complete_refuses_missing_specs(api, demo_shop):
    """A made-to-order variant added with Saleor's own checkoutLinesAdd has no
    specs: the storefront sees what's missing and checkoutComplete refuses."""
    checkout = empty_checkout(api)
    api.query(
        LINES_ADD,
        {
            "checkoutId": checkout["id"],
            "lines": [
                {
                    "variantId": variant_id(demo_shop["products"]["kaos-custom"]),
                    "quantity": 1,
                }
            ],
        },
    )
    view = api.query(MTO_CHECKOUT, {"token": checkout["token"]})["madeToOrderCheckout"]
    problems = {(p["field"], p["code"]) for p in view["lines"][0]["problems"]}
    assert problems == {
        ("lines.0.specs.size", "REQUIRED"),
        ("lines.0.specs.color", "REQUIRED"),
    }

    result = pay_and_complete(api, set_shipping_address(api, checkout))
    assert result["order"] is None
    assert {e["code"] for e in result["checkoutErrors"]} == {"REQUIRED"}
    assert "lines.0.specs.size" in " ".join(
        e["message"] for e in result["checkoutErrors"]
    )
    assert not Order.objects.exists()


def test_checkout_complete_refuses_specs_the_schema_no_longer_accepts(api, demo_shop):
    checkout = empty_checkout(api)
    add_custom(
        api,
        checkout,
        [
            {
                "variantId": variant_id(demo_shop["products"]["kaos-custom"]),
                "quantity": 1,
                "specs": TSHIRT_SPECS,
            }
        ],
    )
    # The merchant drops XL while the buyer is checking out.
    size = CustomSpecField.objects.get(code="size", product_type__slug="kaos-type")
    size.choices = [c for c in size.choices if c["value"] != "XL"]
    size.save()

    result = pay_and_complete(api, set_shipping_address(api, checkout))
    assert result["order"] is None
    assert [e["code"] for e in result["checkoutErrors"]] == ["INVALID"]
    assert "size" in result["checkoutErrors"][0]["message"]
    assert not Order.objects.exists()


def test_mixed_checkout_prices_match_between_checkout_and_order(api, demo_shop):
    products = demo_shop["products"]
    checkout = empty_checkout(api)
    add_custom(
        api,
        checkout,
        [
            {
                "variantId": variant_id(products["kaos-custom"]),
                "quantity": 3,
                "specs": TSHIRT_SPECS,
            },
            {
                "variantId": variant_id(products["rangkaian-bunga-custom"]),
                "quantity": 1,
                "specs": [
                    {"code": "flowers", "values": ["lili", "krisan"]},
                    {"code": "card_message", "value": "Semoga lekas sembuh"},
                ],
            },
        ],
    )
    api.query(
        LINES_ADD,
        {
            "checkoutId": checkout["id"],
            "lines": [{"variantId": variant_id(products["tas-kanvas"]), "quantity": 2}],
        },
    )
    ready = set_shipping_address(api, checkout)
    result = pay_and_complete(api, ready)
    assert result["checkoutErrors"] == []
    order = result["order"]
    by_sku = {ln["productSku"]: ln for ln in order["lines"]}
    assert by_sku["KAOS-CUSTOM"]["unitPrice"]["gross"]["amount"] == 92000.0
    assert (
        by_sku["BUNGA-CUSTOM"]["unitPrice"]["gross"]["amount"]
        == 350000.0 + 40000.0 + 25000.0
    )
    assert by_sku["TAS-KANVAS"]["unitPrice"]["gross"]["amount"] == 45000.0
    expected = 3 * 92000 + 415000 + 2 * 45000 + 20000
    assert order["total"]["gross"]["amount"] == float(expected)
    saved = Order.objects.get(token=order["token"])
    assert (
        saved.total_gross_amount
        == sum(
            (ln.unit_price_gross_amount * ln.quantity for ln in saved.lines.all()), 0
        )
        + saved.shipping_price_gross_amount
    )


# The plugin's own statements (on openorder_ tables) in a checkoutComplete:
# the same for one line as for five lines of three product types (two of them
# ask which batches the products sell in and which lines join one).
CHECKOUT_COMPLETE_PLUGIN_QUERIES = 26


def test_checkout_complete_costs_the_same_plugin_queries_for_one_line_or_five(
    api, demo_shop
):
    products = demo_shop["products"]
    tshirt, cake, flowers = (
        variant_id(products[slug])
        for slug in ("kaos-custom", "kue-ulang-tahun-custom", "rangkaian-bunga-custom")
    )
    wanted = (datetime.date.today() + datetime.timedelta(days=90)).isoformat()
    lines = [
        (
            tshirt,
            [{"code": "size", "value": "XL"}, {"code": "color", "value": "#1b2a4a"}],
        ),
        (
            flowers,
            [
                {"code": "flowers", "values": ["mawar", "lili"]},
                {"code": "card_message", "value": "Semoga lekas sembuh"},
            ],
        ),
        (
            cake,
            [
                {"code": "size", "value": "18cm"},
                {"code": "flavour", "value": "pandan"},
                {"code": "message", "value": "Selamat"},
                {"code": "date_wanted", "value": wanted},
            ],
        ),
        (
            tshirt,
            [{"code": "size", "value": "M"}, {"code": "color", "value": "#ffffff"}],
        ),
        (
            tshirt,
            [{"code": "size", "value": "L"}, {"code": "color", "value": "#aa0000"}],
        ),
    ]

    def plugin_queries(count):
        checkout = empty_checkout(api)
        add_custom(
            api,
            checkout,
            [
                {"variantId": variant, "quantity": 1, "specs": specs}
                for variant, specs in lines[:count]
            ],
        )
        checkout = set_shipping_address(api, checkout)
        pay(api, checkout)
        with count_queries() as counter:
            assert complete(api, checkout)["order"]
        return [sql for sql in counter.statements if "openorder_" in sql]

    one, five = plugin_queries(1), plugin_queries(5)
    assert len(one) == len(five) == CHECKOUT_COMPLETE_PLUGIN_QUERIES, "\n".join(five)
