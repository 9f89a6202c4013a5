"""How the production board is served: the built app (with client-side routes
surviving a reload), its Saleor App manifest, and every GraphQL document the
app sends checked against the plugin's real schema."""
import json
import subprocess

import pytest
from graphql import parse, validate

from openorder_plugin.graphql.api import schema

from .dashboard_helpers import DASHBOARD, require_build, require_node


def dashboard_operations():
    require_node()
    output = subprocess.check_output(
        ["node", "scripts/print-operations.mjs"], cwd=DASHBOARD, text=True, timeout=120
    )
    return json.loads(output)


def test_every_operation_of_the_app_is_valid_against_the_schema():
    operations = dashboard_operations()
    assert {"PRODUCTION_JOBS", "PRODUCTION_JOB_ADVANCE", "CUSTOM_SPEC_FIELD_CREATE"} <= set(operations)
    problems = {
        name: [error.message for error in validate(schema, parse(document))]
        for name, document in operations.items()
    }
    assert {name: errors for name, errors in problems.items() if errors} == {}


@pytest.mark.parametrize("path", ["", "jobs/UHJvZHVjdGlvbkpvYjox", "settings"])
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


def test_the_app_manifest_points_a_saleor_dashboard_at_the_board(api):
    response = api.session.get(api.base_url + "/dashboard-extension/api/manifest")
    assert response.status_code == 200
    manifest = response.json()
    assert manifest["appUrl"] == api.base_url + "/dashboard-extension/"
    assert manifest["tokenTargetUrl"] == api.base_url + "/dashboard-extension/api/register"
    assert set(manifest["permissions"]) == {"MANAGE_ORDERS", "MANAGE_PRODUCTS"}
    mounts = {extension["mount"]: extension for extension in manifest["extensions"]}
    assert mounts["ORDER_DETAILS_MORE_ACTIONS"]["target"] == "APP_PAGE"
    assert mounts["NAVIGATION_ORDERS"]["url"] == "/"
    assert all(e["permissions"] for e in manifest["extensions"])

    registered = api.session.post(
        manifest["tokenTargetUrl"], json={"auth_token": "token-from-saleor"}
    )
    assert registered.status_code == 200
    assert registered.json() == {"success": True}
