"""Every bad definition gets a typed error naming the input, and nothing is
stored: not the field, not the settings, not the schema version."""

import pytest
from saleor.product.models import ProductType, ProductVariant

from openorder_plugin.catalog.patterns import pattern_matches
from openorder_plugin.models import CustomSpecField, MadeToOrderSettings

from .catalog_cases import BAD_FIELDS, BAD_SETTINGS, of_type, text
from .catalog_helpers import (
    FIELD_CREATE,
    FIELD_DELETE,
    FIELD_REORDER,
    FIELD_UPDATE,
    MADE_TO_ORDER_UPDATE,
    assert_refused,
    gid,
    snapshot,
)


@pytest.fixture
def shirt(demo_shop):
    return ProductType.objects.get(slug="kaos-type")


@pytest.fixture
def cake(demo_shop):
    return ProductType.objects.get(slug="kue-ulang-tahun-type")


def version(product_type):
    return MadeToOrderSettings.objects.get(product_type=product_type).schema_version


# Over HTTP, one case per kind of rule: every case runs on the domain in
# test_catalog_rules.py.
API_FIELD_CASES = [
    case
    for case in BAD_FIELDS
    if case[0]
    in (
        "duplicate code",
        "unbalanced regex",
        "min value above max",
        "duplicate choice values",
        "negative choice price",
        "not a MIME type",
        "condition value not among the choices",
    )
]
API_SETTINGS_CASES = [
    case
    for case in BAD_SETTINGS
    if case[0]
    in (
        "negative lead time",
        "duplicate stage",
        "stages losing the cancellation stage",
        "days missing",
        "mode with a bad lead time",
    )
]


@pytest.mark.parametrize(
    "field_input,path,code",
    [c[1:] for c in API_FIELD_CASES],
    ids=[c[0] for c in API_FIELD_CASES],
)
def test_a_bad_field_is_refused_and_nothing_is_stored(
    staff_api, shirt, field_input, path, code
):
    before = snapshot(shirt)
    data = staff_api.query(
        FIELD_CREATE,
        {"productTypeId": gid("ProductType", shirt.pk), "input": field_input},
    )["customSpecFieldCreate"]
    assert data["customSpecField"] is None
    assert_refused(data, path, code)
    assert snapshot(shirt) == before


def test_every_problem_is_reported_at_once(staff_api, shirt):
    data = staff_api.query(
        FIELD_CREATE,
        {
            "productTypeId": gid("ProductType", shirt.pk),
            "input": text(
                code="size", label="", minLength=9, maxLength=2, pricePerUnit=-5
            ),
        },
    )["customSpecFieldCreate"]
    found = {(e["field"], e["code"]) for e in data["openOrderErrors"]}
    assert found == {
        ("input.code", "UNIQUE"),
        ("input.label", "REQUIRED"),
        ("input.minLength", "INVALID_RANGE"),
        ("input.pricePerUnit", "NEGATIVE_PRICE"),
    }
    assert all(e["message"] for e in data["openOrderErrors"])


def test_an_unknown_field_type_is_refused_by_the_schema(staff_api, shirt):
    before = snapshot(shirt)
    body = staff_api.execute(
        FIELD_CREATE,
        {"productTypeId": gid("ProductType", shirt.pk), "input": of_type("SIGNATURE")},
    )
    # The type is a GraphQL enum: the request is refused before it runs, with
    # an error naming the input field and the allowed values' type.
    assert body.get("data") is None
    message = body["errors"][0]["message"]
    assert "SpecFieldTypeEnum" in message and '"type"' in message
    assert snapshot(shirt) == before


def test_the_domain_refuses_an_unknown_field_type_too(shirt):
    # The demo loader and other Python callers skip the GraphQL enum.
    from openorder_plugin.catalog import services
    from openorder_plugin.errors import OpenOrderError

    before = snapshot(shirt)
    with pytest.raises(OpenOrderError) as refused:
        services.create_field(
            shirt.pk, {"code": "sig", "label": "Sig", "type": "SIGNATURE"}
        )
    assert [(p.field, p.code) for p in refused.value.problems] == [
        ("input.type", "INVALID_TYPE")
    ]
    assert snapshot(shirt) == before


def test_a_pathological_pattern_is_harmless(staff_api, shirt):
    # RE2 matches in time linear in the input: the classic catastrophic
    # backtracking pattern compiles and cannot run away.
    data = staff_api.query(
        FIELD_CREATE,
        {
            "productTypeId": gid("ProductType", shirt.pk),
            "input": text(pattern="(a+)+$"),
        },
    )["customSpecFieldCreate"]
    assert data["openOrderErrors"] == []
    stored = CustomSpecField.objects.get(product_type=shirt, code="engraving").pattern
    assert stored == "(a+)+$"
    assert pattern_matches(stored, "a" * 200000 + "!") is False
    assert pattern_matches(stored, "a" * 200000) is True


BAD_UPDATES = [
    ("code taken", "print_text", {"code": "size"}, "input.code", "UNIQUE"),
    (
        "pattern on the new type",
        "print_text",
        {"type": "NUMBER", "pattern": "^x$"},
        "input.pattern",
        "INVALID",
    ),
    ("choices emptied", "size", {"choices": []}, "input.choices", "REQUIRED"),
    (
        "min above the stored max",
        "print_text",
        {"minLength": 41},
        "input.minLength",
        "INVALID_RANGE",
    ),
    (
        "negative price",
        "size",
        {"pricePerUnit": -1},
        "input.pricePerUnit",
        "NEGATIVE_PRICE",
    ),
]


@pytest.mark.parametrize(
    "code,field_input,path,error",
    [c[1:] for c in BAD_UPDATES],
    ids=[c[0] for c in BAD_UPDATES],
)
def test_a_bad_update_is_refused_and_nothing_is_stored(
    staff_api, shirt, code, field_input, path, error
):
    field = CustomSpecField.objects.get(product_type=shirt, code=code)
    before = snapshot(shirt)
    data = staff_api.query(
        FIELD_UPDATE, {"id": gid("CustomSpecField", field.pk), "input": field_input}
    )["customSpecFieldUpdate"]
    assert_refused(data, path, error)
    assert snapshot(shirt) == before


def test_conditions_cannot_form_a_cycle(staff_api, cake):
    # candle_number is shown when candles is true; candles cannot in turn
    # depend on candle_number.
    candles = CustomSpecField.objects.get(product_type=cake, code="candles")
    before = snapshot(cake)
    data = staff_api.query(
        FIELD_UPDATE,
        {
            "id": gid("CustomSpecField", candles.pk),
            "input": {"visibleWhenField": "candle_number", "visibleWhenValue": "1"},
        },
    )["customSpecFieldUpdate"]
    assert_refused(data, "input.visibleWhenField", "INVALID_CONDITION")
    assert "cycle" in data["openOrderErrors"][0]["message"]
    assert snapshot(cake) == before


def test_a_field_others_depend_on_cannot_lose_what_they_wait_for(staff_api, cake):
    type_id = gid("ProductType", cake.pk)
    created = staff_api.query(
        FIELD_CREATE,
        {
            "productTypeId": type_id,
            "input": of_type(
                "BOOLEAN",
                code="topper",
                visibleWhenField="size",
                visibleWhenValue="26cm",
            ),
        },
    )["customSpecFieldCreate"]
    assert created["openOrderErrors"] == []
    size = CustomSpecField.objects.get(product_type=cake, code="size")
    candles = CustomSpecField.objects.get(product_type=cake, code="candles")
    before = snapshot(cake)

    data = staff_api.query(
        FIELD_UPDATE,
        {
            "id": gid("CustomSpecField", size.pk),
            "input": {"choices": [{"value": "18cm"}]},
        },
    )["customSpecFieldUpdate"]
    assert_refused(data, "input.choices", "INVALID_CONDITION")
    assert "topper" in data["openOrderErrors"][0]["message"]

    data = staff_api.query(
        FIELD_UPDATE,
        {"id": gid("CustomSpecField", candles.pk), "input": {"type": "FILE"}},
    )["customSpecFieldUpdate"]
    assert_refused(data, "input.type", "INVALID_CONDITION")

    data = staff_api.query(FIELD_DELETE, {"id": gid("CustomSpecField", candles.pk)})[
        "customSpecFieldDelete"
    ]
    assert_refused(data, "id", "INVALID_CONDITION")
    assert "candle_number" in data["openOrderErrors"][0]["message"]
    assert snapshot(cake) == before


def test_unknown_ids_are_not_found(staff_api, shirt):
    before = snapshot(shirt)
    missing_field = gid("CustomSpecField", 999999)
    data = staff_api.query(FIELD_UPDATE, {"id": missing_field, "input": {"label": "x"}})
    assert_refused(data["customSpecFieldUpdate"], "id", "NOT_FOUND")
    data = staff_api.query(FIELD_DELETE, {"id": gid("ProductType", shirt.pk)})
    assert_refused(data["customSpecFieldDelete"], "id", "NOT_FOUND")
    data = staff_api.query(
        FIELD_CREATE, {"productTypeId": gid("ProductType", 999999), "input": text()}
    )
    assert_refused(data["customSpecFieldCreate"], "productTypeId", "NOT_FOUND")
    other = CustomSpecField.objects.exclude(product_type=shirt).first()
    data = staff_api.query(
        FIELD_REORDER,
        {
            "productTypeId": gid("ProductType", shirt.pk),
            "moves": [{"id": gid("CustomSpecField", other.pk), "sortOrder": 1}],
        },
    )
    assert_refused(data["customSpecFieldReorder"], "moves.0.id", "NOT_FOUND")
    assert snapshot(shirt) == before


def test_moving_a_field_twice_in_one_reorder_is_refused(staff_api, shirt):
    size = gid(
        "CustomSpecField",
        CustomSpecField.objects.get(product_type=shirt, code="size").pk,
    )
    before = snapshot(shirt)
    data = staff_api.query(
        FIELD_REORDER,
        {
            "productTypeId": gid("ProductType", shirt.pk),
            "moves": [{"id": size, "sortOrder": 1}, {"id": size, "sortOrder": 1}],
        },
    )["customSpecFieldReorder"]
    assert_refused(data, "moves.1.id", "INVALID")
    assert snapshot(shirt) == before


@pytest.mark.parametrize(
    "settings_input,path,code",
    [c[1:] for c in API_SETTINGS_CASES],
    ids=[c[0] for c in API_SETTINGS_CASES],
)
def test_bad_settings_are_refused_and_nothing_is_stored(
    staff_api, shirt, settings_input, path, code
):
    before = snapshot(shirt)
    data = staff_api.query(
        MADE_TO_ORDER_UPDATE,
        {"productTypeId": gid("ProductType", shirt.pk), "input": settings_input},
    )["productTypeMadeToOrderUpdate"]
    assert data["madeToOrderSettings"] is None
    assert_refused(data, path, code)
    assert snapshot(shirt) == before
    assert not ProductVariant.objects.filter(
        product__product_type=shirt, track_inventory=True
    ).exists()


def test_a_bad_first_configuration_creates_no_settings(staff_api, demo_shop):
    fresh = ProductType.objects.create(name="Mug", slug="mug", has_variants=False)
    data = staff_api.query(
        MADE_TO_ORDER_UPDATE,
        {
            "productTypeId": gid("ProductType", fresh.pk),
            "input": {"mode": "MADE_TO_ORDER", "leadTimeDays": -1},
        },
    )["productTypeMadeToOrderUpdate"]
    assert_refused(data, "input.leadTimeDays", "OUT_OF_RANGE")
    assert not MadeToOrderSettings.objects.filter(product_type=fresh).exists()
    data = staff_api.query(
        FIELD_CREATE,
        {"productTypeId": gid("ProductType", fresh.pk), "input": of_type("CHOICE")},
    )["customSpecFieldCreate"]
    assert_refused(data, "input.choices", "REQUIRED")
    assert snapshot(fresh) == (None, [])


def test_a_schema_change_bumps_the_version_and_a_no_op_does_not(staff_api, shirt):
    start = version(shirt)
    size = CustomSpecField.objects.get(product_type=shirt, code="size")
    same = staff_api.query(
        FIELD_UPDATE,
        {"id": gid("CustomSpecField", size.pk), "input": {"label": "Size"}},
    )["customSpecFieldUpdate"]
    assert same["openOrderErrors"] == [] and version(shirt) == start
    changed = staff_api.query(
        FIELD_UPDATE,
        {"id": gid("CustomSpecField", size.pk), "input": {"required": False}},
    )["customSpecFieldUpdate"]
    assert (
        changed["madeToOrderSettings"]["schemaVersion"] == start + 1 == version(shirt)
    )
