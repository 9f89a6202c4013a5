"""The production board as a Saleor App: its manifest, on the host the suite
runs on, and on Saleor 3.23 the app installed by Saleor's own appInstall, as
the dashboard's "Install extension from manifest" does: its extensions in
the dashboard's mounts, and the token each extension's frame is handed
(the board's app bridge passes it on) allowing what that extension needs and
no more."""

import pytest

from openorder_plugin.payments.deferred import GATEWAY_ID

from ..client import ApiClient
from ..hosts import ON_SALEOR3
from ..readme import walkthrough
from .test_production_api import JOBS, place_made_to_order

MANIFEST_PATH = "/dashboard-extension/api/manifest"

INSTALLATIONS = "{ appsInstallations { appName status message } }"

APPS = """
{
  apps(first: 5) {
    edges { node {
      identifier name isActive appUrl
      permissions { code }
      extensions { label mountName targetName url settings permissions { code } }
    } }
  }
}
"""

EXTENSIONS = """
query($mounts: [String!]) {
  appExtensions(first: 10, filter: {mountName: $mounts}) {
    edges { node { label url targetName accessToken } }
  }
}
"""

PRODUCT_TYPES = "{ madeToOrderProductTypes(first: 10) { totalCount } }"


@pytest.fixture
def shop_address(settings, live_server):
    """The shop's public address, as a Saleor 3 shop names it (PUBLIC_URL):
    the manifest is built from it (Saleor 2.10 reads the request's)."""
    settings.PUBLIC_URL = live_server.url
    return live_server.url


def test_the_manifest_points_a_saleor_dashboard_at_the_board(api, shop_address):
    response = api.session.get(shop_address + MANIFEST_PATH)
    assert response.status_code == 200
    manifest = response.json()
    assert manifest["appUrl"] == shop_address + "/dashboard-extension/"
    assert manifest["tokenTargetUrl"] == (
        shop_address + "/dashboard-extension/api/register"
    )
    # Saleor 3's payment events need HANDLE_PAYMENTS ("Pay deposit / pay later").
    payments = {"HANDLE_PAYMENTS"} if ON_SALEOR3 else set()
    assert (
        set(manifest["permissions"]) == {"MANAGE_ORDERS", "MANAGE_PRODUCTS"} | payments
    )
    webhooks = {e for w in manifest["webhooks"] for e in w["syncEvents"]}
    assert webhooks == (
        {"PAYMENT_GATEWAY_INITIALIZE_SESSION", "TRANSACTION_INITIALIZE_SESSION"}
        if ON_SALEOR3
        else set()
    )
    mounts = {e["mount"]: e for e in manifest["extensions"]}
    assert (
        mounts["NAVIGATION_ORDERS"]["target"],
        mounts["NAVIGATION_ORDERS"]["url"],
    ) == (
        "APP_PAGE",
        "/",
    )
    assert mounts["ORDER_DETAILS_WIDGETS"]["target"] == "WIDGET"
    assert mounts["ORDER_DETAILS_WIDGETS"]["url"] == "/order"
    assert mounts["ORDER_DETAILS_MORE_ACTIONS"]["target"] == "APP_PAGE"
    assert mounts["NAVIGATION_CATALOG"]["url"] == "/settings"
    assert all(e["permissions"] for e in manifest["extensions"])

    # The app token Saleor posts on installation is not kept: the board acts
    # only with the signed-in staff member's own token.
    registered = api.session.post(
        manifest["tokenTargetUrl"], json={"auth_token": "token-from-saleor"}
    )
    assert (registered.status_code, registered.json()) == (200, {"success": True})
    assert api.session.get(manifest["tokenTargetUrl"]).status_code == 405


# The README's installation, as written (its manifest address is the demo's).
README_STEPS = {
    name: (doc, variables) for name, doc, variables in walkthrough("saleor3-app")
}
README_SHOP = "http://127.0.0.1:8000"


def install_board(staff_api, shop_address):
    """What the dashboard's "Install extension from manifest" sends: the
    README's InstallBoard, with this shop's manifest address."""
    document, variables = README_STEPS["InstallBoard"]
    assert variables["manifestUrl"] == README_SHOP + MANIFEST_PATH
    manifest_url = variables["manifestUrl"].replace(README_SHOP, shop_address)
    return staff_api.query(document, {"manifestUrl": manifest_url})["appInstall"]


@pytest.mark.skipif(
    not ON_SALEOR3, reason="Saleor 2.10's dashboard has no app extensions"
)
def test_the_dashboard_installs_the_board_and_hands_each_extension_its_own_token(
    api, staff_api, demo_shop, shop_address
):
    installed = install_board(staff_api, shop_address)
    assert installed["errors"] == [], installed["errors"]
    assert installed["appInstallation"]["id"]
    # Saleor installs in a Celery task (run at once here, without a broker):
    # it fetched the manifest from the shop, posted the app's token, and
    # dropped the finished installation job (a failed one stays, saying why).
    assert staff_api.query(INSTALLATIONS)["appsInstallations"] == []
    (app,) = [edge["node"] for edge in staff_api.query(APPS)["apps"]["edges"]]
    assert (app["identifier"], app["isActive"]) == (GATEWAY_ID, True)
    assert app["appUrl"] == shop_address + "/dashboard-extension/"
    assert {p["code"] for p in app["permissions"]} == {
        "MANAGE_ORDERS",
        "MANAGE_PRODUCTS",
        "HANDLE_PAYMENTS",
    }
    document, variables = README_STEPS["BoardExtensions"]
    listed = staff_api.query(document, variables)["appExtensions"]["edges"]
    assert sorted((e["node"]["mountName"], e["node"]["url"]) for e in listed) == [
        ("NAVIGATION_CATALOG", "/settings"),
        ("NAVIGATION_ORDERS", "/"),
        ("ORDER_DETAILS_MORE_ACTIONS", "/"),
        ("ORDER_DETAILS_WIDGETS", "/order"),
    ]
    extensions = {e["mountName"]: e for e in app["extensions"]}
    assert set(extensions) == {
        "NAVIGATION_ORDERS",
        "ORDER_DETAILS_WIDGETS",
        "ORDER_DETAILS_MORE_ACTIONS",
        "NAVIGATION_CATALOG",
    }
    widget = extensions["ORDER_DETAILS_WIDGETS"]
    assert (widget["targetName"], widget["url"]) == ("WIDGET", "/order")
    assert widget["settings"] == {"widgetTarget": {"method": "GET"}}
    assert [p["code"] for p in widget["permissions"]] == ["MANAGE_ORDERS"]

    # The order page's widget: its token shows this order's jobs.
    order = place_made_to_order(api, demo_shop)
    place_made_to_order(api, demo_shop)
    (widget,) = [
        edge["node"]
        for edge in staff_api.query(EXTENSIONS, {"mounts": ["ORDER_DETAILS_WIDGETS"]})[
            "appExtensions"
        ]["edges"]
    ]
    as_widget = ApiClient(shop_address, token=widget["accessToken"])
    board = as_widget.query(JOBS, {"first": 10, "filter": {"orders": [order["id"]]}})
    assert [e["node"]["order"]["id"] for e in board["productionJobs"]["edges"]] == [
        order["id"]
    ]

    # The catalog settings' token may manage products, not orders, though
    # the staff member may do both.
    (settings_page,) = [
        edge["node"]
        for edge in staff_api.query(EXTENSIONS, {"mounts": ["NAVIGATION_CATALOG"]})[
            "appExtensions"
        ]["edges"]
    ]
    as_settings = ApiClient(shop_address, token=settings_page["accessToken"])
    assert as_settings.query(PRODUCT_TYPES)["madeToOrderProductTypes"]["totalCount"] > 0
    refused = as_settings.execute(JOBS, {"first": 10})
    assert refused["data"]["productionJobs"] is None
    assert refused["errors"]

    # A second installation of the same app is refused by Saleor, and says so.
    again = install_board(staff_api, shop_address)
    assert again["errors"] == []
    (failed,) = staff_api.query(INSTALLATIONS)["appsInstallations"]
    assert failed["status"] == "FAILED"
    assert "already installed" in failed["message"]
    assert len(staff_api.query(APPS)["apps"]["edges"]) == 1
