"""iepprep in Spanish: choosing the language, Spanish content end to end, fallback,
dates, search and letters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from iepprep.core.content.library import load_library, localize_library
from iepprep.core.i18n import dates as es_dates
from iepprep.core.i18n.fallback import IN_ENGLISH
from iepprep.core.i18n.language import choose, explicit, from_locale, parse_language, set_current
from iepprep.core.search.tips import search_tips

TODAY = dt.date(2026, 11, 27)


# ------------------------------------------------------------------ the language


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("es", "es"),
        ("ES", "es"),
        ("español", "es"),
        ("Espanol", "es"),
        ("Spanish", "es"),
        ("es_MX.UTF-8", "es"),
        ("es-US", "es"),
        ("en", "en"),
        ("inglés", "en"),
        ("English", "en"),
        ("fr", None),
        ("", None),
        (None, None),
    ],
)
def test_language_names(typed: str | None, code: str | None) -> None:
    assert parse_language(typed) == code


def test_the_flag_beats_the_environment_which_beats_the_answers() -> None:
    env = {"IEPPREP_LANG": "es", "LANG": "en_US.UTF-8"}
    assert choose("en", env) == "en"
    assert choose(None, env) == "es"
    assert choose(None, {"LANG": "en_US.UTF-8"}, answers_language="es") == "es"
    assert choose(None, {"IEPPREP_LANG": "en"}, answers_language="es") == "en"
    assert explicit(None, env) and explicit("es", {}) and not explicit(None, {"LANG": "es_US"})


def test_a_spanish_system_locale_speaks_spanish() -> None:
    assert choose(None, {"LANG": "es_US.UTF-8"}) == "es"
    assert from_locale({"LC_ALL": "en_US.UTF-8", "LANG": "es_US.UTF-8"}) == "en"
    assert from_locale({"LANGUAGE": "es:en", "LANG": "en_US.UTF-8"}) == "es"
    assert choose(None, {}) == "en"
    assert choose(None, {"LANG": "C.UTF-8"}) == "en"


# ---------------------------------------------------------------------- the CLI


def _answers(tmp_path: Path, **values: object) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({"child_name": "Maya", **values}), encoding="utf-8")
    return path


def test_lang_flag_gives_a_spanish_plan(run) -> None:
    result = run("--lang", "es", "plan", "--example")
    assert result.exit_code == 0
    assert "Pregunte cada vez que no entienda algo" in result.stdout
    assert "jueves, 10 de diciembre de 2026" in result.stdout
    assert "Ask every time you are confused" not in result.stdout


def test_lang_works_after_the_command_too(run) -> None:
    """The README says `--lang es` goes with any command: `iepprep deadlines --lang es`
    as well as `iepprep --lang es deadlines`."""
    after = run("deadlines", "--consent", "2026-11-02", "--lang", "es")
    before = run("--lang", "es", "deadlines", "--consent", "2026-11-02")
    assert after.exit_code == 0, after.output
    assert after.output == before.output
    assert "días" in after.output
    assert run("tips", "search", "grabar", "--lang=es").exit_code == 0


def test_iepprep_lang_and_locale_choose_spanish(run) -> None:
    for env in ({"IEPPREP_LANG": "es"}, {"LANG": "es_US.UTF-8"}):
        result = run("tips", "show", "take-notes", env=env)
        assert result.exit_code == 0
        assert "Tome notas" in result.stdout


def test_answers_in_spanish_make_a_spanish_plan_unless_lang_says_otherwise(
    run, tmp_path: Path
) -> None:
    answers = _answers(tmp_path, language="es")
    spanish = run("plan", "--answers", str(answers), "--no-save")
    assert "Pida un intérprete" in spanish.stdout
    english = run("--lang", "en", "plan", "--answers", str(answers), "--no-save")
    assert "Ask for an interpreter" in english.stdout
    assert "Pida un intérprete" not in english.stdout


def test_an_unknown_language_is_refused_with_the_choices(run) -> None:
    result = run("--lang", "klingon", "tips", "list")
    assert result.exit_code == 2
    shown = " ".join(result.output.replace("\u2502", " ").split())  # Rich may box it
    assert "en (English) or es (español)" in shown


def test_spanish_search_with_or_without_accents(run) -> None:
    for query in ("grabar la reunión", "grabar la reunion", "GRABAR LA REUNION"):
        result = run("--lang", "es", "tips", "search", query)
        assert result.exit_code == 0
        shown = result.stdout
        # The recording tip comes first; a weaker one ("answer-the-invitation") only
        # after it, if it is close enough to the best to be shown at all.
        assert "check-recording-rules" in shown
        assert "answer-the-invitation" not in shown or shown.index(
            "check-recording-rules"
        ) < shown.index("answer-the-invitation")


@pytest.mark.parametrize(
    ("query", "tip"),
    [
        ("intérprete", "ask-for-an-interpreter"),
        ("no estoy de acuerdo con la evaluación", "consider-an-iee"),
        ("¿tengo que firmar?", "take-it-home-before-signing"),
        ("suspendieron a mi hijo", "learn-manifestation-determination"),
        ("metas medibles", "goals-are-measurable"),
    ],
)
def test_spanish_search_finds_the_tip(query: str, tip: str) -> None:
    set_current("es")
    library = localize_library(load_library(), "es")
    found = [hit.tip.id for hit in search_tips(library, query, limit=3)]
    assert tip in found


def test_glossary_in_spanish_shows_the_english_term_beside(run) -> None:
    result = run("--lang", "es", "glossary", "fape")
    assert result.stdout.startswith(
        "Educación pública gratuita y apropiada (FAPE, Free Appropriate Public Education)"
    )
    by_spanish = run("--lang", "es", "glossary", "ambiente menos restrictivo")
    assert by_spanish.stdout.startswith("Ambiente menos restrictivo (LRE, Least Restrictive")
    no_accents = run("--lang", "es", "glossary", "ubicacion")
    assert no_accents.stdout.startswith("Ubicación (Placement)")


def test_rights_and_state_notes_in_spanish(run) -> None:
    result = run("--lang", "es", "rights", "--state", "CA")
    assert "Una evaluación independiente a costo público" in result.stdout
    assert "34 CFR 300.502" in result.stdout  # citations stay as they are
    assert "24 horas" in result.stdout


def test_letters_in_spanish_english_or_both(run, tmp_path: Path) -> None:
    answers = _answers(tmp_path, parent_name="Ana", meeting_date="2026-12-10", language="es")
    spanish = run("letter", "records-request", "--answers", str(answers))
    assert "Asunto: Petición de documentos antes de la reunión del IEP de Maya" in spanish.stdout
    assert "el jueves, 10 de diciembre de 2026" in spanish.stdout
    english = run("letter", "records-request", "--answers", str(answers), "--letter-lang", "en")
    assert "Subject: Request for records before Maya's IEP meeting" in english.stdout
    assert "on Thursday, December 10, 2026" in english.stdout
    both = run("letter", "records-request", "--answers", str(answers), "--letter-lang", "both")
    assert both.stdout.index("Asunto:") < both.stdout.index("Subject:")
    assert "----- Español -----" in both.stdout and "----- English -----" in both.stdout


def test_an_english_letter_with_the_parents_spanish_words_says_to_translate_them(
    run, tmp_path: Path
) -> None:
    worries = "Sofía se está quedando atrás en la lectura."
    answers = _answers(tmp_path, meeting_date="2026-12-10", language="es", worries=worries)
    note = (
        "Sus propias palabras van en español dentro de la carta en inglés: tradúzcalas, "
        "o pida ayuda, antes de enviarla."
    )
    for choice in ("both", "en"):
        result = run(
            "letter", "parent-concerns", "--answers", str(answers), "--letter-lang", choice
        )
        assert result.exit_code == 0, result.output
        assert worries in result.stdout
        assert note in " ".join(result.output.split()), choice
    spanish_only = run("letter", "parent-concerns", "--answers", str(answers))
    assert note not in " ".join(spanish_only.output.split())
    english = _answers(tmp_path, meeting_date="2026-12-10", worries="She is falling behind.")
    plain = run("letter", "parent-concerns", "--answers", str(english))
    assert "own words are in Spanish" not in " ".join(plain.output.split())


def test_a_tip_in_markdown_has_its_title_once(run) -> None:
    for lang in ("en", "es"):
        page = run("--lang", lang, "tips", "show", "take-notes", "-f", "markdown").stdout
        titles = [line for line in page.splitlines() if line.startswith("#")]
        assert len(titles) == 1 and titles[0].startswith("# "), titles


def test_the_plan_header_says_the_school_level_once_and_plainly(run, tmp_path: Path) -> None:
    answers = _answers(tmp_path, meeting_date="2026-12-10", grade="elementary")
    english = " ".join(run("plan", "--answers", str(answers)).stdout.split())
    spanish = " ".join(run("--lang", "es", "plan", "--answers", str(answers)).stdout.split())
    assert "School: elementary" in english and "elementary school" not in english
    assert "Escuela: primaria" in spanish and "escuela primaria" not in spanish
    named = _answers(tmp_path, meeting_date="2026-12-10", grade="middle", school="Lincoln")
    assert "School: Lincoln, middle" in " ".join(
        run("plan", "--answers", str(named)).stdout.split()
    )
    same = _answers(tmp_path, meeting_date="2026-12-10", school="Lincoln Elementary")
    shown = " ".join(run("plan", "--answers", str(same)).stdout.split())
    assert "School: Lincoln Elementary With you:" in shown  # the name says the level


# ------------------------------------------------------------------- fallback


def test_a_tip_without_spanish_shows_in_english_marked(run, tmp_path: Path) -> None:
    tips = tmp_path / "group.yaml"
    tips.write_text(
        yaml.safe_dump(
            {
                "tips": [
                    {
                        "id": "group-coffee-hour",
                        "title": "Come to our coffee hour",
                        "body": "Parents meet every Friday to talk IEPs.",
                        "why": "Company helps.",
                        "phase": "before",
                        "topics": ["support"],
                        "source": {"kind": "added", "where": "Our parent group"},
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    result = run("--lang", "es", "--tips", str(tips), "tips", "show", "group-coffee-hour")
    assert result.exit_code == 0
    assert IN_ENGLISH["es"] + "Come to our coffee hour" in result.stdout


# ------------------------------------------------------------------------ dates


def test_spanish_dates_match_babel() -> None:
    from babel.dates import format_date

    for offset in range(0, 400, 17):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=offset)
        assert es_dates.spanish_long_date(day) == format_date(day, "full", locale="es_US")
        assert es_dates.spanish_short_date(day) == format_date(day, "EEE d MMM", locale="es_US")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("10 de diciembre", dt.date(2026, 12, 10)),
        ("10 de diciembre de 2027", dt.date(2027, 12, 10)),
        ("10 dic", dt.date(2026, 12, 10)),
        ("diciembre 10", dt.date(2026, 12, 10)),
        ("el próximo martes", dt.date(2026, 12, 1)),
        ("martes", dt.date(2026, 12, 1)),
        ("jueves 10 de diciembre", dt.date(2026, 12, 10)),
        ("mañana", dt.date(2026, 11, 28)),
        ("manana", dt.date(2026, 11, 28)),
        ("en 2 semanas", dt.date(2026, 12, 11)),
        ("dentro de tres días", dt.date(2026, 11, 30)),
        ("2026-12-10", dt.date(2026, 12, 10)),
        ("1 de enero", dt.date(2027, 1, 1)),
    ],
)
def test_spanish_dates_are_read(typed: str, meant: dt.date) -> None:
    assert es_dates.spanish_parse_date(typed, today=TODAY) == meant


def test_a_spanish_date_that_cannot_be_read_says_so_in_spanish() -> None:
    with pytest.raises(ValueError, match="escriba la fecha"):
        es_dates.spanish_parse_date("pronto", today=TODAY)
    with pytest.raises(ValueError, match="es jueves, no martes"):
        es_dates.spanish_parse_date("martes 10 de diciembre", today=TODAY)


# -------------------------------------------------------------- the questionnaire


class SpanishParent:
    """Picks Spanish at the first question, then answers a few questions in Spanish."""

    def __init__(self) -> None:
        self.asked: dict[str, str] = {}

    def language(self, *, default: str) -> str:
        return "es"

    def ask(self, ask, *, default, today):  # type: ignore[no-untyped-def]
        self.asked[ask.key] = ask.ask
        return {"child_name": "Mateo", "meeting_date": "10 de diciembre"}.get(ask.key, default)


def test_the_first_question_offers_spanish_and_the_rest_follows(run, monkeypatch) -> None:
    import json

    parent = SpanishParent()
    monkeypatch.setattr("iepprep.prompting.require_terminal", lambda: None)
    monkeypatch.setattr("iepprep.prompting.QuestionaryPrompter", lambda: parent)
    result = run("plan", "--format", "json")
    assert result.exit_code == 0, result.output
    assert parent.asked["child_name"] == "¿Cuál es el nombre de su hijo o hija?"
    data = json.loads(result.stdout)
    assert data["profile"]["language"] == "es"
    assert data["profile"]["meeting_date"] == "2026-12-10"
    assert data["checklist"][0]["text"] != "Call your state's parent center"
    # The saved plan remembers the language: later commands speak Spanish unasked.
    assert "Tome notas" in run("checklist").stdout


def test_choices_are_labelled_in_spanish() -> None:
    from iepprep.core.family.profile import Grade
    from iepprep.core.i18n.labels import label

    assert label(Grade.HIGH, "es") == "escuela secundaria (high school)"
    assert label(Grade.HIGH) == "high school"
    set_current("es")
    assert label(Grade.HIGH) == "escuela secundaria (high school)"


def test_a_groups_tips_file_may_carry_its_spanish(run, tmp_path: Path) -> None:
    tips = tmp_path / "group.yaml"
    tips.write_text(
        yaml.safe_dump(
            {
                "tips": [
                    {
                        "id": "group-coffee-hour",
                        "title": "Come to our coffee hour",
                        "body": "Parents meet every Friday to talk IEPs.",
                        "why": "Company helps.",
                        "phase": "before",
                        "topics": ["support"],
                        "source": {"kind": "added", "where": "Our parent group"},
                        "translations": {
                            "es": {
                                "title": "Venga a nuestro café de los viernes",
                                "body": "Los padres se reúnen cada viernes para hablar del IEP.",
                                "why": "La compañía ayuda.",
                                "asks": ["¿Hay un grupo de padres?"],
                            }
                        },
                    }
                ]
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    shown = run("--lang", "es", "--tips", str(tips), "tips", "show", "group-coffee-hour")
    assert "Venga a nuestro café de los viernes" in shown.stdout
    found = run("--lang", "es", "--tips", str(tips), "tips", "search", "grupo de padres")
    assert "group-coffee-hour" in found.stdout
    english = run("--tips", str(tips), "tips", "show", "group-coffee-hour")
    assert "Come to our coffee hour" in english.stdout
