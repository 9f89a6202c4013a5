"""The benchmark's plain Saleor 3.23 host: the same settings as the plugin
host (same apps, database, channel, Celery, templates), but without the
plugin's Saleor plugin (Saleor 3 adds it to PLUGINS from the package's entry
point) and with Saleor's own URL conf, so /graphql/ serves Saleor's own
schema and no plugin hook runs."""

from openorder_plugin.saleor3.settings import *  # noqa: F401,F403
from openorder_plugin.saleor3.settings import MIDDLEWARE, PLUGINS

PLUGINS = [path for path in PLUGINS if not path.startswith("openorder_plugin.")]
ROOT_URLCONF = "saleor.urls"
MIDDLEWARE = ["bench.middleware.count_sql_queries"] + list(MIDDLEWARE)
