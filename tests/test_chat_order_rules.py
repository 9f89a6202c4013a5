"""The rules of a chat order, without a database: the buyer's number as
wa.me takes it, and the share link with its prefilled message in the chat
order's language."""

import datetime
from decimal import Decimal
from urllib.parse import parse_qs, urlparse

import pytest

from openorder_plugin.chat_orders import rules
from openorder_plugin.errors import OpenOrderError


@pytest.mark.parametrize(
    "typed, number",
    [
        ("0812-3456-7890", "6281234567890"),
        ("0812 3456 7890", "6281234567890"),
        ("+62 812 3456 7890", "6281234567890"),
        ("+6281234567890", "6281234567890"),
        ("(021) 555-1234", "62215551234"),
        ("+60 12-345 6789", "60123456789"),  # a Malaysian buyer keeps their code
        ("", ""),
        (None, ""),
    ],
)
def test_numbers_are_read_as_whatsapp_dials_them(typed, number):
    assert rules.whatsapp_number(typed) == number


@pytest.mark.parametrize("typed", ["halo kak", "12", "+62 812 3456 7890 1234 5678 9"])
def test_anything_else_is_not_a_number(typed):
    with pytest.raises(OpenOrderError) as raised:
        rules.whatsapp_number(typed)
    (problem,) = raised.value.problems
    assert (problem.field, problem.code) == ("customer.phone", "INVALID")


def message(language, **extra):
    given = dict(
        language_code=language,
        customer_name="Sari",
        shop_name="Toko Kaos",
        total=Decimal("184000"),
        currency="IDR",
        deposit=Decimal("92000"),
        promised_date=datetime.date(2026, 12, 18),
        buyer_url="https://toko.example/openorder/chat-orders/abc/",
    )
    given.update(extra)
    return rules.share_message(**given)


def test_the_message_is_indonesian_with_the_total_deposit_date_and_link():
    text = message("id")
    assert text == (
        "Halo Sari,\n"
        "berikut pesanan Kakak di Toko Kaos. Total: Rp 184.000. "
        "DP yang perlu dibayar: Rp 92.000. Perkiraan siap sekitar 18 Des 2026. "
        "Mohon cek detailnya dan konfirmasi di sini: "
        "https://toko.example/openorder/chat-orders/abc/"
    )


def test_the_message_leaves_out_what_there_is_not():
    text = message("en", customer_name="", deposit=Decimal(0), promised_date=None)
    assert text.startswith(
        "Hello,\nhere is your order at Toko Kaos. Total: Rp 184,000."
    )
    assert "Deposit" not in text and "Ready" not in text


def test_the_share_link_opens_the_buyers_chat_with_the_message_typed_in():
    text = message("id")
    link = urlparse(rules.share_url("6281234567890", text))
    assert (link.scheme, link.netloc, link.path) == ("https", "wa.me", "/6281234567890")
    assert parse_qs(link.query)["text"] == [text]
    # Without a number, WhatsApp lets staff pick the chat.
    assert rules.share_url("", "x") == "https://wa.me/?text=x"
