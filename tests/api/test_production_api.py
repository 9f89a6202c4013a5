"""The production board, the buyer's production and payment views, staff's
payment operations and orderFulfill's production gate, through the API on
the host the suite runs on: the same operations, arguments and error codes
on Saleor 2.10 and 3.23."""

import uuid

import pytest
from graphene import Node

from ..hosts import ON_SALEOR3
from ..specs_helpers import TSHIRT_SPECS
from ..storefront import create_checkout, place_order, set_shipping_address, variant_id

# Another host's keys: Saleor 3's orders are UUIDs, 2.10's integers.
ORDER_PK = uuid.UUID("6f7b68d4-81d0-460c-b905-f5c3ce7116d7") if ON_SALEOR3 else 987654

JOB_FIELDS = """
  id version currentStage currentStageLabel isLastStage status
  stages { code label }
  order { id }
  orderLine { id }
"""

JOBS = (
    """
query($first: Int, $filter: ProductionJobFilterInput, $sortBy: ProductionJobSortingInput) {
  productionJobs(first: $first, filter: $filter, sortBy: $sortBy) {
    totalCount
    edges { node { %s } }
  }
}
"""
    % JOB_FIELDS
)

JOB = "query($id: ID!) { productionJob(id: $id) { id } }"

ERRORS = "openOrderErrors { field code message }"

ADVANCE = (
    """
mutation($id: ID!, $version: Int!) {
  productionJobAdvance(id: $id, version: $version) { job { id } %s }
}
"""
    % ERRORS
)

UPDATE = (
    """
mutation($id: ID!, $version: Int!, $input: ProductionJobUpdateInput!) {
  productionJobUpdate(id: $id, version: $version, input: $input) { job { id } %s }
}
"""
    % ERRORS
)

HOLD = (
    """
mutation($id: ID!, $version: Int!) {
  productionJobHold(id: $id, version: $version, reason: "fabric") { job { id } %s }
}
"""
    % ERRORS
)

RESUME = (
    """
mutation($id: ID!, $version: Int!) {
  productionJobResume(id: $id, version: $version) { job { id } %s }
}
"""
    % ERRORS
)

TIMELINE = """
query($token: UUID!) {
  productionTimeline(orderToken: $token) {
    orderLine currentStage isReady isLate stages { code reachedAt }
  }
}
"""

SCHEDULE = """
query($orderId: ID!) {
  orderPaymentSchedule(orderId: $orderId) {
    id currency state total { amount currency } outstanding { amount currency }
    installments { kind status amount { amount currency } }
  }
}
"""

SCHEDULE_BY_TOKEN = """
query($token: UUID!) {
  paymentScheduleByOrderToken(token: $token) { id currency state }
}
"""

RECORD = (
    """
mutation($orderId: ID!, $amount: PositiveDecimal!, $key: String!) {
  orderPaymentRecord(orderId: $orderId, amount: $amount, reference: "BCA 0001",
                     idempotencyKey: $key) {
    paymentRecord { id } %s
  }
}
"""
    % ERRORS
)

EXTEND = (
    """
mutation($orderId: ID!, $deadline: DateTime!) {
  orderPaymentDeadlineExtend(orderId: $orderId, deadline: $deadline) {
    paymentSchedule { id } %s
  }
}
"""
    % ERRORS
)

ADD_CUSTOM = (
    """
mutation($checkoutId: ID!, $lines: [CustomCheckoutLineInput!]!) {
  checkoutLinesAddCustom(checkoutId: $checkoutId, lines: $lines) {
    checkout { id }
    %s
  }
}
"""
    % ERRORS
)

ORDER_FULFILL = """
mutation($order: ID!, $input: OrderFulfillInput!, $override: Boolean) {
  orderFulfill(order: $order, input: $input, overrideProductionGate: $override) {
    fulfillments { id }
    orderErrors { field code message %s }
  }
}
""" % ("orderLines" if ON_SALEOR3 else "orderLine")

WAREHOUSES = "{ warehouses(first: 1) { edges { node { id } } } }"


def gid(type_name, pk):
    return Node.to_global_id(type_name, pk)


# IDs a storefront or a bug may send: (ID, the error code for it).
BAD_JOB_IDS = [
    ("nonsense", "INVALID"),
    ("", "INVALID"),
    (gid("ProductionJob", "abc"), "INVALID"),
    (gid("Order", ORDER_PK), "NOT_FOUND"),
    (gid("ProductionJob", 987654), "NOT_FOUND"),
]


def test_the_board_is_for_staff_only(api, staff_api, demo_shop):
    body = api.execute(JOBS, {"first": 10})
    assert body["data"]["productionJobs"] is None
    assert body["errors"]
    body = api.execute(JOB, {"id": gid("ProductionJob", 1)})
    assert body["data"]["productionJob"] is None
    assert body["errors"]

    board = staff_api.query(JOBS, {"first": 10})["productionJobs"]
    assert board == {"totalCount": 0, "edges": []}
    assert staff_api.query(JOB, {"id": "nonsense"})["productionJob"] is None


@pytest.mark.parametrize(
    "job_id, code",
    BAD_JOB_IDS,
    ids=["malformed", "empty", "bad-key", "other-type", "unknown"],
)
def test_job_changes_refuse_a_bad_id_with_a_typed_error(staff_api, job_id, code):
    for mutation, name, extra in (
        (ADVANCE, "productionJobAdvance", {}),
        (UPDATE, "productionJobUpdate", {"input": {"note": "x"}}),
        (HOLD, "productionJobHold", {}),
        (RESUME, "productionJobResume", {}),
    ):
        variables = dict({"id": job_id, "version": 1}, **extra)
        result = staff_api.query(mutation, variables)[name]
        assert result["job"] is None
        assert [(e["field"], e["code"]) for e in result["openOrderErrors"]] == [
            ("id", code)
        ], name


@pytest.mark.parametrize("connection", ["productionJobs", "madeToOrderProductTypes"])
@pytest.mark.parametrize(
    "page", [{"first": 101}, {"last": 101}, {"first": 0, "last": 101}, {"first": -1}]
)
def test_a_page_size_past_the_limit_is_refused_with_a_reason(
    staff_api, connection, page
):
    """Both Saleors check a connection's limit with `assert`: the plugin's
    connections say why instead of passing on a Python AssertionError."""
    arguments = ", ".join("%s: %s" % item for item in page.items())
    body = staff_api.execute("{ %s(%s) { totalCount } }" % (connection, arguments))
    assert body["data"][connection] is None
    [error] = body["errors"]
    assert "must be between 0 and 100" in error["message"], body
    assert error["extensions"]["exception"]["code"] == "GraphQLError", body


def test_job_changes_are_for_staff_only(api, demo_shop):
    body = api.execute(ADVANCE, {"id": gid("ProductionJob", 1), "version": 1})
    assert body["data"]["productionJobAdvance"] is None
    assert body["errors"]


def test_unknown_orders_have_no_timeline_or_schedule(api, staff_api, demo_shop):
    token = str(uuid.uuid4())
    assert api.query(TIMELINE, {"token": token})["productionTimeline"] == []
    assert (
        api.query(SCHEDULE_BY_TOKEN, {"token": token})["paymentScheduleByOrderToken"]
        is None
    )
    for order_id in ("nonsense", gid("Order", ORDER_PK), gid("Checkout", ORDER_PK)):
        schedule = staff_api.query(SCHEDULE, {"orderId": order_id})
        assert schedule["orderPaymentSchedule"] is None
    body = api.execute(SCHEDULE, {"orderId": gid("Order", ORDER_PK)})
    assert body["data"]["orderPaymentSchedule"] is None
    assert body["errors"]


@pytest.mark.parametrize(
    "order_id, code",
    [
        ("nonsense", "INVALID"),
        (gid("Checkout", ORDER_PK), "NOT_FOUND"),
        (gid("Order", ORDER_PK), "NOT_FOUND"),
    ],
    ids=["malformed", "other-type", "unknown"],
)
def test_payment_operations_refuse_a_bad_order_id(staff_api, demo_shop, order_id, code):
    recorded = staff_api.query(
        RECORD, {"orderId": order_id, "amount": 1000, "key": "k-1"}
    )["orderPaymentRecord"]
    assert recorded["paymentRecord"] is None
    assert [(e["field"], e["code"]) for e in recorded["openOrderErrors"]] == [
        ("orderId", code)
    ]
    extended = staff_api.query(
        EXTEND, {"orderId": order_id, "deadline": "2100-01-01T00:00:00+00:00"}
    )["orderPaymentDeadlineExtend"]
    assert extended["paymentSchedule"] is None
    assert [(e["field"], e["code"]) for e in extended["openOrderErrors"]] == [
        ("orderId", code)
    ]


def test_an_amount_of_nothing_is_refused(staff_api, demo_shop):
    body = staff_api.execute(
        RECORD, {"orderId": gid("Order", ORDER_PK), "amount": -5, "key": "k-1"}
    )
    assert body["errors"]


def made_to_order_checkout(api, demo_shop, quantity=1):
    """A checkout of made-to-order T-shirts (with their specs), its shipping
    address set."""
    products = demo_shop["products"]
    checkout = create_checkout(api, [])
    added = api.query(
        ADD_CUSTOM,
        {
            "checkoutId": checkout["id"],
            "lines": [
                {
                    "variantId": variant_id(products["kaos-custom"]),
                    "quantity": quantity,
                    "specs": TSHIRT_SPECS,
                }
            ],
        },
    )["checkoutLinesAddCustom"]
    assert added["openOrderErrors"] == [], added["openOrderErrors"]
    return set_shipping_address(api, checkout)


def place_made_to_order(api, demo_shop):
    """An order for one made-to-order T-shirt, placed as a buyer who pays
    later does."""
    result = place_order(api, made_to_order_checkout(api, demo_shop))
    order = result["order"]
    assert order, result
    return order


def order_token(order):
    # Saleor 3's order token is its ID's key; 2.10 has a field of its own.
    if ON_SALEOR3:
        return Node.from_global_id(order["id"])[1]
    return order["token"]


def test_a_made_to_order_line_ships_only_when_its_job_is_ready(
    api, staff_api, demo_shop
):
    order = place_made_to_order(api, demo_shop)
    (line,) = order["lines"]
    jobs = [
        edge["node"]
        for edge in staff_api.query(JOBS, {"first": 100})["productionJobs"]["edges"]
        if edge["node"]["order"]["id"] == order["id"]
    ]
    (job,) = jobs
    assert job["orderLine"]["id"] == line["id"]
    assert job["currentStage"] == job["stages"][0]["code"]
    assert job["isLastStage"] is False

    # The buyer sees the job on the timeline and the schedule by the token.
    token = order_token(order)
    (timeline,) = api.query(TIMELINE, {"token": token})["productionTimeline"]
    assert timeline["orderLine"] == line["id"]
    assert timeline["isReady"] is False
    schedule = api.query(SCHEDULE_BY_TOKEN, {"token": token})
    assert (
        schedule["paymentScheduleByOrderToken"]["currency"]
        == (order["total"]["gross"]["currency"])
    )
    schedule = staff_api.query(SCHEDULE, {"orderId": order["id"]})
    assert (
        schedule["orderPaymentSchedule"]["total"]["amount"]
        == (order["total"]["gross"]["amount"])
    )

    # Not at its last stage: orderFulfill refuses it, naming the line.
    warehouse = staff_api.query(WAREHOUSES)["warehouses"]["edges"][0]["node"]["id"]
    fulfill = {
        "lines": [
            {
                "orderLineId": line["id"],
                "stocks": [{"quantity": line["quantity"], "warehouse": warehouse}],
            }
        ],
        "notifyCustomer": False,
    }
    result = staff_api.query(ORDER_FULFILL, {"order": order["id"], "input": fulfill})[
        "orderFulfill"
    ]
    assert not result["fulfillments"]
    (error,) = result["orderErrors"]
    assert (error["field"], error["code"]) == ("lines", "FULFILL_ORDER_LINE")
    if ON_SALEOR3:
        assert error["orderLines"] == [line["id"]]
    else:
        assert error["orderLine"] == line["id"]
    assert "overrideProductionGate" in error["message"]


def test_the_board_shows_the_jobs_of_the_order_a_dashboard_opens_it_from(
    api, staff_api, demo_shop
):
    first = place_made_to_order(api, demo_shop)
    second = place_made_to_order(api, demo_shop)

    def jobs_of(order_ids):
        board = staff_api.query(JOBS, {"first": 100, "filter": {"orders": order_ids}})
        return [
            edge["node"]["order"]["id"] for edge in board["productionJobs"]["edges"]
        ]

    assert jobs_of([first["id"]]) == [first["id"]]
    assert jobs_of([second["id"]]) == [second["id"]]
    assert sorted(jobs_of([first["id"], second["id"]])) == sorted(
        [first["id"], second["id"]]
    )
    assert jobs_of([gid("Order", ORDER_PK)]) == []
