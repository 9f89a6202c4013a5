"""The demo's orders: a few buyers at different points of an open order, so
the production board shows what the product does at first sight. The same
orders on both Saleor hosts; each adapter's `demo/orders.py` says how its
storefront checks out and how an order is dated back.

Every order goes through the real API — Saleor's checkout flow and the
plugin's staff operations, sent as GraphQL requests to the host's own URL conf
(Django's test client, in this process: the same views, middleware and
plugins a storefront reaches over HTTP). Nothing here writes an order's rows,
with one exception: time. An order's promised date can never be earlier than
the day it was placed, so the late order is dated back a few days before
staff move its promised date into the past, as happens to a real order that
falls behind.

Each order is keyed by its buyer's e-mail: one is placed only when no open
(not cancelled) order of that buyer exists, so running the demo again places
nothing new, and brings back an order the payment window has cancelled.
"""

import datetime
import json

from django.conf import settings
from django.test import Client
from django.utils import timezone
from saleor.order import OrderStatus
from saleor.order.models import Order

from ..demo.shop import STAFF_EMAIL, STAFF_PASSWORD
from ..production.overdue import mark_overdue_jobs

LATE_ORDER_AGE_DAYS = 4


def days_from_today(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def _tshirt(size, color, text):
    return [
        {"code": "size", "value": size},
        {"code": "color", "value": color},
        {"code": "print_text", "value": text},
    ]


# What each demo order is, in the board's order. `deposit`: staff record the
# deposit as the buyer's transfer arrives; `stage`: staff advance the jobs to
# it; `late_by_days`: its promised date lies that many days in the past.
DEMO_ORDERS = [
    {
        "key": "budi.santoso@openorder.test",
        "what": "deposit paid",
        "buyer": ("Budi", "Santoso"),
        "product": "kaos-custom",
        "quantity": 12,
        "specs": lambda: _tshirt("L", "#1B2A4A", "KARANG TARUNA RW 05"),
        "deposit": True,
    },
    {
        "key": "dewi.lestari@openorder.test",
        "what": "waiting for the deposit",
        "buyer": ("Dewi", "Lestari"),
        "product": "kue-ulang-tahun-custom",
        "quantity": 1,
        "specs": lambda: [
            {"code": "size", "value": "22cm"},
            {"code": "flavour", "value": "pandan"},
            {"code": "message", "value": "Selamat ulang tahun, Nadia!"},
            {"code": "date_wanted", "value": days_from_today(7)},
        ],
        "deposit": False,
    },
    {
        "key": "agus.pratama@openorder.test",
        "what": "in production",
        "buyer": ("Agus", "Pratama"),
        "product": "kaos-custom",
        "quantity": 24,
        "specs": lambda: _tshirt("XL", "#C0392B", "FUTSAL CLUB BANDUNG"),
        "deposit": True,
        "stage": "IN_PRODUCTION",
    },
    {
        "key": "rina.wulandari@openorder.test",
        "what": "late",
        "buyer": ("Rina", "Wulandari"),
        "product": "rangkaian-bunga-custom",
        "quantity": 1,
        "specs": lambda: [
            {"code": "flowers", "values": ["mawar", "lili"]},
            {"code": "main_color", "value": "#E84393"},
            {"code": "card_message", "value": "Selamat atas pembukaan tokonya!"},
        ],
        "deposit": True,
        "stage": "ARRANGING",
        "late_by_days": 1,
    },
    {
        "key": "joko.susilo@openorder.test",
        "what": "ready",
        "buyer": ("Joko", "Susilo"),
        "product": "kaos-custom",
        "quantity": 6,
        "specs": lambda: _tshirt("M", "#FFFFFF", "REUNI SMA 3"),
        "deposit": True,
        "stage": "READY",
    },
]


def buyer_address(first_name, last_name):
    return {
        "firstName": first_name,
        "lastName": last_name,
        "streetAddress1": "Jl. Dago No. 21",
        "city": "Bandung",
        "postalCode": "40135",
        "country": "ID",
        "countryArea": "Jawa Barat",
        "phone": "+6281298765432",
    }


ERRORS = "openOrderErrors { field code message }"

TOKEN_CREATE = """
mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) { token accountErrors { field code message } }
}"""

SCHEDULE = """
query($id: ID!) {
  orderPaymentSchedule(orderId: $id) { installments { kind amount { amount } } }
}"""

RECORD = (
    """
mutation($id: ID!, $amount: PositiveDecimal!, $reference: String!, $key: String!) {
  orderPaymentRecord(orderId: $id, amount: $amount, reference: $reference, idempotencyKey: $key) {
    paymentRecord { id } %s
  }
}"""
    % ERRORS
)

JOB_FIELDS = "id version currentStage stages { code }"

JOBS = (
    """
query($search: String!) {
  productionJobs(first: 100, filter: {search: $search}) {
    edges { node { %s order { number } } }
  }
}"""
    % JOB_FIELDS
)

ADVANCE = """
mutation($id: ID!, $version: Int!) {
  productionJobAdvance(id: $id, version: $version) { job { %s } %s }
}""" % (JOB_FIELDS, ERRORS)

UPDATE = """
mutation($id: ID!, $input: ProductionJobUpdateInput!, $version: Int!) {
  productionJobUpdate(id: $id, input: $input, version: $version) { job { %s } %s }
}""" % (JOB_FIELDS, ERRORS)


class DemoOrderError(Exception):
    pass


class Api:
    """GraphQL requests to /graphql/ of this host, as a storefront or the
    board sends them (JSON, a JWT, the buyer's language)."""

    def __init__(self, host, language="id", token=None):
        self.client = Client(HTTP_HOST=host)
        self.host = host
        self.language = language
        self.token = token

    def signed_in(self, email, password):
        token = self.query(TOKEN_CREATE, {"email": email, "password": password})[
            "tokenCreate"
        ]["token"]
        if not token:
            raise DemoOrderError("The demo's staff account %s cannot sign in." % email)
        return Api(self.host, self.language, token)

    def query(self, query, variables=None):
        headers = {"HTTP_ACCEPT_LANGUAGE": self.language}
        if self.token:
            headers["HTTP_AUTHORIZATION"] = "JWT %s" % self.token
        response = self.client.post(
            "/graphql/",
            json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json",
            **headers,
        )
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.status_code != 200 or not body or body.get("errors"):
            raise DemoOrderError(
                "A demo order's GraphQL request failed (HTTP %s): %s"
                % (response.status_code, body or response.content[:500])
            )
        return body["data"]

    def mutate(self, query, variables, name):
        """The mutation's payload; any typed error stops the demo."""
        payload = self.query(query, variables)[name]
        for key in (
            "errors",
            "checkoutErrors",
            "paymentErrors",
            "openOrderErrors",
            "accountErrors",
        ):
            if payload.get(key):
                raise DemoOrderError("%s failed: %s" % (name, payload[key]))
        return payload


def _open_order_exists(email):
    return (
        Order.objects.filter(user_email=email)
        .exclude(status__in=[OrderStatus.CANCELED, OrderStatus.DRAFT])
        .exists()
    )


def _record_deposit(staff_api, order):
    installments = staff_api.query(SCHEDULE, {"id": order["id"]})[
        "orderPaymentSchedule"
    ]["installments"]
    deposit = next(i for i in installments if i["kind"] == "DEPOSIT")["amount"][
        "amount"
    ]
    staff_api.mutate(
        RECORD,
        {
            "id": order["id"],
            "amount": deposit,
            "reference": "Transfer BCA (demo)",
            "key": "demo-deposit-%s" % order["number"],
        },
        "orderPaymentRecord",
    )


def _jobs(staff_api, order):
    edges = staff_api.query(JOBS, {"search": order["number"]})["productionJobs"][
        "edges"
    ]
    return [e["node"] for e in edges if e["node"]["order"]["number"] == order["number"]]


def _advance_to(staff_api, job, stage):
    codes = [s["code"] for s in job["stages"]]
    while codes.index(job["currentStage"]) < codes.index(stage):
        job = staff_api.mutate(
            ADVANCE,
            {"id": job["id"], "version": job["version"]},
            "productionJobAdvance",
        )["job"]
    return job


def _make_late(storefront, staff_api, order, job, days):
    """Date the order back (see the module's docstring), move the promised
    date `days` into the past through the API, and run the overdue sweep as
    beat does every hour, so the job is flagged and staff alerted now."""
    storefront.date_back(
        order, timezone.now() - datetime.timedelta(days=LATE_ORDER_AGE_DAYS)
    )
    staff_api.mutate(
        UPDATE,
        {
            "id": job["id"],
            "version": job["version"],
            "input": {"dueDate": days_from_today(-days)},
        },
        "productionJobUpdate",
    )
    mark_overdue_jobs()


def _request_host():
    """A host name the host's ALLOWED_HOSTS accepts (as Saleor's WSGI warm-up
    request uses)."""
    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost"
    return "localhost" if host == "*" or host.startswith(".") else host


def place_demo_orders(storefront, host=None, log=None):
    """Place the DEMO_ORDERS not yet open, each checked out by the host's
    `storefront` (its `checkout(buyer_api, demo)` returns the order's id and
    number; its `date_back(order, when)` moves when the order was placed).
    Returns [(what, order number, placed now?)] in DEMO_ORDERS' order."""
    buyer_api = Api(host or _request_host())
    staff_api = None
    results = []
    for demo in DEMO_ORDERS:
        if _open_order_exists(demo["key"]):
            results.append((demo["what"], None, False))
            continue
        staff_api = staff_api or buyer_api.signed_in(STAFF_EMAIL, STAFF_PASSWORD)
        order = storefront.checkout(buyer_api, demo)
        if demo.get("deposit"):
            _record_deposit(staff_api, order)
        for job in _jobs(staff_api, order):
            if demo.get("stage"):
                job = _advance_to(staff_api, job, demo["stage"])
            if demo.get("late_by_days"):
                _make_late(storefront, staff_api, order, job, demo["late_by_days"])
        results.append((demo["what"], order["number"], True))
        if log:
            log("  order #%s: %s (%s)" % (order["number"], demo["what"], demo["key"]))
    return results
