"""Spanish runs say everything in Spanish: yes/no questions, what a typed answer was
read as, time and choice errors, state names, letters. Each test fails on English
that leaks into a Spanish run."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import TODAY
from iepprep.core.i18n.language import set_current
from iepprep.core.planning.questionnaire import Ask, check, load_questionnaire, understood
from iepprep.prompting import QuestionaryPrompter

DOWN, ENTER, SPACE = "\x1b[B", "\r", " "


@pytest.fixture
def pipe_input() -> Iterator[Any]:
    from prompt_toolkit.input import create_pipe_input

    with create_pipe_input() as pipe:
        yield pipe


@pytest.fixture
def spanish() -> None:
    set_current("es")


def spec(key: str) -> Ask:
    return next(q for q in load_questionnaire().questions if q.key == key)


def ask_on_screen(pipe: Any, ask: Ask, keys: str, default: Any = None) -> tuple[Any, str]:
    from prompt_toolkit.output.plain_text import PlainTextOutput

    screen = io.StringIO()
    pipe.send_text(keys)
    prompter = QuestionaryPrompter(input=pipe, output=PlainTextOutput(screen))
    return prompter.ask(ask, default=default, today=TODAY), screen.getvalue()


@pytest.mark.parametrize("typed", ["s", "sí", "Si", "SÍ", "y", "yes"])
def test_a_spanish_yes_is_a_yes(pipe_input, spanish, typed) -> None:
    answer, screen = ask_on_screen(pipe_input, spec("first_meeting"), typed + ENTER, False)
    assert answer is True
    assert "(s/N)" in screen and "(y/N)" not in screen
    assert "= Sí" in screen


@pytest.mark.parametrize("typed", ["n", "no", "No"])
def test_a_no_is_a_no_and_said_in_spanish(pipe_input, spanish, typed) -> None:
    answer, screen = ask_on_screen(pipe_input, spec("first_meeting"), typed + ENTER, True)
    assert answer is False
    assert "(S/n)" in screen and "= No" in screen


def test_an_unknown_key_is_asked_again_not_taken_as_no(pipe_input, spanish) -> None:
    answer, screen = ask_on_screen(pipe_input, spec("first_meeting"), "x" + ENTER + "s" + ENTER)
    assert answer is True
    assert "'x' no es un sí ni un no" in screen


def test_enter_keeps_the_default(pipe_input, spanish) -> None:
    assert ask_on_screen(pipe_input, spec("first_meeting"), ENTER, True)[0] is True


def test_english_yes_no_still_works_and_takes_a_spanish_si(pipe_input) -> None:
    answer, screen = ask_on_screen(pipe_input, spec("first_meeting"), "sí" + ENTER, False)
    assert answer is True
    assert "(y/N)" in screen and "= Yes" in screen


def test_forget_takes_s_for_yes_and_asks_again_on_anything_else(
    monkeypatch, capsys, spanish
) -> None:
    import sys

    from iepprep.cli import saved

    typed = iter(["x", "s"])
    shown: list[str] = []

    class Keyboard:
        def isatty(self) -> bool:
            return True

    def prompt(question: str, **kwargs: Any) -> str:
        shown.append(question)
        return next(typed)

    monkeypatch.setattr(sys, "stdin", Keyboard())
    monkeypatch.setattr(saved.typer, "prompt", prompt)
    assert saved._confirm("¿Borrar el plan 1?") is True
    assert shown == ["¿Borrar el plan 1? (s/N)"] * 2
    said = capsys.readouterr().err
    assert "'x' no es un sí ni un no" in said and "invalid input" not in said


def test_checkbox_answer_line_in_spanish(pipe_input, spanish) -> None:
    keys = SPACE + DOWN + DOWN + SPACE + ENTER
    answer, screen = ask_on_screen(pipe_input, spec("concerns"), keys, [])
    assert answer == ["reading", "math"]
    assert "listo (2 elegidas)" in screen and "selections" not in screen


def test_no_picks_said_in_spanish(spanish) -> None:
    assert understood(spec("concerns"), [], today=TODAY) == "ninguna"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("3:30 de la tarde", "3:30 pm"), ("9 de la mañana", "9:00 am"), ("15:30", "3:30 pm")],
)
def test_spanish_times_are_understood(spanish, typed, shown) -> None:
    assert check(spec("meeting_time"), typed, today=TODAY) is None
    assert understood(spec("meeting_time"), typed, today=TODAY) == shown


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("3:30", "¿3:30 de la mañana o de la tarde? Escríbala como 3:30 de la tarde"),
        ("a las tres", "escriba la hora como 3:30 de la tarde"),
    ],
)
def test_time_errors_in_spanish(spanish, typed, reason) -> None:
    problem = check(spec("meeting_time"), typed, today=TODAY)
    assert problem is not None and reason in problem
    assert "write" not in problem and "morning" not in problem


def test_language_and_state_read_back_in_spanish(spanish) -> None:
    assert understood(spec("language"), "spanish", today=TODAY) == "español (es)"
    assert understood(spec("state"), "NY", today=TODAY) == "Nueva York"
    problem = check(spec("language"), "klingon", today=TODAY)
    assert problem is not None and "no es un idioma que conozcamos" in problem


def test_welcome_back_is_not_gendered() -> None:
    from iepprep.core.i18n.messages import _

    set_current("es")
    assert _("Welcome back: picking up where you stopped.").startswith("Hola de nuevo")


# ------------------------------------------------------------------ Markdown escaping


def _markdown_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def _escaped_everything(text: str) -> str:
    """The old, safe but noisy escape: a backslash before every mark."""
    import re

    from iepprep.core.common.safety import one_line

    flat = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~])", r"\\\1", flat)


TRICKY = [
    "plan --all",
    "(en 14 días)",
    "# not a heading",
    "## also not",
    "**bold?** and *this*",
    "<script>alert(1)</script>",
    "draft_iep and _under_ and __init__",
    "2026. A year",
    "3) three",
    "- dash",
    "+ plus",
    "=== ",
    "---",
    "> not a quote",
    "a | b | c",
    "[x](http://example.com) ![i](y.png) [ref]",
    "back\\slash \\* and `code`",
    "~~gone~~ ~a~",
    "Sofía & Mateo: 100% (sí).",
    "1. x",
    "*",
    "_",
]


@pytest.mark.parametrize("text", TRICKY)
def test_markdown_escape_renders_the_text_as_typed(text) -> None:
    from iepprep.render.markdown import escape

    for place in ("{}", "- [ ] **{}**", "  {}", "## {}"):
        assert _markdown_html(place.format(escape(text))) == _markdown_html(
            place.format(_escaped_everything(text))
        ), (place, text)


def test_a_markdown_plan_has_no_needless_backslashes(run, tmp_path) -> None:
    import re

    for lang in ("en", "es"):
        out = tmp_path / f"plan-{lang}.md"
        result = run("--lang", lang, "plan", "--example", "--output", str(out))
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        needless = re.findall(r"\\[().\-!{}\]>]", text)
        assert needless == [], needless[:5]
        assert "plan --all" in text


# ------------------------------------------------------------------------- letters


@pytest.fixture
def family(write_yaml):
    return write_yaml(
        "familia.yaml",
        {
            "child_name": "Mateo",
            "parent_name": "Ana",
            "school": "Escuela Lincoln",
            "meeting_date": "2026-12-10",
            "language": "es",
            "worries": "Mateo no entiende las tareas",
            "concerns": ["reading"],
        },
    )


@pytest.mark.parametrize(
    "kind", ["records-request", "parent-concerns", "meeting-request", "recap", "disagreement"]
)
def test_spanish_letters_greet_the_team_without_gendered_slashes(run, family, kind) -> None:
    import re

    letter = run("--lang", "es", "letter", kind, "--answers", str(family)).stdout
    assert "Estimado equipo del IEP de la Escuela Lincoln:" in letter
    assert not re.search(r"\w/[ao]\b", letter), "no 'Estimado/a', 'dispuesta/o', 'preparado/a'"
    assert not re.search(r"\ble (pido|ruego)\b", letter), "the team is plural: les pido"
    assert "[" not in letter or not re.search(r"\[(your|what|strengths|any)", letter)


def test_the_parents_own_words_end_with_a_period(run, family) -> None:
    letter = run("--lang", "es", "letter", "parent-concerns", "--answers", str(family)).stdout
    assert "En mis propias palabras: Mateo no entiende las tareas." in letter


def test_an_english_letter_in_a_spanish_run_says_in_spanish_what_to_fill_in(run, family) -> None:
    both = run(
        "--lang",
        "es",
        "letter",
        "parent-concerns",
        "--answers",
        str(family),
        "--letter-lang",
        "both",
    ).stdout
    spanish, english = both.split("----- English -----")
    *letter, note = spanish.rstrip().splitlines()
    assert "[your" not in "\n".join(letter) and "[strengths" not in "\n".join(letter)
    assert "[su número de teléfono]" in spanish and "[your phone number]" in english
    assert note.startswith("La carta va en inglés")
    assert "[strengths and interests] = fortalezas e intereses" in note
    assert "[your phone number] = su número de teléfono" in note
    alone = run(
        "--lang", "es", "letter", "parent-concerns", "--answers", str(family), "--letter-lang", "en"
    )
    assert "La carta va en inglés" in alone.stderr and "La carta" not in alone.stdout
    assert "Dear IEP team at Escuela Lincoln," in alone.stdout


def test_an_english_run_adds_no_note(run, write_yaml) -> None:
    answers = write_yaml("a.yaml", {"child_name": "Max", "school": "Lincoln"})
    result = run("letter", "parent-concerns", "--answers", str(answers))
    assert "La carta" not in result.output and "Dear IEP team at Lincoln," in result.stdout


# -------------------------------------------------------------------------- errors


def test_a_missing_answers_file_is_said_in_spanish(run, tmp_path) -> None:
    result = run("--lang", "es", "plan", "--answers", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert "El archivo de respuestas" in result.output and "no existe" in result.output
    assert "does not exist" not in result.output


def test_answers_file_problems_in_spanish_with_the_questionnaires_words(run, write_yaml) -> None:
    bad = write_yaml("malo.yaml", {"concerns": ["lecturas"], "language": "es", "color": "azul"})
    result = run("--lang", "es", "plan", "--answers", str(bad), "--no-save")
    assert result.exit_code == 2
    assert "tiene un problema" in result.output
    assert "lecturas no es ninguna de estas opciones: lectura, escritura" in result.output
    assert "clave desconocida 'color'" in result.output
    assert "is not one of" not in result.output and "unknown key" not in result.output


def test_the_choice_words_the_questionnaire_shows_are_accepted(run, write_yaml) -> None:
    import json

    answers = write_yaml(
        "bien.yaml", {"concerns": ["Lectura", "habla y lenguaje"], "grade": "primaria"}
    )
    result = run("plan", "--answers", str(answers), "--no-save", "--format", "json")
    assert result.exit_code == 0, result.output
    profile = json.loads(result.stdout)["profile"]
    assert profile["concerns"] == ["reading", "speech_language"]
    assert profile["grade"] == "elementary"


@pytest.mark.parametrize("phase", ["antes", "durante", "después", "despues", "During"])
def test_phases_in_spanish_are_accepted(run, phase) -> None:
    assert run("--lang", "es", "tips", "list", "--phase", phase).exit_code == 0


def test_a_wrong_phase_and_a_wrong_letter_kind_are_said_in_spanish(run) -> None:
    def flat(output: str) -> str:  # the error box, as one line
        return " ".join(output.replace("│", " ").split())

    phase = run("--lang", "es", "tips", "list", "--phase", "luego")
    assert phase.exit_code == 2 and "use antes, durante o después" in flat(phase.output)
    kind = run("--lang", "es", "letter", "carta")
    assert kind.exit_code == 2
    assert "no es un tipo de carta" in flat(kind.output) and "Value error" not in kind.output


# ------------------------------------------------------------------ content labels


def test_state_names_in_spanish(run, write_yaml) -> None:
    from iepprep.core.i18n.labels import state_name

    set_current("es")
    assert [state_name(code) for code in ("NY", "NJ", "NM", "NC", "WV", "PA", "TX")] == [
        "Nueva York",
        "Nueva Jersey",
        "Nuevo México",
        "Carolina del Norte",
        "Virginia Occidental",
        "Pensilvania",
        "Texas",
    ]
    assert state_name("NY", "en") == "New York"
    answers = write_yaml("ny.yaml", {"state": "NY", "language": "es"})
    plan = run("--lang", "es", "plan", "--answers", str(answers), "--no-save").stdout
    assert "EN NUEVA YORK" in plan and "New York" not in plan


def test_a_spelled_out_acronym_is_not_spelled_out_again() -> None:
    from iepprep.core.content.reference import load_glossary
    from iepprep.core.planning.jargon import FirstUseExplainer

    explain = FirstUseExplainer(load_glossary())
    text = "la comunicación aumentativa y alternativa (AAC)?"
    assert explain(text) == text
    assert explain("un dispositivo AAC") == "un dispositivo AAC"  # already explained


def test_a_tips_english_source_is_marked_as_english(run) -> None:
    shown = run("--lang", "es", "tips", "show", "dont-go-alone").stdout
    assert "De otros padres: (en inglés) Parent tip" in " ".join(shown.split())
    english = run("tips", "show", "dont-go-alone").stdout
    assert "(en inglés)" not in english


def test_spanish_prose_says_parte_300_and_meeting_summary_agrees_in_number() -> None:
    from iepprep.core.i18n.messages import _, ngettext

    set_current("es")
    from iepprep.render import wording

    assert "34 CFR parte 300" in _(wording.SOURCES_NOTE)
    assert "(34 CFR parte 300)" in wording.rights_intro()
    assert ngettext("{n} answered", "{n} answered", 1).format(n=1) == "1 contestada"
    assert _("Saved: {answered}, {left}, {notes}. Next: iepprep review").startswith("Guardado:")


def test_the_format_error_and_the_answers_comments_in_spanish(run, tmp_path) -> None:
    result = run("--lang", "es", "plan", "--example", "--output", str(tmp_path / "plan.docx"))
    assert "iepprep no reconoce el formato '.docx'. Use una de estas extensiones:" in " ".join(
        result.output.replace("│", " ").split()
    )
    answers = run("--lang", "es", "plan", "--example", "--format", "answers").stdout
    assert answers.startswith("# respuestas de iepprep")
    assert "THIS-FILE" not in answers and "edit them" not in answers
