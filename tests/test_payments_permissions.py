"""Who may do what with payments: staff with order.manage_orders record money
and read any schedule; the buyer reads their schedule with the order token."""

import uuid

import pytest

from openorder_plugin.models import PaymentRecord

from .payments_helpers import SCHEDULE, SCHEDULE_BY_TOKEN, RECORD, place, staff_user

SHIRT = 92000


@pytest.fixture
def order(api, demo_shop):
    return place(api, demo_shop, [("kaos-custom", 1)])


def client_for(request, who):
    api = request.getfixturevalue("api")
    if who == "anonymous":
        return api
    if who == "customer":
        return request.getfixturevalue("customer_api")
    if who == "staff without manage_orders":
        staff_user("lain@openorder.test")
        return api.signed_in("lain@openorder.test", "staff-pass")
    staff_user("kasir@openorder.test", "manage_orders")
    return api.signed_in("kasir@openorder.test", "staff-pass")


WHO = [
    "anonymous",
    "customer",
    "staff without manage_orders",
    "staff with manage_orders",
]


@pytest.mark.parametrize("who", WHO)
def test_recording_a_payment_needs_manage_orders(request, order, who):
    client = client_for(request, who)
    body = client.execute(
        RECORD,
        {
            "id": order["id"],
            "amount": 1000,
            "reference": "cash",
            "key": "perm-%s" % who,
        },
    )
    if who == "staff with manage_orders":
        assert not body.get("errors")
        assert body["data"]["orderPaymentRecord"]["openOrderErrors"] == []
        assert PaymentRecord.objects.count() == 1
    else:
        assert body["data"]["orderPaymentRecord"] is None
        assert body["errors"][0]["message"].startswith("You do not have permission")
        assert PaymentRecord.objects.count() == 0


@pytest.mark.parametrize("who", WHO)
def test_reading_any_schedule_needs_manage_orders(request, order, who):
    client = client_for(request, who)
    body = client.execute(SCHEDULE, {"id": order["id"]})
    if who == "staff with manage_orders":
        assert body["data"]["orderPaymentSchedule"]["total"]["amount"] == SHIRT + 20000
    else:
        assert body["data"]["orderPaymentSchedule"] is None
        assert body["errors"][0]["message"].startswith("You do not have permission")


def test_the_order_token_is_the_buyers_credential(api, order):
    schedule = api.query(SCHEDULE_BY_TOKEN, {"token": order["token"]})[
        "paymentScheduleByOrderToken"
    ]
    # Nothing is paid at checkout: the whole total is outstanding.
    assert schedule["outstanding"]["amount"] == SHIRT + 20000
    assert (
        api.query(SCHEDULE_BY_TOKEN, {"token": str(uuid.uuid4())})[
            "paymentScheduleByOrderToken"
        ]
        is None
    )
