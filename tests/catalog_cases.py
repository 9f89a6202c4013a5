"""Bad catalog definitions and where they are refused: (id, input as the API
takes it, the error's path in the API's words, its code). The rules tier
(test_catalog_rules.py) runs every case on the domain without a database; the
API tier (test_catalog_validation.py) sends a few of them over HTTP."""


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
    (
        "type missing",
        {"code": "engraving", "label": "Engraving"},
        "input.type",
        "REQUIRED",
    ),
    # TEXT / LONG_TEXT: lengths, pattern, price per character.
    ("unbalanced regex", text(pattern="([a-z"), "input.pattern", "INVALID_PATTERN"),
    ("backreference", text(pattern=r"(a)\1"), "input.pattern", "INVALID_PATTERN"),
    ("lookahead", text(pattern="(?=abc)abc"), "input.pattern", "INVALID_PATTERN"),
    ("huge repetition", text(pattern="a{5000}"), "input.pattern", "INVALID_PATTERN"),
    (
        "min length above max",
        text(minLength=10, maxLength=5),
        "input.minLength",
        "INVALID_RANGE",
    ),
    ("negative min length", text(minLength=-1), "input.minLength", "OUT_OF_RANGE"),
    (
        "zero max length",
        of_type("LONG_TEXT", maxLength=0),
        "input.maxLength",
        "OUT_OF_RANGE",
    ),
    (
        "negative price per character",
        text(pricePerCharacter=-0.5),
        "input.pricePerCharacter",
        "NEGATIVE_PRICE",
    ),
    (
        "rupiah has no cents",
        text(pricePerCharacter=0.5),
        "input.pricePerCharacter",
        "INVALID",
    ),
    # NUMBER: range.
    (
        "min value above max",
        of_type("NUMBER", minValue=10, maxValue=1),
        "input.minValue",
        "INVALID_RANGE",
    ),
    (
        "pattern on a number",
        of_type("NUMBER", pattern="^[0-9]+$"),
        "input.pattern",
        "INVALID",
    ),
    (
        "length on a number",
        of_type("NUMBER", maxLength=3),
        "input.maxLength",
        "INVALID",
    ),
    (
        "huge number bound",
        of_type("NUMBER", maxValue=1e15),
        "input.maxValue",
        "OUT_OF_RANGE",
    ),
    # CHOICE / MULTI_CHOICE: choices.
    ("choice without choices", of_type("CHOICE"), "input.choices", "REQUIRED"),
    (
        "choice with no choices",
        of_type("CHOICE", choices=[]),
        "input.choices",
        "REQUIRED",
    ),
    (
        "multi choice without choices",
        of_type("MULTI_CHOICE"),
        "input.choices",
        "REQUIRED",
    ),
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
        of_type(
            "CHOICE", choices=[{"value": "a"}, {"value": "b", "priceAmount": -100}]
        ),
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
    (
        "length on a boolean",
        of_type("BOOLEAN", minLength=1),
        "input.minLength",
        "INVALID",
    ),
    (
        "negative earliest date",
        of_type("DATE", earliestDateDays=-1),
        "input.earliestDateDays",
        "OUT_OF_RANGE",
    ),
    (
        "earliest date on a text",
        text(earliestDateDays=2),
        "input.earliestDateDays",
        "INVALID",
    ),
    ("pattern on a colour", of_type("COLOR", pattern="^#"), "input.pattern", "INVALID"),
    (
        "zero file size",
        of_type("FILE", maxFileSize=0),
        "input.maxFileSize",
        "OUT_OF_RANGE",
    ),
    (
        "not a MIME type",
        of_type("FILE", allowedFileTypes=["image/png", "pdf"]),
        "input.allowedFileTypes.1",
        "INVALID",
    ),
    ("file size on a text", text(maxFileSize=100), "input.maxFileSize", "INVALID"),
    # Prices of every type.
    (
        "negative price per unit",
        of_type("BOOLEAN", pricePerUnit=-1),
        "input.pricePerUnit",
        "NEGATIVE_PRICE",
    ),
    (
        "price finer than the currency",
        text(pricePerUnit=0.001),
        "input.pricePerUnit",
        "INVALID",
    ),
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


BAD_SETTINGS = [
    ("negative lead time", {"leadTimeDays": -1}, "input.leadTimeDays", "OUT_OF_RANGE"),
    ("zero capacity", {"dailyCapacity": 0}, "input.dailyCapacity", "OUT_OF_RANGE"),
    ("no working days", {"workingDays": []}, "input.workingDays", "REQUIRED"),
    ("no stages", {"stages": []}, "input.stages", "REQUIRED"),
    (
        "duplicate stage",
        {
            "stages": [
                {"code": "RECEIVED", "label": "A"},
                {"code": "RECEIVED", "label": "B"},
            ]
        },
        "input.stages.1.code",
        "UNIQUE",
    ),
    (
        "lower-case stage",
        {"stages": [{"code": "received", "label": "A"}]},
        "input.stages.0.code",
        "INVALID",
    ),
    (
        "stage without label",
        {"stages": [{"code": "RECEIVED", "label": ""}]},
        "input.stages.0.label",
        "REQUIRED",
    ),
    (
        "unknown cancellation stage",
        {"freeCancellationStage": "PACKING"},
        "input.freeCancellationStage",
        "INVALID",
    ),
    (
        "stages losing the cancellation stage",
        {
            "stages": [
                {"code": "RECEIVED", "label": "Received"},
                {"code": "READY", "label": "Ready"},
            ]
        },
        "input.stages",
        "INVALID",
    ),
    (
        "percent above 100",
        {"depositType": "PERCENT", "depositValue": 150},
        "input.depositValue",
        "OUT_OF_RANGE",
    ),
    ("negative percent", {"depositValue": -5}, "input.depositValue", "OUT_OF_RANGE"),
    (
        "negative fixed deposit",
        {"depositType": "FIXED", "depositValue": -1000},
        "input.depositValue",
        "NEGATIVE_PRICE",
    ),
    (
        "value on no deposit",
        {"depositType": "NONE", "depositValue": 10},
        "input.depositValue",
        "INVALID",
    ),
    (
        "days missing",
        {"balanceDue": "DAYS_AFTER_ORDER"},
        "input.balanceDueDays",
        "REQUIRED",
    ),
    (
        "days without days-after",
        {"balanceDue": "ON_READY", "balanceDueDays": 5},
        "input.balanceDueDays",
        "INVALID",
    ),
    (
        "zero days",
        {"balanceDue": "DAYS_AFTER_ORDER", "balanceDueDays": 0},
        "input.balanceDueDays",
        "OUT_OF_RANGE",
    ),
    # Refused as a whole: the valid mode change is not applied either.
    (
        "mode with a bad lead time",
        {"mode": "READY_STOCK", "leadTimeDays": -3},
        "input.leadTimeDays",
        "OUT_OF_RANGE",
    ),
]
