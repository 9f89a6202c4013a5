"""The pure rules of chat orders: the buyer's phone number as wa.me takes it,
the share link and its prefilled message. No database."""

from typing import NamedTuple
from urllib.parse import quote

import phonenumbers
from django.utils.translation import gettext

from ..errors import OpenOrderError, OpenOrderErrorCode as Code
from ..l10n import format_date, format_money, override

# Numbers without a country code are Indonesian: the chats this is for are.
DEFAULT_REGION = "ID"
WA_ME = "https://wa.me/"


class Basket(NamedTuple):
    """What the checkout-line checks read of a checkout, for a chat order:
    the token uploads are made under, and the currency."""

    token: object
    currency: str


def whatsapp_number(raw, field="customer.phone"):
    """The number as wa.me wants it (country code and digits, no "+"), from
    what staff typed ("0812-3456-7890", "+62 812 3456 7890"); "" for none.
    Raises OpenOrderError (INVALID) for anything that is not a phone number."""
    raw = (raw or "").strip()
    if not raw:
        return ""
    try:
        number = phonenumbers.parse(raw, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        raise OpenOrderError.single(
            field,
            Code.INVALID,
            gettext(
                'Not a phone number: give it with its country code, e.g. "+62 812 3456 '
                '7890", or as dialled in Indonesia, e.g. "0812 3456 7890".'
            ),
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]


def share_message(
    *,
    language_code,
    customer_name,
    shop_name,
    total,
    currency,
    deposit,
    promised_date,
    buyer_url,
):
    """The message staff send the buyer with the link, in the chat order's
    language (Indonesian unless staff chose otherwise)."""
    with override(language_code):
        greeting = (
            gettext("Hello %(name)s,") % {"name": customer_name}
            if customer_name
            else gettext("Hello,")
        )
        parts = [
            greeting,
            gettext("here is your order at %(shop)s. Total: %(total)s.")
            % {"shop": shop_name, "total": format_money(total, currency)},
        ]
        if deposit:
            parts.append(
                gettext("Deposit to pay: %(deposit)s.")
                % {"deposit": format_money(deposit, currency)}
            )
        if promised_date is not None:
            parts.append(
                gettext("Ready by about %(date)s.")
                % {"date": format_date(promised_date)}
            )
        parts.append(
            gettext("Please check the details and confirm here: %(url)s")
            % {"url": buyer_url}
        )
    return "\n".join([parts[0], " ".join(parts[1:])])


def share_url(phone, message):
    """A wa.me link that opens a chat with the buyer (or, without a number,
    lets staff pick the chat) with the message typed in."""
    return "%s%s?text=%s" % (WA_ME, phone or "", quote(message, safe=""))
