"""`iepprep deadlines` and `iepprep draft check` in Spanish: every layout, the words
from data/es/, the legal facts unchanged, and a Spanish draft read like an English one."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from iepprep.core.deadlines.calendar import SchoolCalendar
from iepprep.core.deadlines.counting import deadlines_for
from iepprep.core.deadlines.rules import Event, load_rules, load_rules_in
from iepprep.core.draft.models import load_checks, load_checks_in
from iepprep.core.i18n import content
from iepprep.core.i18n.fallback import IN_ENGLISH
from iepprep.core.i18n.language import set_current

DRAFTS = Path(__file__).parent / "drafts"
NOT_LEGAL_ADVICE = "Esto no es asesoría legal"
ENGLISH_LEFT = (
    "Counted:",
    "Rule:",
    "Deadlines",
    "Not legal advice",
    "in 28 days",
    "Federal rule",
    "calendar days",
    "school days",
)


def flat(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------------ deadlines


def test_spanish_rules_change_only_the_words() -> None:
    english, spanish = load_rules(), load_rules_in("es")
    pairs = list(zip(english.federal, spanish.federal, strict=True)) + [
        pair
        for code in english.states
        for pair in zip(english.states[code].rules, spanish.states[code].rules, strict=True)
    ]
    for before, after in pairs:
        facts = {"title", "note"}
        assert before.model_dump(exclude=facts) == after.model_dump(exclude=facts)
        assert after.title != before.title and after.note != before.note
        assert not after.title.startswith(IN_ENGLISH["es"])


def test_a_rule_without_spanish_shows_its_english_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    spanish = content.deadlines_text("es")
    assert spanish is not None
    federal = dict(spanish.federal)
    federal.pop("mdr")
    monkeypatch.setattr(
        content, "deadlines_text", lambda lang: spanish.model_copy(update={"federal": federal})
    )
    load_rules_in.cache_clear()
    try:
        (mdr,) = [rule for rule in load_rules_in("es").federal if rule.id == "mdr"]
    finally:
        load_rules_in.cache_clear()
    assert mdr.title == IN_ENGLISH["es"] + "Manifestation determination review held"


def test_spanish_counts_say_how_in_spanish_with_plurals() -> None:
    set_current("es")
    report = deadlines_for(
        {
            Event.CONSENT: dt.date(2026, 11, 2),
            Event.IEP: dt.date(2026, 11, 20),
            # The reevaluation counts from the last evaluation, never the IEP meeting.
            Event.LAST_EVALUATION: dt.date(2026, 11, 20),
        },
        state="TX",
        calendar=SchoolCalendar(),
        absences=1,
    )
    how = {d.id: d.how for d in report.deadlines}
    assert how["evaluation-complete"] == (
        "45 días escolares después del 2 nov 2026 (1 ausencia no cambia la fecha: "
        "cambia a partir de 3 ausencias)"
    )
    assert how["annual-review"] == "1 año después del 20 nov 2026"
    assert how["reevaluation"] == "3 años después del 20 nov 2026"


def test_deadlines_text_in_spanish(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--lang", "es", "deadlines", "--consent", "2026-10-26", "--state", "TX")
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert "PLAZOS" in out
    # 45 school days after Mon Oct 26, skipping weekends and federal holidays: Oct 27-30
    # is 4; November's 21 weekdays less Veterans Day and Thanksgiving, 19 (23); December's
    # 23 weekdays less Christmas, 22 (45), the last on Thu Dec 31.
    assert "jueves, 31 de diciembre de 2026 · en 34 días" in out
    assert "Informe escrito de la evaluación (FIIE) terminado" in out
    assert "Cómo se contó: 45 días escolares después del 26 oct 2026." in out
    assert "Regla: Tex. Educ. Code 29.004(a); 19 TAC 89.1011" in out
    assert "Se usan las reglas propias de TX" in out
    assert "28 de noviembre de 2026" in out
    assert NOT_LEGAL_ADVICE in out
    for english in ENGLISH_LEFT:
        assert english not in out


def test_deadlines_plain_in_spanish_for_a_state_not_checked(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--lang", "es", "--plain", "deadlines", "--consent", "2026-10-26", "--state", "FL")
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout
    out = flat(result.stdout)
    assert "viernes, 25 de diciembre de 2026; en 28 días" in out
    assert "Primera evaluación terminada" in out
    assert "60 días calendario después del 26 oct 2026" in out
    assert "Regla federal: la de su estado puede ser distinta." in out
    assert "La regla de Florida (Fla. Admin. Code 6A-6.0331)" in out
    for english in ENGLISH_LEFT:
        assert english not in out


def test_deadlines_passed_and_plural_days_in_spanish(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--lang", "es", "deadlines", "--due-process", "2026-11-02")
    out = flat(result.stdout)
    assert "venció hace 10 días" in out  # resolution meeting: Nov 2 + 15 = Nov 17
    assert "45 días calendario después del periodo de 30 días que empezó el 2 nov 2026" in out
    yesterday = run("--lang", "es", "deadlines", "--due-process", "2026-11-11")
    assert "venció ayer" in flat(yesterday.stdout)  # Nov 11 + 15 = Nov 26


def test_deadlines_markdown_in_spanish(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "--lang", "es", "deadlines", "--consent", "2026-10-26", "--state", "CA", "-f", "markdown"
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# Plazos\n")
    assert "**viernes, 25 de diciembre de 2026** (en 28 días): Evaluación terminada" in out
    assert "Regla: Cal. Educ. Code 56344(a)" in out
    assert NOT_LEGAL_ADVICE in out
    assert "Counted" not in out and "Rule:" not in out


def test_deadlines_json_keeps_english_keys_with_spanish_words(run) -> None:  # type: ignore[no-untyped-def]
    english = json.loads(run("deadlines", "--consent", "2026-10-26", "-f", "json").stdout)
    result = run("--lang", "es", "deadlines", "--consent", "2026-10-26", "-f", "json")
    (spanish,) = json.loads(result.stdout)
    (before,) = english
    assert list(spanish) == list(before)
    words = {"title", "note", "how", "cautions"}
    assert {k: v for k, v in spanish.items() if k not in words} == {
        k: v for k, v in before.items() if k not in words
    }
    assert spanish["counted"] == "calendar" and spanish["from"] == "consent"
    assert spanish["title"] == "Primera evaluación terminada"
    assert spanish["how"] == "60 días calendario después del 26 oct 2026"
    assert spanish["note"].startswith("La regla federal es de 60 días")


def test_deadlines_calendar_in_spanish(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    target = tmp_path / "plazos.ics"
    result = run("--lang", "es", "deadlines", "--consent", "2026-10-26", "-o", str(target))
    assert result.exit_code == 0, result.output
    calendar = Calendar.from_ical(target.read_bytes())
    assert str(calendar["x-wr-calname"]) == "Plazos del IEP"
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Plazo del IEP: Primera evaluación terminada"
    description = str(event["description"])
    assert "Cómo se contó: 60 días calendario después del 26 oct 2026." in description
    assert "Regla: 34 CFR 300.301(c)(1)" in description
    assert NOT_LEGAL_ADVICE in description
    (alarm,) = event.walk("VALARM")
    assert str(alarm["description"]) == "Plazo del IEP: Primera evaluación terminada"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("26 de octubre", "2026-10-26"),  # no year: the last such date
        ("26 oct 2026", "2026-10-26"),
        ("ayer", "2026-11-26"),
        ("hace 2 semanas", "2026-11-13"),
        ("hace tres días", "2026-11-24"),
        ("2026-10-26", "2026-10-26"),
        ("martes", "2026-11-24"),  # today is Friday Nov 27: the last Tuesday
        ("el miércoles pasado", "2026-11-25"),
        ("viernes", "2026-11-27"),
    ],
)
def test_deadlines_read_dates_typed_in_spanish(run, typed: str, meant: str) -> None:  # type: ignore[no-untyped-def]
    result = run("--lang", "es", "deadlines", "--consent", typed, "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["from_date"] == meant


def test_deadline_errors_in_spanish(run) -> None:  # type: ignore[no-untyped-def]
    backwards = run(
        "--lang", "es", "deadlines", "--consent", "2026-11-01", "--eligibility", "2026-10-01"
    )
    assert backwards.exit_code == 2
    said = flat(backwards.output)
    assert "--eligibility (2026-10-01) es anterior a --consent (2026-11-01)" in said
    assert "la decisión de elegibilidad va después de su consentimiento para la evaluación" in said
    state = run("--lang", "es", "deadlines", "--consent", "2026-10-26", "--state", "Narnia")
    assert state.exit_code == 2
    assert "no es un estado de EE. UU." in flat(state.output)
    nothing = run("--lang", "es", "deadlines", "-f", "ics", "-o", "x.ics")
    assert nothing.exit_code == 2
    assert "Todavía no hay plazos que poner en un calendario." in flat(nothing.output)


def test_deadlines_without_dates_explain_in_spanish(run) -> None:  # type: ignore[no-untyped-def]
    out = flat(run("--lang", "es", "deadlines").stdout)
    assert "Todavía no hay plazos que contar." in out
    assert "--consent (su consentimiento para la evaluación)" in out


# ------------------------------------------------------------------ draft check


def test_spanish_checks_change_only_what_the_parent_reads() -> None:
    english, spanish = load_checks(), load_checks_in("es")
    assert spanish.vague_phrases == english.vague_phrases
    for before, after in zip(english.sections, spanish.sections, strict=True):
        assert (before.id, before.words, before.patterns, before.citation) == (
            after.id,
            after.words,
            after.patterns,
            after.citation,
        )
        assert after.what != before.what
    for kind, words in english.kinds.items():
        assert spanish.kinds[kind].section == words.section
        assert spanish.kinds[kind].question.count("{quote}") == words.question.count("{quote}")


def test_draft_check_text_in_spanish_quotes_the_english_draft(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "--lang",
        "es",
        "draft",
        "check",
        str(DRAFTS / "tables.txt"),
        "--previous",
        str(DRAFTS / "last_year.txt"),
    )
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert "Revisión del borrador: tables.txt, comparado con last_year.txt" in out
    assert "En el borrador: 3 metas y 3 servicios." in out
    for heading in ("METAS", "SERVICIOS", "PALABRAS QUE HAY QUE PRECISAR", "COMPARADO CON"):
        assert heading in out
    # The draft's own words stay as the school wrote them, inside Spanish questions.
    assert '¿Podemos cambiar "as needed" por lo que se dará exactamente' in out
    assert '¿Cuántas veces por semana (o por mes) recibirá mi hijo "Counseling"?' in out
    assert "Falta: con qué frecuencia." in out
    assert "la decisión sobre los servicios del año escolar extendido" in out
    assert "(34 CFR 300.106)" in out
    assert "QUÉ SE REVISÓ" in out and "no se guardó nada" in out
    assert "Esto no es asesoría legal." in out
    for english in ("Ask:", "Missing:", "Why it matters", "What was checked", "Not legal"):
        assert english not in out


def test_draft_check_plain_in_spanish(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--lang", "es", "--plain", "draft", "check", str(DRAFTS / "labelled.txt"))
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout
    out = flat(result.stdout)
    assert "Pregunte:" in out and "Ask:" not in out


def test_draft_check_markdown_in_spanish(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--lang", "es", "draft", "check", str(DRAFTS / "tables.txt"), "-f", "markdown")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# Revisión del borrador: tables.txt")
    assert "## Metas" in out and "## Qué se revisó" in out
    assert "**Por qué:**" in out and "**Pregunte:**" in out
    assert "Esto no es asesoría legal." in out
    assert "**Why:**" not in out and "**Ask:**" not in out


def test_draft_check_json_keeps_kinds_and_keys(run) -> None:  # type: ignore[no-untyped-def]
    args = ("draft", "check", str(DRAFTS / "tables.txt"), "-f", "json")
    english = json.loads(run(*args).stdout)
    spanish = json.loads(run("--lang", "es", *args).stdout)
    assert list(spanish) == list(english)
    assert [f["kind"] for f in spanish["findings"]] == [f["kind"] for f in english["findings"]]
    assert [f["section"] for f in spanish["findings"]] == [
        f["section"] for f in english["findings"]
    ]
    assert spanish["goals"] == english["goals"] and spanish["services"] == english["services"]
    by_kind: dict[str, dict[str, str]] = {}
    for finding in spanish["findings"]:
        by_kind.setdefault(finding["kind"], finding)
    assert by_kind["service-no-frequency"]["message"].startswith("Este servicio no dice")
    assert by_kind["service-no-frequency"]["question"] == (
        '¿Cuántas veces por semana (o por mes) recibirá mi hijo "Counseling"?'
    )
    assert by_kind["missing-section"]["quote"].startswith("La decisión sobre los servicios")
    assert spanish["checked"][0].startswith("3 metas: un punto de partida")


def test_a_spanish_draft_is_read_and_its_spanish_parts_are_found(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--lang", "es", "draft", "check", str(DRAFTS / "spanish.txt"))
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert "En el borrador: 2 metas y 2 servicios" in out
    assert "parece estar en español" not in out
    # ESY, progress reports and the parents' concerns are there, in Spanish: only the
    # state tests are reported missing.
    english = json.loads(run("draft", "check", str(DRAFTS / "spanish.txt"), "-f", "json").stdout)
    missing = [f["quote"] for f in english["findings"] if f["kind"] == "missing-section"]
    assert len(missing) == 1 and missing[0].startswith("How your child takes part in state")
    assert not english["not_checked"]


def test_an_english_draft_is_not_taken_for_spanish(run) -> None:  # type: ignore[no-untyped-def]
    for name in ("tables.txt", "labelled.txt", "narrative.txt", "well_written.txt"):
        data = json.loads(run("draft", "check", str(DRAFTS / name), "-f", "json").stdout)
        assert not any("Spanish" in item for item in data["not_checked"]), name


def test_draft_check_errors_in_spanish(run) -> None:  # type: ignore[no-untyped-def]
    both = run("--lang", "es", "draft", "check", "-", "--previous", "-", input="Goals\n")
    assert both.exit_code == 2
    assert "Solo se puede pegar ('-') uno de los dos" in flat(both.output)
    no_plan = run("--lang", "es", "draft", "check", str(DRAFTS / "tables.txt"), "--add-to-plan")
    assert no_plan.exit_code == 3
    assert "No hay un plan guardado al cual agregar los hallazgos." in flat(no_plan.output)
    ics = run("--lang", "es", "draft", "check", str(DRAFTS / "tables.txt"), "-o", "hallazgos.ics")
    assert ics.exit_code == 2
    assert "iepprep draft check no puede escribir ics" in flat(ics.output)


def test_closures_file_errors_in_spanish(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    closures = tmp_path / "cierres.txt"
    closures.write_text("2026-12-21 to 2027-01-01\nvacaciones de invierno\n")
    result = run(
        "--lang", "es", "deadlines", "--consent", "2026-10-26", "--closures", str(closures)
    )
    assert result.exit_code == 2
    said = flat(result.output)
    assert "La línea 2 del archivo de cierres 'cierres.txt' no es una fecha ni un rango" in said
    assert "Escriba una fecha o un rango por línea" in said


def test_draft_reading_errors_in_spanish(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "borrador.txt"
    empty.write_text("   \n")
    result = run("--lang", "es", "draft", "check", str(empty))
    assert result.exit_code == 2
    said = flat(result.output)
    assert "El borrador 'borrador.txt' está vacío." in said
    assert "Revise que sea el archivo correcto" in said
    missing = run("--lang", "es", "draft", "check", str(tmp_path / "no-existe.pdf"))
    assert missing.exit_code == 2
    assert "no existe." in flat(missing.output)


def test_what_was_not_counted_is_said_in_spanish(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    closures = tmp_path / "distrito.txt"
    closures.write_text("2026-12-19 to 2027-01-03  # vacaciones de invierno\n")
    args = ["deadlines", "--consent", "2026-12-01", "--state", "CA", "--closures", str(closures)]
    english = json.loads(run(*args, "-f", "json").stdout)
    spanish = json.loads(run("--lang", "es", *args, "-f", "json").stdout)
    assert [d["date"] for d in spanish] == [d["date"] for d in english]
    (evaluation,) = [d for d in spanish if d["id"] == "evaluation-complete"]
    # Dec 19 to Jan 3: 16 days of a break of 10 school days, not counted.
    assert evaluation["skipped"] == ["16 días de descansos de más de 5 días escolares"]
    assert evaluation["date"] == "2027-02-15"  # Dec 1 + 60 days is Jan 30, + 16 not counted
    out = flat(run("--lang", "es", *args).stdout)
    assert "; no se contaron: 16 días de descansos de más de 5 días escolares" in out
    assert "Los días escolares salen del calendario de su distrito (distrito.txt)." in out


def test_the_dates_deadlines_show_match_babel() -> None:
    from babel.dates import format_date

    from iepprep.core.i18n.dates import long_date_without_weekday, medium_date

    for offset in range(0, 400, 23):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=offset)
        set_current("es")
        assert medium_date(day) == format_date(day, "medium", locale="es_US")
        assert long_date_without_weekday(day) == format_date(day, "long", locale="es_US")
        set_current("en")
        assert medium_date(day) == format_date(day, "medium", locale="en_US")
        assert long_date_without_weekday(day) == format_date(day, "long", locale="en_US")
