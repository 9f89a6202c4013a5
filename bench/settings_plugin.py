"""The benchmark's plugin host: the shipped host settings
(openorder_plugin.saleor2.settings) plus the SQL-counting middleware."""

from openorder_plugin.saleor2.settings import *  # noqa: F401,F403
from openorder_plugin.saleor2.settings import MIDDLEWARE

MIDDLEWARE = ["bench.middleware.count_sql_queries"] + list(MIDDLEWARE)
