"""A draft IEP written in Spanish is checked like an English one: its goals, services,
vague words and parts are found by their Spanish words (alongside the English ones),
whichever language the parent reads iepprep in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from iepprep.core.draft.checking import age_in_draft, check_draft
from iepprep.core.draft.models import DraftChecksFile, DraftReport, fold, load_checks
from iepprep.core.draft.parsing import minutes_per_week
from iepprep.core.draft.reading import DraftDocument, read_draft
from iepprep.core.i18n.language import set_current

DRAFTS = Path(__file__).parent / "drafts"


def check(name: str, **options: int) -> DraftReport:
    return check_draft(read_draft(DRAFTS / name), **options)  # type: ignore[arg-type]


def check_text(text: str, **options: int) -> DraftReport:
    return check_draft(DraftDocument("borrador.txt", [text], False), **options)  # type: ignore[arg-type]


def kinds_for(report: DraftReport, words: str) -> set[str]:
    return {f.kind for f in report.findings if words in f.quote}


def missing_parts(report: DraftReport) -> set[str | None]:
    return {f.about for f in report.findings if f.kind == "missing-section"}


def test_a_full_spanish_draft_has_its_goals_services_and_parts_found() -> None:
    report = check("spanish_full.txt")
    assert len(report.goals) == 3 and len(report.services) == 3
    first, second, vague = report.goals
    for goal in (first, second):
        assert goal.readable and goal.baseline and goal.timeframe and goal.measurement, goal
    assert first.criterion == "120 palabras"
    assert second.criterion == "4 de 5 intentos"  # the target, not the baseline "1 de 5"
    assert not (vague.baseline or vague.criterion or vague.timeframe or vague.measurement)
    # "Los informes de progreso se enviarán..." between the goals is not a goal.
    assert not any(goal.text.startswith("Los informes") for goal in report.goals)
    # Every part is there, in Spanish; the child is 15, so transition was looked for.
    assert missing_parts(report) == set()
    assert not any("transition" in line.lower() for line in report.not_checked)
    assert not report.not_checked


def test_spanish_services_give_how_often_how_long_where_and_from_when() -> None:
    reading, speech, counseling = check("spanish_full.txt").services
    assert (reading.frequency, reading.duration) == ("5 veces por semana", "45 minutos")
    assert reading.location == "salón de recursos"
    assert reading.start is not None and "5 de enero de 2027" in reading.start
    assert reading.minutes_per_week == 225
    assert speech.minutes_per_week == 30  # "30 min semanales"
    assert speech.location == "sala de terapia" and speech.start is not None
    assert counseling.frequency == "por mes" and counseling.duration == "60 minutos"
    assert counseling.location is None and counseling.start is None


def test_spanish_vague_words_are_quoted_as_written() -> None:
    report = check("spanish_full.txt")
    vague = [f.question for f in report.findings if f.kind == "vague-wording"]
    for said in (
        "cuando sea necesario",
        "mejorará sus habilidades",
        "según lo permita el tiempo",
        "a discreción del maestro",
    ):
        assert any(f'"{said}"' in question for question in vague), (said, vague)
    # Typed without accents, found all the same, and quoted as typed.
    plain = check_text("SERVICIOS\nConsejeria: 30 minutos por semana segun sea necesario.\n")
    assert any('"segun sea necesario"' in f.question for f in plain.findings)


def test_the_small_spanish_draft_flags_what_is_missing_and_nothing_that_is_there() -> None:
    report = check("spanish.txt")
    assert len(report.goals) == 2 and len(report.services) == 2
    assert kinds_for(report, "Sofía leerá 90 palabras") == set()
    assert kinds_for(report, "mejorará sus habilidades de escritura") >= {
        "goal-no-baseline",
        "goal-no-criterion",
        "goal-no-timeframe",
        "goal-no-measurement",
        "vague-wording",
    }
    assert kinds_for(report, "Terapia del habla") >= {"service-no-frequency", "vague-wording"}
    # Its start date, 01/11/2027, is the one thing to ask about in that service.
    assert kinds_for(report, "Instrucción de lectura") == {"ambiguous-date"}
    # ESY, progress reports and the parents' concerns are there in Spanish; only the
    # state tests are not.
    assert missing_parts(report) == {"state-tests"}


@pytest.mark.parametrize(
    ("part", "line"),
    [
        ("esy", "Ano escolar extendido: no lo necesita."),
        ("progress-reporting", "Se informará el progreso a la familia cada trimestre."),
        ("parent-concerns", "La familia expresó su preocupación por la lectura."),
        ("state-tests", "Tomará las evaluaciones estatales con adaptaciones."),
        ("transition", "Plan de transición: metas postsecundarias de empleo."),
    ],
)
def test_each_part_is_found_by_its_spanish_words(part: str, line: str) -> None:
    without = check_text("Edad: 15\nMETAS ANUALES\n", age=15)
    assert part in missing_parts(without)
    assert part not in missing_parts(check_text(f"Edad: 15\n{line}\n", age=15))


def test_a_spanish_draft_says_its_age_and_day_first_birth_date() -> None:
    assert age_in_draft("Edad: 9") == 9
    born = age_in_draft("Fecha de nacimiento: 31/01/2000")
    assert born is not None and born >= 25  # day first: 31 January, not month 31


def test_spanish_minutes_and_frequency_words() -> None:
    assert minutes_per_week("2 veces por semana", "30 minutos") == 60
    assert minutes_per_week(None, "120 minutos por semana") == 120
    assert minutes_per_week("diariamente", "20 minutos") == 100
    assert minutes_per_week("dos veces por semana", "1 hora") == 120


def test_an_english_and_a_spanish_draft_compare_by_service() -> None:
    english = read_draft(DRAFTS / "well_written.txt")
    spanish = DraftDocument(
        "borrador.txt",
        [
            (
                "SERVICIOS DE EDUCACIÓN ESPECIAL\n"
                "Instrucción académica especializada (lectura): 2 veces por semana, 45 minutos, "
                "en el salón de recursos, a partir del 5 de enero de 2027.\n"
                "Servicio: Terapia del habla | Frecuencia: una vez por semana | "
                "Duración: 30 minutos | Lugar: sala de terapia | Inicio: 05/01/2027\n"
            )
        ],
        False,
    )
    report = check_draft(spanish, previous=english)
    reduced = [f.message for f in report.findings if f.kind == "service-reduced"]
    assert len(reduced) == 2, reduced  # the same two services, each with fewer minutes
    assert any("90" in message and "225" in message for message in reduced), reduced
    assert any("30" in message and "60" in message for message in reduced), reduced


def test_the_command_reads_a_spanish_draft_in_either_language(run) -> None:  # type: ignore[no-untyped-def]
    english = run("draft", "check", str(DRAFTS / "spanish_full.txt"), "-f", "json")
    spanish = run("--lang", "es", "draft", "check", str(DRAFTS / "spanish_full.txt"), "-f", "json")
    assert english.exit_code == 0 and spanish.exit_code == 0, english.output + spanish.output
    en, es = json.loads(english.stdout), json.loads(spanish.stdout)
    assert [f["kind"] for f in en["findings"]] == [f["kind"] for f in es["findings"]]
    assert en["goals"] == es["goals"] and len(es["services"]) == 3
    assert es["checked"][0].startswith("3 metas")
    assert not any("Spanish" in line or "español" in line for line in en["not_checked"])
    text = " ".join(
        run("--lang", "es", "draft", "check", str(DRAFTS / "spanish.txt")).stdout.split()
    )
    assert "En el borrador: 2 metas y 2 servicios" in text
    assert "según sea necesario" in text
    assert "la decisión sobre el año escolar extendido" in text


def test_words_and_patterns_are_validated_in_both_languages() -> None:
    data = load_checks().model_dump()
    assert "según sea necesario" in data["vague_phrases"]
    assert any("año escolar extendido" in rule["words"] for rule in data["sections"])
    twice = {**data, "vague_phrases": [*data["vague_phrases"], "segun sea necesario"]}
    with pytest.raises(ValidationError, match="listed twice"):
        DraftChecksFile.model_validate(twice)
    sections = [dict(rule) for rule in data["sections"]]
    sections[0]["patterns"] = ["preocupación.{0,9}padres"]
    with pytest.raises(ValidationError, match="accents"):
        DraftChecksFile.model_validate({**data, "sections": sections})
    sections[0]["patterns"] = ["padres(("]
    with pytest.raises(ValidationError, match="pattern"):
        DraftChecksFile.model_validate({**data, "sections": sections})


def test_folding_keeps_every_letter_in_its_place() -> None:
    text = "Año escolar: según sea necesario, a discreción del maestro"
    assert len(fold(text)) == len(text)
    assert fold(text) == "Ano escolar: segun sea necesario, a discrecion del maestro"


def test_an_ambiguous_day_first_date_in_a_spanish_draft_names_both_readings() -> None:
    text = "Servicio: Terapia del habla para la lectura | Inicio: 01/11/2027 | Fin: 15/06/2028\n"
    english = [f for f in check_text(text).findings if f.kind == "ambiguous-date"]
    assert len(english) == 1 and "November 1 or January 11" in english[0].message
    set_current("es")
    (finding,) = [f for f in check_text(text).findings if f.kind == "ambiguous-date"]
    assert finding.message == (
        "La fecha 01/11/2027 puede ser el 1 de noviembre o el 11 de enero: pida que la "
        "escriban con el mes en letras."
    )
    assert "01/11/2027" in finding.question and "11 de enero" in finding.question


@pytest.mark.parametrize(
    "text",
    [
        "Service: Speech therapy for the student | Start: 01/11/2027\n",  # English: US month first
        "Servicio: Terapia del habla para la lectura | Inicio: 05/05/2027\n",  # same either way
        "Servicio: Terapia del habla para la lectura | Inicio: 13/01/2027\n",  # only day first
    ],
)
def test_dates_that_read_one_way_are_not_flagged(text: str) -> None:
    assert "ambiguous-date" not in {f.kind for f in check_text(text).findings}


@pytest.mark.parametrize(
    "line",
    [
        "Año escolar extendido: el equipo lo considerará en la primavera.",
        "Ano escolar extendido: por determinar.",
        "ESY: will be considered in the spring.",
        "Extended School Year\nTo be determined.",
    ],
)
def test_an_esy_decision_put_off_is_a_finding(line: str) -> None:
    report = check_text(f"Edad: 9\n{line}\n", age=9)
    assert "esy" not in missing_parts(report)
    assert [f.kind for f in report.findings].count("esy-deferred") == 1
    set_current("es")
    (finding,) = [f for f in check_text(f"{line}\n", age=9).findings if f.kind == "esy-deferred"]
    assert finding.question == (
        "¿Cuándo y cómo se decidirá el año escolar extendido? ¿Me avisarán por escrito?"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Año escolar extendido: no lo necesita; se revisará más adelante si hay retroceso.",
        "ESY: yes, because data show regression after breaks.",
        "ESY: not needed, because data show no regression.",
        "Extended School Year\nNo: Sam does not qualify this year.",
    ],
)
def test_a_real_esy_decision_is_kept_as_it_is(line: str) -> None:
    report = check_text(f"{line}\n", age=9)
    assert "esy-deferred" not in {f.kind for f in report.findings}
    assert "esy" not in missing_parts(report)
