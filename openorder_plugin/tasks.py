"""Celery tasks: thin and idempotent, each calling the domain. Found by
Saleor's Celery app through autodiscovery of installed apps."""
from saleor.celeryconf import app  # noqa: F401  (tasks register on Saleor's app)
