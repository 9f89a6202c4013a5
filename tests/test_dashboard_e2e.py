"""The production board end to end: the built app in headless Chromium
(Debian's chromium driven by Playwright) against the live server and the
test database, each outcome checked afterwards through GraphQL reads."""
import datetime

import pytest
from django.utils import timezone

from openorder_plugin.demo import catalog
from openorder_plugin.models import ProductionJob

from .dashboard_helpers import run_scenario
from .production_helpers import JOB, place_order
from .specs_helpers import add_custom, days_from_today, empty_checkout
from .storefront import pay_and_complete, set_shipping_address, variant_id

INJECTION = "<img src=x onerror=alert(1)>"

MADE_TO_ORDER_PRODUCT = """
query($slug: String!) {
  madeToOrderProduct(slug: $slug) {
    specFields { code label type required choices { value label } }
  }
}
"""


@pytest.fixture
def staff_login():
    return {"email": catalog.STAFF_EMAIL, "password": catalog.STAFF_PASSWORD}


def order_cake(api, demo_shop, message):
    """A cake ordered through the storefront flow with `message` as its text."""
    checkout = empty_checkout(api)
    specs = [
        {"code": "size", "value": "18cm"},
        {"code": "flavour", "value": "pandan"},
        {"code": "message", "value": message},
        {"code": "date_wanted", "value": days_from_today(10)},
    ]
    product = demo_shop["products"]["kue-ulang-tahun-custom"]
    added = add_custom(api, checkout, [{"variantId": variant_id(product), "quantity": 1, "specs": specs}])
    assert added["openOrderErrors"] == [], added["openOrderErrors"]
    result = pay_and_complete(api, set_shipping_address(api, checkout))
    assert result["checkoutErrors"] == [], result["checkoutErrors"]
    return result["order"]


def only_job(order):
    # Saleor 2.10's order number is its primary key.
    return ProductionJob.objects.get(order_id=int(order["number"]))


def read_job(staff_api, job):
    from graphene import Node

    return staff_api.query(JOB, {"id": Node.to_global_id("ProductionJob", job.pk)})["productionJob"]


def test_staff_find_a_late_job_and_advance_it(api, staff_api, demo_shop, staff_login, tmp_path):
    late_order = place_order(api, demo_shop, [("kaos-custom", 2)])
    on_time_order = place_order(api, demo_shop, [("rangkaian-bunga-custom", 1)])
    late = only_job(late_order)
    # Time passed: the promised date is behind us and the job is not ready.
    ProductionJob.objects.filter(pk=late.pk).update(
        promised_date=timezone.localdate() - datetime.timedelta(days=2)
    )
    before = read_job(staff_api, late)

    seen = run_scenario(
        "advanceLateJob",
        api.base_url,
        dict(staff_login, lateOrder=late_order["number"], onTimeOrder=on_time_order["number"]),
        screenshots=tmp_path,
    )

    after = read_job(staff_api, late)
    position = [s["code"] for s in before["stages"]].index(before["currentStage"])
    assert after["currentStage"] == before["stages"][position + 1]["code"]
    assert seen["after"] == after["currentStageLabel"]
    assert after["version"] == before["version"] + 1
    change = after["events"][-1]
    assert change["type"] == "STAGE_CHANGED"
    assert change["user"]["email"] == catalog.STAFF_EMAIL
    assert all(open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n" for path in seen["screenshots"])


def test_a_second_session_gets_a_conflict_and_sees_the_first_change(api, staff_api, demo_shop, staff_login):
    order = place_order(api, demo_shop, [("kaos-custom", 1)])
    job = only_job(order)
    before = read_job(staff_api, job)

    seen = run_scenario("conflict", api.base_url, dict(staff_login, order=order["number"]))

    after = read_job(staff_api, job)
    stages = [s["code"] for s in before["stages"]]
    # One move applied, not two.
    assert stages.index(after["currentStage"]) == stages.index(before["currentStage"]) + 1
    assert after["version"] == before["version"] + 1 == seen["version"]
    assert [e["type"] for e in after["events"]].count("STAGE_CHANGED") == 1
    assert seen["firstStage"] == after["currentStageLabel"]
    assert "Someone else changed this job" in seen["notice"]


def test_the_settings_editor_creates_a_field_the_storefront_reads(api, staff_api, demo_shop, staff_login, tmp_path):
    field = {
        "code": "gift_wrap",
        "label": "Gift wrap",
        "type": "CHOICE",
        "choices": ["none|No wrap", "paper|Paper|5000"],
    }
    seen = run_scenario(
        "createSpecField",
        api.base_url,
        dict(
            staff_login,
            productTypeName=demo_shop["products"]["kaos-custom"].product_type.name,
            field=field,
        ),
        screenshots=tmp_path,
    )

    # The live preview showed the buyer's select before the field was saved.
    assert seen["previewOptions"] == ["Select…", "No wrap", "Paper (+IDR\xa05,000)"]
    product = api.query(MADE_TO_ORDER_PRODUCT, {"slug": "kaos-custom"})["madeToOrderProduct"]
    created = [f for f in product["specFields"] if f["code"] == "gift_wrap"]
    assert created == [
        {
            "code": "gift_wrap",
            "label": "Gift wrap",
            "type": "CHOICE",
            "required": True,
            "choices": [{"value": "none", "label": "No wrap"}, {"value": "paper", "label": "Paper"}],
        }
    ]
    assert product["specFields"][-1]["code"] == "gift_wrap"


def test_a_script_in_a_spec_is_shown_as_text(api, staff_api, demo_shop, staff_login):
    order = order_cake(api, demo_shop, INJECTION)
    job = only_job(order)
    specs = {s["code"]: s["value"] for s in read_job(staff_api, job)["specs"]}
    assert specs["message"] == INJECTION  # stored as the buyer typed it

    seen = run_scenario(
        "injectionShownAsText",
        api.base_url,
        dict(staff_login, order=order["number"], specCode="message", value=INJECTION),
    )

    assert seen["text"] == INJECTION
    assert seen["images"] == 0
    assert seen["dialogs"] == []


ORDER_SCHEDULE = """
query($id: ID!) {
  orderPaymentSchedule(orderId: $id) {
    outstanding { amount }
    installments { kind status amount { amount } paidAmount { amount } }
  }
  order(id: $id) { paymentStatus }
}
"""


def test_a_days_work_on_a_job_from_its_page(api, staff_api, demo_shop, staff_login):
    from .payments_helpers import place, set_policy

    set_policy("kaos-type", deposit_type="NONE", deposit_value=0)
    order = place(api, demo_shop, [("kaos-custom", 1)])  # pay later: nothing charged yet
    job = only_job(order)
    before = staff_api.query(ORDER_SCHEDULE, {"id": order["id"]})
    assert before["order"]["paymentStatus"] == "NOT_CHARGED"
    owed = before["orderPaymentSchedule"]["outstanding"]["amount"]
    new_date = (timezone.localdate() + datetime.timedelta(days=9)).isoformat()

    seen = run_scenario(
        "jobActions",
        api.base_url,
        dict(
            staff_login,
            order=order["number"],
            customerEmail="pembeli@openorder.test",
            amount=50000,
            newDate=new_date,
            assignee=catalog.STAFF_EMAIL,
        ),
    )

    after = read_job(staff_api, job)
    assert after["promisedDate"] == new_date
    assert after["assignee"]["email"] == catalog.STAFF_EMAIL
    assert after["notes"] == "Use the navy ink."
    assert after["status"] == "ACTIVE"
    assert after["currentStage"] == after["stages"][0]["code"]
    types = [e["type"] for e in after["events"]]
    assert {"HELD", "RESUMED", "DUE_DATE_CHANGED"} <= set(types)
    rework = after["events"][-1]
    assert (rework["type"], rework["fromStage"], rework["toStage"], rework["note"]) == (
        "STAGE_CHANGED", "CONFIRMED", "RECEIVED", "Logo was blurry",
    )
    assert seen["stage"] == after["currentStageLabel"]
    assert "Logo was blurry" in seen["timeline"]

    paid = staff_api.query(ORDER_SCHEDULE, {"id": order["id"]})
    assert paid["order"]["paymentStatus"] == "PARTIALLY_CHARGED"
    assert paid["orderPaymentSchedule"]["outstanding"]["amount"] == owed - 50000
