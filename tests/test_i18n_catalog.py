"""The interface strings: every one marked for translation has its Spanish, the shipped
compiled catalog matches the .po file, and a translation keeps the message's {fields}."""

from __future__ import annotations

import string
from gettext import GNUTranslations
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from iepprep.core.i18n.language import set_current
from iepprep.core.i18n.messages import LOCALE_DIR, _, ngettext

SOURCE = Path(__file__).resolve().parent.parent / "src" / "iepprep"
PO = LOCALE_DIR / "es" / "LC_MESSAGES" / "iepprep.po"
MO = PO.with_suffix(".mo")
SAME_IN_BOTH = frozenset({"Error: ", "IEP", "PDF", "HTML", "Markdown", "JSON", "No"})


def _marked_in_source() -> set[str]:
    found = set()
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(SOURCE), method_map=[("**.py", "python")], keywords=keywords
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _po() -> dict[str, str]:
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    messages = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        value = message.string if isinstance(message.string, str) else message.string[0]
        assert "fuzzy" not in message.flags, f"{key!r} is marked fuzzy"
        messages[key] = value
    return messages


def test_every_interface_string_has_its_spanish() -> None:
    translated = _po()
    missing = sorted(m for m in _marked_in_source() if not translated.get(m))
    assert missing == [], "run the translation update (README, Translations)"


def test_every_plural_form_is_filled() -> None:
    """Spanish has three plural forms in CLDR (one, many, other): an empty one shows
    the English to a parent who has a million of something, or, worse, to anyone
    when the rule picks it."""
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    empty = [
        message.id[0]
        for message in catalog
        if message.id and not isinstance(message.string, str) and not all(message.string)
    ]
    assert empty == []


def test_no_spanish_is_left_in_english() -> None:
    same = [m for m, s in _po().items() if s == m and m not in SAME_IN_BOTH]
    assert same == []


def test_translations_keep_the_fields() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}

    for message, spanish in _po().items():
        assert fields(message) == fields(spanish), message


def test_the_shipped_catalog_is_compiled_from_the_po_file() -> None:
    with MO.open("rb") as handle:
        compiled = GNUTranslations(handle)
    for message, spanish in _po().items():
        assert compiled.gettext(message) == spanish, "recompile the catalog (README)"


def test_gettext_follows_the_language_of_the_run() -> None:
    assert _("Before the meeting") == "Before the meeting"
    set_current("es")
    assert _("Before the meeting") == "Antes de la reunión"
    assert _("a message nobody translated") == "a message nobody translated"
    assert ngettext("one tip", "{n} tips", 2) == "{n} tips"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_plan_headings_in_spanish(run, fmt: str) -> None:
    result = run("--lang", "es", "plan", "--example", "--format", fmt)
    assert result.exit_code == 0
    shown = result.stdout.casefold()  # the terminal shows headings in capitals
    assert "antes de la reunión" in shown
    assert "before the meeting" not in shown


def test_the_html_page_says_it_is_in_spanish(run) -> None:
    result = run("--lang", "es", "plan", "--example", "--format", "html")
    assert '<html lang="es">' in result.stdout
    assert "Preguntas para hacer" in result.stdout
    assert '<html lang="en">' in run("plan", "--example", "--format", "html").stdout
