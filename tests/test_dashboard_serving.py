"""How the production board is served: the built app (with client-side routes
surviving a reload), and every GraphQL document the app sends to Saleor 2.10
checked against the plugin's real schema. Its Saleor App manifest: tests/api/test_app_api.py."""

import json
import subprocess

import pytest

from openorder_plugin.saleor2.graphql.api import schema

from .dashboard_helpers import (
    DASHBOARD,
    board_documents,
    invalid_documents,
    require_build,
    require_node,
    run_npm,
)
from .production_helpers import place_order
from .specs_helpers import add_custom, days_from_today, empty_checkout
from .sql import count_queries
from .storefront import pay_and_complete, set_shipping_address, variant_id


def test_every_document_meant_for_saleor_2_is_valid_against_its_schema():
    # Saleor 3.23's (and the board's documents for it): tests/api/test_board_documents_api.py.
    documents = board_documents("saleor2")
    assert {
        "PRODUCTION_JOBS",
        "PRODUCTION_JOB_ADVANCE",
        "CUSTOM_SPEC_FIELD_CREATE",
        "ORDER_JOBS",
        "TOKEN_CREATE",
        "TOKEN_REFRESH",
    } <= set(documents)
    assert invalid_documents(schema, documents) == {}


def test_the_documents_only_saleor_3_has_are_kept_out_of_the_2_10_codegen():
    # They name what Saleor 2.10 lacks (tokenCreate's refreshToken,
    # tokenRefresh(refreshToken:)), so they live in src/api/saleor3Auth.ts,
    # typed by hand, and are never sent to 2.10.
    saleor3_only = set(board_documents("saleor3")) - set(board_documents("saleor2"))
    assert saleor3_only == {"TOKEN_CREATE_SALEOR3", "TOKEN_REFRESH_SALEOR3"}
    refused = invalid_documents(
        schema, {name: board_documents()[name] for name in saleor3_only}
    )
    assert set(refused) == saleor3_only
    generated = (DASHBOARD / "src" / "api" / "generated.ts").read_text()
    assert "TokenCreateSaleor3" not in generated


def server_sdl():
    """The plugin's schema as SDL, printed as scripts/schema.mjs prints it."""
    require_node()
    return subprocess.run(
        ["node", "scripts/schema.mjs", "--stdin"],
        input=json.dumps(schema.introspect()),
        cwd=DASHBOARD,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout


def test_the_committed_schema_is_the_servers():
    # graphql-codegen reads dashboard_extension/schema.graphql: it must be
    # the schema the server serves.
    committed = (DASHBOARD / "schema.graphql").read_text()
    assert committed == server_sdl(), (
        "dashboard_extension/schema.graphql is out of date with the server's schema: "
        "run `npm run generate` in dashboard_extension"
    )


def test_the_generated_types_are_up_to_date():
    # src/api/generated.ts is what graphql-codegen writes from schema.graphql
    # and the documents of src/api/operations.ts.
    result = run_npm("run", "codegen", "--", "--check", timeout=180)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


@pytest.mark.parametrize(
    "path",
    [
        "",
        "jobs/UHJvZHVjdGlvbkpvYjox",
        "settings",
        "order?orderId=T3JkZXI6MQ%3D%3D",
        "chat-orders",
        "chat-orders/new",
        "backlog",
    ],
)
def test_the_built_app_is_served_for_its_routes(api, path):
    require_build()
    response = api.session.get(api.base_url + "/dashboard-extension/" + path)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    assert '<div id="root"></div>' in response.text
    assert "/dashboard-extension/assets/" in response.text


def test_the_app_assets_are_served(api):
    require_build()
    index = api.session.get(api.base_url + "/dashboard-extension/").text
    script = index.split('src="')[1].split('"')[0]
    response = api.session.get(api.base_url + script)
    assert response.status_code == 200
    assert "javascript" in response.headers["Content-Type"]


def test_the_boards_job_query_shows_choice_labels_in_a_constant_number_of_queries(
    api, staff_api, demo_shop
):
    board_query = board_documents("saleor2")["PRODUCTION_JOBS"]

    def cake(flavour):
        checkout = empty_checkout(api)
        product = demo_shop["products"]["kue-ulang-tahun-custom"]
        specs = [
            {"code": "size", "value": "22cm"},
            {"code": "flavour", "value": flavour},
            {"code": "message", "value": "Halo"},
            {"code": "date_wanted", "value": days_from_today(10)},
        ]
        added = add_custom(
            api,
            checkout,
            [{"variantId": variant_id(product), "quantity": 1, "specs": specs}],
        )
        assert added["openOrderErrors"] == [], added["openOrderErrors"]
        result = pay_and_complete(api, set_shipping_address(api, checkout))
        assert result["checkoutErrors"] == [], result["checkoutErrors"]

    def board():
        with count_queries() as counter:
            page = staff_api.query(board_query, {"first": 100})["productionJobs"]
        return counter.count, [edge["node"] for edge in page["edges"]]

    cake("red_velvet")
    place_order(api, demo_shop, [("rangkaian-bunga-custom", 1), ("kaos-custom", 1)])
    few, jobs = board()
    specs = {s["code"]: s for job in jobs for s in job["specs"]}
    # A choice by its label, the raw value beside it; anything else as it is.
    assert (specs["flavour"]["value"], specs["flavour"]["displayValue"]) == (
        "red_velvet",
        "Red velvet",
    )
    assert specs["flavour"]["displayValues"] == ["Red velvet"]
    assert specs["size"]["displayValue"] == specs["size"]["displayValues"][0]
    assert specs["message"]["displayValue"] == "Halo"
    flowers = specs["flowers"]
    labels = {
        "mawar": "Roses",
        "lili": "Lilies",
        "anggrek": "Orchids",
        "krisan": "Chrysanthemums",
    }
    assert flowers["displayValues"] == [labels[v] for v in flowers["values"]]
    assert flowers["displayValue"] == ", ".join(flowers["displayValues"])

    for flavour in ["pandan", "coklat", "red_velvet", "pandan"]:
        cake(flavour)
    place_order(api, demo_shop, [("kaos-custom", 2), ("rangkaian-bunga-custom", 1)])
    many, jobs = board()
    assert len(jobs) == 9
    assert many == few, "queries: %d for 3 jobs, %d for 9" % (few, many)
