"""Transfer proofs (bukti transfer) through the API on the host the suite
runs on: the buyer sends a receipt with the order's token, and nothing
counts as paid until staff accept it, which records the money once (also
when staff press accept twice at once); a rejected proof records nothing and
tells the buyer why. Bad input is refused with a typed error and stores
nothing, and only the buyer and staff can see a receipt."""

import io
import threading
from decimal import Decimal

import requests
from PIL import Image
from saleor.account.models import StaffNotificationRecipient

from openorder_plugin.models import Notification, PaymentProof, PaymentRecord

from ..client import ApiClient
from .test_payments_api import DEPOSIT, TOTAL, open_order, paid

ERRORS = "openOrderErrors { field code message }"
PROOF = """
  id status installment amount { amount currency } reference note
  fileName contentType size url rejectionReason decidedAt
  paymentRecord { id amount { amount } reference idempotencyKey }
"""
SCHEDULE = """
  state summary outstanding { amount }
  installments { kind status paidAmount { amount } }
  paymentProofs { id status amount { amount } }
"""

UPLOAD = """
mutation($token: UUID!, $file: Upload!, $installment: InstallmentKind,
         $amount: PositiveDecimal, $reference: String, $note: String) {
  paymentProofUpload(token: $token, file: $file, installment: $installment,
                     amount: $amount, reference: $reference, note: $note) {
    paymentProof { %s }
    paymentSchedule { %s }
    %s
  }
}
""" % (PROOF, SCHEDULE, ERRORS)

ACCEPT = """
mutation($id: ID!, $amount: PositiveDecimal, $reference: String) {
  paymentProofAccept(id: $id, amount: $amount, reference: $reference) {
    paymentProof { %s }
    paymentSchedule { %s }
    %s
  }
}
""" % (PROOF, SCHEDULE, ERRORS)

REJECT = """
mutation($id: ID!, $reason: String!) {
  paymentProofReject(id: $id, reason: $reason) {
    paymentProof { %s }
    paymentSchedule { %s }
    %s
  }
}
""" % (PROOF, SCHEDULE, ERRORS)

PROOFS = (
    """
query($filter: PaymentProofFilterInput) {
  paymentProofs(first: 20, filter: $filter) {
    totalCount
    edges { node { %s order { id } } }
  }
}
"""
    % PROOF
)

BY_TOKEN = (
    "query($token: UUID!) { paymentScheduleByOrderToken(token: $token) { %s } }"
    % SCHEDULE
)


def receipt_png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 60), (240, 240, 240)).save(buffer, format="PNG")
    return buffer.getvalue()


def send_proof(api, token, content=None, name="bukti-transfer.png", **variables):
    return api.upload(
        UPLOAD,
        dict({"token": token, "file": None}, **variables),
        "file",
        name,
        receipt_png() if content is None else content,
        "image/png",
    )["paymentProofUpload"]


def codes(result):
    return [(e["field"], e["code"]) for e in result["openOrderErrors"]]


def amount(money):
    return Decimal(str(money["amount"]))


def test_nothing_is_paid_until_staff_accept_the_proof(api, staff_api, demo_shop):
    StaffNotificationRecipient.objects.create(staff_email="kasir@openorder.test")
    order = open_order(api, demo_shop)
    sent = send_proof(
        api, order["token"], reference="BCA 0042 a.n. Siti", note="DP ya kak"
    )
    assert sent["openOrderErrors"] == []
    proof = sent["paymentProof"]
    # The amount defaults to what is owed on the first open installment.
    assert (proof["status"], proof["installment"], amount(proof["amount"])) == (
        "PENDING",
        "DEPOSIT",
        DEPOSIT,
    )
    assert (proof["contentType"], proof["fileName"]) == (
        "image/png",
        "bukti-transfer.png",
    )
    assert proof["paymentRecord"] is None
    # The buyer's word moves no money: the schedule and the host's books
    # still say nothing was paid.
    schedule = sent["paymentSchedule"]
    assert schedule["state"] == "AWAITING_DEPOSIT"
    # The buyer is told it is being checked, not that it is still unpaid.
    assert schedule["summary"].startswith("Your transfer of ")
    assert "is being checked by the shop" in schedule["summary"]
    assert amount(schedule["outstanding"]) == TOTAL
    assert paid(staff_api, order["id"])[0] == 0
    assert PaymentRecord.objects.count() == 0
    # Staff are told a proof waits.
    told = Notification.objects.get(kind="payment_proof_received")
    assert told.recipient == "kasir@openorder.test"

    # Staff's queue of proofs to check.
    queue = staff_api.query(PROOFS, {"filter": {"status": ["PENDING"]}})
    assert queue["paymentProofs"]["totalCount"] == 1
    node = queue["paymentProofs"]["edges"][0]["node"]
    assert (node["id"], node["order"]["id"]) == (proof["id"], order["id"])

    accepted = staff_api.query(ACCEPT, {"id": proof["id"]})["paymentProofAccept"]
    assert accepted["openOrderErrors"] == []
    decided = accepted["paymentProof"]
    assert decided["status"] == "ACCEPTED" and decided["decidedAt"]
    assert amount(decided["paymentRecord"]["amount"]) == DEPOSIT
    # The buyer's reference goes into the books.
    assert decided["paymentRecord"]["reference"] == "BCA 0042 a.n. Siti"
    assert [
        (i["kind"], i["status"]) for i in accepted["paymentSchedule"]["installments"]
    ] == [("DEPOSIT", "PAID"), ("BALANCE", "PENDING")]
    assert paid(staff_api, order["id"])[0] == DEPOSIT
    assert Notification.objects.filter(kind="payment_proof_accepted").count() == 1

    # Accepting again (a double tap) records nothing more.
    again = staff_api.query(ACCEPT, {"id": proof["id"]})["paymentProofAccept"]
    assert again["openOrderErrors"] == []
    assert (
        again["paymentProof"]["paymentRecord"]["id"] == (decided["paymentRecord"]["id"])
    )
    assert paid(staff_api, order["id"])[0] == DEPOSIT
    # An accepted proof's money is in the books: it cannot be rejected.
    rejected = staff_api.query(REJECT, {"id": proof["id"], "reason": "salah"})
    assert codes(rejected["paymentProofReject"]) == [("id", "INVALID_TRANSITION")]
    assert paid(staff_api, order["id"])[0] == DEPOSIT

    # The buyer sees the outcome on their order, by its token.
    mine = api.query(BY_TOKEN, {"token": order["token"]})
    assert [
        p["status"] for p in mine["paymentScheduleByOrderToken"]["paymentProofs"]
    ] == ["ACCEPTED"]


def test_a_rejected_proof_records_nothing_and_the_buyer_is_told_why(
    api, staff_api, demo_shop
):
    order = open_order(api, demo_shop)
    proof = send_proof(api, order["token"], amount="50000")["paymentProof"]
    assert amount(proof["amount"]) == Decimal("50000")

    empty = staff_api.query(REJECT, {"id": proof["id"], "reason": "  "})
    assert codes(empty["paymentProofReject"]) == [("reason", "REQUIRED")]
    assert PaymentProof.objects.get().status == "PENDING"

    reason = "Transfer Rp 50.000 belum masuk ke rekening BCA toko."
    result = staff_api.query(REJECT, {"id": proof["id"], "reason": reason})[
        "paymentProofReject"
    ]
    assert result["openOrderErrors"] == []
    assert (
        result["paymentProof"]["status"],
        result["paymentProof"]["rejectionReason"],
    ) == (
        "REJECTED",
        reason,
    )
    assert result["paymentSchedule"]["state"] == "AWAITING_DEPOSIT"
    # Rejected: the schedule says the deposit is owed again.
    assert result["paymentSchedule"]["summary"].startswith("Waiting for the deposit")
    assert paid(staff_api, order["id"])[0] == 0
    assert PaymentRecord.objects.count() == 0
    told = Notification.objects.get(kind="payment_proof_rejected")
    assert told.context["reason"] == reason
    # A rejected proof is never accepted later; the buyer sends a new one.
    late = staff_api.query(ACCEPT, {"id": proof["id"]})["paymentProofAccept"]
    assert codes(late) == [("id", "INVALID_TRANSITION")]
    assert paid(staff_api, order["id"])[0] == 0
    assert send_proof(api, order["token"])["openOrderErrors"] == []


def test_bad_proofs_are_refused_and_store_nothing(api, staff_api, demo_shop):
    order = open_order(api, demo_shop)
    token = order["token"]
    unknown = send_proof(api, "00000000-0000-4000-8000-000000000000")
    assert codes(unknown) == [("token", "NOT_FOUND")]
    script = send_proof(api, token, content=b"<svg onload=alert(1)>", name="x.png")
    assert codes(script) == [("file", "FILE_TYPE_NOT_ALLOWED")]
    assert codes(send_proof(api, token, amount=str(TOTAL + 1))) == [
        ("amount", "OVERPAYMENT")
    ]
    assert codes(send_proof(api, token, amount="1000.5")) == [("amount", "INVALID")]
    assert codes(send_proof(api, token, reference="x" * 256)) == [
        ("reference", "TOO_LONG")
    ]
    assert PaymentProof.objects.count() == 0

    # A buyer cannot fill the shop's disk: five proofs wait at most.
    for _ in range(5):
        assert send_proof(api, token, amount="1000")["openOrderErrors"] == []
    assert codes(send_proof(api, token, amount="1000")) == [
        ("file", "TOO_MANY_PENDING")
    ]
    assert PaymentProof.objects.count() == 5

    # Staff mistakes too: more than is owed is refused and records nothing.
    proof_id = staff_api.query(PROOFS, {"filter": {"status": ["PENDING"]}})[
        "paymentProofs"
    ]["edges"][0]["node"]["id"]
    over = staff_api.query(ACCEPT, {"id": proof_id, "amount": str(TOTAL + 1)})
    assert codes(over["paymentProofAccept"]) == [("amount", "OVERPAYMENT")]
    assert PaymentProof.objects.filter(status="PENDING").count() == 5
    assert paid(staff_api, order["id"])[0] == 0
    bad_id = staff_api.query(ACCEPT, {"id": order["id"]})["paymentProofAccept"]
    assert codes(bad_id) == [("id", "NOT_FOUND")]


def test_accepting_at_once_from_two_phones_records_the_money_once(
    api, staff_api, demo_shop
):
    order = open_order(api, demo_shop)
    proof = send_proof(api, order["token"])["paymentProof"]
    start = threading.Barrier(8)
    results = []

    def accept():
        phone = ApiClient(staff_api.base_url, token=staff_api.token)
        start.wait()
        response = phone.post(ACCEPT, {"id": proof["id"]})
        results.append(response.json()["data"]["paymentProofAccept"])

    threads = [threading.Thread(target=accept) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r["openOrderErrors"] for r in results] == [[]] * 8
    assert {r["paymentProof"]["paymentRecord"]["id"] for r in results} == {
        results[0]["paymentProof"]["paymentRecord"]["id"]
    }
    assert PaymentRecord.objects.count() == 1
    assert paid(staff_api, order["id"])[0] == DEPOSIT


def test_a_receipt_is_seen_by_its_buyer_and_staff_only(
    api, staff_api, customer_api, demo_shop
):
    order = open_order(api, demo_shop)
    content = receipt_png()
    proof = send_proof(api, order["token"], content=content)["paymentProof"]
    url = api.base_url + proof["url"]
    assert requests.get(url, params={"token": order["token"]}, timeout=30).content == (
        content
    )
    staff = requests.get(url, headers=staff_api.headers(), timeout=30)
    assert staff.status_code == 200 and staff.content == content
    assert staff.headers["X-Content-Type-Options"] == "nosniff"
    # No token, another order's token, a signed-in buyer without the token.
    other = open_order(api, demo_shop)
    for params, headers in (
        ({}, {}),
        ({"token": other["token"]}, {}),
        ({}, customer_api.headers()),
    ):
        response = requests.get(url, params=params, headers=headers, timeout=30)
        assert response.status_code == 404
    # Staff's list and lookup are not for buyers.
    body = customer_api.execute(PROOFS, {})
    assert body["data"]["paymentProofs"] is None and body["errors"]
