"""The payment gates: production waits for the deposit, fulfillment for the
balance (unless it is due on delivery); each can be switched off."""

from saleor.order.models import Fulfillment

from openorder_plugin.saleor2.plugin import OpenOrderPlugin

from .payments_helpers import (
    DUMMY,
    fully_paid_events,
    place,
    place_with_deposit,
    record,
    saved,
    set_policy,
    warehouse_id,
)
from .production_helpers import (
    ORDER_FULFILL,
    advance,
    advance_ok,
    fulfill_input,
    jobs_of,
)
from .test_foundation import PLUGIN_UPDATE

SHIRT = 92000
SHIPPING = 20000


def configure(staff_api, **values):
    data = staff_api.query(
        PLUGIN_UPDATE,
        {
            "id": OpenOrderPlugin.PLUGIN_ID,
            "input": {
                "active": True,
                "configuration": [{"name": k, "value": v} for k, v in values.items()],
            },
        },
    )["pluginUpdate"]
    assert data["pluginsErrors"] == []


def to_stage(staff_api, job, stage):
    while job["currentStage"] != stage:
        job = advance_ok(staff_api, job)
    return job


def test_production_waits_for_the_deposit(api, staff_api, demo_shop):
    # A card authorisation only: the deposit is still due.
    order = place(
        api, demo_shop, [("kaos-custom", 1)], gateway=DUMMY, token="not-charged"
    )
    (job,) = jobs_of(staff_api, order["number"])

    job = advance_ok(staff_api, job)  # RECEIVED -> CONFIRMED is allowed
    assert job["currentStage"] == "CONFIRMED"
    refused = advance(staff_api, job)
    assert [(e["field"], e["code"]) for e in refused["openOrderErrors"]] == [
        ("toStage", "DEPOSIT_NOT_PAID")
    ]
    assert "Rp 46,000" in refused["openOrderErrors"][0]["message"]
    skipped = advance(staff_api, job, toStage="READY")
    assert [e["code"] for e in skipped["openOrderErrors"]] == ["DEPOSIT_NOT_PAID"]
    assert saved(order).production_jobs.get().current_stage == "CONFIRMED"

    paid = record(staff_api, order, SHIRT / 2, "deposit")
    assert paid["openOrderErrors"] == []
    job = advance_ok(staff_api, job)
    assert job["currentStage"] == "IN_PRODUCTION"


def test_the_deposit_gate_can_be_switched_off(api, staff_api, demo_shop):
    configure(staff_api, **{"Deposit before production": False})
    order = place(
        api, demo_shop, [("kaos-custom", 1)], gateway=DUMMY, token="not-charged"
    )
    (job,) = jobs_of(staff_api, order["number"])

    job = advance_ok(staff_api, job, toStage="IN_PRODUCTION")
    assert job["currentStage"] == "IN_PRODUCTION"


def fulfill(staff_api, order):
    return staff_api.query(
        ORDER_FULFILL,
        {"order": order["id"], "input": fulfill_input(order, warehouse_id())},
    )["orderFulfill"]


def test_fulfillment_waits_for_the_balance(api, staff_api, demo_shop):
    order = place_with_deposit(api, staff_api, demo_shop, [("kaos-custom", 1)])
    (job,) = jobs_of(staff_api, order["number"])
    to_stage(staff_api, job, "READY")

    refused = fulfill(staff_api, order)
    assert refused["fulfillments"] is None
    assert [(e["field"], e["code"]) for e in refused["orderErrors"]] == [
        ("order", "PAYMENT_ERROR")
    ]
    assert "balance" in refused["orderErrors"][0]["message"]
    assert not Fulfillment.objects.filter(order__token=order["token"]).exists()

    assert (
        record(staff_api, order, SHIRT / 2 + SHIPPING, "balance")["openOrderErrors"]
        == []
    )
    shipped = fulfill(staff_api, order)
    assert shipped["orderErrors"] == []
    assert shipped["order"]["status"] == "FULFILLED"
    assert fully_paid_events(order) == 1


def test_a_balance_due_on_delivery_does_not_hold_fulfillment(api, staff_api, demo_shop):
    order = place_with_deposit(
        api, staff_api, demo_shop, [("kue-ulang-tahun-custom", 1)]
    )
    (job,) = jobs_of(staff_api, order["number"])
    to_stage(staff_api, job, "READY")

    shipped = fulfill(staff_api, order)

    assert shipped["orderErrors"] == []
    assert shipped["order"]["status"] == "FULFILLED"


def test_an_unpaid_deposit_holds_fulfillment_even_on_delivery(
    api, staff_api, demo_shop
):
    configure(staff_api, **{"Deposit before production": False})
    set_policy("kue-ulang-tahun-type", deposit_type="FIXED", deposit_value=100000)
    order = place(
        api,
        demo_shop,
        [("kue-ulang-tahun-custom", 1)],
        gateway=DUMMY,
        token="not-charged",
    )
    (job,) = jobs_of(staff_api, order["number"])
    to_stage(staff_api, job, "READY")

    refused = fulfill(staff_api, order)
    assert [e["code"] for e in refused["orderErrors"]] == ["PAYMENT_ERROR"]
    assert "deposit" in refused["orderErrors"][0]["message"]


def test_the_balance_gate_can_be_switched_off(api, staff_api, demo_shop):
    configure(staff_api, **{"Balance before fulfillment": False})
    order = place_with_deposit(api, staff_api, demo_shop, [("kaos-custom", 1)])
    (job,) = jobs_of(staff_api, order["number"])
    to_stage(staff_api, job, "READY")

    assert fulfill(staff_api, order)["orderErrors"] == []
