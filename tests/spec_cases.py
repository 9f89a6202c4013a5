"""Bad specs a buyer can give, and where they are refused: (specs, the
error's path, its code). The rules tier (test_spec_value_rules.py) runs every
case on the domain without a database; the API tier
(test_checkout_specs_validation.py) sends a few of them over HTTP."""

from .specs_helpers import days_from_today


def cake_specs(**overrides):
    specs = {
        "size": "22cm",
        "flavour": "pandan",
        "message": "Selamat ulang tahun",
        "date_wanted": days_from_today(10),
    }
    specs.update(overrides)
    return [
        {"code": code, "value": value}
        for code, value in specs.items()
        if value is not None
    ]


BAD_TSHIRT = [
    # (specs, field, code)
    ([{"code": "color", "value": "#000000"}], "lines.0.specs.size", "REQUIRED"),
    (
        [{"code": "size", "value": "XS"}, {"code": "color", "value": "#000000"}],
        "lines.0.specs.size",
        "INVALID_CHOICE",
    ),
    (
        [{"code": "size", "value": "M"}, {"code": "color", "value": "navy"}],
        "lines.0.specs.color",
        "INVALID_TYPE",
    ),
    (
        [
            {"code": "size", "value": "M"},
            {"code": "color", "value": "#000000"},
            {"code": "print_text", "value": "X" * 41},
        ],
        "lines.0.specs.print_text",
        "TOO_LONG",
    ),
    (
        [
            {"code": "size", "value": "M"},
            {"code": "color", "value": "#000000"},
            {"code": "print_text", "value": "<b>hi</b>"},
        ],
        "lines.0.specs.print_text",
        "PATTERN_MISMATCH",
    ),
    (
        [
            {"code": "size", "value": "M"},
            {"code": "color", "value": "#000000"},
            {"code": "print_text", "value": "two\nlines"},
        ],
        "lines.0.specs.print_text",
        "INVALID",
    ),
    (
        [
            {"code": "size", "value": "M"},
            {"code": "color", "value": "#000000"},
            {"code": "sleeve", "value": "long"},
        ],
        "lines.0.specs.sleeve",
        "UNKNOWN_FIELD",
    ),
    (
        [
            {"code": "size", "value": "M"},
            {"code": "size", "value": "L"},
            {"code": "color", "value": "#000000"},
        ],
        "lines.0.specs.size",
        "INVALID",
    ),
    (
        [
            {"code": "size", "value": "M"},
            {"code": "color", "value": "#000000"},
            {"code": "design_file", "value": "00000000-0000-0000-0000-000000000000"},
        ],
        "lines.0.specs.design_file",
        "NOT_FOUND",
    ),
]


BAD_CAKE = [
    (
        cake_specs(date_wanted=days_from_today(1)),
        "lines.0.specs.date_wanted",
        "INVALID_DATE",
    ),
    (cake_specs(date_wanted="31-12-2030"), "lines.0.specs.date_wanted", "INVALID_TYPE"),
    (
        cake_specs(date_wanted=days_from_today(1000)),
        "lines.0.specs.date_wanted",
        "INVALID_DATE",
    ),
    (cake_specs(candles="yes"), "lines.0.specs.candles", "INVALID_TYPE"),
    # candle_number only applies when candles is true
    (cake_specs(candle_number="5"), "lines.0.specs.candle_number", "HIDDEN_FIELD"),
    (
        cake_specs(candles="true", candle_number="100"),
        "lines.0.specs.candle_number",
        "OUT_OF_RANGE",
    ),
    (
        cake_specs(candles="true", candle_number="lima"),
        "lines.0.specs.candle_number",
        "INVALID_TYPE",
    ),
    (
        cake_specs(candles="true", candle_number="NaN"),
        "lines.0.specs.candle_number",
        "INVALID_TYPE",
    ),
    (cake_specs(flavour=None), "lines.0.specs.flavour", "REQUIRED"),
]
