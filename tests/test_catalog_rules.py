"""The catalog's definition rules, without a database: every bad spec field
and every bad settings change in catalog_cases.py is refused with its code at
its path (in the API's words, as the GraphQL layer reports it)."""

import pytest
from graphene.utils.str_converters import to_snake_case

from openorder_plugin.catalog import spec_fields, type_settings
from openorder_plugin.errors import OpenOrderError
from openorder_plugin.models import MadeToOrderSettings
from openorder_plugin.demo.made_to_order import MADE_TO_ORDER
from openorder_plugin.api.paths import api_path

from .catalog_cases import BAD_FIELDS, BAD_SETTINGS

SHIRT = MADE_TO_ORDER["kaos-type"]


def as_domain_input(value):
    """What the GraphQL layer hands the domain: snake_case keys."""
    if isinstance(value, dict):
        return {
            to_snake_case(key): as_domain_input(item) for key, item in value.items()
        }
    if isinstance(value, list):
        return [as_domain_input(item) for item in value]
    return value


def shirt_fields():
    """The demo T-shirt's fields, each cleaned as services.create_field does."""
    fields = []
    for field in SHIRT["fields"]:
        fields.append(spec_fields.clean_field(None, field, fields))
    return fields


def shirt_settings():
    unsaved = MadeToOrderSettings()
    current = {attr: getattr(unsaved, attr) for attr in type_settings.SETTINGS_ATTRS}
    return type_settings.clean_settings(current, SHIRT["settings"])


def refusals(clean, *args):
    with pytest.raises(OpenOrderError) as raised:
        clean(*args)
    return [(api_path(p.field), p.code) for p in raised.value.problems]


@pytest.mark.parametrize(
    "field_input,path,code", [c[1:] for c in BAD_FIELDS], ids=[c[0] for c in BAD_FIELDS]
)
def test_a_bad_field_is_refused(field_input, path, code):
    found = refusals(
        spec_fields.clean_field, None, as_domain_input(field_input), shirt_fields()
    )
    assert (path, code) in found


@pytest.mark.parametrize(
    "settings_input,path,code",
    [c[1:] for c in BAD_SETTINGS],
    ids=[c[0] for c in BAD_SETTINGS],
)
def test_a_bad_settings_change_is_refused(settings_input, path, code):
    found = refusals(
        type_settings.clean_settings, shirt_settings(), as_domain_input(settings_input)
    )
    assert (path, code) in found


def test_the_demo_shirt_itself_is_a_valid_definition():
    assert [field["code"] for field in shirt_fields()] == [
        f["code"] for f in SHIRT["fields"]
    ]
    assert shirt_settings()["mode"] == "MADE_TO_ORDER"


@pytest.mark.parametrize(
    "domain,api",
    [
        ("input.lead_time_days", "input.leadTimeDays"),
        ("input.choices.1.price_amount", "input.choices.1.priceAmount"),
        ("lines.0.specs.print_text", "lines.0.specs.print_text"),
        ("specs.date_wanted", "specs.date_wanted"),
        ("lines.2.variant_id", "lines.2.variantId"),
        ("idempotency_key", "idempotencyKey"),
        (None, None),
    ],
)
def test_paths_are_given_in_the_api_words_but_spec_codes_stay(domain, api):
    assert api_path(domain) == api
