"""End to end: the demo (scripts/demo.sh) is served the way a shop is, safe by
default, and shows the product at first sight.

- 40 simultaneous buyers are all answered, by a real application server
  (uWSGI, a few processes of a few threads), and the demo never holds more
  than a small, fixed number of PostgreSQL connections (`CONNECTION_BOUND`);
- DEBUG is off: a missing page, a server error and a GraphQL error answer
  without Django's debug pages, tracebacks or file paths;
- what the demo's pages need is still served: the API explorer, the board and
  its assets, Saleor's static images and uploaded media;
- a fresh demo already has orders at each point of an open order (deposit
  paid, waiting for the deposit, in production, late, ready), placed through
  the API, and running the demo again places no more;
- stopping the demo stops its server and worker.

The demo is started once for the module (a fresh database of its own: Saleor's
and the plugin's migrations, about two minutes) on a free port on 127.0.0.1,
and every test talks to it over HTTP."""

import datetime
import io
import json
import os
import re
import signal
import subprocess
import threading
import time
import uuid
from urllib.parse import urlparse

import psycopg2
import pytest
import requests
from django.utils import timezone

from .test_demo_periodic import (
    free_port,
    left_behind,
    port_open,
    redis_available,
    server_params,
    stop_group,
    tail,
)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATABASE = "openorder_demo_server_%s" % os.environ.get("PYTEST_XDIST_WORKER", "gw0")
STARTUP_TIMEOUT = 420  # a fresh database: migrations, the demo shop, its orders
BUYERS = 40
# uWSGI's 4 processes x 2 threads each hold at most one connection (8); the
# Celery worker's 2 pool processes one each; 2 to spare for the worker's own
# process and beat. Django's development server opened one per request.
CONNECTION_BOUND = 12

STAFF = ("staff@openorder.test", "openorder-staff")

# The demo orders (openorder_plugin/saleor_common/demo_orders.py), by their buyers' e-mails.
DEPOSIT_PAID = "budi.santoso@openorder.test"
WAITING_FOR_DEPOSIT = "dewi.lestari@openorder.test"
IN_PRODUCTION = "agus.pratama@openorder.test"
LATE = "rina.wulandari@openorder.test"
READY = "joko.susilo@openorder.test"
DEMO_BUYERS = [DEPOSIT_PAID, WAITING_FOR_DEPOSIT, IN_PRODUCTION, LATE, READY]

pytestmark = pytest.mark.celery_worker

MEASURED = {}


def database_url():
    params = server_params()
    return "postgres://%s%s@%s:%s/%s" % (
        params["user"],
        ":%s" % params["password"] if params["password"] else "",
        params["host"],
        params["port"],
        DATABASE,
    )


def admin_connection():
    """A connection to the server's `postgres` database: never one of the demo's."""
    conn = psycopg2.connect(dbname="postgres", **server_params())
    conn.autocommit = True
    return conn


def drop_database():
    admin = admin_connection()
    try:
        with admin.cursor() as cursor:
            if admin.server_version >= 130000:
                cursor.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % DATABASE)
            else:
                cursor.execute('DROP DATABASE IF EXISTS "%s"' % DATABASE)
    finally:
        admin.close()


def demo_connections(cursor):
    cursor.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [DATABASE]
    )
    return cursor.fetchone()[0]


def release_redis_database(broker):
    """Give back, emptied, the Redis database the demo claimed for this
    module's database (scripts/setup.sh, demo_redis_db)."""
    import redis

    client = redis.Redis.from_url(broker, socket_timeout=5)
    try:
        claimed = (client.get("openorder:demo-database") or b"").decode()
        if claimed.endswith("/" + DATABASE):
            client.flushdb()
    except redis.exceptions.RedisError:
        pass


class Demo:
    """One run of scripts/demo.sh on `addr`, with its environment and log."""

    def __init__(self, tmp, addr, marker, env=None):
        self.addr = addr
        self.url = "http://%s" % addr
        self.marker = marker
        self.log_path = str(tmp / ("demo-%s.log" % addr.replace(":", "-")))
        self.env = env or self.make_env(tmp, marker)
        self.env["OPENORDER_DEMO_ADDR"] = addr
        self.process = None
        self.log = None

    @staticmethod
    def make_env(tmp, marker):
        mail_dir = tmp / "mail"
        mail_dir.mkdir(exist_ok=True)
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("CELERY_BROKER_URL", "DEBUG", "DJANGO_SETTINGS_MODULE")
        }
        env.update(
            DATABASE_URL=database_url(),
            EMAIL_URL="file:///%s" % mail_dir,
            MEDIA_ROOT=str(tmp / "media"),
        )
        env.update([marker.split("=")])
        return env

    def start(self):
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            ["bash", os.path.join(ROOT, "scripts", "demo.sh")],
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self, size=4000):
        return tail(self.log_path, size)

    def wait_served(self):
        """Until the demo says it serves (it has placed its orders then) and
        /graphql/ answers."""
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            assert self.process.poll() is None, "the demo exited (%s):\n%s" % (
                self.process.returncode,
                self.output(),
            )
            if "serving %s/graphql/" % self.url in self.output(100000):
                try:
                    if (
                        requests.get(self.url + "/graphql/", timeout=5).status_code
                        == 200
                    ):
                        return
                except requests.RequestException:
                    pass
            assert time.monotonic() < deadline, "not served after %ss:\n%s" % (
                STARTUP_TIMEOUT,
                self.output(),
            )
            time.sleep(2)

    def said(self, pattern):
        found = re.search(pattern, self.output(100000))
        return found.group(1) if found else None

    def stop(self):
        if self.process is not None:
            stop_group(self.process)
        if self.log is not None:
            self.log.close()
            self.log = None


def kill_left_behind(marker):
    for pid, _ in left_behind(marker):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def remove_demo_files(demo):
    """The per-address files the demo keeps in .data (worker, server log)."""
    import shutil

    slug = re.sub(r"[^A-Za-z0-9.]", "-", demo.addr)
    shutil.rmtree(os.path.join(ROOT, ".data", "worker-%s" % slug), ignore_errors=True)
    try:
        os.remove(os.path.join(ROOT, ".data", "server-%s.log" % slug))
    except OSError:
        pass


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    if not redis_available():
        pytest.skip(
            "no Redis at 127.0.0.1:6379 and redis-server can neither run nor be installed"
        )
    tmp = tmp_path_factory.mktemp("demo-server")
    marker = "OPENORDER_DEMO_SERVER_TEST=%s" % uuid.uuid4().hex
    running = Demo(tmp, "127.0.0.1:%d" % free_port(), marker)
    running.tmp = tmp
    drop_database()
    running.start()
    try:
        running.wait_served()
        running.broker = running.said(r"beat on (redis://\S+)")
        yield running
    finally:
        running.stop()
        kill_left_behind(marker)
        drop_database()
        if getattr(running, "broker", None):
            release_redis_database(running.broker)
        remove_demo_files(running)
        if MEASURED:
            print("\nmeasured: %s" % json.dumps(MEASURED, sort_keys=True))


def graphql(url, query, variables=None, token=None, session=None):
    headers = {"Accept-Language": "en"}
    if token:
        headers["Authorization"] = "JWT %s" % token
    return (session or requests).post(
        url + "/graphql/",
        json={"query": query, "variables": variables or {}},
        headers=headers,
        timeout=120,
    )


def data_of(response):
    assert response.status_code == 200, response.text[:2000]
    body = response.json()
    assert not body.get("errors"), body["errors"]
    return body["data"]


@pytest.fixture(scope="module")
def staff_token(demo):
    data = data_of(
        graphql(
            demo.url,
            """
        mutation($email: String!, $password: String!) {
          tokenCreate(email: $email, password: $password) { token accountErrors { message } }
        }""",
            {"email": STAFF[0], "password": STAFF[1]},
        )
    )
    assert data["tokenCreate"]["token"], data["tokenCreate"]["accountErrors"]
    return data["tokenCreate"]["token"]


KAOS_VARIANT = 'query { product(slug: "kaos-custom") { id variants { id } } }'
QUOTE = """
query($variantId: ID!, $specs: [SpecValueInput!]) {
  madeToOrderQuote(variantId: $variantId, quantity: 2, specs: $specs) {
    unitPrice { amount } deposit { amount } promisedDate errors { field code message }
  }
}"""
CHECKOUT_CREATE = """
mutation($email: String!) {
  checkoutCreate(input: {email: $email, lines: []}) { checkout { id token } checkoutErrors { message } }
}"""
ADD_CUSTOM = """
mutation($checkoutId: ID!, $lines: [CustomCheckoutLineInput!]!) {
  checkoutLinesAddCustom(checkoutId: $checkoutId, lines: $lines) {
    checkout { subtotalPrice { gross { amount } } } openOrderErrors { field code message }
  }
}"""
SPECS = [
    {"code": "size", "value": "XL"},
    {"code": "color", "value": "#1B2A4A"},
    {"code": "print_text", "value": "HALO"},
]


def buyer(url, variant, number, barrier, answers):
    """One buyer on a connection of their own: a quote, a checkout, a line."""
    session = requests.Session()
    try:
        barrier.wait(timeout=60)
        started = time.monotonic()
        quote = graphql(
            url, QUOTE, {"variantId": variant, "specs": SPECS}, session=session
        )
        checkout = graphql(
            url,
            CHECKOUT_CREATE,
            {"email": "burst-%d@openorder.test" % number},
            session=session,
        )
        statuses = [quote.status_code, checkout.status_code]
        bodies = [quote.json(), checkout.json()]
        if checkout.status_code == 200 and not bodies[1].get("errors"):
            added = graphql(
                url,
                ADD_CUSTOM,
                {
                    "checkoutId": bodies[1]["data"]["checkoutCreate"]["checkout"]["id"],
                    "lines": [{"variantId": variant, "quantity": 1, "specs": SPECS}],
                },
                session=session,
            )
            statuses.append(added.status_code)
            bodies.append(added.json())
        answers[number] = (statuses, bodies, time.monotonic() - started)
    except Exception as error:  # a reset connection, a timeout
        answers[number] = ("%s: %s" % (type(error).__name__, error), None, None)
    finally:
        session.close()


def answer_problems(body):
    """Top-level errors, or the typed errors of the one field asked."""
    if body.get("errors") or not body.get("data"):
        return body.get("errors") or "no data"
    payload = next(iter(body["data"].values())) or {}
    return [
        e
        for key in ("errors", "checkoutErrors", "openOrderErrors")
        for e in payload.get(key) or []
    ]


class ConnectionSampler(threading.Thread):
    """Counts the demo database's connections every 20 ms until stopped."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples = []
        self.stopping = threading.Event()

    def run(self):
        conn = admin_connection()
        try:
            with conn.cursor() as cursor:
                while not self.stopping.is_set():
                    self.samples.append(demo_connections(cursor))
                    time.sleep(0.02)
        finally:
            conn.close()

    def stop(self):
        self.stopping.set()
        self.join(10)
        return self.samples


def test_40_simultaneous_buyers_are_all_answered_on_a_bounded_number_of_connections(
    demo,
):
    variant = data_of(graphql(demo.url, KAOS_VARIANT))["product"]["variants"][0]["id"]
    conn = admin_connection()
    with conn.cursor() as cursor:
        before = demo_connections(cursor)
    sampler = ConnectionSampler()
    sampler.start()
    barrier = threading.Barrier(BUYERS)
    answers = {}
    threads = [
        threading.Thread(target=buyer, args=(demo.url, variant, n, barrier, answers))
        for n in range(BUYERS)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(180)
    burst_seconds = time.monotonic() - started
    time.sleep(2)  # what the demo keeps open once the burst is over
    samples = sampler.stop()
    with conn.cursor() as cursor:
        after = demo_connections(cursor)
    conn.close()

    failed = {
        n: a for n, a in answers.items() if a[1] is None or a[0] != [200, 200, 200]
    }
    problems = {n: list(map(answer_problems, a[1])) for n, a in answers.items() if a[1]}
    problems = {n: p for n, p in problems.items() if any(p)}
    MEASURED.update(
        buyers=BUYERS,
        answered=len(answers) - len(failed),
        burst_seconds=round(burst_seconds, 2),
        slowest_buyer_seconds=round(max((a[2] or 0) for a in answers.values()), 2),
        connections_before=before,
        connections_max_during=max(samples),
        connections_after=after,
        samples=len(samples),
    )
    assert len(answers) == BUYERS, "%d buyers never finished" % (BUYERS - len(answers))
    assert not failed, "not answered with HTTP 200: %s" % {
        n: a[0] for n, a in failed.items()
    }
    assert not problems, "errors in the answers: %s" % problems
    quotes = {
        json.dumps(a[1][0]["data"]["madeToOrderQuote"]["unitPrice"])
        for a in answers.values()
    }
    assert quotes == {json.dumps({"amount": 92000.0})}, quotes
    assert max(samples) <= CONNECTION_BOUND, (
        "the demo held up to %d PostgreSQL connections during the burst (bound %d)"
        % (max(samples), CONNECTION_BOUND)
    )
    assert after <= CONNECTION_BOUND, after


TRACE_MARKS = (
    "Traceback",
    "site-packages",
    '.py"',
    ".py,",
    "stacktrace",
    "URLconf",
    "DEBUG = True",
    "technical_500",
    "Request Method:",
)


def debug_output(response):
    """The marks of Django's debug pages and Saleor's stack traces in `response`."""
    return [mark for mark in TRACE_MARKS if mark in response.text]


def test_debug_is_off_and_no_answer_carries_a_traceback(demo):
    found = {}  # every check's findings, so one run shows all that leak

    missing = requests.get(demo.url + "/no-such-page/", timeout=30)
    assert missing.status_code == 404
    found["404"] = debug_output(missing)

    # A server error: Saleor's digital download view looks the token up in a
    # UUID column, and a token that is no UUID raises.
    broken = requests.get(demo.url + "/digital-download/not-a-uuid/", timeout=30)
    assert broken.status_code == 500, broken.status_code
    found["500"] = debug_output(broken) + (
        ["%d bytes" % len(broken.text)] if len(broken.text) > 500 else []
    )

    # GraphQL errors: a permission error, an invalid query, a body that is no
    # JSON. With DEBUG on, Saleor adds each error's stack trace.
    for name, response in (
        (
            "permission",
            graphql(demo.url, "query { productionJobs(first: 1) { totalCount } }"),
        ),
        ("invalid query", graphql(demo.url, "query { noSuchField }")),
        (
            "no JSON",
            requests.post(
                demo.url + "/graphql/",
                data="{not json",
                headers={"Content-Type": "application/json"},
                timeout=30,
            ),
        ),
    ):
        assert response.status_code in (200, 400), (name, response.status_code)
        errors = response.json()["errors"]
        assert errors, name
        found["GraphQL " + name] = debug_output(response) + [
            "stacktrace"
            for error in errors
            if "stacktrace" in error.get("extensions", {}).get("exception", {})
        ]
    found = {check: marks for check, marks in found.items() if marks}
    assert not found, "debug output in the answers: %s\n404 page:\n%s" % (
        found,
        missing.text[:1500],
    )


ASSET = re.compile(r'(?:src|href)="(/dashboard-extension/assets/[^"]+)"')

IMAGE_CREATE = """
mutation($product: ID!, $image: Upload!) {
  productImageCreate(input: {product: $product, image: $image, alt: "demo"}) {
    image { id url thumbnail: url(size: 255) } productErrors { field code message }
  }
}"""


def png(size=300):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (size, size), (27, 42, 74)).save(buffer, "PNG")
    return buffer.getvalue()


def local(url, demo):
    """`url` (absolute, as the API builds it) on the demo's own address."""
    parsed = urlparse(url)
    assert parsed.netloc == demo.addr, url
    return demo.url + parsed.path


def test_the_api_explorer_the_board_and_static_files_are_served(demo, staff_token):
    explorer = requests.get(demo.url + "/graphql/", timeout=30)
    assert explorer.status_code == 200
    assert "text/html" in explorer.headers["Content-Type"]
    assert "GraphQL API explorer" in explorer.text

    board = requests.get(demo.url + "/dashboard-extension/", timeout=30)
    assert board.status_code == 200
    assert "text/html" in board.headers["Content-Type"]
    assets = ASSET.findall(board.text)
    assert any(a.endswith(".js") for a in assets), board.text[:2000]
    for asset in assets:
        response = requests.get(demo.url + asset, timeout=30)
        assert response.status_code == 200, asset
        assert response.content, asset
        kind = (
            "javascript"
            if asset.endswith(".js")
            else "css"
            if asset.endswith(".css")
            else ""
        )
        assert kind in response.headers["Content-Type"], (asset, response.headers)
    # A client-side route of the board reloads to its index.
    route = requests.get(demo.url + "/dashboard-extension/jobs/1", timeout=30)
    assert route.status_code == 200 and route.text == board.text

    # Saleor's own static images (its placeholders for products' thumbnails).
    placeholder = requests.get(
        demo.url + "/static/images/placeholder255x255.png", timeout=30
    )
    assert placeholder.status_code == 200
    assert placeholder.headers["Content-Type"] == "image/png"

    # Media: a product image staff upload, and the thumbnail the worker makes.
    product = data_of(graphql(demo.url, KAOS_VARIANT))["product"]["id"]
    response = requests.post(
        demo.url + "/graphql/",
        data={
            "operations": json.dumps(
                {
                    "query": IMAGE_CREATE,
                    "variables": {"product": product, "image": None},
                }
            ),
            "map": json.dumps({"0": ["variables.image"]}),
        },
        files={"0": ("kaos.png", png(), "image/png")},
        headers={"Authorization": "JWT %s" % staff_token},
        timeout=60,
    )
    created = data_of(response)["productImageCreate"]
    assert not created["productErrors"], created["productErrors"]
    image = requests.get(local(created["image"]["url"], demo), timeout=30)
    assert image.status_code == 200
    assert image.content == png()
    deadline = time.monotonic() + 60
    while True:
        thumbnail = requests.get(local(created["image"]["thumbnail"], demo), timeout=30)
        if thumbnail.status_code == 200:
            break
        assert time.monotonic() < deadline, (
            "no thumbnail at %s" % created["image"]["thumbnail"]
        )
        time.sleep(1)
    assert thumbnail.headers["Content-Type"].startswith("image/")


JOBS = """
query {
  productionJobs(first: 100) {
    totalCount
    edges { node {
      id currentStage isLastStage isOverdue promisedDate status productName quantity
      stages { code }
      order { id number userEmail paymentStatus }
    } }
  }
}"""
SCHEDULE = """
query($id: ID!) {
  orderPaymentSchedule(orderId: $id) {
    state summary
    installments { kind status amount { amount } paidAmount { amount } }
  }
}"""
ORDERS = "query { orders(first: 100) { totalCount edges { node { number userEmail status } } } }"


def demo_jobs(demo, token):
    jobs = [
        e["node"]
        for e in data_of(graphql(demo.url, JOBS, token=token))["productionJobs"][
            "edges"
        ]
    ]
    return {job["order"]["userEmail"]: job for job in jobs}, jobs


def test_the_demo_has_orders_at_each_point_of_an_open_order(demo, staff_token):
    by_buyer, jobs = demo_jobs(demo, staff_token)
    for email in DEMO_BUYERS:
        assert email in by_buyer, "no demo order of %s; jobs: %s" % (
            email,
            [(j["order"]["userEmail"], j["currentStage"]) for j in jobs],
        )
    assert len(jobs) == len(DEMO_BUYERS), [j["order"]["userEmail"] for j in jobs]

    def schedule(email):
        data = data_of(
            graphql(
                demo.url,
                SCHEDULE,
                {"id": by_buyer[email]["order"]["id"]},
                token=staff_token,
            )
        )["orderPaymentSchedule"]
        data["by_kind"] = {i["kind"]: i for i in data["installments"]}
        return data

    def stage_index(job):
        return [s["code"] for s in job["stages"]].index(job["currentStage"])

    today = timezone.localdate()
    paid = {}
    for email in DEMO_BUYERS:
        job = by_buyer[email]
        paid[email] = schedule(email)
        assert job["status"] == "ACTIVE", (email, job)
        if email != LATE:
            assert not job["isOverdue"], (email, job)
            assert datetime.date.fromisoformat(job["promisedDate"]) >= today, (
                email,
                job,
            )

    # Deposit paid, recorded by staff (orderPaymentRecord); not started yet.
    assert paid[DEPOSIT_PAID]["by_kind"]["DEPOSIT"]["status"] == "PAID"
    assert paid[DEPOSIT_PAID]["state"] == "BALANCE_PENDING", paid[DEPOSIT_PAID]
    assert stage_index(by_buyer[DEPOSIT_PAID]) == 0
    assert by_buyer[DEPOSIT_PAID]["order"]["paymentStatus"] == "PARTIALLY_CHARGED"

    # Waiting for the deposit: "Pay deposit / pay later", nothing recorded.
    waiting = paid[WAITING_FOR_DEPOSIT]
    assert waiting["state"] == "AWAITING_DEPOSIT", waiting
    assert waiting["by_kind"]["DEPOSIT"]["status"] == "DUE", waiting
    assert waiting["by_kind"]["DEPOSIT"]["paidAmount"]["amount"] == 0
    assert by_buyer[WAITING_FOR_DEPOSIT]["order"]["paymentStatus"] == "NOT_CHARGED"
    assert stage_index(by_buyer[WAITING_FOR_DEPOSIT]) == 0

    # In production: advanced past CONFIRMED, not finished.
    job = by_buyer[IN_PRODUCTION]
    assert 2 <= stage_index(job) < len(job["stages"]) - 1, job
    assert paid[IN_PRODUCTION]["by_kind"]["DEPOSIT"]["status"] == "PAID"

    # Late: its promised date has passed, it is not finished, it is flagged.
    job = by_buyer[LATE]
    assert datetime.date.fromisoformat(job["promisedDate"]) < today, job
    assert job["isOverdue"] and not job["isLastStage"], job
    assert stage_index(job) >= 2, job
    overdue = data_of(
        graphql(
            demo.url,
            """
        query { productionJobs(first: 10, filter: {overdue: true}) {
          edges { node { order { userEmail } } } } }""",
            token=staff_token,
        )
    )
    assert [
        e["node"]["order"]["userEmail"] for e in overdue["productionJobs"]["edges"]
    ] == [LATE]

    # Ready: at its last stage; its balance (on ready) has fallen due.
    job = by_buyer[READY]
    assert job["isLastStage"], job
    assert paid[READY]["by_kind"]["DEPOSIT"]["status"] == "PAID"
    assert paid[READY]["by_kind"]["BALANCE"]["status"] in ("DUE", "PENDING"), paid[
        READY
    ]


def test_running_the_demo_again_places_no_more_orders(demo, staff_token):
    orders_before = data_of(graphql(demo.url, ORDERS, token=staff_token))["orders"]
    assert orders_before["totalCount"] == len(DEMO_BUYERS)
    _, jobs_before = demo_jobs(demo, staff_token)

    # The demo again, on the same database, on another address.
    again = Demo(
        demo.tmp, "127.0.0.1:%d" % free_port(), demo.marker, env=dict(demo.env)
    )
    again.start()
    try:
        again.wait_served()
        orders_after = data_of(graphql(again.url, ORDERS, token=staff_token))["orders"]
    finally:
        again.stop()
        remove_demo_files(again)
    assert orders_after["totalCount"] == len(DEMO_BUYERS), orders_after
    assert sorted(e["node"]["number"] for e in orders_after["edges"]) == sorted(
        e["node"]["number"] for e in orders_before["edges"]
    )
    _, jobs_after = demo_jobs(demo, staff_token)
    assert sorted((j["id"], j["currentStage"]) for j in jobs_after) == sorted(
        (j["id"], j["currentStage"]) for j in jobs_before
    )


def test_stopping_the_demo_stops_its_server_and_worker(demo):
    port = int(demo.addr.rsplit(":", 1)[1])
    assert left_behind(demo.marker), "nothing of the demo is running"
    demo.stop()
    deadline = time.monotonic() + 15
    while (left_behind(demo.marker) or port_open(port)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not left_behind(demo.marker), "still running after the demo stopped: %s" % (
        left_behind(demo.marker),
    )
    assert not port_open(port)
