"""Counts the SQL queries of each request and returns the count in the
X-SQL-Queries response header, so the benchmark (another process) can read
how many queries an operation cost; X-SQL-Queries-OpenOrder counts those on
the plugin's own tables. Only the bench settings install it.

Every database alias is counted: Saleor 3 reads through its replica alias
(a connection of its own, to the same database in the bench), Saleor 2.10
has only the default one."""

from contextlib import ExitStack

from django.db import connections

HEADER = "X-SQL-Queries"
PLUGIN_HEADER = "X-SQL-Queries-OpenOrder"
PLUGIN_TABLES = '"openorder_'


class _Counter:
    def __init__(self):
        self.count = 0
        self.plugin_tables = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        if PLUGIN_TABLES in sql:
            self.plugin_tables += 1
        return execute(sql, params, many, context)


def count_sql_queries(get_response):
    def middleware(request):
        counter = _Counter()
        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(counter))
            response = get_response(request)
        response[HEADER] = str(counter.count)
        response[PLUGIN_HEADER] = str(counter.plugin_tables)
        return response

    return middleware
