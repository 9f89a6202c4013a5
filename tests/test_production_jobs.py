"""Production jobs through GraphQL: from the order to the last stage and the
fulfillment, rework, hold and resume, staff updates, cancellation and the
fulfillment gate."""

import datetime

from django.core import mail
from graphene import Node
from saleor.order.models import Fulfillment, Order, OrderEvent
from saleor.warehouse.models import Warehouse

from openorder_plugin.l10n import format_date
from openorder_plugin.models import CapacityReservation, ProductionJob

from .production_helpers import (
    HOLD,
    JOB,
    ORDER_CANCEL,
    ORDER_FULFILL,
    ORDER_HISTORY,
    RESUME,
    UPDATE,
    advance,
    advance_ok,
    fulfill_input,
    jobs_of,
    place_order,
)

KAOS_STAGES = ["RECEIVED", "CONFIRMED", "IN_PRODUCTION", "QUALITY_CHECK", "READY"]


def warehouse_id():
    return Node.to_global_id(
        "Warehouse", Warehouse.objects.get(slug="gudang-bandung").pk
    )


def stage_mails(order_number):
    return [m for m in mail.outbox if m.subject.startswith("Order #%s:" % order_number)]


def test_a_job_lives_from_the_order_to_its_last_stage_and_fulfillment(
    api, staff_api, demo_shop
):
    order = place_order(api, demo_shop, [("kaos-custom", 2), ("tas-kanvas", 1)])

    jobs = jobs_of(staff_api, order["number"])
    # Only the made-to-order line gets a job; ready stock stays Saleor's.
    assert len(jobs) == 1
    job = jobs[0]
    assert job["productName"] == "Kaos Sablon Custom"
    assert job["quantity"] == 2
    assert [s["code"] for s in job["stages"]] == KAOS_STAGES
    assert job["stages"][1]["label"] == "Design confirmed"
    assert job["currentStage"] == "RECEIVED"
    assert job["status"] == "ACTIVE"
    assert job["version"] == 1
    assert job["order"]["number"] == order["number"]
    assert job["order"]["userEmail"] == "pembeli@openorder.test"
    assert job["promisedDate"] is not None
    assert [e["type"] for e in job["events"]] == ["CREATED"]
    kaos_line = next(ln for ln in order["lines"] if ln["productSku"] == "KAOS-CUSTOM")
    assert job["orderLine"]["id"] == kaos_line["id"]

    mail.outbox.clear()
    for expected in KAOS_STAGES[1:]:
        before = job["version"]
        job = advance_ok(staff_api, job, note="")
        assert job["currentStage"] == expected
        assert job["version"] == before + 1
    assert job["isLastStage"] is True

    # Every change was recorded: from, to, who.
    changes = [e for e in job["events"] if e["type"] == "STAGE_CHANGED"]
    assert [(e["fromStage"], e["toStage"]) for e in changes] == list(
        zip(KAOS_STAGES, KAOS_STAGES[1:])
    )
    assert {e["user"]["email"] for e in changes} == {"staff@openorder.test"}

    # ...and shows in Saleor's own order history.
    history = staff_api.query(ORDER_HISTORY, {"id": order["id"]})["order"]["events"]
    notes = [e["message"] for e in history if e["type"] == "NOTE_ADDED"]
    assert (
        "Production: Kaos Sablon Custom × 2 moved from Received to Design confirmed."
        in notes
    )
    assert len([n for n in notes if n.startswith("Production: ")]) == 4

    # The buyer got one e-mail per stage change.
    mails = stage_mails(order["number"])
    assert len(mails) == 4
    assert all(m.to == ["pembeli@openorder.test"] for m in mails)
    assert '"Ready to ship"' in mails[-1].subject

    # There is nothing after the last stage.
    result = advance(staff_api, job)
    assert result["openOrderErrors"][0]["code"] == "INVALID_TRANSITION"

    # At its last stage the line ships without any override.
    result = staff_api.query(
        ORDER_FULFILL,
        {"order": order["id"], "input": fulfill_input(order, warehouse_id())},
    )["orderFulfill"]
    assert result["orderErrors"] == []
    assert result["order"]["status"] == "FULFILLED"


def test_rework_needs_a_note_and_skipping_ahead_works(api, staff_api, demo_shop):
    order = place_order(api, demo_shop, [("kaos-custom", 1)])
    (job,) = jobs_of(staff_api, order["number"])
    job = advance_ok(staff_api, job, toStage="IN_PRODUCTION")  # skip ahead
    assert job["currentStage"] == "IN_PRODUCTION"

    result = advance(staff_api, job, toStage="CONFIRMED")
    assert result["openOrderErrors"] == [
        {
            "field": "note",
            "code": "NOTE_REQUIRED",
            "message": "Moving a job back (rework) needs a note saying why.",
        }
    ]
    result = advance(staff_api, job, toStage="CONFIRMED", note="   ")
    assert result["openOrderErrors"][0]["code"] == "NOTE_REQUIRED"
    result = advance(staff_api, job, toStage="PACKING")
    assert result["openOrderErrors"][0]["code"] == "INVALID_TRANSITION"
    assert result["openOrderErrors"][0]["field"] == "toStage"
    result = advance(staff_api, job, toStage="IN_PRODUCTION")
    assert result["openOrderErrors"][0]["code"] == "INVALID_TRANSITION"
    # Refused changes changed nothing.
    unchanged = staff_api.query(JOB, {"id": job["id"]})["productionJob"]
    assert unchanged["version"] == job["version"]
    assert unchanged["currentStage"] == "IN_PRODUCTION"

    job = advance_ok(
        staff_api, job, toStage="CONFIRMED", note="Print colour wrong, redo the screen"
    )
    assert job["currentStage"] == "CONFIRMED"
    rework = job["events"][-1]
    assert rework["type"] == "STAGE_CHANGED"
    assert (rework["fromStage"], rework["toStage"]) == ("IN_PRODUCTION", "CONFIRMED")
    assert rework["note"] == "Print colour wrong, redo the screen"
    history = staff_api.query(ORDER_HISTORY, {"id": order["id"]})["order"]["events"]
    assert any(
        e["message"]
        == "Production rework: Kaos Sablon Custom × 1 moved from Printing (sablon) to "
        "Design confirmed. Note: Print colour wrong, redo the screen"
        for e in history
    )


def test_hold_and_resume(api, staff_api, demo_shop):
    order = place_order(api, demo_shop, [("kue-ulang-tahun-custom", 1)])
    (job,) = jobs_of(staff_api, order["number"])

    result = staff_api.query(
        HOLD, {"id": job["id"], "reason": " ", "version": job["version"]}
    )
    assert result["productionJobHold"]["openOrderErrors"][0]["code"] == "REQUIRED"

    result = staff_api.query(
        HOLD, {"id": job["id"], "reason": "Waiting for the buyer's photo", "version": 1}
    )["productionJobHold"]
    assert result["openOrderErrors"] == []
    held = result["job"]
    assert held["status"] == "ON_HOLD"
    assert held["holdReason"] == "Waiting for the buyer's photo"
    assert held["version"] == 2

    result = advance(staff_api, held)
    assert result["openOrderErrors"][0]["code"] == "JOB_ON_HOLD"
    result = staff_api.query(HOLD, {"id": job["id"], "reason": "again", "version": 2})
    assert result["productionJobHold"]["openOrderErrors"][0]["code"] == "JOB_ON_HOLD"
    # A stale version is a conflict, whatever the change.
    result = staff_api.query(RESUME, {"id": job["id"], "version": 1})
    assert result["productionJobResume"]["openOrderErrors"][0]["code"] == "CONFLICT"

    result = staff_api.query(RESUME, {"id": job["id"], "version": 2})[
        "productionJobResume"
    ]
    assert result["openOrderErrors"] == []
    resumed = result["job"]
    assert resumed["status"] == "ACTIVE"
    assert resumed["holdReason"] is None
    result = staff_api.query(RESUME, {"id": job["id"], "version": 3})
    assert (
        result["productionJobResume"]["openOrderErrors"][0]["code"]
        == "INVALID_TRANSITION"
    )

    job = advance_ok(staff_api, resumed)
    assert job["currentStage"] == "CONFIRMED"
    assert [e["type"] for e in job["events"]] == [
        "CREATED",
        "HELD",
        "RESUMED",
        "STAGE_CHANGED",
    ]


def test_staff_update_due_date_assignee_and_notes(api, staff_api, demo_shop):
    order = place_order(api, demo_shop, [("rangkaian-bunga-custom", 1)])
    (job,) = jobs_of(staff_api, order["number"])
    promised = datetime.date.fromisoformat(job["promisedDate"])
    staff = demo_shop["staff"]
    customer = demo_shop["customer"]

    def update(input, version):
        return staff_api.query(
            UPDATE, {"id": job["id"], "input": input, "version": version}
        )["productionJobUpdate"]

    ordered_on = Order.objects.get(token=order["token"]).created.date()
    result = update(
        {"dueDate": (ordered_on - datetime.timedelta(days=2)).isoformat()}, 1
    )
    assert result["openOrderErrors"][0]["field"] == "input.dueDate"
    assert result["openOrderErrors"][0]["code"] == "INVALID_DATE"
    result = update({"assignee": Node.to_global_id("User", customer.pk)}, 1)
    assert result["openOrderErrors"][0]["field"] == "input.assignee"
    result = update({}, 1)
    assert result["openOrderErrors"][0]["code"] == "REQUIRED"

    mail.outbox.clear()
    later = promised + datetime.timedelta(days=3)
    result = update(
        {
            "dueDate": later.isoformat(),
            "assignee": Node.to_global_id("User", staff.pk),
            "note": "Orchids arrive Thursday",
        },
        1,
    )
    assert result["openOrderErrors"] == []
    updated = result["job"]
    assert updated["promisedDate"] == later.isoformat()
    assert updated["assignee"] == {"email": "staff@openorder.test"}
    assert updated["notes"] == "Orchids arrive Thursday"
    assert updated["version"] == 2
    assert updated["events"][-1]["type"] == "DUE_DATE_CHANGED"

    # The buyer hears of the new date, once.
    (notice,) = [m for m in mail.outbox if "new date" in m.subject]
    assert notice.to == ["pembeli@openorder.test"]
    assert format_date(later, "en") in notice.body
    assert format_date(promised, "en") in notice.body
    assert "Orchids" not in notice.body

    # An earlier date is no delay: no notice; unassigning works.
    mail.outbox.clear()
    result = update({"dueDate": promised.isoformat(), "assignee": None}, 2)
    assert result["openOrderErrors"] == []
    assert result["job"]["assignee"] is None
    assert mail.outbox == []


def test_cancelling_the_order_cancels_its_jobs_and_frees_capacity(
    api, staff_api, demo_shop
):
    order = place_order(
        api, demo_shop, [("kaos-custom", 3), ("kue-ulang-tahun-custom", 1)]
    )
    jobs = jobs_of(staff_api, order["number"])
    assert len(jobs) == 2
    saved = Order.objects.get(token=order["token"])
    job = ProductionJob.objects.filter(order=saved).first()
    # Whatever checkout reserved, plus a reservation of this order's line.
    CapacityReservation.objects.create(
        product_type=job.product_type,
        order=saved,
        order_line=job.order_line,
        day=datetime.date.today(),
        quantity=3,
    )
    other = place_order(api, demo_shop, [("kaos-custom", 1)])
    other_order = Order.objects.get(token=other["token"])
    kept = CapacityReservation.objects.create(
        product_type=job.product_type,
        order=other_order,
        day=datetime.date.today(),
        quantity=1,
    )

    result = staff_api.query(ORDER_CANCEL, {"id": order["id"]})["orderCancel"]
    assert result["orderErrors"] == []
    assert result["order"]["status"] == "CANCELED"

    jobs = jobs_of(staff_api, order["number"])
    assert {j["status"] for j in jobs} == {"CANCELLED"}
    assert all(j["events"][-1]["type"] == "CANCELLED" for j in jobs)
    assert not CapacityReservation.objects.filter(order=saved, released=False).exists()
    kept.refresh_from_db()
    assert kept.released is False
    # Another order's jobs go on.
    (other_job,) = jobs_of(staff_api, other["number"])
    assert other_job["status"] == "ACTIVE"

    result = advance(staff_api, jobs[0])
    assert result["openOrderErrors"][0]["code"] == "JOB_CANCELLED"


def test_fulfillment_gate(api, staff_api, demo_shop):
    order = place_order(api, demo_shop, [("kaos-custom", 1), ("tas-kanvas", 2)])
    (job,) = jobs_of(staff_api, order["number"])
    kaos_line = next(ln for ln in order["lines"] if ln["productSku"] == "KAOS-CUSTOM")
    tote_line = next(ln for ln in order["lines"] if ln["productSku"] == "TAS-KANVAS")

    # Not at its last stage: refused, with an OrderError naming the line.
    result = staff_api.query(
        ORDER_FULFILL,
        {"order": order["id"], "input": fulfill_input(order, warehouse_id())},
    )["orderFulfill"]
    assert result["fulfillments"] is None
    (error,) = result["orderErrors"]
    assert error["code"] == "FULFILL_ORDER_LINE"
    assert error["field"] == "lines"
    assert error["orderLine"] == kaos_line["id"]
    assert "still in production" in error["message"]
    assert "overrideProductionGate" in error["message"]
    assert not Fulfillment.objects.filter(order__token=order["token"]).exists()

    # Ready stock ships as in Saleor.
    result = staff_api.query(
        ORDER_FULFILL,
        {
            "order": order["id"],
            "input": fulfill_input(order, warehouse_id(), [tote_line]),
        },
    )["orderFulfill"]
    assert result["orderErrors"] == []
    assert result["order"]["status"] == "PARTIALLY_FULFILLED"

    # An explicit override ships it, and says so in the order's history.
    result = staff_api.query(
        ORDER_FULFILL,
        {
            "order": order["id"],
            "input": fulfill_input(order, warehouse_id(), [kaos_line]),
            "override": True,
        },
    )["orderFulfill"]
    assert result["orderErrors"] == []
    assert result["order"]["status"] == "FULFILLED"
    assert OrderEvent.objects.filter(
        order__token=order["token"],
        parameters__message__startswith="Fulfilled before production finished",
    ).exists()
    # The job itself is untouched by shipping.
    assert (
        staff_api.query(JOB, {"id": job["id"]})["productionJob"]["currentStage"]
        == "RECEIVED"
    )


def test_board_filters_jobs_by_assignee(api, staff_api, demo_shop):
    from graphene import Node
    from saleor.account.models import User

    from .production_helpers import JOBS, UPDATE, place_order

    order = place_order(
        api, demo_shop, [("kaos-custom", 1), ("rangkaian-bunga-custom", 1)]
    )
    first, second = jobs_of(staff_api, order["number"])
    staff_id = Node.to_global_id(
        "User", User.objects.get(email="staff@openorder.test").pk
    )
    assigned = staff_api.query(
        UPDATE,
        {
            "id": first["id"],
            "input": {"assignee": staff_id},
            "version": first["version"],
        },
    )["productionJobUpdate"]
    assert assigned["openOrderErrors"] == []

    data = staff_api.query(JOBS, {"first": 10, "filter": {"assignees": [staff_id]}})
    assert [e["node"]["id"] for e in data["productionJobs"]["edges"]] == [first["id"]]
    assert data["productionJobs"]["totalCount"] == 1
