"""The plugin's translations, kept with Babel so that GNU gettext need not be
installed.

The catalogs are openorder_plugin/locale/<language>/LC_MESSAGES/django.po;
Django reads the .mo compiled next to each one. The messages are those the
plugin's Python code marks with gettext, ngettext, pgettext or their lazy
forms (`_` too).

    django-admin openorder_compilemessages           # compile every .po to its .mo
    django-admin openorder_compilemessages --update  # first bring every .po in step
                                                     # with the code (new messages
                                                     # untranslated, gone ones dropped)
    django-admin openorder_compilemessages --check   # change nothing; fail when a .mo
                                                     # is out of date, a message lacks
                                                     # a translation or its placeholders
"""

import glob
import io
import os
import re

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po
from django.core.management.base import BaseCommand, CommandError

PACKAGE_DIR = os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
)
LOCALE_DIR = os.path.join(PACKAGE_DIR, "locale")
DOMAIN = "django"
KEYWORDS = {
    "gettext": None,
    "gettext_lazy": None,
    "_": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
PLACEHOLDER = re.compile(r"%\((\w+)\)([sdifr])|%([sdifr])")


def po_paths(locale_dir=LOCALE_DIR):
    return sorted(
        glob.glob(os.path.join(locale_dir, "*", "LC_MESSAGES", DOMAIN + ".po"))
    )


def mo_path(po_path):
    return po_path[: -len(".po")] + ".mo"


def read_catalog(po_path):
    with open(po_path, "rb") as po:
        return read_po(po)


def source_catalog():
    """The messages the code marks for translation (not migrations)."""
    catalog = Catalog(project="openorder", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE_DIR,
        method_map=[("migrations/**.py", "ignore"), ("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        catalog.add(
            message, None, [(filename, lineno)], auto_comments=comments, context=context
        )
    return catalog


def compiled(catalog):
    """The .mo bytes of a catalog (fuzzy translations left out)."""
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _strings(message):
    # Plural forms are tuples from a .po and lists from a .mo.
    return (
        tuple(message.string)
        if isinstance(message.string, (tuple, list))
        else (message.string,)
    )


def _ids(message):
    return tuple(message.id) if isinstance(message.id, (tuple, list)) else (message.id,)


def translated(message):
    return bool(message.id) and not message.fuzzy and all(_strings(message))


def translations(catalog):
    """{(context, msgid): msgstr} of the translated messages: what a .mo holds."""
    return {(m.context, _ids(m)): _strings(m) for m in catalog if translated(m)}


def _placeholders(text):
    return tuple(sorted(match.group(0) for match in PLACEHOLDER.finditer(text or "")))


def problems(locale_dir=LOCALE_DIR):
    """What is wrong with the catalogs in `locale_dir`, as sentences; [] when
    all is well."""
    found = []
    source = source_catalog()
    wanted = {(m.context, m.id) for m in source if m.id}
    if not po_paths(locale_dir):
        found.append("no catalog in %s" % locale_dir)
    for po_path in po_paths(locale_dir):
        name = os.path.relpath(po_path, os.path.dirname(locale_dir))
        catalog = read_catalog(po_path)
        have = {(m.context, m.id): m for m in catalog if m.id}
        for key in sorted(wanted - set(have), key=str):
            found.append("%s lacks %r (run --update)" % (name, key[1]))
        for key in sorted(set(have) - wanted, key=str):
            found.append(
                "%s has %r, which the code no longer uses (run --update)"
                % (name, key[1])
            )
        for message in have.values():
            msgid = _ids(message)[0]
            if not translated(message):
                found.append("%s: %r has no translation" % (name, msgid))
                continue
            # Each form uses the placeholders of the singular or of the plural.
            expected = {_placeholders(text) for text in _ids(message)}
            for string in _strings(message):
                if _placeholders(string) not in expected:
                    found.append(
                        "%s: the translation of %r has placeholders %s, not %s"
                        % (
                            name,
                            msgid,
                            _placeholders(string),
                            " or ".join(map(str, expected)),
                        )
                    )
        mo = mo_path(po_path)
        if not os.path.exists(mo):
            found.append(
                "%s.mo is missing (run openorder_compilemessages)" % name[: -len(".po")]
            )
            continue
        with open(mo, "rb") as handle:
            if translations(read_mo(handle)) != translations(catalog):
                found.append(
                    "%s.mo is out of date with its .po (run openorder_compilemessages)"
                    % name[: -len(".po")]
                )
    return found


def update(po_path):
    """Bring a .po in step with the code: new messages untranslated, those
    gone dropped, translations kept."""
    catalog = read_catalog(po_path)
    created = catalog.creation_date  # kept, so that an update changes only messages
    catalog.update(source_catalog(), no_fuzzy_matching=True)
    catalog.creation_date = created
    catalog.obsolete.clear()
    write(po_path, catalog)


def write(po_path, catalog):
    with open(po_path, "wb") as po:
        # No source locations: they would change with every edit of the code.
        write_po(po, catalog, no_location=True, omit_header=False, width=79)


def compile_all(locale_dir=LOCALE_DIR):
    written = []
    for po_path in po_paths(locale_dir):
        with open(mo_path(po_path), "wb") as mo:
            mo.write(compiled(read_catalog(po_path)))
        written.append(mo_path(po_path))
    return written


class Command(BaseCommand):
    help = (
        "Compile the plugin's translation catalogs (locale/*/LC_MESSAGES/django.po) "
        "to .mo files with Babel."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="First add the code's new messages to every .po and drop those gone.",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Change nothing; fail when a catalog or its .mo is not up to date.",
        )

    def handle(self, *args, **options):
        if options["check"]:
            found = problems()
            if found:
                raise CommandError("\n".join(found))
            self.stdout.write("Translations are up to date.")
            return
        if options["update"]:
            for po_path in po_paths():
                update(po_path)
                self.stdout.write("Updated %s" % os.path.relpath(po_path, PACKAGE_DIR))
        for mo in compile_all():
            self.stdout.write("Compiled %s" % os.path.relpath(mo, PACKAGE_DIR))
