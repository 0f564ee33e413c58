"""A Spanish run reads in Spanish: every command and format, on the example family and
a saved Spanish plan, is checked for English that leaked through.

Two checks per screen. The English run's own sentences must not appear in the Spanish
run (so a string nobody marked for translation is caught the day it is added), and no
line of the Spanish output may hold English function words ("the", "your", "because"
...) once the English shown there on purpose is set aside: the English terms the
school uses, in parentheses after the Spanish; names, ids, commands, citations and
addresses; the title of the article the parents' advice comes from.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml

# Shown in English on purpose, removed before looking for English words.
ON_PURPOSE = [
    r'"21 Things You Should Know As A Mom In Your First IEP Meeting"',
    r"\b(?:OSEP|OSERS|OCR)\b[^·;_]*",  # the federal letters a tip cites, by their names
    r"\b(?:Texas|California) (?:Education|Penal) Code\b",
    r"\bPenal Code\b",
    r"Endrew F\. v\. Douglas County School District(?: RE-1)?",
    r"\([^()]*\([^()]*\)[^()]*\)",  # an English term in parentheses, a citation in it
    r"\([^()]*\)",  # "(FAPE, Free Appropriate Public Education)", "(middle school)"
    r"https?://\S+",
    r"\biepprep(?: [a-z-]+)*",  # commands: "iepprep tips show ID"
    r"--[a-z-]+",  # options: "--answer"
    r"(?:/[^\s/]+)+/?",  # folders: where the plans are saved
    r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b",  # tip ids: "dont-go-alone"
    r"\b(?:CFR|U\.S\.C\.|TAC)(?: part)?\b",
    r"Lincoln Elementary",  # the example school's own name
]
ENGLISH_WORDS = re.compile(
    r"\b(the|your|you|and|with|for|this|is|are|to|of|not|from|when|what|because|"
    r"before|after|meeting|saved|yet|every|there|will|can|should|have|has|was|it|"
    r"see|more|note|notes|checked|why|law|source|example|none|answers?|page)\b",
    re.IGNORECASE,
)
HTML_HEAD = re.compile(r"<style>.*?</style>", re.DOTALL)


def flat(text: str) -> str:
    """What a reader reads: no HTML, Markdown escapes or line breaks."""
    import html

    text = html.unescape(re.sub(r"<[^>]+>", " ", HTML_HEAD.sub("", text)))
    text = re.sub(r"\\(.)", r"\1", text)  # Markdown's escapes
    return " ".join(re.sub(r"[*#>`|]|(?<!\w)_|_(?!\w)|\[ \]", " ", text).split())


def english_left(text: str) -> list[str]:
    """Where English words are left in `text` once the purposeful English is gone."""
    rest = flat(text)
    for pattern in ON_PURPOSE:
        rest = re.sub(pattern, " ", rest)
    return [rest[max(0, m.start() - 40) : m.end() + 40] for m in ENGLISH_WORDS.finditer(rest)]


def sentences(text: str) -> set[str]:
    """The English output's sentences of five words or more that are English."""
    found = set()
    for part in re.split(r"(?<=[.:?!])\s+", flat(text)):
        if len(part.split()) >= 5 and english_left(part):
            found.add(part)
    return found


def leaked(english: str, spanish: str) -> list[str]:
    shown = flat(spanish)
    return sorted(s for s in sentences(english) if s in shown) + english_left(spanish)


@pytest.fixture
def saved_spanish_plan(run, tmp_path: Path) -> None:
    answers = tmp_path / "respuestas.yaml"
    answers.write_text(
        yaml.safe_dump(
            {
                "child_name": "Sofía",
                "grade": "middle",
                "meeting_type": "annual",
                "meeting_date": "2026-12-10",
                "meeting_time": "15:30",
                "state": "CA",
                "concerns": ["behavior"],
                "attendees": ["advocate"],
                "worries": "lo suspendieron 3 días y no me dijeron por qué",
                "language": "es",
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    assert run("plan", "--answers", str(answers)).exit_code == 0
    assert run("notes", "add", "terapia ocupacional dos veces por semana").exit_code == 0
    assert run("questions", "done", "1", "--answer", "sí, cada mes").exit_code == 0


EXAMPLE_SCREENS = [
    ("plan", "--example"),
    ("--plain", "plan", "--example"),
    ("plan", "--example", "--format", "markdown"),
    ("plan", "--example", "--format", "html"),
    ("plan", "--example", "--all", "--format", "markdown"),
    ("rights", "--state", "TX"),
    ("rights", "--state", "TX", "--format", "markdown"),
    ("rights", "--state", "WY"),
    ("glossary", "fape"),
    ("glossary", "fape", "--format", "markdown"),
    ("glossary", "zzzzq"),
    ("tips", "show", "check-recording-rules"),
    ("tips", "show", "check-recording-rules", "--format", "markdown"),
    ("tips", "search", "zzzzq"),
    ("history",),
]


@pytest.mark.parametrize("args", EXAMPLE_SCREENS, ids=" ".join)
def test_the_example_screens_have_no_english(run, args: tuple[str, ...]) -> None:
    english = run(*args)
    spanish = run("--lang", "es", *args)
    assert spanish.exit_code == english.exit_code
    assert leaked(english.output, spanish.output) == []


SAVED_SCREENS = [
    ("plan", "--from", "latest"),
    ("checklist",),
    ("checklist", "--format", "html"),
    ("questions", "--open"),
    ("questions", "--format", "markdown"),
    ("review",),
    ("review", "--format", "markdown"),
    ("notes", "list"),
    ("history",),
    ("letter", "recap"),
    ("plan", "--from", "9"),
    ("tips", "show", "no-such-tip"),
]


def test_a_saved_spanish_plan_reads_in_spanish(run, saved_spanish_plan: None) -> None:
    """One saved plan for every screen that reads one (saving it is the slow part)."""
    leaks = {}
    for args in SAVED_SCREENS:
        english = run("--lang", "en", *args)
        spanish = run("--lang", "es", *args)
        assert spanish.exit_code == english.exit_code, args
        if found := leaked(english.output, spanish.output):
            leaks[" ".join(args)] = found
    assert leaks == {}


def test_the_search_screen_counts_and_highlights_in_spanish(run) -> None:
    result = run("--lang", "es", "--plain", "tips", "search", "grabar", "la", "reunion")
    assert result.exit_code == 0
    assert "Un consejo para “grabar la reunion”:" in result.output  # one clear answer
    assert "El consejo completo: iepprep tips show ID" in result.output
    assert "*reunión*" in result.output  # accents optional: "reunion" marks "reunión"
    assert "*grabar*" in result.output
    assert english_left(result.output) == []
    several = run("--lang", "es", "--plain", "tips", "search", "lo", "suspendieron").output
    assert "consejos para “lo suspendieron”, los mejores primero:" in several
    assert "*suspendieron*" in several or "*suspendido*" in several or "*suspensión*" in several


def test_the_plan_says_why_in_spanish_in_every_format(run) -> None:
    import json

    data = json.loads(run("--lang", "es", "plan", "--example", "--format", "json").stdout)
    reasons = [item["reason"] for item in data["checklist"]]
    assert "porque es un primer IEP" in reasons
    assert not [reason for reason in reasons if english_left(reason)]
    text = run("--lang", "es", "plan", "--example").output
    assert "Este plan guarda lo que más importa para su familia." in text
    assert "porque usted escribió: “Sofía se está quedando atrás" in text


def test_the_calendar_speaks_spanish(run, tmp_path: Path) -> None:
    from icalendar import Calendar

    out = tmp_path / "plan.ics"
    assert run("--lang", "es", "plan", "--example", "--output", str(out)).exit_code == 0
    calendar = Calendar.from_ical(out.read_bytes())
    assert str(calendar["x-wr-calname"]) == "Reunión del IEP de Sofía"
    texts = [f"{event['summary']}\n{event['description']}" for event in calendar.walk("VEVENT")]
    assert "Lleve sus preguntas, sus notas y a alguien que le ayude." in texts[0]
    assert all("Más: iepprep tips show" in text for text in texts[1:])
    assert [line for text in texts for line in english_left(text)] == []


def test_the_pdf_speaks_spanish(run, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "plan.pdf"
    english_out = tmp_path / "plan-en.pdf"
    assert run("--lang", "es", "plan", "--example", "--output", str(out)).exit_code == 0
    assert run("plan", "--example", "--output", str(english_out)).exit_code == 0
    spanish = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages
    )
    english = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(english_out.read_bytes())).pages
    )
    assert "página 1 de" in spanish
    assert "Maya" not in spanish  # the Spanish example family
    assert leaked(english, spanish) == []


def test_help_lists_the_commands_in_spanish(run) -> None:
    spanish = run("--help", "--lang", "es").output
    assert "Le hace unas preguntas y le da un plan hecho para su familia." in spanish
    assert "Palabras y derechos" in spanish
    assert "Answer a few questions" not in spanish
    english = run("--help").output
    assert "Answer a few questions and get a plan made for your family." in english
    assert "Palabras y derechos" not in english
    assert "Busca consejos por palabra" in run("tips", "--help", env={"IEPPREP_LANG": "es"}).output


def test_every_command_description_is_marked_for_translation() -> None:
    import typer.main

    from iepprep.cli import app
    from iepprep.cli.help_text import PANELS, SUMMARIES

    def walk(command: object) -> list[object]:
        children = list(getattr(command, "commands", {}).values())
        return children + [grand for child in children for grand in walk(child)]

    for command in walk(typer.main.get_command(app)):
        first = (getattr(command, "help", None) or "").partition("\n\n")[0]
        assert first in SUMMARIES, f"add {first!r} to cli/help_text.py"
        panel = getattr(command, "rich_help_panel", None)
        assert not isinstance(panel, str) or panel in PANELS


def test_the_spanish_example_family_is_a_valid_answers_file() -> None:
    from iepprep.core.content.library import bundled_text
    from iepprep.core.planning.answers import example_profile, parse_answers

    english = yaml.safe_load(bundled_text("example.yaml"))
    spanish = yaml.safe_load(bundled_text("es/example.yaml"))
    assert set(spanish) == set(english)  # the same answers, in Spanish words
    profile = parse_answers(bundled_text("es/example.yaml"), name="es/example.yaml")
    assert profile.language == "es"
    assert example_profile("es").child_name == "Sofía"
    assert example_profile("en").child_name == "Maya"


@pytest.mark.parametrize("name", ["tips.yaml", "questions.yaml", "glossary.yaml"])
def test_a_cached_translation_equals_the_validated_file(name: str) -> None:
    from iepprep.core.content.library import cached_translation
    from iepprep.core.i18n import content
    from iepprep.core.i18n.translations import TRANSLATION_MODELS

    validated = TRANSLATION_MODELS[name].model_validate(
        yaml.safe_load(content.translation_text("es", name) or "")
    )
    first = cached_translation("es", name)  # validated, then written to the cache
    again = cached_translation("es", name)  # read back from the cache, not validated
    assert first == validated
    assert again == validated
    assert cached_translation("fr", name) is None
