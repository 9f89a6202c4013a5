"""The benchmark: Saleor with and without the openorder plugin, on the same
database, measured through real HTTP requests, on Saleor 2.10 (default) or
Saleor 3.23 (--host saleor3).

One run: a fresh bench database (migrated, the demo catalog, bulk orders and
production jobs), two hosts on it (plain Saleor and the plugin host; uWSGI on
2.10, uvicorn on 3.23), then warmed-up, repeated measurements of

- a ready-stock checkout (both hosts),
- a made-to-order checkout with specs (plugin host) against the plain host's
  ready-stock checkout of the same size,
- productionJobs(first: 100) (plugin) against Saleor's orders(first: 100),
- productionJobAdvance throughput with concurrent clients,
- openOrderBacklog over every open order (plugin host),

and the SQL queries per request at two sizes of lines, jobs and stages.
Prints a table, and writes the numbers as JSON (bench/results.json; on
3.23 bench/results-saleor3.json).

    ./bench/run.sh [--host saleor3] [--orders 10000] [--repeats 20] ...
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import threading
import time

from . import operations as ops
from . import operations_saleor3 as ops3
from .client import BenchError, Client
from .load import ONE_LINE_EMAIL, READY_STOCK_SLUGS, THREE_LINES_EMAIL
from .servers import PLATFORMS, Host, bench_database_url, prepare_data, say

STAFF = ("staff@openorder.test", "openorder-staff")
BUYER_EMAIL = "pembeli@openorder.test"

TARGETS = {
    "ready_stock_checkout": 1.05,
    "made_to_order_checkout": 1.3,
    "production_jobs_page": 1.0,
}


# ----------------------------------------------------------------- statistics


def percentile(values, fraction):
    values = sorted(values)
    if not values:
        return None
    position = (len(values) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def summary(ms, sql, plugin_sql=None):
    data = {
        "n": len(ms),
        "median_ms": round(statistics.median(ms), 2),
        "p95_ms": round(percentile(ms, 0.95), 2),
        "mean_ms": round(statistics.mean(ms), 2),
        "min_ms": round(min(ms), 2),
        "sql_per_request": _spread(sql),
    }
    if plugin_sql is not None:
        data["plugin_tables_sql_per_request"] = _spread(plugin_sql)
    return data


def _spread(values):
    return (
        values[0] if len(set(values)) == 1 else {"min": min(values), "max": max(values)}
    )


def sql_value(entry, key="sql_per_request"):
    value = entry[key]
    return value if isinstance(value, int) else value["max"]


# ------------------------------------------------------------------ checkouts


class Catalog:
    """Variant IDs of the demo's products, read through the API (on Saleor 3,
    in the demo's channel)."""

    def __init__(self, client, channel=None):
        if channel:
            edges = client.call(ops3.PRODUCTS, {"channel": channel}).data
        else:
            edges = client.call(ops.PRODUCTS).data
        edges = edges["products"]["edges"]
        self.variants = {
            e["node"]["slug"]: e["node"]["variants"][0]["id"] for e in edges
        }
        missing = [s for s in READY_STOCK_SLUGS if s not in self.variants]
        if missing:
            raise BenchError(
                "Ready-stock products missing: %s (did bench.load run?)" % missing
            )

    def ready_lines(self, count):
        return [
            {"variantId": self.variants[slug], "quantity": 1}
            for slug in READY_STOCK_SLUGS[:count]
        ]

    def custom_lines(self, count):
        """Made-to-order lines with specs: T-shirts with different specs (so
        they stay separate lines), a flower arrangement and a cake."""
        wanted = (datetime.date.today() + datetime.timedelta(days=90)).isoformat()
        kaos, kue, bunga = (
            self.variants["kaos-custom"],
            self.variants["kue-ulang-tahun-custom"],
            self.variants["rangkaian-bunga-custom"],
        )
        lines = [
            (
                kaos,
                [
                    {"code": "size", "value": "XL"},
                    {"code": "color", "value": "#1b2a4a"},
                    {"code": "print_text", "value": "HALO"},
                ],
            ),
            (
                bunga,
                [
                    {"code": "flowers", "values": ["mawar", "lili"]},
                    {"code": "card_message", "value": "Semoga lekas sembuh"},
                ],
            ),
            (
                kue,
                [
                    {"code": "size", "value": "18cm"},
                    {"code": "flavour", "value": "pandan"},
                    {"code": "message", "value": "Selamat ulang tahun"},
                    {"code": "date_wanted", "value": wanted},
                ],
            ),
            (
                kaos,
                [
                    {"code": "size", "value": "M"},
                    {"code": "color", "value": "#ffffff"},
                    {"code": "print_text", "value": "TIM FUTSAL"},
                ],
            ),
            (
                kaos,
                [{"code": "size", "value": "L"}, {"code": "color", "value": "#aa0000"}],
            ),
        ]
        return [{"variantId": v, "quantity": 1, "specs": s} for v, s in lines[:count]]


def checkout_flow(client, lines, custom, channel=None):
    """A storefront's checkout, request by request: [(step, Response)]."""
    if channel:
        return checkout_flow_saleor3(client, lines, custom, channel)
    steps = []
    response, result = client.mutate(
        ops.CHECKOUT_CREATE,
        {
            "input": {
                "email": BUYER_EMAIL,
                "lines": [],
                "shippingAddress": ops.ADDRESS,
                "billingAddress": ops.ADDRESS,
            }
        },
        "checkoutCreate",
    )
    steps.append(("checkoutCreate", response))
    checkout_id = result["checkout"]["id"]
    if custom:
        response, result = client.mutate(
            ops.CHECKOUT_LINES_ADD_CUSTOM,
            {"checkoutId": checkout_id, "lines": lines},
            "checkoutLinesAddCustom",
        )
        steps.append(("checkoutLinesAddCustom", response))
    else:
        response, result = client.mutate(
            ops.CHECKOUT_LINES_ADD,
            {"checkoutId": checkout_id, "lines": lines},
            "checkoutLinesAdd",
        )
        steps.append(("checkoutLinesAdd", response))
    _check_lines(result, lines)
    response, result = client.mutate(
        ops.CHECKOUT_SHIPPING_ADDRESS,
        {"checkoutId": checkout_id, "address": ops.ADDRESS},
        "checkoutShippingAddressUpdate",
    )
    steps.append(("checkoutShippingAddressUpdate", response))
    method = result["checkout"]["availableShippingMethods"][0]["id"]
    response, result = client.mutate(
        ops.CHECKOUT_SHIPPING_METHOD,
        {"checkoutId": checkout_id, "shippingMethodId": method},
        "checkoutShippingMethodUpdate",
    )
    steps.append(("checkoutShippingMethodUpdate", response))
    total = result["checkout"]["totalPrice"]["gross"]["amount"]
    response, result = client.mutate(
        ops.CHECKOUT_PAYMENT,
        {
            "checkoutId": checkout_id,
            "input": {
                "gateway": "mirumee.payments.dummy",
                "token": "bench-token",
                "amount": total,
                "billingAddress": ops.ADDRESS,
            },
        },
        "checkoutPaymentCreate",
    )
    steps.append(("checkoutPaymentCreate", response))
    response, result = client.mutate(
        ops.CHECKOUT_COMPLETE, {"checkoutId": checkout_id}, "checkoutComplete"
    )
    steps.append(("checkoutComplete", response))
    _check_order(result, lines)
    return steps


def checkout_flow_saleor3(client, lines, custom, channel):
    """Saleor 3.23's checkout, as its storefronts run it: the checkout is
    created in the channel, lines go in (Saleor's checkoutLinesAdd, or the
    plugin's checkoutLinesAddCustom with specs), then the shipping address
    (Saleor drops that of a checkout created without lines) and a delivery
    method, and checkoutComplete places the order unpaid: the demo channel
    allows unpaid orders, Saleor 3's own flow for a shop without a payment
    app (its legacy dummy gateway is deprecated), and the way an open order
    is placed. Ready stock and made to order are placed the same way."""
    steps = []
    response, result = client.mutate(
        ops3.CHECKOUT_CREATE,
        {
            "input": {
                "channel": channel,
                "email": BUYER_EMAIL,
                "lines": [],
                "billingAddress": ops3.ADDRESS,
            }
        },
        "checkoutCreate",
    )
    steps.append(("checkoutCreate", response))
    checkout_id = result["checkout"]["id"]
    step = "checkoutLinesAddCustom" if custom else "checkoutLinesAdd"
    response, result = client.mutate(
        ops3.CHECKOUT_LINES_ADD_CUSTOM if custom else ops3.CHECKOUT_LINES_ADD,
        {"checkoutId": checkout_id, "lines": lines},
        step,
    )
    steps.append((step, response))
    _check_lines(result, lines)
    response, result = client.mutate(
        ops3.CHECKOUT_SHIPPING_ADDRESS,
        {"checkoutId": checkout_id, "address": ops3.ADDRESS},
        "checkoutShippingAddressUpdate",
    )
    steps.append(("checkoutShippingAddressUpdate", response))
    method = result["checkout"]["shippingMethods"][0]["id"]
    response, result = client.mutate(
        ops3.CHECKOUT_DELIVERY_METHOD,
        {"checkoutId": checkout_id, "deliveryMethodId": method},
        "checkoutDeliveryMethodUpdate",
    )
    steps.append(("checkoutDeliveryMethodUpdate", response))
    response, result = client.mutate(
        ops3.CHECKOUT_COMPLETE, {"checkoutId": checkout_id}, "checkoutComplete"
    )
    steps.append(("checkoutComplete", response))
    _check_order(result, lines)
    return steps


def _check_lines(result, lines):
    if len(result["checkout"]["lines"]) != len(lines):
        raise BenchError(
            "expected %d checkout lines, got %d"
            % (len(lines), len(result["checkout"]["lines"]))
        )


def _check_order(result, lines):
    if not result["order"] or len(result["order"]["lines"]) != len(lines):
        raise BenchError(
            "checkoutComplete made no order with %d lines: %s" % (len(lines), result)
        )


class Series:
    """Repeated runs of one flow or query; a run is one or more requests."""

    def __init__(self, name, host, run):
        self.name = name
        self.host = host
        self.run = run
        self.ms, self.sql, self.plugin_sql, self.steps = [], [], [], {}

    def once(self, record):
        steps = self.run()
        if record:
            self.ms.append(sum(r.ms for _, r in steps))
            self.sql.append(sum(r.sql for _, r in steps))
            self.plugin_sql.append(sum(r.plugin_sql for _, r in steps))
            for step, response in steps:
                entry = self.steps.setdefault(
                    step, {"ms": [], "sql": [], "plugin_sql": []}
                )
                entry["ms"].append(response.ms)
                entry["sql"].append(response.sql)
                entry["plugin_sql"].append(response.plugin_sql)

    def result(self):
        data = {"host": self.host, **summary(self.ms, self.sql, self.plugin_sql)}
        if len(self.steps) > 1:
            data["steps"] = {
                step: summary(v["ms"], v["sql"], v["plugin_sql"])
                for step, v in self.steps.items()
            }
        return data


def interleaved(series, warmup, repeats):
    """Run each series warmup + repeats times, interleaved and alternating the
    order, so drift in the machine's load hits every series alike."""
    for index in range(warmup + repeats):
        ordered = series if index % 2 == 0 else list(reversed(series))
        for one in ordered:
            one.once(record=index >= warmup)
    return {one.name: one.result() for one in series}


# ------------------------------------------------------- productionJobAdvance


def advance_throughput(
    host, token, clients, warmup, requests_per_client, non_last_stages
):
    """`clients` threads, each advancing jobs (one job is held by one thread at
    a time, so no request fails on a stale version) to their next stage."""
    staff = Client(host.url, token)
    needed = clients * (warmup + requests_per_client)
    pool, after = [], None
    while len(pool) < needed:
        page = staff.call(
            ops.PRODUCTION_JOBS,
            {
                "first": 100,
                "after": after,
                "filter": {"status": ["ACTIVE"], "stages": non_last_stages},
            },
        ).data["productionJobs"]
        for edge in page["edges"]:
            job = edge["node"]
            # Past CONFIRMED needs the deposit: take jobs of orders that paid.
            if job["order"]["paymentStatus"] != "NOT_CHARGED":
                pool.append((job["id"], job["version"], job["currentStage"]))
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    lock = threading.Lock()
    barrier = threading.Barrier(clients)
    records, errors, failures = [], [], []
    ends = []

    def take():
        with lock:
            return pool.pop(0) if pool else None

    def worker():
        client = Client(host.url, token)
        try:
            for index in range(warmup + requests_per_client):
                if index == warmup:
                    barrier.wait()
                    if not ends:
                        with lock:
                            ends.append(("start", time.perf_counter()))
                job = take()
                if job is None:
                    break
                response = client.call(
                    ops.PRODUCTION_JOB_ADVANCE, {"id": job[0], "version": job[1]}
                )
                result = response.data["productionJobAdvance"]
                if result["openOrderErrors"]:
                    errors.append(result["openOrderErrors"])
                    continue
                after = result["job"]
                if index >= warmup:
                    with lock:
                        records.append(
                            (
                                response.ms,
                                response.sql,
                                "%s->%s, %d events"
                                % (job[2], after["currentStage"], len(after["events"])),
                            )
                        )
                if not after["isLastStage"]:
                    with lock:
                        pool.append((job[0], after["version"], after["currentStage"]))
        except threading.BrokenBarrierError:
            pass
        except Exception as error:  # reported, not swallowed
            failures.append(repr(error))
            barrier.abort()
        finally:
            with lock:
                ends.append(("end", time.perf_counter()))

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise BenchError("productionJobAdvance clients failed: %s" % failures[:3])
    if not records:
        raise BenchError("no jobs to advance (pool of %d)" % len(pool))
    start = min(t for kind, t in ends if kind == "start")
    end = max(t for kind, t in ends if kind == "end")
    ms = [r[0] for r in records]
    sql = [r[1] for r in records]
    by_change = {}
    for _, count, change in records:
        by_change.setdefault(change, set()).add(count)
    data = {"host": host.name, "clients": clients, **summary(ms, sql)}
    data["throughput_rps"] = round(len(records) / (end - start), 1)
    data["errors"] = len(errors)
    # The same stage change costs the same queries whatever the job's history
    # (events) or number of stages; past CONFIRMED the deposit gate reads the
    # payment schedule.
    data["sql_by_stage_change"] = {k: sorted(v) for k, v in sorted(by_change.items())}
    return data


# ------------------------------------------------------------- query counting


def sql_of(client, query, variables, times=3):
    """Median latency and the SQL count of a request, after one warm-up."""
    client.call(query, variables)
    responses = [client.call(query, variables) for _ in range(times)]
    return {
        "median_ms": round(statistics.median(r.ms for r in responses), 2),
        "sql": max(r.sql for r in responses),
    }


def constancy_checks(plain_staff, plugin_staff, checkouts, page, small_page):
    """SQL per request at two sizes of lines, jobs and stages."""
    from openorder_plugin.demo.made_to_order import MADE_TO_ORDER

    first_stages = sorted(
        {d["settings"]["stages"][0]["code"] for d in MADE_TO_ORDER.values()}
    )
    last_stages = sorted(
        {d["settings"]["stages"][-1]["code"] for d in MADE_TO_ORDER.values()}
    )
    checks = []

    def pair(what, host, a_label, a, b_label, b, plugin_cost=True):
        checks.append(
            {
                "what": what,
                "host": host,
                "a": a_label,
                "a_sql": a,
                "b": b_label,
                "b_sql": b,
                "constant": a == b,
                "plugin_cost": plugin_cost,
            }
        )

    c = checkouts
    pair(
        "productionJobs page: jobs per page",
        "plugin",
        "first: %d" % small_page,
        sql_of(plugin_staff, ops.PRODUCTION_JOBS, {"first": small_page})["sql"],
        "first: %d" % page,
        sql_of(plugin_staff, ops.PRODUCTION_JOBS, {"first": page})["sql"],
    )
    pair(
        "(diagnosis) productionJobs page without order.paymentStatus",
        "plugin",
        "first: %d" % small_page,
        sql_of(
            plugin_staff,
            ops.PRODUCTION_JOBS_WITHOUT_PAYMENT_STATUS,
            {"first": small_page},
        )["sql"],
        "first: %d" % page,
        sql_of(
            plugin_staff, ops.PRODUCTION_JOBS_WITHOUT_PAYMENT_STATUS, {"first": page}
        )["sql"],
    )
    pair(
        "productionJobs page: lines per order",
        "plugin",
        "1-line orders",
        sql_of(
            plugin_staff,
            ops.PRODUCTION_JOBS,
            {"first": small_page, "filter": {"search": ONE_LINE_EMAIL}},
        )["sql"],
        "3-line orders",
        sql_of(
            plugin_staff,
            ops.PRODUCTION_JOBS,
            {"first": small_page, "filter": {"search": THREE_LINES_EMAIL}},
        )["sql"],
    )
    pair(
        "productionJobs page: stages reached (events per job)",
        "plugin",
        "first stage",
        sql_of(
            plugin_staff,
            ops.PRODUCTION_JOBS,
            {"first": small_page, "filter": {"stages": first_stages}},
        )["sql"],
        "last stage",
        sql_of(
            plugin_staff,
            ops.PRODUCTION_JOBS,
            {"first": small_page, "filter": {"stages": last_stages}},
        )["sql"],
    )
    pair(
        "orders page (Saleor's own): orders per page",
        "plain",
        "first: %d" % small_page,
        sql_of(plain_staff, ops.ORDERS, {"first": small_page})["sql"],
        "first: %d" % page,
        sql_of(plain_staff, ops.ORDERS, {"first": page})["sql"],
        plugin_cost=False,
    )
    pair(
        "orders page (Saleor's own): lines per order",
        "plain",
        "1-line orders",
        sql_of(
            plain_staff,
            ops.ORDERS,
            {"first": small_page, "filter": {"customer": ONE_LINE_EMAIL}},
        )["sql"],
        "3-line orders",
        sql_of(
            plain_staff,
            ops.ORDERS,
            {"first": small_page, "filter": {"customer": THREE_LINES_EMAIL}},
        )["sql"],
        plugin_cost=False,
    )
    # Checkouts: what the plugin adds over Saleor's own ready-stock checkout,
    # step by step, with 1 and with 5 lines (Saleor's own steps grow with
    # lines; the plugin's extra should not).
    plain_steps = {
        n: list(c["ready_stock_checkout_%d_plain" % n]["steps"].items()) for n in (1, 5)
    }
    ready = {
        n: list(c["ready_stock_checkout_%d_plugin" % n]["steps"].items())
        for n in (1, 5)
    }
    for index, (step, _) in enumerate(ready[5]):
        extra = [
            sql_value(ready[n][index][1]) - sql_value(plain_steps[n][index][1])
            for n in (1, 5)
        ]
        pair(
            "ready-stock checkout: %s, queries over plain" % step,
            "plugin - plain",
            "1 line",
            extra[0],
            "5 lines",
            extra[1],
        )
    # Made-to-order lines cost Saleor itself other queries than ready stock
    # (no stock to allocate), so the plugin's part is counted directly: the
    # queries on its own tables.
    custom = {
        n: list(c["made_to_order_checkout_%d_plugin" % n]["steps"].items())
        for n in (1, 5)
    }
    key = "plugin_tables_sql_per_request"
    for index, (step, _) in enumerate(custom[5]):
        counts = [sql_value(custom[n][index][1], key) for n in (1, 5)]
        pair(
            "made-to-order checkout: %s, queries on openorder tables" % step,
            "plugin",
            "1 line",
            counts[0],
            "5 lines",
            counts[1],
        )
    for name, host in (
        ("ready_stock_checkout", "plain"),
        ("ready_stock_checkout", "plugin"),
        ("made_to_order_checkout", "plugin"),
    ):
        pair(
            "%s: whole flow, all queries (Saleor's own included)" % name,
            host,
            "1 line",
            sql_value(c["%s_1_%s" % (name, host)]),
            "5 lines",
            sql_value(c["%s_5_%s" % (name, host)]),
            plugin_cost=False,
        )
    return checks


# ------------------------------------------------------------------- reporting


def ratio(plugin, plain):
    return round(plugin["median_ms"] / plain["median_ms"], 3)


def fmt_sql(entry):
    value = entry["sql_per_request"]
    return (
        str(value) if isinstance(value, int) else "%d-%d" % (value["min"], value["max"])
    )


def table(rows, headers):
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows)]
    line = "  ".join("%-*s" % (w, h) for w, h in zip(widths, headers))
    out = [line, "  ".join("-" * w for w in widths)]
    for row in rows:
        out.append("  ".join("%-*s" % (w, c) for w, c in zip(widths, row)))
    return "\n".join(out)


def report(results):
    ops_ = results["operations"]
    rows = []
    for key, label in (
        ("ready_stock_checkout", "ready-stock checkout, 5 lines (%d requests)"),
        (
            "made_to_order_checkout",
            "made-to-order checkout, 5 lines with specs (%d requests)",
        ),
        ("production_jobs_page", "productionJobs(first:100) vs orders(first:100)"),
    ):
        entry = ops_[key]
        plain, plugin = entry["plain"], entry["plugin"]
        if "%d" in label:
            label = label % len(plugin["steps"])
        rows.append(
            [
                label,
                "%.1f / %.1f" % (plain["median_ms"], plain["p95_ms"]),
                "%.1f / %.1f" % (plugin["median_ms"], plugin["p95_ms"]),
                "%.3f" % entry["ratio"],
                "<= %.2f" % entry["target"],
                "yes" if entry["met"] else "NO",
                "%s / %s" % (fmt_sql(plain), fmt_sql(plugin)),
            ]
        )
    adv = ops_["production_job_advance"]
    rows.append(
        [
            "productionJobAdvance, %d clients (%.1f req/s)"
            % (adv["clients"], adv["throughput_rps"]),
            "-",
            "%.1f / %.1f" % (adv["median_ms"], adv["p95_ms"]),
            "-",
            "-",
            "-",
            "- / %s" % fmt_sql(adv),
        ]
    )
    backlog = ops_.get("open_order_backlog")
    if backlog:
        rows.append(
            [
                "openOrderBacklog, %d open orders" % backlog["open_orders"],
                "-",
                "%.1f / %.1f" % (backlog["median_ms"], backlog["p95_ms"]),
                "-",
                "-",
                "-",
                "- / %s" % fmt_sql(backlog),
            ]
        )
    lines = [
        "",
        "openorder benchmark on %s: %d orders, %d production jobs"
        % (
            results["config"]["saleor"],
            results["scale"]["orders"],
            results["scale"]["jobs"],
        ),
        "hosts: %s each, DEBUG=False; %.0f s in all"
        % (results["config"]["server"], results["duration_seconds"]),
        "machine: %(cpus)d CPUs, %(cpu_model)s, load %(load_before)s -> %(load_after)s"
        % results["machine"],
        "",
        table(
            rows,
            [
                "operation",
                "plain med/p95 ms",
                "plugin med/p95 ms",
                "ratio",
                "target",
                "met",
                "SQL/request plain/plugin",
            ],
        ),
        "",
        "Checkout steps (median ms / SQL queries):",
    ]
    step_rows = []
    series = [
        ("ready plain", ops_["ready_stock_checkout"]["plain"]),
        ("ready plugin", ops_["ready_stock_checkout"]["plugin"]),
        ("made-to-order plugin", ops_["made_to_order_checkout"]["plugin"]),
    ]
    for step in series[0][1]["steps"]:
        row = [step]
        for _, entry in series:
            steps = entry["steps"]
            key = (
                step
                if step in steps
                else "checkoutLinesAddCustom"
                if step == "checkoutLinesAdd"
                else step
            )
            one = steps.get(key)
            row.append("%.1f / %s" % (one["median_ms"], fmt_sql(one)) if one else "-")
        step_rows.append(row)
    lines.append(table(step_rows, ["step"] + [name for name, _ in series]))
    lines += ["", "SQL queries per request at two sizes (constant?):"]
    lines.append(
        table(
            [
                [
                    c["what"],
                    c["host"],
                    "%s: %s" % (c["a"], c["a_sql"]),
                    "%s: %s" % (c["b"], c["b_sql"]),
                    "yes"
                    if c["constant"]
                    else ("NO" if c["plugin_cost"] else "no (Saleor's own)"),
                ]
                for c in results["constancy"]
            ],
            ["what", "host", "size A", "size B", "constant"],
        )
    )
    lines += [
        "",
        "productionJobAdvance SQL per request by stage change (events on the job after it):",
    ]
    lines += ["  %-40s %s" % (k, v) for k, v in adv["sql_by_stage_change"].items()]
    return "\n".join(lines)


# ------------------------------------------------------------------------ main


def machine():
    model = platform.processor()
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            model = next(
                ln.split(":", 1)[1].strip()
                for ln in cpuinfo
                if ln.startswith("model name")
            )
    except (OSError, StopIteration):
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_before": "%.2f" % os.getloadavg()[0],
    }


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="bench/run.sh", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--host",
        choices=sorted(PLATFORMS),
        default="saleor2",
        help="saleor2 (Saleor 2.10, default) or saleor3 (the Saleor 3.23 named by "
        "OPENORDER_SALEOR3_PYTHON and OPENORDER_SALEOR3_SOURCE)",
    )
    parser.add_argument(
        "--orders", type=int, default=10000, help="orders to load (default 10000)"
    )
    parser.add_argument(
        "--jobs-per-order",
        type=int,
        default=2,
        help="made-to-order lines (jobs) per order (default 2)",
    )
    parser.add_argument(
        "--repeats",
        type=int,
        default=20,
        help="measured runs per checkout (default 20)",
    )
    parser.add_argument(
        "--warmup", type=int, default=3, help="unmeasured runs first (default 3)"
    )
    parser.add_argument(
        "--read-repeats",
        type=int,
        default=30,
        help="measured runs of the job/order pages (default 30)",
    )
    parser.add_argument(
        "--small-repeats",
        type=int,
        default=5,
        help="measured runs of the 1-line checkouts (default 5)",
    )
    parser.add_argument(
        "--clients", type=int, default=8, help="concurrent productionJobAdvance clients"
    )
    parser.add_argument(
        "--advance-requests",
        type=int,
        default=25,
        help="measured productionJobAdvance requests per client (default 25)",
    )
    parser.add_argument(
        "--page", type=int, default=100, help="page size of the list queries"
    )
    parser.add_argument(
        "--processes",
        type=int,
        default=4,
        help="worker processes per host (uWSGI processes, uvicorn workers)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=2,
        help="threads per uWSGI worker (2.10; a uvicorn worker runs Django's "
        "views in one thread)",
    )
    parser.add_argument(
        "--port-plain", type=int, help="plain host's port (8101; 3.23: 8111)"
    )
    parser.add_argument(
        "--port-plugin", type=int, help="plugin host's port (8102; 3.23: 8112)"
    )
    parser.add_argument(
        "--database",
        help="bench database name, starting with openorder_bench "
        "(openorder_bench; 3.23: openorder_bench_saleor3)",
    )
    parser.add_argument(
        "--keep-db",
        action="store_true",
        help="reuse the bench database as an earlier run left it (no reload)",
    )
    parser.add_argument(
        "--broker",
        help="Celery broker the hosts enqueue tasks on, '' = run tasks in-process "
        "(redis://127.0.0.1:6379/15; 3.23: .../14)",
    )
    parser.add_argument(
        "--output", help="results file (bench/results.json; 3.23: results-saleor3.json)"
    )
    args = parser.parse_args(argv)
    platform = PLATFORMS[args.host]
    for option, default in (
        ("port_plain", platform.ports["plain"]),
        ("port_plugin", platform.ports["plugin"]),
        ("database", platform.database),
        ("broker", platform.broker),
        ("output", platform.output),
    ):
        if getattr(args, option) is None:
            setattr(args, option, default)
    return args


def broker_env(url):
    """Tasks go to a broker as in production (no worker drains it during the
    run; the queue is emptied afterwards). Without Redis, tasks run eagerly."""
    if not url:
        return {"CELERY_BROKER_URL": ""}, None
    try:
        import redis

        client = redis.Redis.from_url(url)
        client.ping()
        client.flushdb()
        return {"CELERY_BROKER_URL": url}, client
    except Exception as error:
        say("no Redis at %s (%s): tasks run in-process" % (url, error))
        return {"CELERY_BROKER_URL": ""}, None


def main(argv=None):
    args = parse_args(argv)
    platform = PLATFORMS[args.host]()
    started = time.monotonic()
    database_url = bench_database_url(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/openorder"),
        args.database,
    )
    results = {
        "machine": machine(),
        "config": {k: v for k, v in vars(args).items() if k != "output"},
    }
    results["config"]["saleor"] = platform.label
    if not args.keep_db:
        results["data"] = prepare_data(
            platform, database_url, args.orders, args.jobs_per_order
        )
    env, broker = broker_env(args.broker)
    results["config"]["tasks"] = (
        "broker %s" % args.broker if broker else "in-process (eager)"
    )
    plain, plugin = (
        Host(
            platform,
            name,
            port,
            database_url,
            args.processes,
            args.threads,
            env,
        )
        for name, port in (("plain", args.port_plain), ("plugin", args.port_plugin))
    )
    results["config"]["server"] = platform.server(plain)
    try:
        say(
            "starting the plain host on %s and the plugin host on %s (%s, %s)"
            % (plain.url, plugin.url, platform.label, results["config"]["server"])
        )
        plain.start()
        plugin.start()
        plain.wait_ready()
        plugin.wait_ready()
        results["operations"], results["constancy"], results["scale"] = measure(
            args, plain, plugin, platform.channel
        )
    finally:
        plain.stop()
        plugin.stop()
        if broker is not None:
            broker.flushdb()
    results["machine"]["load_after"] = "%.2f" % os.getloadavg()[0]
    results["duration_seconds"] = round(time.monotonic() - started, 1)
    print(report(results))
    print("\nJSON (also in %s):" % args.output)
    text = json.dumps(results, indent=2)
    print(text)
    with open(args.output, "w") as out:
        out.write(text + "\n")
    say("done in %.0f s" % results["duration_seconds"])


def measure(args, plain, plugin, channel=None):
    tokens = {}
    for host in (plain, plugin):
        _, result = Client(host.url).mutate(
            ops.TOKEN_CREATE, dict(zip(("email", "password"), STAFF)), "tokenCreate"
        )
        tokens[host.name] = result["token"]
    plain_staff, plugin_staff = (
        Client(plain.url, tokens["plain"]),
        Client(plugin.url, tokens["plugin"]),
    )
    catalog = Catalog(Client(plugin.url), channel)
    buyer = {"plain": Client(plain.url), "plugin": Client(plugin.url)}

    def flow(host, count, custom):
        lines = catalog.custom_lines(count) if custom else catalog.ready_lines(count)
        return lambda: checkout_flow(buyer[host], lines, custom, channel)

    def series_for(count):
        return [
            Series(
                "ready_stock_checkout_%d_plain" % count,
                "plain",
                flow("plain", count, False),
            ),
            Series(
                "ready_stock_checkout_%d_plugin" % count,
                "plugin",
                flow("plugin", count, False),
            ),
            Series(
                "made_to_order_checkout_%d_plugin" % count,
                "plugin",
                flow("plugin", count, True),
            ),
        ]

    say(
        "checkouts with 5 lines: %d warm-up + %d measured each"
        % (args.warmup, args.repeats)
    )
    checkouts = interleaved(series_for(5), args.warmup, args.repeats)
    say("checkouts with 1 line: 1 warm-up + %d measured each" % args.small_repeats)
    checkouts.update(interleaved(series_for(1), 1, args.small_repeats))

    say(
        "productionJobs(first: %d) and orders(first: %d): %d warm-up + %d measured"
        % (args.page, args.page, args.warmup, args.read_repeats)
    )

    def page_of(client, query, field):
        def run():
            response = client.call(query, {"first": args.page})
            return [(field, response)]

        return run

    pages = interleaved(
        [
            Series("orders", "plain", page_of(plain_staff, ops.ORDERS, "orders")),
            Series(
                "production_jobs",
                "plugin",
                page_of(plugin_staff, ops.PRODUCTION_JOBS, "productionJobs"),
            ),
        ],
        args.warmup,
        args.read_repeats,
    )
    say("openOrderBacklog: %d warm-up + %d measured" % (args.warmup, args.read_repeats))
    backlog = interleaved(
        [
            Series(
                "open_order_backlog",
                "plugin",
                lambda: [
                    (
                        "openOrderBacklog",
                        plugin_staff.call(ops.OPEN_ORDER_BACKLOG, {}),
                    )
                ],
            )
        ],
        args.warmup,
        args.read_repeats,
    )["open_order_backlog"]
    backlog["open_orders"] = plugin_staff.call(ops.OPEN_ORDER_BACKLOG, {}).data[
        "openOrderBacklog"
    ]["orders"]
    scale = {
        "orders": plain_staff.call(ops.ORDERS, {"first": 1}).data["orders"][
            "totalCount"
        ],
        "jobs": plugin_staff.call(ops.PRODUCTION_JOBS, {"first": 1}).data[
            "productionJobs"
        ]["totalCount"],
    }

    say("SQL queries per request at two sizes")
    constancy = constancy_checks(
        plain_staff, plugin_staff, checkouts, args.page, max(5, args.page // 10)
    )

    say(
        "productionJobAdvance: %d clients x (2 warm-up + %d measured)"
        % (args.clients, args.advance_requests)
    )
    from openorder_plugin.demo.made_to_order import MADE_TO_ORDER

    non_last = sorted(
        {
            s["code"]
            for d in MADE_TO_ORDER.values()
            for s in d["settings"]["stages"][:-1]
        }
    )
    advance = advance_throughput(
        plugin, tokens["plugin"], args.clients, 2, args.advance_requests, non_last
    )

    def compare(key, plain_entry, plugin_entry):
        value = ratio(plugin_entry, plain_entry)
        return {
            "plain": plain_entry,
            "plugin": plugin_entry,
            "ratio": value,
            "target": TARGETS[key],
            "met": value <= TARGETS[key],
        }

    operations = {
        "ready_stock_checkout": compare(
            "ready_stock_checkout",
            checkouts["ready_stock_checkout_5_plain"],
            checkouts["ready_stock_checkout_5_plugin"],
        ),
        "made_to_order_checkout": compare(
            "made_to_order_checkout",
            checkouts["ready_stock_checkout_5_plain"],
            checkouts["made_to_order_checkout_5_plugin"],
        ),
        "production_jobs_page": compare(
            "production_jobs_page", pages["orders"], pages["production_jobs"]
        ),
        "production_job_advance": advance,
        "open_order_backlog": backlog,
        "checkouts_1_line": {k: v for k, v in checkouts.items() if "_1_" in k},
    }
    return operations, constancy, scale


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except BenchError as error:
        print("benchmark failed: %s" % error, file=sys.stderr)
        sys.exit(1)
