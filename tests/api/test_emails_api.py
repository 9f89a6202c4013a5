"""The buyer's e-mails, on the host the suite runs on: rendered from the
plugin's own templates (subject, plain text and HTML) and sent through the
host's mail (Saleor 2.10's templated e-mail, Django's mail on Saleor 3, which
has no templated-e-mail plugin), in the buyer's language."""

from django.core import mail

from ..hosts import ON_SALEOR3
from ..specs_helpers import tshirt_checkout
from ..storefront import place_order

JOBS = """
query($search: String!) {
  productionJobs(first: 10, filter: {search: $search}) {
    edges { node { id version order { number } } }
  }
}
"""

ADVANCE = """
mutation($id: ID!, $version: Int!) {
  productionJobAdvance(id: $id, version: $version) {
    job { currentStageLabel } openOrderErrors { field code message }
  }
}
"""


def mails_about(number):
    return [m for m in mail.outbox if m.subject.startswith("Order #%s: " % number)]


def test_the_buyer_is_asked_for_the_deposit_and_told_of_each_stage(
    api, staff_api, demo_shop
):
    result = place_order(api, tshirt_checkout(api, demo_shop))
    assert result["checkoutErrors"] == [], result["checkoutErrors"]
    number = result["order"]["number"]

    assert mails_about(number), [m.subject for m in mail.outbox]
    (deposit_due,) = mails_about(number)
    assert deposit_due.to == ["pembeli@openorder.test"]
    # In the buyer's language (the client's, English), in whole rupiah.
    assert deposit_due.subject.startswith(
        "Order #%s: please pay the deposit of Rp 92,000 by " % number
    ), deposit_due.subject
    assert "Rp" in deposit_due.body and "{{" not in deposit_due.body
    html = [
        content for content, kind in deposit_due.alternatives if kind == "text/html"
    ]
    assert len(html) == 1 and "{{" not in html[0]

    (job,) = [
        edge["node"]
        for edge in staff_api.query(JOBS, {"search": number})["productionJobs"]["edges"]
        if edge["node"]["order"]["number"] == number
    ]
    advanced = staff_api.query(ADVANCE, {"id": job["id"], "version": job["version"]})[
        "productionJobAdvance"
    ]
    assert advanced["openOrderErrors"] == []
    stage = advanced["job"]["currentStageLabel"]
    subjects = [m.subject for m in mails_about(number)]
    assert subjects[1:] == [
        'Order #%s: Kaos Sablon Custom is now "%s"' % (number, stage)
    ], (ON_SALEOR3, subjects)
