"""openorder: open orders (made to order goods) for Saleor 2.10."""

default_app_config = "openorder_plugin.apps.OpenOrderConfig"
