"""Transfer proofs and the rest of the payment rules: a deposit whose proof
waits for staff does not lapse when its window ends (the buyer paid in
time), and lapses once staff reject it; the buyer hears of each decision in
their language, staff of each new proof in the shop's."""

import datetime

from django.core import mail
from saleor.account.models import StaffNotificationRecipient
from saleor.order import OrderStatus
from saleor.order.models import Order

from openorder_plugin.models import PaymentSchedule
from openorder_plugin.payments.window import lapse_overdue

from .api.test_payment_proofs_api import ACCEPT, REJECT, send_proof
from .payments_helpers import place


def test_a_proof_sent_in_time_holds_the_deadline_until_staff_decide(
    api, staff_api, demo_shop
):
    order = place(api, demo_shop, [("kaos-custom", 1)])
    schedule = PaymentSchedule.objects.get(order__token=order["token"])
    proof = send_proof(api, order["token"])["paymentProof"]
    after = schedule.deadline + datetime.timedelta(hours=2)

    assert lapse_overdue(now=after) == []
    assert Order.objects.get(token=order["token"]).status != OrderStatus.CANCELED

    rejected = staff_api.query(REJECT, {"id": proof["id"], "reason": "Belum masuk."})
    assert rejected["paymentProofReject"]["openOrderErrors"] == []
    # Nothing arrived and the deadline is past: the next sweep cancels it.
    assert lapse_overdue(now=after) == [Order.objects.get(token=order["token"]).pk]
    assert Order.objects.get(token=order["token"]).status == OrderStatus.CANCELED


def test_a_proof_for_the_balance_does_not_hold_the_deposits_deadline(api, demo_shop):
    order = place(api, demo_shop, [("kaos-custom", 1)])
    schedule = PaymentSchedule.objects.get(order__token=order["token"])
    sent = send_proof(api, order["token"], installment="BALANCE", amount="1000")
    assert sent["openOrderErrors"] == []

    lapsed = lapse_overdue(now=schedule.deadline + datetime.timedelta(minutes=1))
    assert lapsed == [Order.objects.get(token=order["token"]).pk]
    # A cancelled order takes no more proofs.
    late = send_proof(api, order["token"])
    assert [e["code"] for e in late["openOrderErrors"]] == ["INVALID"]


def test_the_buyer_hears_each_decision_in_their_language(api, staff_api, demo_shop):
    StaffNotificationRecipient.objects.create(staff_email="kasir@openorder.test")
    buyer = api.speaking("id")
    order = place(buyer, demo_shop, [("kaos-custom", 1)])
    mail.outbox = []

    first = send_proof(buyer, order["token"], amount="10000", reference="BCA 77")
    staff_mail = [m for m in mail.outbox if m.to == ["kasir@openorder.test"]]
    # The demo shop speaks Indonesian, so staff read Indonesian.
    assert [m.subject for m in staff_mail] == [
        "Bukti transfer perlu dicek: pesanan #%s, Rp 10.000" % order["number"]
    ]
    assert "BCA 77" in staff_mail[0].body

    staff_api.query(
        REJECT, {"id": first["paymentProof"]["id"], "reason": "Nominal tidak cocok."}
    )
    second = send_proof(buyer, order["token"])
    staff_api.query(ACCEPT, {"id": second["paymentProof"]["id"]})

    to_buyer = [m for m in mail.outbox if m.to == ["pembeli@openorder.test"]]
    rejected, accepted = to_buyer[-2:]
    assert rejected.subject == (
        "Pesanan #%s: transfer Rp 10.000 belum bisa kami konfirmasi" % order["number"]
    )
    assert "Nominal tidak cocok." in rejected.body
    assert accepted.subject.startswith("Pesanan #%s: transfer Rp" % order["number"])
    assert accepted.subject.endswith("sudah kami terima")
    assert "Sisa yang perlu dibayar" in accepted.body
