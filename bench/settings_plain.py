"""The benchmark's plain host: the same settings as the plugin host (same
app list, database, currency, Celery, templates), but none of the plugin's
Saleor plugins and Saleor's own URL conf, so /graphql/ serves Saleor's own
schema (saleor.graphql.api.schema) and no plugin hook runs."""

from openorder_plugin.saleor2.settings import *  # noqa: F401,F403
from openorder_plugin.saleor2.settings import MIDDLEWARE, PLUGINS

PLUGINS = [path for path in PLUGINS if not path.startswith("openorder_plugin.")]
ROOT_URLCONF = "saleor.urls"
MIDDLEWARE = ["bench.middleware.count_sql_queries"] + list(MIDDLEWARE)
