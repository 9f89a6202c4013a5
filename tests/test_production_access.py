"""Who may see and change production: the permission matrix, the buyer's
timeline (without staff data), concurrent advances and the query count of
the production board."""

import threading
import uuid

import pytest
from graphene import Node

from .production_helpers import (
    ADVANCE,
    HOLD,
    JOB,
    JOBS,
    RESUME,
    TIMELINE,
    UPDATE,
    advance_ok,
    jobs_of,
    place_order,
    staff_user,
)
from .sql import count_queries


@pytest.fixture
def order_with_job(api, staff_api, demo_shop):
    order = place_order(api, demo_shop, [("kaos-custom", 1)])
    (job,) = jobs_of(staff_api, order["number"])
    return order, job


def client_for(who, api, demo_shop):
    if who == "anonymous":
        return api
    if who == "buyer":
        return api.signed_in("pembeli@openorder.test", "openorder-pembeli")
    if who == "another buyer":
        from saleor.account.models import User

        User.objects.create_user("lain@openorder.test", "lain-pass")
        return api.signed_in("lain@openorder.test", "lain-pass")
    if who == "staff without permission":
        staff_user("tanpa@openorder.test", "staff-pass")
        return api.signed_in("tanpa@openorder.test", "staff-pass")
    if who == "staff with permission":
        staff_user("produksi@openorder.test", "staff-pass", "manage_orders")
        return api.signed_in("produksi@openorder.test", "staff-pass")
    raise AssertionError(who)


@pytest.mark.parametrize(
    "who,allowed",
    [
        ("anonymous", False),
        ("buyer", False),
        ("another buyer", False),
        ("staff without permission", False),
        ("staff with permission", True),
    ],
)
def test_permission_matrix(who, allowed, api, demo_shop, order_with_job):
    order, job = order_with_job
    client = client_for(who, api, demo_shop)
    operations = [
        ("productionJobs", JOBS, {"first": 10}),
        ("productionJob", JOB, {"id": job["id"]}),
        (
            "productionJobUpdate",
            UPDATE,
            {"id": job["id"], "input": {"note": "x"}, "version": 1},
        ),
        ("productionJobHold", HOLD, {"id": job["id"], "reason": "x", "version": 2}),
        ("productionJobResume", RESUME, {"id": job["id"], "version": 3}),
        ("productionJobAdvance", ADVANCE, {"id": job["id"], "version": 4}),
    ]
    for name, query, variables in operations:
        body = client.execute(query, variables)
        if allowed:
            assert not body.get("errors"), (name, body)
            assert body["data"][name] is not None
            if (
                name.startswith("productionJob")
                and "openOrderErrors" in body["data"][name]
            ):
                assert body["data"][name]["openOrderErrors"] == [], name
        else:
            assert body["data"][name] is None, name
            assert body["errors"][0]["message"].startswith(
                "You do not have permission"
            ), name
    from openorder_plugin.models import ProductionJob

    saved = ProductionJob.objects.get()
    if allowed:
        # update, hold, resume ... then advance at version 4
        assert saved.version == 5
        assert saved.current_stage == "CONFIRMED"
    else:
        assert saved.version == 1
        assert saved.current_stage == "RECEIVED"
        assert saved.notes == ""


def test_buyer_timeline_shows_stages_and_dates_without_staff_data(
    api, staff_api, demo_shop, order_with_job
):
    order, job = order_with_job
    staff = demo_shop["staff"]
    job = staff_api.query(
        UPDATE,
        {
            "id": job["id"],
            "input": {
                "note": "SECRET: buyer is difficult",
                "assignee": Node.to_global_id("User", staff.pk),
            },
            "version": job["version"],
        },
    )["productionJobUpdate"]["job"]
    job = advance_ok(staff_api, job, note="INTERNAL: screen #3")
    job = advance_ok(staff_api, job)
    job = staff_api.query(
        HOLD,
        {"id": job["id"], "reason": "HOLD-REASON: ink out", "version": job["version"]},
    )["productionJobHold"]["job"]

    body = api.execute(TIMELINE, {"token": order["token"]})
    assert "errors" not in body
    (timeline,) = body["data"]["productionTimeline"]
    assert timeline["productName"] == "Kaos Sablon Custom"
    assert timeline["orderLine"] == order["lines"][0]["id"]
    assert timeline["currentStage"] == "IN_PRODUCTION"
    assert timeline["currentStageLabel"] == "Printing (sablon)"
    assert timeline["promisedDate"] == job["promisedDate"]
    assert timeline["isLate"] is False
    assert timeline["isReady"] is False
    reached = {s["code"]: s["reachedAt"] for s in timeline["stages"]}
    assert all(reached[c] for c in ("RECEIVED", "CONFIRMED", "IN_PRODUCTION"))
    assert reached["QUALITY_CHECK"] is None and reached["READY"] is None
    assert [s["label"] for s in timeline["stages"]][1] == "Design confirmed"

    # Nothing staff wrote or who does it reaches the buyer.
    text = str(body)
    for secret in ("SECRET", "INTERNAL", "HOLD-REASON", "staff@openorder.test"):
        assert secret not in text

    # Rework: stages after the one returned to are reached again later.
    job = staff_api.query(RESUME, {"id": job["id"], "version": job["version"]})[
        "productionJobResume"
    ]["job"]
    advance_ok(staff_api, job, toStage="RECEIVED", note="INTERNAL: wrong size")
    (timeline,) = api.query(TIMELINE, {"token": order["token"]})["productionTimeline"]
    reached = {s["code"]: s["reachedAt"] for s in timeline["stages"]}
    assert reached["RECEIVED"] and reached["CONFIRMED"] is None
    assert reached["IN_PRODUCTION"] is None


def test_a_token_shows_only_its_own_order(api, staff_api, demo_shop):
    mine = place_order(api, demo_shop, [("kaos-custom", 1)])
    theirs = place_order(
        api,
        demo_shop,
        [("kue-ulang-tahun-custom", 1), ("rangkaian-bunga-custom", 2)],
        email="lain@openorder.test",
    )
    mine_tl = api.query(TIMELINE, {"token": mine["token"]})["productionTimeline"]
    theirs_tl = api.query(TIMELINE, {"token": theirs["token"]})["productionTimeline"]
    assert [t["productName"] for t in mine_tl] == ["Kaos Sablon Custom"]
    assert sorted(t["productName"] for t in theirs_tl) == [
        "Kue Ulang Tahun Custom",
        "Rangkaian Bunga Custom",
    ]
    assert api.query(TIMELINE, {"token": str(uuid.uuid4())})["productionTimeline"] == []


@pytest.mark.parametrize("staff", [5, 50])
def test_concurrent_advances_apply_exactly_once(
    api, staff_api, demo_shop, order_with_job, staff
):
    order, job = order_with_job
    clients = [staff_api] + [
        api.signed_in("staff@openorder.test", "openorder-staff")
        for _ in range(staff - 1)
    ]
    barrier = threading.Barrier(len(clients))
    results = [None] * len(clients)

    def fire(index, client):
        barrier.wait()
        try:
            results[index] = client.query(
                ADVANCE, {"id": job["id"], "version": job["version"]}
            )["productionJobAdvance"]
        except BaseException as error:  # reported by the assertion below
            results[index] = error

    threads = [
        threading.Thread(target=fire, args=(i, c)) for i, c in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    failures = [r for r in results if not isinstance(r, dict)]
    assert not failures, failures[:3]
    succeeded = [r for r in results if not r["openOrderErrors"]]
    refused = [r for r in results if r["openOrderErrors"]]
    assert len(succeeded) == 1
    assert len(refused) == len(clients) - 1
    assert {r["openOrderErrors"][0]["code"] for r in refused} == {"CONFLICT"}
    saved = staff_api.query(JOB, {"id": job["id"]})["productionJob"]
    assert saved["currentStage"] == "CONFIRMED"
    assert saved["version"] == 2
    assert [e["type"] for e in saved["events"]].count("STAGE_CHANGED") == 1


def _board_queries(staff_api):
    with count_queries() as counter:
        data = staff_api.query(JOBS, {"first": 100})
    return counter.count, data["productionJobs"]


def test_production_board_runs_a_constant_number_of_queries(api, staff_api, demo_shop):
    def place(count):
        kinds = ["kaos-custom", "kue-ulang-tahun-custom", "rangkaian-bunga-custom"]
        for i in range(count):
            # Several made-to-order lines per order; every job gets events.
            place_order(api, demo_shop, [(kinds[i % 3], 1), (kinds[(i + 1) % 3], 2)])

    place(3)
    for node in [
        e["node"]
        for e in staff_api.query(JOBS, {"first": 100})["productionJobs"]["edges"]
    ][:3]:
        advance_ok(staff_api, node, note="n")
    few, board = _board_queries(staff_api)
    assert board["totalCount"] == 6

    place(12)
    for node in [
        e["node"]
        for e in staff_api.query(JOBS, {"first": 100})["productionJobs"]["edges"]
    ][:20]:
        if node["version"] == 1:
            advance_ok(staff_api, node)
    many, board = _board_queries(staff_api)
    assert board["totalCount"] == 30
    assert len(board["edges"]) == 30
    print("productionJobs(first: 100) queries: %d for 6 jobs, %d for 30" % (few, many))
    assert many == few, "queries: %d for 6 jobs, %d for 30" % (few, many)


def test_board_filters_sorting_and_pages(api, staff_api, demo_shop):
    from saleor.product.models import ProductType

    first = place_order(
        api, demo_shop, [("kaos-custom", 1), ("kue-ulang-tahun-custom", 1)]
    )
    second = place_order(
        api, demo_shop, [("kaos-custom", 2)], email="lain@openorder.test"
    )
    (cake,) = [
        j
        for j in jobs_of(staff_api, first["number"])
        if j["productName"].startswith("Kue")
    ]
    advance_ok(staff_api, cake)

    def board(filter=None, sort=None, first_n=10, after=None):
        return staff_api.query(
            JOBS, {"filter": filter, "sortBy": sort, "first": first_n, "after": after}
        )["productionJobs"]

    assert board()["totalCount"] == 3
    assert board({"stages": ["CONFIRMED"]})["totalCount"] == 1
    assert board({"stages": ["RECEIVED", "CONFIRMED"]})["totalCount"] == 3
    kaos_type = Node.to_global_id(
        "ProductType", ProductType.objects.get(slug="kaos-type").pk
    )
    assert board({"productTypes": [kaos_type]})["totalCount"] == 2
    by_email = board({"search": "lain@openorder"})
    assert by_email["totalCount"] == 1
    assert by_email["edges"][0]["node"]["order"]["number"] == second["number"]
    assert board({"search": first["number"]})["totalCount"] == 2
    assert board({"search": "#" + second["number"]})["totalCount"] == 1
    assert board({"overdue": True})["totalCount"] == 0
    assert board({"overdue": False})["totalCount"] == 3
    far = "2999-01-01"
    assert board({"dueBefore": far})["totalCount"] == 3
    assert board({"dueBefore": "2000-01-01"})["totalCount"] == 0

    numbers = [
        e["node"]["order"]["number"]
        for e in board(sort={"field": "ORDER", "direction": "DESC"})["edges"]
    ]
    assert numbers == sorted(numbers, key=int, reverse=True)

    page = board(sort={"field": "CREATED", "direction": "ASC"}, first_n=2)
    assert len(page["edges"]) == 2 and page["pageInfo"]["hasNextPage"]
    rest = board(
        sort={"field": "CREATED", "direction": "ASC"},
        after=page["pageInfo"]["endCursor"],
    )
    assert len(rest["edges"]) == 1
    seen = {e["node"]["id"] for e in page["edges"] + rest["edges"]}
    assert len(seen) == 3
