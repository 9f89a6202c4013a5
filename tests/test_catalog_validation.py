"""Every bad definition gets a typed error naming the input, and nothing is
stored: not the field, not the settings, not the schema version."""
import pytest
from saleor.product.models import ProductType, ProductVariant

from openorder_plugin.catalog.patterns import pattern_matches
from openorder_plugin.models import CustomSpecField, MadeToOrderSettings

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


def text(**extra):
    return dict({"code": "engraving", "label": "Engraving", "type": "TEXT"}, **extra)


def of_type(kind, **extra):
    return dict({"code": "extra", "label": "Extra", "type": kind}, **extra)


BAD_FIELDS = [
    # The code, the label, the type.
    ("duplicate code", text(code="size"), "input.code", "UNIQUE"),
    ("code with spaces", text(code="Print Text"), "input.code", "INVALID"),
    ("code missing", text(code=""), "input.code", "REQUIRED"),
    ("label blank", text(label="   "), "input.label", "REQUIRED"),
    ("label too long", text(label="x" * 129), "input.label", "TOO_LONG"),
    ("type missing", {"code": "engraving", "label": "Engraving"}, "input.type", "REQUIRED"),
    # TEXT / LONG_TEXT: lengths, pattern, price per character.
    ("unbalanced regex", text(pattern="([a-z"), "input.pattern", "INVALID_PATTERN"),
    ("backreference", text(pattern=r"(a)\1"), "input.pattern", "INVALID_PATTERN"),
    ("lookahead", text(pattern="(?=abc)abc"), "input.pattern", "INVALID_PATTERN"),
    ("huge repetition", text(pattern="a{5000}"), "input.pattern", "INVALID_PATTERN"),
    ("min length above max", text(minLength=10, maxLength=5), "input.minLength", "INVALID_RANGE"),
    ("negative min length", text(minLength=-1), "input.minLength", "OUT_OF_RANGE"),
    ("zero max length", of_type("LONG_TEXT", maxLength=0), "input.maxLength", "OUT_OF_RANGE"),
    ("negative price per character", text(pricePerCharacter=-0.5), "input.pricePerCharacter", "NEGATIVE_PRICE"),
    ("rupiah has no cents", text(pricePerCharacter=0.5), "input.pricePerCharacter", "INVALID"),
    # NUMBER: range.
    ("min value above max", of_type("NUMBER", minValue=10, maxValue=1), "input.minValue", "INVALID_RANGE"),
    ("pattern on a number", of_type("NUMBER", pattern="^[0-9]+$"), "input.pattern", "INVALID"),
    ("length on a number", of_type("NUMBER", maxLength=3), "input.maxLength", "INVALID"),
    ("huge number bound", of_type("NUMBER", maxValue=1e15), "input.maxValue", "OUT_OF_RANGE"),
    # CHOICE / MULTI_CHOICE: choices.
    ("choice without choices", of_type("CHOICE"), "input.choices", "REQUIRED"),
    ("choice with no choices", of_type("CHOICE", choices=[]), "input.choices", "REQUIRED"),
    ("multi choice without choices", of_type("MULTI_CHOICE"), "input.choices", "REQUIRED"),
    (
        "duplicate choice values",
        of_type("MULTI_CHOICE", choices=[{"value": "a"}, {"value": "a"}]),
        "input.choices.1.value",
        "UNIQUE",
    ),
    (
        "blank choice value",
        of_type("CHOICE", choices=[{"value": " ", "label": "Blank"}]),
        "input.choices.0.value",
        "REQUIRED",
    ),
    (
        "negative choice price",
        of_type("CHOICE", choices=[{"value": "a"}, {"value": "b", "priceAmount": -100}]),
        "input.choices.1.priceAmount",
        "NEGATIVE_PRICE",
    ),
    (
        "choice price finer than the currency",
        of_type("CHOICE", choices=[{"value": "a", "priceAmount": 1.005}]),
        "input.choices.0.priceAmount",
        "INVALID",
    ),
    ("choices on a text", text(choices=[{"value": "a"}]), "input.choices", "INVALID"),
    # BOOLEAN, DATE, COLOR, FILE.
    ("length on a boolean", of_type("BOOLEAN", minLength=1), "input.minLength", "INVALID"),
    ("negative earliest date", of_type("DATE", earliestDateDays=-1), "input.earliestDateDays", "OUT_OF_RANGE"),
    ("earliest date on a text", text(earliestDateDays=2), "input.earliestDateDays", "INVALID"),
    ("pattern on a colour", of_type("COLOR", pattern="^#"), "input.pattern", "INVALID"),
    ("zero file size", of_type("FILE", maxFileSize=0), "input.maxFileSize", "OUT_OF_RANGE"),
    (
        "not a MIME type",
        of_type("FILE", allowedFileTypes=["image/png", "pdf"]),
        "input.allowedFileTypes.1",
        "INVALID",
    ),
    ("file size on a text", text(maxFileSize=100), "input.maxFileSize", "INVALID"),
    # Prices of every type.
    ("negative price per unit", of_type("BOOLEAN", pricePerUnit=-1), "input.pricePerUnit", "NEGATIVE_PRICE"),
    ("price finer than the currency", text(pricePerUnit=0.001), "input.pricePerUnit", "INVALID"),
    # Conditions.
    (
        "condition on a missing field",
        text(visibleWhenField="no_such_field", visibleWhenValue="x"),
        "input.visibleWhenField",
        "INVALID_CONDITION",
    ),
    (
        "condition on itself",
        text(visibleWhenField="engraving", visibleWhenValue="x"),
        "input.visibleWhenField",
        "INVALID_CONDITION",
    ),
    (
        "condition value not among the choices",
        text(visibleWhenField="size", visibleWhenValue="XXXL"),
        "input.visibleWhenValue",
        "INVALID_CONDITION",
    ),
    (
        "condition without a value",
        text(visibleWhenField="size"),
        "input.visibleWhenValue",
        "INVALID_CONDITION",
    ),
    (
        "condition value without a field",
        text(visibleWhenValue="XL"),
        "input.visibleWhenField",
        "INVALID_CONDITION",
    ),
    (
        "condition on a file",
        text(visibleWhenField="design_file", visibleWhenValue="x"),
        "input.visibleWhenValue",
        "INVALID_CONDITION",
    ),
]


@pytest.fixture
def shirt(demo_shop):
    return ProductType.objects.get(slug="kaos-type")


@pytest.fixture
def cake(demo_shop):
    return ProductType.objects.get(slug="kue-ulang-tahun-type")


def version(product_type):
    return MadeToOrderSettings.objects.get(product_type=product_type).schema_version


@pytest.mark.parametrize(
    "field_input,path,code", [case[1:] for case in BAD_FIELDS], ids=[c[0] for c in BAD_FIELDS]
)
def test_a_bad_field_is_refused_and_nothing_is_stored(staff_api, shirt, field_input, path, code):
    before = snapshot(shirt)
    data = staff_api.query(
        FIELD_CREATE, {"productTypeId": gid("ProductType", shirt.pk), "input": field_input}
    )["customSpecFieldCreate"]
    assert data["customSpecField"] is None
    assert_refused(data, path, code)
    assert snapshot(shirt) == before


def test_every_problem_is_reported_at_once(staff_api, shirt):
    data = staff_api.query(
        FIELD_CREATE,
        {
            "productTypeId": gid("ProductType", shirt.pk),
            "input": text(code="size", label="", minLength=9, maxLength=2, pricePerUnit=-5),
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
        services.create_field(shirt.pk, {"code": "sig", "label": "Sig", "type": "SIGNATURE"})
    assert [(p.field, p.code) for p in refused.value.problems] == [("input.type", "INVALID_TYPE")]
    assert snapshot(shirt) == before


def test_a_pathological_pattern_is_harmless(staff_api, shirt):
    # RE2 matches in time linear in the input: the classic catastrophic
    # backtracking pattern compiles and cannot run away.
    data = staff_api.query(
        FIELD_CREATE,
        {"productTypeId": gid("ProductType", shirt.pk), "input": text(pattern="(a+)+$")},
    )["customSpecFieldCreate"]
    assert data["openOrderErrors"] == []
    stored = CustomSpecField.objects.get(product_type=shirt, code="engraving").pattern
    assert stored == "(a+)+$"
    assert pattern_matches(stored, "a" * 200000 + "!") is False
    assert pattern_matches(stored, "a" * 200000) is True


BAD_UPDATES = [
    ("code taken", "print_text", {"code": "size"}, "input.code", "UNIQUE"),
    ("pattern on the new type", "print_text", {"type": "NUMBER", "pattern": "^x$"}, "input.pattern", "INVALID"),
    ("choices emptied", "size", {"choices": []}, "input.choices", "REQUIRED"),
    ("min above the stored max", "print_text", {"minLength": 41}, "input.minLength", "INVALID_RANGE"),
    ("negative price", "size", {"pricePerUnit": -1}, "input.pricePerUnit", "NEGATIVE_PRICE"),
]


@pytest.mark.parametrize(
    "code,field_input,path,error", [c[1:] for c in BAD_UPDATES], ids=[c[0] for c in BAD_UPDATES]
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
            "input": of_type("BOOLEAN", code="topper", visibleWhenField="size", visibleWhenValue="26cm"),
        },
    )["customSpecFieldCreate"]
    assert created["openOrderErrors"] == []
    size = CustomSpecField.objects.get(product_type=cake, code="size")
    candles = CustomSpecField.objects.get(product_type=cake, code="candles")
    before = snapshot(cake)

    data = staff_api.query(
        FIELD_UPDATE,
        {"id": gid("CustomSpecField", size.pk), "input": {"choices": [{"value": "18cm"}]}},
    )["customSpecFieldUpdate"]
    assert_refused(data, "input.choices", "INVALID_CONDITION")
    assert "topper" in data["openOrderErrors"][0]["message"]

    data = staff_api.query(
        FIELD_UPDATE, {"id": gid("CustomSpecField", candles.pk), "input": {"type": "FILE"}}
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
    size = gid("CustomSpecField", CustomSpecField.objects.get(product_type=shirt, code="size").pk)
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


BAD_SETTINGS = [
    ("negative lead time", {"leadTimeDays": -1}, "input.leadTimeDays", "OUT_OF_RANGE"),
    ("zero capacity", {"dailyCapacity": 0}, "input.dailyCapacity", "OUT_OF_RANGE"),
    ("no working days", {"workingDays": []}, "input.workingDays", "REQUIRED"),
    ("no stages", {"stages": []}, "input.stages", "REQUIRED"),
    (
        "duplicate stage",
        {"stages": [{"code": "RECEIVED", "label": "A"}, {"code": "RECEIVED", "label": "B"}]},
        "input.stages.1.code",
        "UNIQUE",
    ),
    ("lower-case stage", {"stages": [{"code": "received", "label": "A"}]}, "input.stages.0.code", "INVALID"),
    ("stage without label", {"stages": [{"code": "RECEIVED", "label": ""}]}, "input.stages.0.label", "REQUIRED"),
    ("unknown cancellation stage", {"freeCancellationStage": "PACKING"}, "input.freeCancellationStage", "INVALID"),
    (
        "stages losing the cancellation stage",
        {"stages": [{"code": "RECEIVED", "label": "Received"}, {"code": "READY", "label": "Ready"}]},
        "input.stages",
        "INVALID",
    ),
    ("percent above 100", {"depositType": "PERCENT", "depositValue": 150}, "input.depositValue", "OUT_OF_RANGE"),
    ("negative percent", {"depositValue": -5}, "input.depositValue", "OUT_OF_RANGE"),
    ("negative fixed deposit", {"depositType": "FIXED", "depositValue": -1000}, "input.depositValue", "NEGATIVE_PRICE"),
    ("value on no deposit", {"depositType": "NONE", "depositValue": 10}, "input.depositValue", "INVALID"),
    ("days missing", {"balanceDue": "DAYS_AFTER_ORDER"}, "input.balanceDueDays", "REQUIRED"),
    ("days without days-after", {"balanceDue": "ON_READY", "balanceDueDays": 5}, "input.balanceDueDays", "INVALID"),
    ("zero days", {"balanceDue": "DAYS_AFTER_ORDER", "balanceDueDays": 0}, "input.balanceDueDays", "OUT_OF_RANGE"),
    # Refused as a whole: the valid mode change is not applied either.
    ("mode with a bad lead time", {"mode": "READY_STOCK", "leadTimeDays": -3}, "input.leadTimeDays", "OUT_OF_RANGE"),
]


@pytest.mark.parametrize(
    "settings_input,path,code", [c[1:] for c in BAD_SETTINGS], ids=[c[0] for c in BAD_SETTINGS]
)
def test_bad_settings_are_refused_and_nothing_is_stored(staff_api, shirt, settings_input, path, code):
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
        {"productTypeId": gid("ProductType", fresh.pk), "input": {"mode": "MADE_TO_ORDER", "leadTimeDays": -1}},
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
        FIELD_UPDATE, {"id": gid("CustomSpecField", size.pk), "input": {"label": "Size"}}
    )["customSpecFieldUpdate"]
    assert same["openOrderErrors"] == [] and version(shirt) == start
    changed = staff_api.query(
        FIELD_UPDATE, {"id": gid("CustomSpecField", size.pk), "input": {"required": False}}
    )["customSpecFieldUpdate"]
    assert changed["madeToOrderSettings"]["schemaVersion"] == start + 1 == version(shirt)
