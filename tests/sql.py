"""Counting the SQL queries a live-server request runs.

The live server answers each request in a thread with its own database
connection, which the test thread's CaptureQueriesContext cannot see. Every
connection opened while `count_queries()` is active gets an execute wrapper
that counts into one shared counter."""

import threading
from contextlib import contextmanager

from django.db.backends.signals import connection_created


class QueryCounter:
    def __init__(self):
        self.count = 0
        self.statements = []
        self._lock = threading.Lock()

    def __call__(self, execute, sql, params, many, context):
        with self._lock:
            self.count += 1
            self.statements.append(sql)
        return execute(sql, params, many, context)


@contextmanager
def count_queries():
    """Count the queries of requests served inside the block. Requests must
    open their connection inside it (the tests run with CONN_MAX_AGE=0, so
    every request does)."""
    counter = QueryCounter()

    def install(sender, connection, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            connection.execute_wrappers.append(counter)

    connection_created.connect(install, weak=False)
    try:
        yield counter
    finally:
        connection_created.disconnect(install)
