"""The buyer's language, over real HTTP: Accept-Language picks English or
Indonesian (anything else, or nothing, is the shop's Indonesian); the
plugin's messages to the buyer are written in it, with dates as it writes
them, and Saleor stores it as the order's language."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone
from graphene import Node
from saleor.order.models import Order

from openorder_plugin import l10n
from openorder_plugin.models import MadeToOrderSettings

from .specs_helpers import ADD_CUSTOM, QUOTE, TSHIRT_SPECS, add_custom, empty_checkout
from .storefront import pay_and_complete, set_shipping_address, variant_id

ORDER_LANGUAGE = """
query($token: UUID!) { orderByToken(token: $token) { number languageCode } }
"""
LINES_ADD = """
mutation($checkoutId: ID!, $lines: [CheckoutLineInput]!) {
  checkoutLinesAdd(checkoutId: $checkoutId, lines: $lines) { checkoutErrors { field code } }
}
"""
NO_SIZE = [s for s in TSHIRT_SPECS if s["code"] != "size"]


def quote_errors(api, variant, specs, quantity=1):
    quote = api.query(
        QUOTE, {"variantId": variant, "quantity": quantity, "specs": specs}
    )
    return [
        (e["field"], e["code"], e["message"])
        for e in quote["madeToOrderQuote"]["errors"]
    ]


@pytest.fixture
def tshirt(demo_shop):
    return variant_id(demo_shop["products"]["kaos-custom"])


@pytest.fixture
def cake(demo_shop):
    return variant_id(demo_shop["products"]["kue-ulang-tahun-custom"])


@pytest.mark.parametrize(
    "language, message",
    [
        ("id", "Size wajib diisi."),
        ("id-ID,id;q=0.9,en;q=0.8", "Size wajib diisi."),
        ("en", "Size is required."),
        ("en-US,en;q=0.9", "Size is required."),
        (None, "Size wajib diisi."),  # no header: the shop's language
        ("de", "Size wajib diisi."),  # not one the plugin speaks: the shop's
        ("de-DE,en;q=0.5", "Size is required."),  # the buyer also reads English
    ],
)
def test_quote_errors_speak_the_buyers_language(api, tshirt, language, message):
    assert quote_errors(api.speaking(language), tshirt, NO_SIZE) == [
        ("specs.size", "REQUIRED", message)
    ]


def test_the_response_says_its_language(api, tshirt):
    for language, expected in (("id", "id"), ("en", "en"), (None, "id"), ("fr", "id")):
        response = api.speaking(language).post(
            QUOTE, {"variantId": tshirt, "quantity": 1, "specs": NO_SIZE}
        )
        assert response.status_code == 200
        assert response.headers["Content-Language"] == expected
        assert "Accept-Language" in response.headers["Vary"]


def test_quote_dates_are_written_in_the_buyers_language(api, cake):
    # 8 cakes a day, ready two days after the last starts: 9 cakes wanted the
    # day after tomorrow are ready a day late.
    today = timezone.localdate()
    wanted = today + datetime.timedelta(days=2)
    promised = today + datetime.timedelta(days=3)
    specs = [
        {"code": "size", "value": "18cm"},
        {"code": "flavour", "value": "pandan"},
        {"code": "date_wanted", "value": wanted.isoformat()},
    ]
    assert quote_errors(api.speaking("id"), cake, specs, quantity=9) == [
        (
            "specs",
            "CAPACITY_FULL",
            "Paling cepat bisa kami janjikan %s, melewati tanggal yang diminta (%s)."
            % (l10n.format_date(promised, "id"), l10n.format_date(wanted, "id")),
        )
    ]
    assert quote_errors(api.speaking("en"), cake, specs, quantity=9) == [
        (
            "specs",
            "CAPACITY_FULL",
            "The earliest date we can promise is %s, after the date wanted (%s)."
            % (l10n.format_date(promised, "en"), l10n.format_date(wanted, "en")),
        )
    ]


@pytest.mark.parametrize(
    "language, message",
    [
        ("id", "Date wanted paling cepat %s."),
        (None, "Date wanted paling cepat %s."),
        ("en", "Date wanted can be %s at the earliest."),
    ],
)
def test_checkout_lines_add_custom_speaks_the_buyers_language(
    api, cake, language, message
):
    buyer = api.speaking(language)
    checkout = empty_checkout(buyer)
    today = timezone.localdate()
    specs = [
        {"code": "size", "value": "18cm"},
        {"code": "flavour", "value": "pandan"},
        {"code": "date_wanted", "value": today.isoformat()},
        {"code": "candles", "value": "true"},
        {"code": "candle_number", "value": "100"},
    ]
    data = buyer.query(
        ADD_CUSTOM,
        {
            "checkoutId": checkout["id"],
            "lines": [{"variantId": cake, "quantity": 1, "specs": specs}],
        },
    )["checkoutLinesAddCustom"]
    expected = l10n.language_of(language)  # no header: the shop's, Indonesian
    earliest = l10n.format_date(today + datetime.timedelta(days=2), expected)
    assert [(e["field"], e["message"]) for e in data["openOrderErrors"]] == [
        ("lines.0.specs.date_wanted", message % earliest),
        (
            "lines.0.specs.candle_number",
            "Number candle maksimal 99."
            if expected == "id"
            else "Number candle must be at most 99.",
        ),
    ]
    assert data["checkout"] is None


def test_the_plugins_own_api_refusals_speak_the_buyers_language(api, tshirt):
    buyer = api.speaking("id")
    checkout = empty_checkout(buyer)
    data = buyer.query(
        ADD_CUSTOM,
        {
            "checkoutId": checkout["id"],
            "lines": [
                {
                    "variantId": Node.to_global_id("ProductVariant", 999999),
                    "quantity": 1,
                    "specs": TSHIRT_SPECS,
                },
            ],
        },
    )["checkoutLinesAddCustom"]
    assert [(e["field"], e["message"]) for e in data["openOrderErrors"]] == [
        ("lines.0.variantId", "Varian produk tidak ditemukan."),
    ]
    data = buyer.query(
        ADD_CUSTOM,
        {
            "checkoutId": checkout["id"],
            "lines": [
                {"variantId": tshirt, "quantity": 0, "specs": TSHIRT_SPECS},
            ],
        },
    )["checkoutLinesAddCustom"]
    assert [(e["field"], e["message"]) for e in data["openOrderErrors"]] == [
        (
            "lines.0.quantity",
            "Jumlah harus antara 1 sampai %d." % settings.MAX_CHECKOUT_LINE_QUANTITY,
        ),
    ]


def test_checkout_complete_refuses_in_the_buyers_language(api, tshirt):
    buyer = api.speaking("id")
    checkout = empty_checkout(buyer)
    # Saleor's own checkoutLinesAdd leaves a made-to-order line without specs.
    buyer.query(
        LINES_ADD,
        {"checkoutId": checkout["id"], "lines": [{"variantId": tshirt, "quantity": 1}]},
    )
    result = pay_and_complete(buyer, set_shipping_address(buyer, checkout))
    assert result["order"] is None
    assert sorted(e["message"] for e in result["checkoutErrors"]) == [
        "lines.0.specs.color: Shirt colour wajib diisi.",
        "lines.0.specs.size: Size wajib diisi.",
    ]
    assert not Order.objects.exists()


def test_checkout_complete_capacity_refusal_dates_in_the_buyers_language(api, cake):
    # Nine cakes at 8 a day for the earliest date allowed: ready a day late.
    MadeToOrderSettings.objects.filter(
        product_type__slug="kue-ulang-tahun-type"
    ).update(daily_capacity=8)
    today = timezone.localdate()
    wanted = today + datetime.timedelta(days=2)
    buyer = api.speaking("id")
    checkout = empty_checkout(buyer)
    added = add_custom(
        buyer,
        checkout,
        [
            {
                "variantId": cake,
                "quantity": 9,
                "specs": [
                    {"code": "size", "value": "18cm"},
                    {"code": "flavour", "value": "pandan"},
                    {"code": "date_wanted", "value": wanted.isoformat()},
                ],
            }
        ],
    )
    assert added["openOrderErrors"] == []
    result = pay_and_complete(buyer, set_shipping_address(buyer, added["checkout"]))
    assert result["order"] is None
    assert [e["message"] for e in result["checkoutErrors"]] == [
        "lines.0: Kapasitas produksi tidak cukup untuk menyelesaikan pesanan ini paling "
        "lambat %s; paling cepat bisa kami janjikan %s."
        % (
            l10n.format_date(wanted, "id"),
            l10n.format_date(wanted + datetime.timedelta(days=1), "id"),
        )
    ]


@pytest.mark.parametrize(
    "accept_language, order_language",
    [
        ("id", "id"),
        ("id-ID,id;q=0.9", "id"),
        ("en", "en"),
        ("en-GB,en;q=0.9", "en"),
        ("de", "id"),  # not one of ours: the shop's
        (None, "id"),  # no header: the shop's
    ],
)
def test_the_order_keeps_the_buyers_language(
    api, tshirt, accept_language, order_language
):
    buyer = api.speaking(accept_language)
    checkout = empty_checkout(buyer)
    added = add_custom(
        buyer, checkout, [{"variantId": tshirt, "quantity": 1, "specs": TSHIRT_SPECS}]
    )
    assert added["openOrderErrors"] == []
    result = pay_and_complete(buyer, set_shipping_address(buyer, checkout))
    assert result["checkoutErrors"] == []
    token = result["order"]["token"]
    assert Order.objects.get(token=token).language_code == order_language
    # Read back in any language: the order keeps its own.
    assert (
        api.speaking("en").query(ORDER_LANGUAGE, {"token": token})["orderByToken"][
            "languageCode"
        ]
        == order_language
    )


def test_saleors_language_codes_are_unchanged(api):
    from saleor import settings as saleor_settings

    data = api.query('{ __type(name: "LanguageCodeEnum") { enumValues { name } } }')
    names = {value["name"] for value in data["__type"]["enumValues"]}
    assert len(names) == len(saleor_settings.LANGUAGES) > 2
    assert {"EN", "ID", "DE"} <= names
