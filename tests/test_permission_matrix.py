"""Every plugin query and mutation, found by walking the schema (so a new one
cannot be missed), called by anonymous, a buyer, another buyer, staff
without the permission and staff with it."""

import pytest
from django.contrib.auth.models import Permission
from saleor.account.models import User

from .schema_walk import plugin_operations, request_for

PUBLIC = None
MANAGE_PRODUCTS = "product.manage_products"
MANAGE_ORDERS = "order.manage_orders"

# Who may call what. Public operations take a checkout or order token as the
# buyer's credential; their own tests show another buyer's token sees nothing.
REQUIRED = {
    ("query", "madeToOrderProduct"): PUBLIC,
    ("query", "madeToOrderQuote"): PUBLIC,
    ("query", "madeToOrderCheckout"): PUBLIC,
    ("query", "madeToOrderOrder"): PUBLIC,  # by orderId: staff, see its own test
    ("query", "paymentScheduleByOrderToken"): PUBLIC,
    ("query", "productionTimeline"): PUBLIC,
    ("mutation", "checkoutLinesAddCustom"): PUBLIC,
    ("mutation", "checkoutLineSpecsUpdate"): PUBLIC,
    ("mutation", "specFileUpload"): PUBLIC,
    ("mutation", "paymentProofUpload"): PUBLIC,  # the order's token
    ("mutation", "productionProofApprove"): PUBLIC,  # the order's token
    ("mutation", "productionProofRequestChanges"): PUBLIC,  # the order's token
    ("query", "madeToOrderDraft"): PUBLIC,  # the buyer link's token; by id: staff
    ("mutation", "madeToOrderDraftConfirm"): PUBLIC,  # the buyer link's token
    ("query", "madeToOrderProductTypes"): MANAGE_PRODUCTS,
    ("mutation", "productTypeMadeToOrderUpdate"): MANAGE_PRODUCTS,
    ("mutation", "customSpecFieldCreate"): MANAGE_PRODUCTS,
    ("mutation", "customSpecFieldUpdate"): MANAGE_PRODUCTS,
    ("mutation", "customSpecFieldDelete"): MANAGE_PRODUCTS,
    ("mutation", "customSpecFieldReorder"): MANAGE_PRODUCTS,
    ("query", "productionJobs"): MANAGE_ORDERS,
    ("query", "productionJob"): MANAGE_ORDERS,
    ("query", "orderPaymentSchedule"): MANAGE_ORDERS,
    ("mutation", "productionJobAdvance"): MANAGE_ORDERS,
    ("mutation", "productionJobUpdate"): MANAGE_ORDERS,
    ("mutation", "productionJobHold"): MANAGE_ORDERS,
    ("mutation", "productionJobResume"): MANAGE_ORDERS,
    ("mutation", "productionProofUpload"): MANAGE_ORDERS,
    ("mutation", "orderPaymentRecord"): MANAGE_ORDERS,
    ("mutation", "orderPaymentDeadlineExtend"): MANAGE_ORDERS,
    ("mutation", "orderFulfill"): MANAGE_ORDERS,
    ("query", "preOrderBatches"): MANAGE_ORDERS,
    ("query", "preOrderBatch"): MANAGE_ORDERS,
    ("mutation", "preOrderBatchCreate"): MANAGE_ORDERS,
    ("mutation", "preOrderBatchUpdate"): MANAGE_ORDERS,
    ("mutation", "preOrderBatchClose"): MANAGE_ORDERS,
    ("query", "paymentProofs"): MANAGE_ORDERS,
    ("query", "paymentProof"): MANAGE_ORDERS,
    ("mutation", "paymentProofAccept"): MANAGE_ORDERS,
    ("mutation", "paymentProofReject"): MANAGE_ORDERS,
    ("query", "madeToOrderDrafts"): MANAGE_ORDERS,
    ("query", "openOrderBacklog"): MANAGE_ORDERS,
    ("mutation", "madeToOrderDraftCreate"): MANAGE_ORDERS,
    ("mutation", "madeToOrderDraftCancel"): MANAGE_ORDERS,
}

OPERATIONS = plugin_operations()
PASSWORD = "matrix-password"


def test_every_plugin_operation_is_in_the_matrix():
    assert set(OPERATIONS) == set(REQUIRED), (
        "operations without a permission rule: %s; rules without an operation: %s"
        % (set(OPERATIONS) - set(REQUIRED), set(REQUIRED) - set(OPERATIONS))
    )


def denied(body):
    return any(
        "permission" in (e.get("message") or "").lower()
        for e in body.get("errors") or []
    )


@pytest.fixture
def clients(api, customer_api, demo_shop):
    def user(email, permission=None, staff=False):
        account = User.objects.create_user(email, PASSWORD, is_staff=staff)
        if permission:
            app_label, codename = permission.split(".")
            account.user_permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )
        return api.signed_in(email, PASSWORD)

    made = {}

    def get(role, permission):
        key = (role, permission)
        if key not in made:
            made[key] = {
                "anonymous": lambda: api,
                "buyer": lambda: customer_api,
                "other buyer": lambda: user("lain@openorder.test"),
                "staff without": lambda: user("staff-tanpa@openorder.test", staff=True),
                "staff with": lambda: user(
                    "staff-%s@openorder.test"
                    % (permission or "none").replace(".", "-"),
                    permission,
                    staff=True,
                ),
            }[role]()
        return made[key]

    return get


ROLES = ["anonymous", "buyer", "other buyer", "staff without", "staff with"]


@pytest.mark.parametrize("operation", sorted(REQUIRED), ids=lambda op: "%s %s" % op)
def test_permission_matrix(clients, operation):
    kind, name = operation
    if operation not in OPERATIONS:
        pytest.fail("%s %s is not in the schema" % operation)
    document, variables = request_for(kind, name, OPERATIONS[operation])
    permission = REQUIRED[operation]
    for role in ROLES:
        client = clients(role, permission)
        response = client.post(document, variables)
        assert response.status_code == 200, (role, response.text)
        body = response.json()
        must_be_denied = permission is not None and role != "staff with"
        assert denied(body) == must_be_denied, (role, body)
