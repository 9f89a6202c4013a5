"""Shared pieces of the production tests: orders placed through Saleor's
checkout, the production GraphQL operations, and staff users."""

from django.contrib.auth.models import Permission
from saleor.account.models import User

from .specs_helpers import TSHIRT_SPECS, add_custom, days_from_today, empty_checkout
from .storefront import pay_and_complete, set_shipping_address, variant_id

JOB_FIELDS = """
  id version currentStage currentStageLabel isLastStage status holdReason
  promisedDate isOverdue notes quantity productName
  stages { code label }
  assignee { email }
  order { id number userEmail }
  orderLine { id productName }
  specs { code label type value }
  events { type fromStage toStage note user { email } date }
"""

JOBS = (
    """
query($filter: ProductionJobFilterInput, $sortBy: ProductionJobSortingInput,
      $first: Int, $after: String) {
  productionJobs(filter: $filter, sortBy: $sortBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { %s } }
  }
}
"""
    % JOB_FIELDS
)

JOB = "query($id: ID!) { productionJob(id: $id) { %s } }" % JOB_FIELDS

ERRORS = "openOrderErrors { field code message }"

ADVANCE = """
mutation($id: ID!, $toStage: String, $note: String, $version: Int!) {
  productionJobAdvance(id: $id, toStage: $toStage, note: $note, version: $version) {
    job { %s }
    %s
  }
}
""" % (JOB_FIELDS, ERRORS)

UPDATE = """
mutation($id: ID!, $input: ProductionJobUpdateInput!, $version: Int!) {
  productionJobUpdate(id: $id, input: $input, version: $version) {
    job { %s }
    %s
  }
}
""" % (JOB_FIELDS, ERRORS)

HOLD = """
mutation($id: ID!, $reason: String!, $version: Int!) {
  productionJobHold(id: $id, reason: $reason, version: $version) {
    job { %s }
    %s
  }
}
""" % (JOB_FIELDS, ERRORS)

RESUME = """
mutation($id: ID!, $version: Int!) {
  productionJobResume(id: $id, version: $version) {
    job { %s }
    %s
  }
}
""" % (JOB_FIELDS, ERRORS)

TIMELINE = """
query($token: UUID!) {
  productionTimeline(orderToken: $token) {
    orderLine productName quantity currentStage currentStageLabel status
    promisedDate isReady isLate
    stages { code label reachedAt }
  }
}
"""

ORDER_FULFILL = """
mutation($order: ID!, $input: OrderFulfillInput!, $override: Boolean) {
  orderFulfill(order: $order, input: $input, overrideProductionGate: $override) {
    fulfillments { id status lines { quantity } }
    order { id status }
    orderErrors { field code message orderLine }
  }
}
"""

ORDER_CANCEL = """
mutation($id: ID!) {
  orderCancel(id: $id) { order { id status } orderErrors { field code message } }
}
"""

ORDER_HISTORY = """
query($id: ID!) { order(id: $id) { events { type message } } }
"""


CHECKOUT_LINES_ADD = """
mutation($checkoutId: ID!, $lines: [CheckoutLineInput]!) {
  checkoutLinesAdd(checkoutId: $checkoutId, lines: $lines) {
    checkout { id }
    checkoutErrors { field code message }
  }
}
"""

# Valid specs for each demo made-to-order product.
SPECS = {
    "kaos-custom": TSHIRT_SPECS,
    "kue-ulang-tahun-custom": [
        {"code": "size", "value": "18cm"},
        {"code": "flavour", "value": "pandan"},
        {"code": "message", "value": "Selamat ulang tahun"},
        {"code": "date_wanted", "value": None},  # filled in: days from today
    ],
    "rangkaian-bunga-custom": [
        {"code": "flowers", "values": ["mawar", "lili"]},
        {"code": "card_message", "value": "Semoga lekas sembuh"},
    ],
}


def specs_for(slug):
    specs = [dict(spec) for spec in SPECS[slug]]
    for spec in specs:
        if spec["code"] == "date_wanted":
            spec["value"] = days_from_today(10)
    return specs


def place_order(api, demo_shop, lines, email="pembeli@openorder.test"):
    """Check out `lines` ([(product slug, quantity)]) as a storefront does:
    made-to-order lines with their specs, ready stock through Saleor's own
    checkoutLinesAdd. Returns the order (id, number, token, lines)."""
    products = demo_shop["products"]
    checkout = empty_checkout(api, email=email)
    custom = [
        {
            "variantId": variant_id(products[slug]),
            "quantity": qty,
            "specs": specs_for(slug),
        }
        for slug, qty in lines
        if slug in SPECS
    ]
    ready = [
        {"variantId": variant_id(products[slug]), "quantity": qty}
        for slug, qty in lines
        if slug not in SPECS
    ]
    if custom:
        added = add_custom(api, checkout, custom)
        assert added["openOrderErrors"] == [], added["openOrderErrors"]
    if ready:
        added = api.query(
            CHECKOUT_LINES_ADD, {"checkoutId": checkout["id"], "lines": ready}
        )["checkoutLinesAdd"]
        assert added["checkoutErrors"] == [], added["checkoutErrors"]
    result = pay_and_complete(api, set_shipping_address(api, checkout))
    assert result["checkoutErrors"] == [], result["checkoutErrors"]
    return result["order"]


def jobs_of(staff_api, order_number):
    data = staff_api.query(JOBS, {"first": 100, "filter": {"search": order_number}})
    return [edge["node"] for edge in data["productionJobs"]["edges"]]


def advance(staff_api, job, **variables):
    variables = dict({"id": job["id"], "version": job["version"]}, **variables)
    return staff_api.query(ADVANCE, variables)["productionJobAdvance"]


def advance_ok(staff_api, job, **variables):
    result = advance(staff_api, job, **variables)
    assert result["openOrderErrors"] == [], result["openOrderErrors"]
    return result["job"]


def staff_user(email, password="staff-pass", *permissions):
    user = User.objects.create_user(email, password, is_staff=True)
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def fulfill_input(order, warehouse_id, lines=None):
    """orderFulfill input for every line of `order` (or `lines`), fully."""
    return {
        "lines": [
            {
                "orderLineId": line["id"],
                "stocks": [{"quantity": line["quantity"], "warehouse": warehouse_id}],
            }
            for line in (lines or order["lines"])
        ],
        "notifyCustomer": False,
    }
