"""The demo catalog's made-to-order settings and spec fields.

Kept as data so a reader sees at a glance what each shop asks of a buyer.
Money values are in rupiah."""

KONVEKSI = {
    "settings": {
        "mode": "MADE_TO_ORDER",
        "lead_time_days": 3,
        "daily_capacity": 20,
        "working_days": [1, 2, 3, 4, 5, 6],
        "stages": [
            {"code": "RECEIVED", "label": "Received"},
            {"code": "CONFIRMED", "label": "Design confirmed"},
            {"code": "IN_PRODUCTION", "label": "Printing (sablon)"},
            {"code": "QUALITY_CHECK", "label": "Quality check"},
            {"code": "READY", "label": "Ready to ship"},
        ],
        "deposit_type": "PERCENT",
        "deposit_value": "50",
        "balance_due": "ON_READY",
        "free_cancellation_stage": "CONFIRMED",
    },
    "fields": [
        {
            "code": "size",
            "label": "Size",
            "type": "CHOICE",
            "required": True,
            "choices": [
                {"value": "S", "label": "S"},
                {"value": "M", "label": "M"},
                {"value": "L", "label": "L"},
                {"value": "XL", "label": "XL", "priceAmount": "5000"},
                {"value": "XXL", "label": "XXL", "priceAmount": "10000"},
            ],
        },
        {
            "code": "color",
            "label": "Shirt colour",
            "type": "COLOR",
            "required": True,
            "help_text": "Any colour, as #rrggbb.",
        },
        {
            "code": "print_text",
            "label": "Print text",
            "type": "TEXT",
            "required": False,
            "max_length": 40,
            "pattern": r"^[A-Za-z0-9 .,!?'&-]*$",
            "price_per_character": "500",
            "help_text": "Letters, numbers and simple punctuation; Rp 500 per character.",
        },
        {
            "code": "design_file",
            "label": "Design file",
            "type": "FILE",
            "required": False,
            "max_file_size": 5 * 1024 * 1024,
            "allowed_file_types": ["image/png", "image/jpeg", "application/pdf"],
        },
    ],
}

TOKO_KUE = {
    "settings": {
        "mode": "MADE_TO_ORDER",
        "lead_time_days": 2,
        "daily_capacity": 8,
        "working_days": [1, 2, 3, 4, 5, 6, 7],
        "stages": [
            {"code": "RECEIVED", "label": "Received"},
            {"code": "CONFIRMED", "label": "Confirmed"},
            {"code": "BAKING", "label": "Baking"},
            {"code": "DECORATING", "label": "Decorating"},
            {"code": "READY", "label": "Ready"},
        ],
        "deposit_type": "FIXED",
        "deposit_value": "100000",
        "balance_due": "ON_DELIVERY",
        "free_cancellation_stage": "RECEIVED",
    },
    "fields": [
        {
            "code": "size",
            "label": "Cake size",
            "type": "CHOICE",
            "required": True,
            "choices": [
                {"value": "18cm", "label": "18 cm"},
                {"value": "22cm", "label": "22 cm", "priceAmount": "75000"},
                {"value": "26cm", "label": "26 cm", "priceAmount": "150000"},
            ],
        },
        {
            "code": "flavour",
            "label": "Flavour",
            "type": "CHOICE",
            "required": True,
            "choices": [
                {"value": "coklat", "label": "Chocolate"},
                {"value": "pandan", "label": "Pandan"},
                {"value": "red_velvet", "label": "Red velvet", "priceAmount": "25000"},
            ],
        },
        {
            "code": "message",
            "label": "Message on the cake",
            "type": "TEXT",
            "required": False,
            "max_length": 30,
        },
        {
            "code": "date_wanted",
            "label": "Date wanted",
            "type": "DATE",
            "required": True,
            "earliest_date_days": 2,
        },
        {
            "code": "candles",
            "label": "Add candles",
            "type": "BOOLEAN",
            "required": False,
            "price_per_unit": "10000",
        },
        {
            "code": "candle_number",
            "label": "Number candle",
            "type": "NUMBER",
            "required": False,
            "min_value": "1",
            "max_value": "99",
            "visible_when_field": "candles",
            "visible_when_value": "true",
        },
    ],
}

TOKO_BUNGA = {
    "settings": {
        "mode": "MADE_TO_ORDER",
        "lead_time_days": 1,
        "daily_capacity": 15,
        "working_days": [1, 2, 3, 4, 5, 6, 7],
        "stages": [
            {"code": "RECEIVED", "label": "Received"},
            {"code": "CONFIRMED", "label": "Confirmed"},
            {"code": "ARRANGING", "label": "Arranging"},
            {"code": "READY", "label": "Ready"},
        ],
        "deposit_type": "FULL",
        "deposit_value": "0",
        "balance_due": "ON_READY",
        "free_cancellation_stage": "CONFIRMED",
    },
    "fields": [
        {
            "code": "flowers",
            "label": "Flowers",
            "type": "MULTI_CHOICE",
            "required": True,
            "choices": [
                {"value": "mawar", "label": "Roses", "priceAmount": "50000"},
                {"value": "lili", "label": "Lilies", "priceAmount": "40000"},
                {"value": "anggrek", "label": "Orchids", "priceAmount": "75000"},
                {"value": "krisan", "label": "Chrysanthemums", "priceAmount": "25000"},
            ],
        },
        {
            "code": "main_color",
            "label": "Main colour",
            "type": "COLOR",
            "required": False,
        },
        {
            "code": "card_message",
            "label": "Card message",
            "type": "LONG_TEXT",
            "required": False,
            "max_length": 200,
        },
    ],
}

# Product type slug (see catalog.PRODUCTS) -> its made-to-order definition.
MADE_TO_ORDER = {
    "kaos-type": KONVEKSI,
    "kue-ulang-tahun-type": TOKO_KUE,
    "rangkaian-bunga-type": TOKO_BUNGA,
}
