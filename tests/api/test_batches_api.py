"""Pre-order batches (PO), through the API on the host the suite runs on:
staff open, change and close batches; buyers see a batch's progress and can
order only while it takes orders; the close starts production or cancels
and refunds every order, exactly once, also when it races late checkouts."""

import datetime
import threading

from django.core import mail
from django.utils import timezone
from graphene import Node

from openorder_plugin.models import (
    CapacityReservation,
    PreOrderBatch,
    PreOrderBatchLine,
)

from ..client import ApiClient
from ..hosts import ON_SALEOR3, channel_args
from ..specs_helpers import TSHIRT_SPECS, add_custom, quote as quote_of
from ..storefront import (
    PAY_LATER,
    choose_shipping,
    complete,
    create_checkout,
    pay,
    place_order,
    set_shipping_address,
    variant_id,
)

ERRORS = "openOrderErrors { field code message }"

BATCH_FIELDS = """
  id name status opensAt closesAt minimumQuantity isTakingOrders
  productionStartsOn closedAt version
  progress { ordered minimum remaining reached percent secondsLeft }
"""

CREATE = """
mutation($input: PreOrderBatchCreateInput!) {
  preOrderBatchCreate(input: $input) { preOrderBatch { %s } %s }
}
""" % (BATCH_FIELDS, ERRORS)

UPDATE = """
mutation($id: ID!, $input: PreOrderBatchUpdateInput!, $version: Int) {
  preOrderBatchUpdate(id: $id, input: $input, version: $version) {
    preOrderBatch { %s } %s
  }
}
""" % (BATCH_FIELDS, ERRORS)

CLOSE = """
mutation($id: ID!, $version: Int) {
  preOrderBatchClose(id: $id, version: $version) { preOrderBatch { %s } %s }
}
""" % (BATCH_FIELDS, ERRORS)

BATCHES = (
    """
query($filter: PreOrderBatchFilterInput) {
  preOrderBatches(first: 20, filter: $filter) {
    totalCount
    edges { node { %s productType { id } product { id } } }
  }
}
"""
    % BATCH_FIELDS
)

PRODUCT = """
query($productId: ID%s) {
  madeToOrderProduct(productId: $productId%s) {
    sellsInBatches
    preOrderBatch { %s productType { id } }
  }
}
""" % (
    (", $channel: String!", ", channel: $channel", BATCH_FIELDS)
    if ON_SALEOR3
    else ("", "", BATCH_FIELDS)
)

JOBS = """
query($search: String!) {
  productionJobs(first: 20, filter: {search: $search}) {
    edges { node { id version currentStage stages { code }
                   preOrderBatch { id status } } }
  }
}
"""

ADVANCE = (
    """
mutation($id: ID!, $version: Int!, $toStage: String) {
  productionJobAdvance(id: $id, version: $version, toStage: $toStage) {
    job { currentStage } %s
  }
}
"""
    % ERRORS
)

ORDER = "query($id: ID!) { order(id: $id) { id status } }"

SCHEDULE_OF = """
query($id: ID!) {
  orderPaymentSchedule(orderId: $id) {
    cancellationRule installments { kind status paidAmount { amount } }
  }
}
"""

RECORD = (
    """
mutation($id: ID!, $amount: PositiveDecimal!, $key: String!) {
  orderPaymentRecord(orderId: $id, amount: $amount, reference: "BCA 0042",
                     idempotencyKey: $key) { %s }
}
"""
    % ERRORS
)


def kaos(demo_shop):
    return demo_shop["products"]["kaos-custom"]


def kaos_type_id(demo_shop):
    return Node.to_global_id("ProductType", kaos(demo_shop).product_type_id)


def iso(moment):
    return moment.isoformat()


def in_hours(hours):
    return timezone.now() + datetime.timedelta(hours=hours)


def open_batch(staff_api, demo_shop, minimum=10, **extra):
    batch_input = dict(
        {
            "productType": kaos_type_id(demo_shop),
            "name": "PO Kaos Batch 1",
            "closesAt": iso(in_hours(72)),
            "minimumQuantity": minimum,
        },
        **extra,
    )
    created = staff_api.query(CREATE, {"input": batch_input})["preOrderBatchCreate"]
    assert created["openOrderErrors"] == [], created["openOrderErrors"]
    return created["preOrderBatch"]


def read_product(api, demo_shop):
    product_id = Node.to_global_id("Product", kaos(demo_shop).pk)
    return api.query(PRODUCT, dict({"productId": product_id}, **channel_args()))[
        "madeToOrderProduct"
    ]


def order_tshirts(api, demo_shop, quantity, email="pembeli@openorder.test"):
    checkout = tshirt_checkout_for(api, demo_shop, quantity, email)
    result = place_order(api, checkout)
    assert result["checkoutErrors"] == [], result["checkoutErrors"]
    return result["order"]


def tshirt_checkout_for(api, demo_shop, quantity, email):
    checkout = create_checkout(api, [], email=email)
    added = add_custom(
        api,
        checkout,
        [
            {
                "variantId": variant_id(kaos(demo_shop)),
                "quantity": quantity,
                "specs": TSHIRT_SPECS,
            }
        ],
    )
    assert added["openOrderErrors"] == [], added["openOrderErrors"]
    return set_shipping_address(api, added["checkout"])


def ready_to_complete(api, checkout):
    """Shipping chosen and, on Saleor 2.10, the pay-later payment: all that
    is left is checkoutComplete."""
    if ON_SALEOR3:
        choose_shipping(api, checkout)
    else:
        pay(api, checkout, gateway=PAY_LATER)


def jobs_of(staff_api, order):
    edges = staff_api.query(JOBS, {"search": str(order["number"])})["productionJobs"]
    return [edge["node"] for edge in edges["edges"]]


def order_status(staff_api, order):
    return staff_api.query(ORDER, {"id": order["id"]})["order"]["status"]


def codes(payload):
    return [(e["field"], e["code"]) for e in payload["openOrderErrors"]]


def test_buyers_see_a_batch_fill_up_and_its_jobs_wait_for_the_close(
    api, staff_api, demo_shop
):
    batch = open_batch(staff_api, demo_shop, minimum=10)
    assert batch["status"] == "OPEN" and batch["isTakingOrders"]
    assert batch["progress"] == {
        "ordered": 0,
        "minimum": 10,
        "remaining": 10,
        "reached": False,
        "percent": 0,
        "secondsLeft": batch["progress"]["secondsLeft"],
    }
    assert 71 * 3600 < batch["progress"]["secondsLeft"] <= 72 * 3600

    order = order_tshirts(api, demo_shop, 3)
    product = read_product(api, demo_shop)
    assert product["sellsInBatches"] is True
    shown = product["preOrderBatch"]
    assert shown["id"] == batch["id"]
    assert shown["progress"]["ordered"] == 3
    assert shown["progress"]["remaining"] == 7
    assert shown["progress"]["percent"] == 30
    # Buyers are not shown staff's links.
    assert shown["productType"] is None

    # The promise follows the close: production starts the day after.
    quote = quote_of(
        api,
        variantId=variant_id(kaos(demo_shop)),
        quantity=1,
        specs=TSHIRT_SPECS,
    )
    assert quote["promisedDate"] > batch["productionStartsOn"]

    (job,) = jobs_of(staff_api, order)
    assert job["preOrderBatch"] == {"id": batch["id"], "status": "OPEN"}
    # Staff may confirm the order, but production waits for the batch.
    codes_of_stages = [stage["code"] for stage in job["stages"]]
    last = codes_of_stages[-1]
    refused = staff_api.query(
        ADVANCE, {"id": job["id"], "version": job["version"], "toStage": last}
    )["productionJobAdvance"]
    assert codes(refused) == [("toStage", "BATCH_NOT_CLOSED")]
    assert "PO Kaos Batch 1" in refused["openOrderErrors"][0]["message"]

    listed = staff_api.query(BATCHES, {"filter": {"status": ["OPEN"]}})[
        "preOrderBatches"
    ]
    assert [edge["node"]["id"] for edge in listed["edges"]] == [batch["id"]]
    assert listed["edges"][0]["node"]["progress"]["ordered"] == 3
    assert listed["edges"][0]["node"]["productType"] == {"id": kaos_type_id(demo_shop)}
    none_closed = staff_api.query(BATCHES, {"filter": {"status": ["PRODUCING"]}})
    assert none_closed["preOrderBatches"]["totalCount"] == 0


def test_between_batches_the_product_cannot_be_ordered(api, staff_api, demo_shop):
    opens = in_hours(24)
    open_batch(
        staff_api,
        demo_shop,
        opensAt=iso(opens),
        closesAt=iso(opens + datetime.timedelta(days=3)),
    )
    product = read_product(api, demo_shop)
    assert product["sellsInBatches"] is True
    assert product["preOrderBatch"]["isTakingOrders"] is False

    checkout = create_checkout(api, [])
    added = add_custom(
        api,
        checkout,
        [
            {
                "variantId": variant_id(kaos(demo_shop)),
                "quantity": 1,
                "specs": TSHIRT_SPECS,
            }
        ],
    )
    assert codes(added) == [("lines.0.variantId", "BATCH_NOT_OPEN")]
    assert "opens on" in added["openOrderErrors"][0]["message"]
    quote = quote_of(
        api,
        variantId=variant_id(kaos(demo_shop)),
        quantity=1,
        specs=TSHIRT_SPECS,
    )
    assert ("variantId", "BATCH_NOT_OPEN") in [
        (e["field"], e["code"]) for e in quote["errors"]
    ]


def test_bad_batches_are_refused_with_typed_errors_and_nothing_is_stored(
    staff_api, demo_shop
):
    ready_stock = Node.to_global_id(
        "ProductType", demo_shop["products"]["tas-kanvas"].product_type_id
    )
    cases = [
        ({"closesAt": iso(in_hours(-1))}, [("input.closesAt", "INVALID_DATE")]),
        (
            {"opensAt": iso(in_hours(10)), "closesAt": iso(in_hours(5))},
            [("input.closesAt", "INVALID_RANGE")],
        ),
        ({"minimumQuantity": 0}, [("input.minimumQuantity", "OUT_OF_RANGE")]),
        ({"name": "  "}, [("input.name", "REQUIRED")]),
        ({"productType": ready_stock}, [("input.productType", "NOT_MADE_TO_ORDER")]),
        (
            {"product": Node.to_global_id("Product", kaos(demo_shop).pk)},
            [("input.productType", "REQUIRED")],
        ),
        ({"productType": "bm90LWFuLWlk"}, [("input.productType", "INVALID")]),
    ]
    for change, expected in cases:
        batch_input = dict(
            {
                "productType": kaos_type_id(demo_shop),
                "name": "PO",
                "closesAt": iso(in_hours(48)),
                "minimumQuantity": 5,
            },
            **change,
        )
        created = staff_api.query(CREATE, {"input": batch_input})["preOrderBatchCreate"]
        assert codes(created) == expected, (change, created)
        assert created["preOrderBatch"] is None
    assert PreOrderBatch.objects.count() == 0

    # One batch at a time takes a product's orders.
    open_batch(staff_api, demo_shop)
    overlapping = staff_api.query(
        CREATE,
        {
            "input": {
                "productType": kaos_type_id(demo_shop),
                "name": "PO 2",
                "closesAt": iso(in_hours(24)),
                "minimumQuantity": 5,
            }
        },
    )["preOrderBatchCreate"]
    assert codes(overlapping) == [("input.closesAt", "INVALID_RANGE")]
    assert PreOrderBatch.objects.count() == 1


def test_staff_change_an_open_batch_and_a_stale_version_is_refused(
    staff_api, demo_shop
):
    batch = open_batch(staff_api, demo_shop)
    changed = staff_api.query(
        UPDATE,
        {
            "id": batch["id"],
            "version": batch["version"],
            "input": {"minimumQuantity": 24, "closesAt": iso(in_hours(96))},
        },
    )["preOrderBatchUpdate"]
    assert changed["openOrderErrors"] == []
    assert changed["preOrderBatch"]["minimumQuantity"] == 24
    assert changed["preOrderBatch"]["version"] == batch["version"] + 1

    stale = staff_api.query(
        UPDATE,
        {"id": batch["id"], "version": batch["version"], "input": {"name": "X"}},
    )["preOrderBatchUpdate"]
    assert codes(stale) == [("version", "CONFLICT")]
    # Its opening time stays once it has opened.
    reopened = staff_api.query(
        UPDATE, {"id": batch["id"], "input": {"opensAt": iso(in_hours(1))}}
    )["preOrderBatchUpdate"]
    assert codes(reopened) == [("input.opensAt", "INVALID")]
    assert PreOrderBatch.objects.get().name == "PO Kaos Batch 1"


def test_a_close_with_the_minimum_reached_starts_production_and_tells_buyers(
    api, staff_api, demo_shop
):
    batch = open_batch(staff_api, demo_shop, minimum=3)
    first = order_tshirts(api, demo_shop, 2, email="ani@openorder.test")
    second = order_tshirts(api, demo_shop, 1, email="budi@openorder.test")
    mail.outbox.clear()

    closed = staff_api.query(CLOSE, {"id": batch["id"]})["preOrderBatchClose"]
    assert closed["openOrderErrors"] == []
    assert closed["preOrderBatch"]["status"] == "PRODUCING"
    assert closed["preOrderBatch"]["closedAt"]
    assert closed["preOrderBatch"]["progress"]["ordered"] == 3
    assert closed["preOrderBatch"]["progress"]["reached"] is True

    subjects = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert subjects == [
        (
            "ani@openorder.test",
            "Order #%s: pre-order batch PO Kaos Batch 1 is going into production"
            % first["number"],
        ),
        (
            "budi@openorder.test",
            "Order #%s: pre-order batch PO Kaos Batch 1 is going into production"
            % second["number"],
        ),
    ]
    # The jobs may now go past confirmation.
    (job,) = jobs_of(staff_api, first)
    last = job["stages"][-1]["code"]
    moved = staff_api.query(
        ADVANCE, {"id": job["id"], "version": job["version"], "toStage": last}
    )["productionJobAdvance"]
    assert moved["openOrderErrors"] == [] or codes(moved) == [
        ("toStage", "DEPOSIT_NOT_PAID")
    ]
    assert order_status(staff_api, first) != "CANCELED"

    # A batch closes once, and a closed batch no longer changes.
    again = staff_api.query(CLOSE, {"id": batch["id"]})["preOrderBatchClose"]
    assert codes(again) == [("id", "BATCH_CLOSED")]
    changed = staff_api.query(
        UPDATE, {"id": batch["id"], "input": {"minimumQuantity": 1}}
    )["preOrderBatchUpdate"]
    assert codes(changed) == [("id", "BATCH_CLOSED")]
    assert len(mail.outbox) == 2

    # Outside a batch the product sells as before.
    assert read_product(api, demo_shop)["sellsInBatches"] is False
    order_tshirts(api, demo_shop, 1)


def test_a_close_short_of_the_minimum_cancels_and_refunds_every_order(
    api, staff_api, demo_shop
):
    batch = open_batch(staff_api, demo_shop, minimum=10)
    paid = order_tshirts(api, demo_shop, 2, email="ani@openorder.test")
    unpaid = order_tshirts(api, demo_shop, 1, email="budi@openorder.test")
    deposit = staff_api.query(
        RECORD, {"id": paid["id"], "amount": "92000", "key": "po-deposit"}
    )["orderPaymentRecord"]
    assert deposit["openOrderErrors"] == []
    mail.outbox.clear()

    closed = staff_api.query(CLOSE, {"id": batch["id"]})["preOrderBatchClose"]
    assert closed["openOrderErrors"] == []
    assert closed["preOrderBatch"]["status"] == "CANCELLED"
    assert closed["preOrderBatch"]["progress"]["ordered"] == 3

    for order in (paid, unpaid):
        assert order_status(staff_api, order) == "CANCELED"
        schedule = staff_api.query(SCHEDULE_OF, {"id": order["id"]})[
            "orderPaymentSchedule"
        ]
        assert schedule["cancellationRule"] == "FULL_REFUND"
    refunded = staff_api.query(SCHEDULE_OF, {"id": paid["id"]})["orderPaymentSchedule"]
    assert [(i["kind"], i["status"]) for i in refunded["installments"]] == [
        ("DEPOSIT", "REFUNDED"),
        ("BALANCE", "WAIVED"),
    ]
    told = sorted(
        m.to[0] for m in mail.outbox if "did not reach its minimum" in m.subject
    )
    assert told == ["ani@openorder.test", "budi@openorder.test"]


def test_a_close_races_late_checkouts_and_every_order_takes_its_outcome(
    api, staff_api, live_server, demo_shop
):
    """Buyers complete checkouts while staff close the batch, all at once over
    separate HTTP connections. Whatever the interleaving, the close counted
    exactly the lines that joined before it, and every order in the batch
    (counted or late) got the batch's outcome."""
    buyers = 6
    batch = open_batch(staff_api, demo_shop, minimum=4)
    checkouts = []
    for n in range(buyers):
        checkout = tshirt_checkout_for(api, demo_shop, 1, "buyer%d@openorder.test" % n)
        ready_to_complete(api, checkout)
        checkouts.append(checkout)

    barrier = threading.Barrier(buyers + 1)
    results = [None] * (buyers + 1)

    def buyer(index):
        client = ApiClient(live_server.url)
        barrier.wait()
        results[index] = complete(client, checkouts[index])

    def staff():
        client = ApiClient(live_server.url, token=staff_api.token)
        barrier.wait()
        results[buyers] = client.query(CLOSE, {"id": batch["id"]})["preOrderBatchClose"]

    threads = [threading.Thread(target=buyer, args=(i,)) for i in range(buyers)]
    threads.append(threading.Thread(target=staff))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)

    closed = results[buyers]
    assert closed["openOrderErrors"] == [], closed
    orders = [r["order"] for r in results[:buyers] if r and r["order"]]
    refused = [r for r in results[:buyers] if r and not r["order"]]
    # A checkout that came after the close is refused with a reason.
    for result in refused:
        assert any(
            "no batch is taking orders" in e["message"]
            for e in result["checkoutErrors"]
        ), result
    assert len(orders) + len(refused) == buyers

    stored = PreOrderBatch.objects.get()
    lines = list(PreOrderBatchLine.objects.filter(batch=stored))
    in_batch = {str(line.order.token) for line in lines}
    # An order checked before the close is in the batch, once; one checked
    # after it was an ordinary order (no batch was pending any more).
    assert len(in_batch) == len(lines)
    outside = CapacityReservation.objects.filter(order__isnull=False, batch=None)
    assert len(in_batch) + outside.values("order").distinct().count() == len(orders)
    assert all(hold.created_at > stored.closed_at for hold in outside)
    counted = sum(line.quantity for line in lines if not line.joined_late)
    assert stored.closed_quantity == counted
    assert stored.status == ("PRODUCING" if counted >= 4 else "CANCELLED")
    # Each order in the batch got the outcome exactly once.
    assert all(line.outcome_applied_at for line in lines)
    statuses = {
        order_status(staff_api, o) for o in orders if str(o["token"]) in in_batch
    }
    if stored.status == "CANCELLED":
        assert statuses <= {"CANCELED"}
    else:
        assert "CANCELED" not in statuses
    outcome_mails = [
        m for m in mail.outbox if "pre-order batch PO Kaos Batch 1" in m.subject
    ]
    assert len(outcome_mails) == len(in_batch)


def test_concurrent_closes_close_once(api, staff_api, live_server, demo_shop):
    batch = open_batch(staff_api, demo_shop, minimum=5)
    order = order_tshirts(api, demo_shop, 1)
    mail.outbox.clear()
    barrier = threading.Barrier(5)
    results = []
    lock = threading.Lock()

    def close():
        client = ApiClient(live_server.url, token=staff_api.token)
        barrier.wait()
        result = client.query(CLOSE, {"id": batch["id"]})["preOrderBatchClose"]
        with lock:
            results.append(result)

    threads = [threading.Thread(target=close) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    succeeded = [r for r in results if not r["openOrderErrors"]]
    assert len(succeeded) == 1
    assert (
        sorted(codes(r) for r in results if r["openOrderErrors"])
        == [[("id", "BATCH_CLOSED")]] * 4
    )
    assert order_status(staff_api, order) == "CANCELED"
    assert len([m for m in mail.outbox if "did not reach" in m.subject]) == 1
