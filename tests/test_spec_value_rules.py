"""The rules for a buyer's spec values, without a database: every bad spec in
spec_cases.py is refused with its code at its path, against the demo's own
T-shirt and cake definitions."""

import datetime

import pytest
from django.utils import timezone

from openorder_plugin.catalog import spec_fields
from openorder_plugin.errors import OpenOrderError
from openorder_plugin.models import CustomSpecField
from openorder_plugin.demo.made_to_order import MADE_TO_ORDER
from openorder_plugin.api.paths import api_path
from openorder_plugin.specs.values import clean_values

from .spec_cases import BAD_CAKE, BAD_TSHIRT, cake_specs


def fields_of(product_type_slug):
    """The type's fields as unsaved rows, each cleaned as the catalog does."""
    cleaned = []
    for field in MADE_TO_ORDER[product_type_slug]["fields"]:
        cleaned.append(spec_fields.clean_field(None, field, cleaned))
    return [CustomSpecField(**values) for values in cleaned]


def refusals(fields, specs):
    with pytest.raises(OpenOrderError) as raised:
        clean_values(
            fields,
            specs,
            today=timezone.localdate(),
            uploads={},
            prefix="lines.0.specs",
        )
    return [(api_path(p.field), p.code) for p in raised.value.problems]


@pytest.mark.parametrize("specs,field,code", BAD_TSHIRT)
def test_bad_tshirt_specs_are_refused(specs, field, code):
    assert refusals(fields_of("kaos-type"), specs) == [(field, code)]


@pytest.mark.parametrize("specs,field,code", BAD_CAKE)
def test_bad_cake_specs_are_refused(specs, field, code):
    assert refusals(fields_of("kue-ulang-tahun-type"), specs) == [(field, code)]


def test_good_cake_specs_pass():
    cleaned = clean_values(
        fields_of("kue-ulang-tahun-type"),
        cake_specs(),
        today=timezone.localdate(),
        uploads={},
    )
    assert cleaned["flavour"] == "pandan"
    assert datetime.date.fromisoformat(cleaned["date_wanted"]) > timezone.localdate()
