"""Design approval (ACC desain) through the API on the host the suite runs
on: the merchant names the stage the buyer approves at; staff send a proof;
the buyer, with the order's token, asks for changes or approves; the job
cannot pass that stage until the latest round is approved; every round is
kept. Only the buyer and staff see a proof, and bad input changes nothing."""

import threading

import requests
from graphene import Node

from openorder_plugin.models import DesignProof, Notification

from ..client import ApiClient
from .test_batches_api import ADVANCE, codes, jobs_of, kaos_type_id
from .test_payment_proofs_api import receipt_png
from .test_payments_api import DEPOSIT, open_order, record

ERRORS = "openOrderErrors { field code message }"
PROOF = """
  id version stage stageLabel status productName note comment
  fileName contentType url createdAt answeredAt
"""

SET_APPROVAL = (
    """
mutation($id: ID!, $stage: String) {
  productTypeMadeToOrderUpdate(productTypeId: $id, input: {approvalStage: $stage}) {
    madeToOrderSettings { approvalStage }
    %s
  }
}
"""
    % ERRORS
)

UPLOAD = """
mutation($jobId: ID!, $file: Upload!, $note: String) {
  productionProofUpload(jobId: $jobId, file: $file, note: $note) {
    designProof { %s }
    job { id approvalStage designProofs { version status } }
    %s
  }
}
""" % (PROOF, ERRORS)

APPROVE = """
mutation($token: UUID!, $proofId: ID!) {
  productionProofApprove(token: $token, proofId: $proofId) {
    designProof { %s }
    %s
  }
}
""" % (PROOF, ERRORS)

CHANGES = """
mutation($token: UUID!, $proofId: ID!, $comment: String!) {
  productionProofRequestChanges(token: $token, proofId: $proofId, comment: $comment) {
    designProof { %s }
    %s
  }
}
""" % (PROOF, ERRORS)

BUYER_VIEW = (
    """
query($token: UUID!) {
  madeToOrderOrder(token: $token) { designProofs { %s } }
}
"""
    % PROOF
)


def send(staff_api, job, note="Mock-up depan dan belakang", content=None):
    return staff_api.upload(
        UPLOAD,
        {"jobId": job["id"], "file": None, "note": note},
        "file",
        "mockup.png",
        receipt_png() if content is None else content,
        "image/png",
    )["productionProofUpload"]


def advance(staff_api, job, to_stage):
    return staff_api.query(
        ADVANCE, {"id": job["id"], "version": job["version"], "toStage": to_stage}
    )["productionJobAdvance"]


def approval_job(api, staff_api, demo_shop):
    """A T-shirt order whose type asks the buyer to approve at CONFIRMED,
    its deposit paid, its job at CONFIRMED."""
    result = staff_api.query(
        SET_APPROVAL, {"id": kaos_type_id(demo_shop), "stage": "CONFIRMED"}
    )["productTypeMadeToOrderUpdate"]
    assert result["openOrderErrors"] == []
    assert result["madeToOrderSettings"]["approvalStage"] == "CONFIRMED"
    order = open_order(api, demo_shop)
    assert record(staff_api, order["id"], DEPOSIT, key="dp")["openOrderErrors"] == []
    (job,) = jobs_of(staff_api, order)
    moved = advance(staff_api, job, "CONFIRMED")
    assert moved["openOrderErrors"] == []
    (job,) = jobs_of(staff_api, order)
    return order, job


def test_the_job_waits_for_the_buyers_approval_of_the_latest_round(
    api, staff_api, demo_shop
):
    order, job = approval_job(api, staff_api, demo_shop)
    # No proof yet: production cannot start.
    refused = advance(staff_api, job, "IN_PRODUCTION")
    assert codes(refused) == [("toStage", "PROOF_NOT_APPROVED")]
    assert "send the buyer a proof first" in refused["openOrderErrors"][0]["message"]

    first = send(staff_api, job)
    assert first["openOrderErrors"] == []
    proof = first["designProof"]
    assert (proof["version"], proof["stage"], proof["status"]) == (
        1,
        "CONFIRMED",
        "PENDING",
    )
    assert first["job"]["approvalStage"] == "CONFIRMED"
    assert Notification.objects.filter(kind="design_proof_ready").count() == 1
    (job,) = jobs_of(staff_api, order)
    assert codes(advance(staff_api, job, "IN_PRODUCTION")) == [
        ("toStage", "PROOF_NOT_APPROVED")
    ]

    # The buyer sees the proof on their order and asks for changes.
    seen = api.query(BUYER_VIEW, {"token": order["token"]})["madeToOrderOrder"]
    assert [(p["id"], p["status"]) for p in seen["designProofs"]] == [
        (proof["id"], "PENDING")
    ]
    assert seen["designProofs"][0]["note"] == "Mock-up depan dan belakang"
    empty = api.query(
        CHANGES, {"token": order["token"], "proofId": proof["id"], "comment": " "}
    )
    assert codes(empty["productionProofRequestChanges"]) == [("comment", "REQUIRED")]
    changes = api.query(
        CHANGES,
        {
            "token": order["token"],
            "proofId": proof["id"],
            "comment": "Tulisan HALO lebih besar, warna putih.",
        },
    )["productionProofRequestChanges"]
    assert changes["openOrderErrors"] == []
    assert changes["designProof"]["status"] == "CHANGES_REQUESTED"
    assert changes["designProof"]["comment"] == "Tulisan HALO lebih besar, warna putih."
    # An answered round cannot be approved afterwards.
    late = api.query(APPROVE, {"token": order["token"], "proofId": proof["id"]})
    assert codes(late["productionProofApprove"]) == [("proofId", "INVALID_TRANSITION")]
    (job,) = jobs_of(staff_api, order)
    refused = advance(staff_api, job, "READY")  # skipping ahead is no way round
    assert codes(refused) == [("toStage", "PROOF_NOT_APPROVED")]

    # Round 2, then round 3 before the buyer answered: round 2 is replaced.
    second = send(staff_api, job, note="Revisi 1")["designProof"]
    third = send(staff_api, job, note="Revisi 1, huruf dirapikan")["designProof"]
    assert (second["version"], third["version"]) == (2, 3)
    replaced = api.query(APPROVE, {"token": order["token"], "proofId": second["id"]})
    assert codes(replaced["productionProofApprove"]) == [
        ("proofId", "INVALID_TRANSITION")
    ]

    approved = api.query(APPROVE, {"token": order["token"], "proofId": third["id"]})[
        "productionProofApprove"
    ]
    assert approved["openOrderErrors"] == []
    assert approved["designProof"]["status"] == "APPROVED"
    assert approved["designProof"]["answeredAt"]
    again = api.query(APPROVE, {"token": order["token"], "proofId": third["id"]})
    assert again["productionProofApprove"]["openOrderErrors"] == []
    # The approved specs are kept with the round.
    kept = DesignProof.objects.get(version=3)
    assert {s["code"]: s["value"] for s in kept.approved_specs}["print_text"] == "HALO"

    (job,) = jobs_of(staff_api, order)
    assert advance(staff_api, job, "IN_PRODUCTION")["openOrderErrors"] == []
    # Every round is kept, in order.
    rounds = api.query(BUYER_VIEW, {"token": order["token"]})["madeToOrderOrder"][
        "designProofs"
    ]
    assert [(p["version"], p["status"]) for p in rounds] == [
        (1, "CHANGES_REQUESTED"),
        (2, "SUPERSEDED"),
        (3, "APPROVED"),
    ]
    # Past the approval stage no new proof is sent (move the job back first).
    (job,) = jobs_of(staff_api, order)
    assert codes(send(staff_api, job)) == [("jobId", "INVALID_TRANSITION")]


def test_only_the_buyer_and_staff_see_and_answer_a_proof(
    api, staff_api, customer_api, demo_shop
):
    order, job = approval_job(api, staff_api, demo_shop)
    content = receipt_png()
    proof = send(staff_api, job, content=content)["designProof"]
    url = api.base_url + proof["url"]
    assert requests.get(url, params={"token": order["token"]}, timeout=30).content == (
        content
    )
    assert requests.get(url, headers=staff_api.headers(), timeout=30).status_code == 200
    other = open_order(api, demo_shop)
    for params, headers in (({}, {}), ({"token": other["token"]}, {})):
        assert (
            requests.get(url, params=params, headers=headers, timeout=30).status_code
            == 404
        )
    # Another order's token cannot answer it, nor see it.
    stranger = api.query(APPROVE, {"token": other["token"], "proofId": proof["id"]})
    assert codes(stranger["productionProofApprove"]) == [("proofId", "NOT_FOUND")]
    assert DesignProof.objects.get().status == "PENDING"
    mine = api.query(BUYER_VIEW, {"token": other["token"]})["madeToOrderOrder"]
    assert mine["designProofs"] == []
    # Buyers cannot send proofs.
    body = customer_api.execute(
        'mutation($jobId: ID!) { productionProofUpload(jobId: $jobId, file: "0") { designProof { id } } }',
        {"jobId": job["id"]},
    )
    assert body["data"]["productionProofUpload"] is None and body["errors"]


def test_bad_proofs_are_refused_and_change_nothing(api, staff_api, demo_shop):
    order, job = approval_job(api, staff_api, demo_shop)
    script = send(staff_api, job, content=b"<svg onload=alert(1)>")
    assert codes(script) == [("file", "FILE_TYPE_NOT_ALLOWED")]
    assert codes(send(staff_api, job, note="x" * 1001)) == [("note", "TOO_LONG")]
    bad_id = api.query(
        APPROVE,
        {"token": order["token"], "proofId": Node.to_global_id("DesignProof", "x")},
    )
    assert codes(bad_id["productionProofApprove"]) == [("proofId", "INVALID")]
    assert DesignProof.objects.count() == 0
    # A type without an approval stage has nothing to approve.
    staff_api.query(SET_APPROVAL, {"id": kaos_type_id(demo_shop), "stage": ""})
    plain = open_order(api, demo_shop)
    (plain_job,) = jobs_of(staff_api, plain)
    assert codes(send(staff_api, plain_job)) == [("jobId", "INVALID")]
    unknown = staff_api.query(
        SET_APPROVAL, {"id": kaos_type_id(demo_shop), "stage": "NOPE"}
    )["productTypeMadeToOrderUpdate"]
    assert codes(unknown) == [("input.approvalStage", "INVALID")]


def test_rounds_sent_at_once_from_two_phones_each_get_their_own_number(
    api, staff_api, demo_shop
):
    order, job = approval_job(api, staff_api, demo_shop)
    start = threading.Barrier(4)
    results = []

    def send_from_a_phone():
        phone = ApiClient(staff_api.base_url, token=staff_api.token)
        start.wait()
        results.append(send(phone, job, note="Mock-up"))

    threads = [threading.Thread(target=send_from_a_phone) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r["openOrderErrors"] for r in results] == [[]] * 4
    assert sorted(r["designProof"]["version"] for r in results) == [1, 2, 3, 4]
    # One round waits for the buyer: the newest.
    statuses = dict(DesignProof.objects.values_list("version", "status"))
    assert statuses == {1: "SUPERSEDED", 2: "SUPERSEDED", 3: "SUPERSEDED", 4: "PENDING"}
