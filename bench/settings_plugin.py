"""The benchmark's plugin host: the shipped host settings
(openorder_plugin.settings) plus the SQL-counting middleware."""
from openorder_plugin.settings import *  # noqa: F401,F403
from openorder_plugin.settings import MIDDLEWARE

MIDDLEWARE = ["bench.middleware.count_sql_queries"] + list(MIDDLEWARE)
