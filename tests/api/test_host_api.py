"""The extended schema on the host the suite runs on: Saleor's own API
unchanged, the plugin's operations beside it, the plugin active."""

from ..hosts import ON_SALEOR3


def test_the_extended_schema_serves_saleor_and_the_plugin(api, demo_shop):
    data = api.query(
        """
        {
          shop { name }
          plugin: __type(name: "MadeToOrderProduct") { name }
          query: __type(name: "Query") { fields { name } }
        }
        """
    )
    assert data["shop"]["name"] == "Toko Open Order"
    assert data["plugin"] == {"name": "MadeToOrderProduct"}
    fields = {f["name"] for f in data["query"]["fields"]}
    # Saleor's own operations and the plugin's, side by side.
    assert {"products", "checkout", "order"} <= fields
    assert {"madeToOrderProduct", "madeToOrderQuote", "productionJobs"} <= fields


def test_the_plugin_is_active_for_staff(staff_api):
    query = """
        { plugin(id: "openorder.made_to_order") { name %s } }
        """ % (
        "channelConfigurations { active channel { slug } }" if ON_SALEOR3 else "active"
    )
    plugin = staff_api.query(query)["plugin"]
    assert plugin["name"] == "Open order (made to order)"
    if ON_SALEOR3:
        assert any(c["active"] for c in plugin["channelConfigurations"])
    else:
        assert plugin["active"]
