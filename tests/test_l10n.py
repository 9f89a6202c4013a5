"""The buyer's language and how money, dates and times read in it: pure
functions, no database."""

import datetime
import shutil
from decimal import Decimal

import pytest
import pytz
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext, ngettext

from openorder_plugin import l10n
from openorder_plugin.management.commands import openorder_compilemessages as messages
from openorder_plugin.middleware import request_language


@pytest.mark.parametrize(
    "code, language",
    [
        ("id", "id"),
        ("id-ID", "id"),
        ("id_ID", "id"),
        ("ID", "id"),
        ("in", "id"),
        ("in-ID", "id"),
        ("en", "en"),
        ("en-GB", "en"),
        ("de", "en"),
        ("zh-hans", "en"),
        ("indonesian", "en"),
    ],
)
def test_language_of_a_code(code, language):
    assert l10n.language_of(code) == language


@pytest.mark.parametrize(
    "shop, language", [("id", "id"), ("id-id", "id"), ("en", "en"), ("de", "en")]
)
def test_no_code_means_the_shops_language(settings, shop, language):
    settings.LANGUAGE_CODE = shop
    assert l10n.language_of(None) == language
    assert l10n.language_of("") == language


def test_the_demo_shop_speaks_indonesian_and_the_plugin_two_languages():
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "id"
    assert l10n.LANGUAGES == ("en", "id")
    assert l10n.FALLBACK_LANGUAGE == "en"


@pytest.mark.parametrize(
    "amount, currency, language, text",
    [
        (Decimal("50750"), "IDR", "id", "Rp 50.750"),
        (Decimal("50750"), "IDR", "en", "Rp 50,750"),
        (Decimal("50750.00"), "IDR", "id", "Rp 50.750"),
        (Decimal("50750.5"), "IDR", "id", "Rp 50.751"),  # half up, no cents
        (Decimal("50750.49"), "IDR", "en", "Rp 50,750"),
        (Decimal("1250000"), "IDR", "id", "Rp 1.250.000"),
        (Decimal("500"), "IDR", "id", "Rp 500"),
        (Decimal("0"), "IDR", "id", "Rp 0"),
        (Decimal("-20000"), "IDR", "id", "-Rp 20.000"),
        (Decimal("12.5"), "USD", "en", "$12.50"),
        (Decimal("12.5"), "USD", "id", "US$ 12,50"),
        (Decimal("1234.565"), "USD", "en", "$1,234.57"),
        (Decimal("1234.565"), "USD", "id", "US$ 1.234,57"),
        (Decimal("1200"), "JPY", "en", "¥1,200"),
        (Decimal("10"), "SGD", "en", "SGD 10.00"),
        (50750, "idr", "id", "Rp 50.750"),
        ("50750", "IDR", "id-ID", "Rp 50.750"),
    ],
)
def test_format_money(amount, currency, language, text):
    assert l10n.format_money(amount, currency, language) == text


@pytest.mark.parametrize(
    "amount", ["1", "999", "50750", "50750.4", "1234567.5", "100000000"]
)
@pytest.mark.parametrize("language", l10n.LANGUAGES)
def test_rupiah_never_shows_cents(amount, language):
    text = l10n.format_money(Decimal(amount), "IDR", language)
    assert text.startswith("Rp ")
    assert not text.endswith((",00", ".00"))
    assert text.replace(".", "").replace(",", "")[3:].isdigit()


def test_money_without_a_language_follows_the_active_one():
    with l10n.override("en"):
        assert l10n.format_money(Decimal("50750"), "IDR") == "Rp 50,750"
    with l10n.override("id"):
        assert l10n.format_money(Decimal("50750"), "IDR") == "Rp 50.750"


@pytest.mark.parametrize(
    "day, language, text",
    [
        (datetime.date(2026, 12, 5), "id", "5 Des 2026"),
        (datetime.date(2026, 12, 5), "en", "5 Dec 2026"),
        (datetime.date(2026, 5, 17), "id", "17 Mei 2026"),
        (datetime.date(2026, 5, 17), "en", "17 May 2026"),
        (datetime.date(2026, 8, 1), "id", "1 Agu 2026"),
        (datetime.date(2026, 8, 1), "en", "1 Aug 2026"),
        (datetime.date(2026, 10, 31), "id", "31 Okt 2026"),
    ],
)
def test_format_date(day, language, text):
    assert l10n.format_date(day, language) == text


def test_a_datetimes_date_is_the_shops_date(settings):
    settings.TIME_ZONE = "Asia/Jakarta"
    # 20:00 UTC on 4 December is 03:00 on 5 December in Jakarta (UTC+7).
    moment = datetime.datetime(2026, 12, 4, 20, 0, tzinfo=pytz.utc)
    assert l10n.format_date(moment, "id") == "5 Des 2026"


@pytest.mark.parametrize(
    "language, text", [("id", "5 Des 2026 14.30"), ("en", "5 Dec 2026, 14:30")]
)
def test_format_datetime_in_the_shops_time_zone(settings, language, text):
    settings.TIME_ZONE = "Asia/Jakarta"
    moment = datetime.datetime(2026, 12, 5, 7, 30, tzinfo=pytz.utc)  # 14:30 in Jakarta
    assert l10n.format_datetime(moment, language) == text


def test_format_datetime_follows_the_shops_time_zone_setting(settings):
    moment = datetime.datetime(2026, 12, 5, 7, 30, tzinfo=pytz.utc)
    settings.TIME_ZONE = "Asia/Makassar"  # UTC+8
    assert l10n.format_datetime(moment, "id") == "5 Des 2026 15.30"
    settings.TIME_ZONE = "UTC"
    assert l10n.format_datetime(moment, "en") == "5 Dec 2026, 07:30"


def test_a_naive_datetime_is_the_shops_local_time(settings):
    settings.TIME_ZONE = "Asia/Jakarta"
    assert (
        l10n.format_datetime(datetime.datetime(2026, 12, 5, 9, 5), "id")
        == "5 Des 2026 09.05"
    )


def test_override_activates_the_mapped_language():
    with l10n.override("id-ID"):
        assert translation.get_language() == "id"
        assert l10n.current_language() == "id"
        with l10n.override("de"):
            assert translation.get_language() == "en"
        assert translation.get_language() == "id"


def test_override_of_no_language_is_the_shops(settings):
    settings.LANGUAGE_CODE = "id"
    with l10n.override("en"), l10n.override(None):
        assert translation.get_language() == "id"


@pytest.mark.parametrize(
    "header, language",
    [
        ("id", "id"),
        ("id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7", "id"),
        ("in-ID", "id"),
        ("en", "en"),
        ("en-US,en;q=0.9", "en"),
        ("de", "id"),  # not one of ours: the shop's
        ("de-DE, en;q=0.5", "en"),  # the first of ours the buyer accepts
        ("fr, id;q=0", "id"),  # q=0 refuses Indonesian; the shop's anyway
        ("*", "id"),
        (None, "id"),
    ],
)
def test_request_language_from_accept_language(settings, header, language):
    settings.LANGUAGE_CODE = "id"
    headers = {} if header is None else {"HTTP_ACCEPT_LANGUAGE": header}
    assert request_language(RequestFactory().get("/graphql/", **headers)) == language


def test_request_language_of_an_english_shop(settings):
    settings.LANGUAGE_CODE = "en"
    assert (
        request_language(RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="de")) == "en"
    )
    assert (
        request_language(RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="id")) == "id"
    )
    assert (
        request_language(RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="fr, id;q=0"))
        == "en"
    )


# The Indonesian catalog: complete, compiled, and read by Django.


def test_the_catalogs_match_the_code_and_the_mo_files_their_po():
    # Fails when a message the code marks has no translation, a translation's
    # placeholders differ, or a .mo was not compiled after its .po changed:
    # run `django-admin openorder_compilemessages --update`, translate, then
    # `django-admin openorder_compilemessages`.
    assert messages.problems() == []


def test_django_reads_the_indonesian_catalog():
    with l10n.override("id"):
        assert (
            gettext("%(label)s is required.") % {"label": "Ukuran"}
            == "Ukuran wajib diisi."
        )
        assert (
            ngettext(
                "%(label)s needs at least %(count)d character.",
                "%(label)s needs at least %(count)d characters.",
                5,
            )
            % {"label": "Teks", "count": 5}
            == "Teks minimal 5 karakter."
        )
    with l10n.override("en"):
        assert (
            gettext("%(label)s is required.") % {"label": "Size"} == "Size is required."
        )


@pytest.fixture
def locale_copy(tmp_path):
    copy = tmp_path / "locale"
    shutil.copytree(messages.LOCALE_DIR, str(copy))
    return copy


def _edit_po(locale_copy, old, new):
    po = locale_copy / "id" / "LC_MESSAGES" / "django.po"
    text = po.read_text("utf-8")
    assert old in text
    po.write_text(text.replace(old, new, 1), "utf-8")


def test_the_check_sees_a_mo_older_than_its_po(locale_copy):
    assert messages.problems(str(locale_copy)) == []
    _edit_po(locale_copy, '"%(label)s wajib diisi."', '"%(label)s harus diisi."')
    assert messages.problems(str(locale_copy)) == [
        "locale/id/LC_MESSAGES/django.mo is out of date with its .po (run openorder_compilemessages)"
    ]
    messages.compile_all(str(locale_copy))
    assert messages.problems(str(locale_copy)) == []


def test_the_check_sees_missing_translations_and_wrong_placeholders(locale_copy):
    _edit_po(locale_copy, 'msgstr "%(label)s wajib diisi."', 'msgstr ""')
    _edit_po(
        locale_copy, '"%(label)s maksimal %(max)s."', '"%(nama)s maksimal %(max)s."'
    )
    messages.compile_all(str(locale_copy))
    found = messages.problems(str(locale_copy))
    assert (
        "locale/id/LC_MESSAGES/django.po: '%(label)s is required.' has no translation"
        in found
    )
    assert any(
        "'%(label)s must be at most %(max)s.' has placeholders" in p for p in found
    ), found
    assert len(found) == 2, found


def test_the_check_sees_a_message_the_catalog_lacks(locale_copy):
    _edit_po(
        locale_copy, 'msgid "%(label)s is required."', 'msgid "%(label)s is needed."'
    )
    messages.compile_all(str(locale_copy))
    found = messages.problems(str(locale_copy))
    assert (
        "locale/id/LC_MESSAGES/django.po lacks '%(label)s is required.' (run --update)"
        in found
    )
    assert any(
        "'%(label)s is needed.', which the code no longer uses" in p for p in found
    ), found


def test_update_adds_new_messages_and_keeps_translations(locale_copy):
    _edit_po(
        locale_copy, 'msgid "%(label)s is required."', 'msgid "%(label)s is needed."'
    )
    po = str(locale_copy / "id" / "LC_MESSAGES" / "django.po")
    created = messages.read_catalog(po).creation_date
    messages.update(po)
    catalog = messages.read_catalog(po)
    assert catalog.creation_date == created  # an update changes only messages
    assert catalog.get("%(label)s is required.").string == ""
    assert catalog.get("%(label)s is needed.") is None
    assert (
        catalog.get("%(label)s must be a number.").string
        == "%(label)s harus berupa angka."
    )
    assert catalog.num_plurals == 1
