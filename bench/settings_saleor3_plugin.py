"""The benchmark's plugin host on Saleor 3.23: the shipped host settings
(openorder_plugin.saleor3.settings) plus the SQL-counting middleware."""

from openorder_plugin.saleor3.settings import *  # noqa: F401,F403
from openorder_plugin.saleor3.settings import MIDDLEWARE

MIDDLEWARE = ["bench.middleware.count_sql_queries"] + list(MIDDLEWARE)
