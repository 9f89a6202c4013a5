"""Chat orders through the API on the host the suite runs on: staff take an
order from a WhatsApp chat as a host draft with specs checked as at checkout,
send the buyer link (and a wa.me link with the message), and the buyer
confirms it there, which places a real order with its jobs and payment
schedule, once, however many times it is pressed. Bad input is a typed error
that creates nothing; nothing is held, made or paid before the buyer
confirms."""

import re
import threading
from decimal import Decimal
from urllib.parse import parse_qs, urlparse

import requests
from saleor.account.models import StaffNotificationRecipient
from saleor.order.models import Order

from openorder_plugin.models import (
    CapacityReservation,
    ChatOrder,
    Notification,
    PaymentProof,
    PaymentRecord,
    PaymentSchedule,
    ProductionJob,
)

from ..client import ApiClient
from ..hosts import channel_args
from ..specs_helpers import MTO_ORDER, TSHIRT_SPECS
from ..storefront import variant_id
from .test_payment_proofs_api import receipt_png
from .test_payments_api import paid

ERRORS = "openOrderErrors { field code message }"
DRAFT = """
  id status source customerName customerPhone customerEmail languageCode note
  buyerUrl shareUrl shareMessage
  lines {
    productName variantName quantity promisedDate
    unitPrice { amount currency } totalPrice { amount }
    specs { code value priceModifier { amount } }
  }
  total { amount currency } deposit { amount } balance { amount }
  balanceDue promisedDate paymentInstructions
  problems { field code message }
  orderToken orderNumber
  paymentSchedule { state installments { kind status amount { amount } } }
"""
CREATE = """
mutation($input: MadeToOrderDraftCreateInput!) {
  madeToOrderDraftCreate(input: $input) { madeToOrderDraft { %s } %s }
}
""" % (DRAFT, ERRORS)
CONFIRM = """
mutation($token: UUID!, $expectedTotal: PositiveDecimal) {
  madeToOrderDraftConfirm(token: $token, expectedTotal: $expectedTotal) {
    madeToOrderDraft { %s } %s
  }
}
""" % (DRAFT, ERRORS)
CANCEL = (
    """
mutation($id: ID!) {
  madeToOrderDraftCancel(id: $id) { madeToOrderDraft { id status } %s }
}
"""
    % ERRORS
)
BY_TOKEN = "query($token: UUID!) { madeToOrderDraft(token: $token) { %s } }" % DRAFT
BY_ID = "query($id: ID!) { madeToOrderDraft(id: $id) { id status order { id } } }"
LIST = """
query($filter: MadeToOrderDraftFilterInput) {
  madeToOrderDrafts(first: 20, filter: $filter) {
    totalCount edges { node { id status customerName total { amount } } }
  }
}
"""

READY_STOCK = "tas-kanvas"
NO_SUCH_TOKEN = "6f1c1f5e-0000-4000-8000-000000000000"

# Two T-shirts the buyer wants with "HALO" (Rp 92.000 each, as at checkout)
# and one with "SARI" on it: one variant, two lines, since their specs differ.
HALO_UNIT = Decimal("92000")
SARI_SPECS = [
    {"code": "size", "value": "XL"},  # + Rp 5.000
    {"code": "color", "value": "#1B2A4A"},
    {"code": "print_text", "value": "SARI"},  # 4 x Rp 500
]


def draft_input(demo_shop, **extra):
    kaos = variant_id(demo_shop["products"]["kaos-custom"])
    given = {
        "lines": [
            {"variantId": kaos, "quantity": 2, "specs": TSHIRT_SPECS},
            {"variantId": kaos, "quantity": 1, "specs": SARI_SPECS},
        ],
        "customer": {
            "name": "Sari",
            "phone": "0812-3456-7890",
            "email": "sari@openorder.test",
        },
        "note": "Sablon depan, sesuai chat.",
    }
    given.update(channel_args())
    given.update(extra)
    return given


def create(staff_api, demo_shop, **extra):
    return staff_api.query(CREATE, {"input": draft_input(demo_shop, **extra)})[
        "madeToOrderDraftCreate"
    ]


def token_of(draft):
    return draft["buyerUrl"].rstrip("/").rsplit("/", 1)[1]


def host_order(draft):
    return ChatOrder.objects.get(token=token_of(draft)).order


def test_staff_take_a_chat_order_and_the_buyer_confirms_it(api, staff_api, demo_shop):
    StaffNotificationRecipient.objects.create(staff_email="admin@openorder.test")
    created = create(staff_api, demo_shop)
    assert created["openOrderErrors"] == []
    draft = created["madeToOrderDraft"]
    assert draft["status"] == "DRAFT"
    assert draft["customerPhone"] == "6281234567890"
    # One line per set of specs, each priced with its specs.
    assert [(ln["quantity"], ln["specs"][2]["value"]) for ln in draft["lines"]] == [
        (2, "HALO"),
        (1, "SARI"),
    ]
    assert [Decimal(str(ln["unitPrice"]["amount"])) for ln in draft["lines"]] == [
        HALO_UNIT,
        HALO_UNIT,
    ]
    total = Decimal(str(draft["total"]["amount"]))
    assert total == 3 * HALO_UNIT
    # The konveksi takes half up front; the parts add up to the total.
    deposit = Decimal(str(draft["deposit"]["amount"]))
    assert deposit == total / 2
    assert deposit + Decimal(str(draft["balance"]["amount"])) == total
    assert draft["promisedDate"] and draft["problems"] == []

    # The wa.me link opens the buyer's chat with an Indonesian message that
    # carries the buyer link.
    share = urlparse(draft["shareUrl"])
    assert (share.netloc, share.path) == ("wa.me", "/6281234567890")
    message = parse_qs(share.query)["text"][0]
    assert message == draft["shareMessage"]
    assert message.startswith("Halo Sari,") and draft["buyerUrl"] in message
    assert "Rp 276.000" in message

    # A draft: nothing is made, held or owed yet.
    order = host_order(draft)
    assert order.status == "draft"
    assert not ProductionJob.objects.filter(order=order).exists()
    assert not PaymentSchedule.objects.filter(order=order).exists()
    assert not CapacityReservation.objects.filter(order=order).exists()

    # The buyer reads it with the link's token, and staff's side stays hidden.
    token = token_of(draft)
    seen = api.query(BY_TOKEN, {"token": token})["madeToOrderDraft"]
    assert seen["lines"] == draft["lines"] and seen["orderToken"] is None

    confirmed = api.query(CONFIRM, {"token": token, "expectedTotal": str(total)})[
        "madeToOrderDraftConfirm"
    ]
    assert confirmed["openOrderErrors"] == []
    placed = confirmed["madeToOrderDraft"]
    assert placed["status"] == "CONFIRMED" and placed["orderToken"]
    assert placed["paymentSchedule"]["state"] == "AWAITING_DEPOSIT"
    assert [
        (i["kind"], i["status"], Decimal(str(i["amount"]["amount"])))
        for i in placed["paymentSchedule"]["installments"]
    ] == [("DEPOSIT", "DUE", deposit), ("BALANCE", "PENDING", total - deposit)]

    # A real order: the buyer's order token reads its frozen specs and jobs,
    # its capacity is held, and the host's books say nothing was paid.
    order = Order.objects.get(pk=order.pk)
    assert order.status != "draft"
    as_buyer = api.query(MTO_ORDER, {"token": placed["orderToken"]})["madeToOrderOrder"]
    assert [ln["specs"][2]["value"] for ln in as_buyer["lines"]] == ["HALO", "SARI"]
    assert len(as_buyer["timeline"]) == 2
    assert ProductionJob.objects.filter(order=order).count() == 2
    assert CapacityReservation.objects.filter(order=order, expires_at=None).exists()
    assert paid(staff_api, as_buyer["id"])[0] == Decimal(0)
    # Staff are told the buyer confirmed.
    told = Notification.objects.get(kind="chat_order_confirmed")
    assert told.recipient == "admin@openorder.test"

    # Pressing confirm again changes nothing (and tells no one again).
    again = api.query(CONFIRM, {"token": token})["madeToOrderDraftConfirm"]
    assert again["openOrderErrors"] == []
    assert again["madeToOrderDraft"]["orderToken"] == placed["orderToken"]
    assert ProductionJob.objects.filter(order=order).count() == 2
    assert PaymentSchedule.objects.filter(order=order).count() == 1
    assert Notification.objects.filter(kind="chat_order_confirmed").count() == 1


def test_a_buyer_pressing_confirm_on_two_phones_places_one_order(
    live_server, staff_api, demo_shop
):
    draft = create(staff_api, demo_shop)["madeToOrderDraft"]
    token = token_of(draft)
    start = threading.Barrier(6)
    results = []

    def confirm():
        client = ApiClient(live_server.url)
        start.wait()
        results.append(client.query(CONFIRM, {"token": token}))

    threads = [threading.Thread(target=confirm) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    answers = [r["madeToOrderDraftConfirm"] for r in results]
    assert all(a["openOrderErrors"] == [] for a in answers), answers
    assert {a["madeToOrderDraft"]["orderToken"] for a in answers} != {None}
    assert len({a["madeToOrderDraft"]["orderToken"] for a in answers}) == 1
    order = host_order(draft)
    # Placed once: one "placed from draft" in the order's history.
    assert order.events.filter(type="placed_from_draft").count() == 1
    assert ProductionJob.objects.filter(order=order).count() == 2
    assert PaymentSchedule.objects.filter(order=order).count() == 1


def test_bad_chat_orders_are_refused_and_create_nothing(staff_api, demo_shop):
    drafts_before = Order.objects.count()
    kaos = variant_id(demo_shop["products"]["kaos-custom"])
    cases = [
        ({"lines": []}, [("lines", "REQUIRED")]),
        (
            {"customer": {"phone": "halo kak"}},
            [("customer.phone", "INVALID")],
        ),
        (
            {"customer": {"email": "not-an-address"}},
            [("customer.email", "INVALID")],
        ),
        (
            {
                "lines": [
                    {
                        "variantId": kaos,
                        "quantity": 1,
                        "specs": [{"code": "size", "value": "XXXXL"}],
                    }
                ]
            },
            [("lines.0.specs.size", "INVALID_CHOICE")],
        ),
        (
            {"lines": [{"variantId": kaos, "quantity": 0, "specs": TSHIRT_SPECS}]},
            [("lines.0.quantity", "OUT_OF_RANGE")],
        ),
        ({"languageCode": "de"}, [("languageCode", "INVALID")]),
        ({"note": "x" * 1001}, [("note", "TOO_LONG")]),
    ]
    for extra, expected in cases:
        answer = create(staff_api, demo_shop, **extra)
        assert answer["madeToOrderDraft"] is None, extra
        found = [(e["field"], e["code"]) for e in answer["openOrderErrors"]]
        assert all(item in found for item in expected), (extra, found)
    # A ready-stock product is sold with the host's own draft orders.
    mug = demo_shop["products"][READY_STOCK]
    answer = create(
        staff_api,
        demo_shop,
        lines=[{"variantId": variant_id(mug), "quantity": 1, "specs": []}],
    )
    assert [e["code"] for e in answer["openOrderErrors"]] == ["NOT_MADE_TO_ORDER"]
    assert Order.objects.count() == drafts_before
    assert not ChatOrder.objects.exists()


def test_a_changed_draft_or_a_cancelled_one_is_not_placed(api, staff_api, demo_shop):
    draft = create(staff_api, demo_shop)["madeToOrderDraft"]
    token = token_of(draft)
    stale = api.query(CONFIRM, {"token": token, "expectedTotal": "1000"})[
        "madeToOrderDraftConfirm"
    ]
    assert [e["code"] for e in stale["openOrderErrors"]] == ["CONFLICT"]
    order = host_order(draft)
    assert Order.objects.get(pk=order.pk).status == "draft"

    cancelled = staff_api.query(CANCEL, {"id": draft["id"]})["madeToOrderDraftCancel"]
    assert cancelled["openOrderErrors"] == []
    assert cancelled["madeToOrderDraft"]["status"] == "CANCELLED"
    assert not Order.objects.filter(pk=order.pk).exists()
    late = api.query(CONFIRM, {"token": token})["madeToOrderDraftConfirm"]
    assert [e["code"] for e in late["openOrderErrors"]] == ["INVALID_TRANSITION"]
    listed = staff_api.query(LIST, {"filter": {"status": ["CANCELLED"]}})
    assert [n["node"]["id"] for n in listed["madeToOrderDrafts"]["edges"]] == [
        draft["id"]
    ]


def test_only_staff_take_list_and_cancel_chat_orders(
    api, customer_api, staff_api, demo_shop
):
    draft = create(staff_api, demo_shop)["madeToOrderDraft"]
    for client in (api, customer_api):
        for query, variables in (
            (CREATE, {"input": draft_input(demo_shop)}),
            (CANCEL, {"id": draft["id"]}),
            (BY_ID, {"id": draft["id"]}),
            (LIST, {}),
        ):
            body = client.execute(query, variables)
            assert "permission" in body["errors"][0]["message"].lower(), body
    # Another token reads nothing.
    other = api.query(BY_TOKEN, {"token": NO_SUCH_TOKEN})
    assert other["madeToOrderDraft"] is None
    staff_view = staff_api.query(BY_ID, {"id": draft["id"]})["madeToOrderDraft"]
    assert staff_view["order"]["id"]
    assert ChatOrder.objects.count() == 1


def test_the_buyer_link_shows_the_order_and_confirms_it(
    settings, live_server, staff_api, demo_shop
):
    # Saleor 3 writes its links with the shop's public address.
    settings.PUBLIC_URL = live_server.url
    draft = create(staff_api, demo_shop)["madeToOrderDraft"]
    page = requests.get(draft["buyerUrl"], timeout=30)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    text = page.text
    # Indonesian, as the chat was: the specs, the total and the deposit.
    assert 'lang="id"' in text and "Konfirmasi" in text
    assert "HALO" in text and "SARI" in text and "Rp 276.000" in text
    assert "Rp 138.000" in text
    # How long the deposit may wait once confirmed (the plugin's window).
    assert "bayar DP dalam 24 jam" in text
    english = requests.get(draft["buyerUrl"] + "?lang=en", timeout=30).text
    assert "Confirm my order" in english

    total = re.search(r'name="expected_total" value="([^"]+)"', text).group(1)
    done = requests.post(draft["buyerUrl"], data={"expected_total": total}, timeout=30)
    assert done.status_code == 200 and done.history[0].status_code == 302
    order = Order.objects.get(pk=host_order(draft).pk)
    assert order.status != "draft"
    assert 'data-testid="order-number"' in done.text
    assert 'name="expected_total"' not in done.text
    assert ProductionJob.objects.filter(order=order).count() == 2

    # Then the buyer sends the transfer receipt from the same page: only the
    # buyer's word, so nothing counts as paid and staff check it.
    sent = requests.post(
        done.url,
        data={"action": "proof", "reference": "BCA a.n. Sari"},
        files={"receipt": ("bukti.png", receipt_png(), "image/png")},
        timeout=30,
    )
    assert sent.status_code == 200 and "Bukti terkirim" in sent.text
    proof = PaymentProof.objects.get(order=order)
    assert (proof.status, proof.reference) == ("PENDING", "BCA a.n. Sari")
    assert proof.amount == Decimal("138000")
    assert "sedang dicek" in sent.text
    assert not PaymentRecord.objects.filter(order=order).exists()
    # No file: a clear message, nothing stored.
    empty = requests.post(done.url, data={"action": "proof"}, timeout=30)
    assert empty.status_code == 409 and "Pilih foto" in empty.text
    assert PaymentProof.objects.filter(order=order).count() == 1

    unknown = draft["buyerUrl"].replace(token_of(draft), NO_SUCH_TOKEN)
    assert requests.get(unknown, timeout=30).status_code == 404
