"""Model fields that pick the implementation of the Django the host runs.

Saleor 2.10 runs Django 3.0, which has JSON only in contrib.postgres; Saleor
3.23 runs Django 5.2, where that field is gone (system check fields.E904) and
`models.JSONField` takes its place. Both store jsonb, so one migration set
serves both hosts."""

from django.db import models

try:
    _JSONField = models.JSONField
except AttributeError:  # Django < 3.1 (Saleor 2.10)
    from django.contrib.postgres.fields import JSONField as _JSONField


class JSONField(_JSONField):
    """jsonb on every host; deconstructs to this path, so migrations name
    one field whichever Django wrote them."""
