"""The wording a special-education attorney reviewed, in English and Spanish: what the
law requires (ESY only when the team finds it needed, 34 CFR 300.106; transition by the
IEP in effect at 16 or earlier if the team decides, 300.320(b)), Texas's and
Massachusetts's own counts, and one Spanish term for each thing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from iepprep.core.content.library import bundled_text
from iepprep.core.draft.models import load_checks, load_checks_in

DATA = Path(__file__).parents[1] / "src" / "iepprep" / "data"
CATALOG = Path(__file__).parents[1] / "src/iepprep/locale/es/LC_MESSAGES/iepprep.po"
DRAFTS = Path(__file__).parent / "drafts"


def flat(text: str) -> str:
    return " ".join(text.split())


def spanish_text() -> dict[str, str]:
    """Every Spanish data file and the catalog's translations, with lines joined."""
    texts = {path.name: flat(path.read_text()) for path in (DATA / "es").glob("*.yaml")}
    catalog = CATALOG.read_text()
    texts["iepprep.po"] = flat(
        " ".join(re.findall(r'^(?:msgstr(?:\[\d\])? )?"(.*)"$', catalog, re.MULTILINE))
    )
    return texts


def section(checks: object, rule_id: str):  # type: ignore[no-untyped-def]
    (rule,) = [rule for rule in checks.sections if rule.id == rule_id]  # type: ignore[attr-defined]
    return rule


def test_the_draft_summary_does_not_call_esy_a_required_part(run) -> None:  # type: ignore[no-untyped-def]
    english = json.loads(
        run("draft", "check", str(DRAFTS / "well_written.txt"), "-f", "json").stdout
    )
    assert english["checked"][3] == (
        "the parts iepprep checks: the decision about extended school year, state tests, "
        "progress reports, your concerns, and transition if your child turns 16 while this "
        "IEP is in effect (or earlier)"
    )
    spanish = json.loads(
        run("--lang", "es", "draft", "check", str(DRAFTS / "well_written.txt"), "-f", "json").stdout
    )
    assert spanish["checked"][3].startswith("las partes que iepprep revisa: la decisión sobre")
    assert "mientras este IEP esté vigente (o antes)" in spanish["checked"][3]
    for said in (english["checked"][3], spanish["checked"][3]):
        assert "every IEP" not in said and "todo IEP" not in said


def test_transition_may_start_earlier_if_the_team_or_the_state_decides() -> None:
    assert section(load_checks(), "transition").needed.endswith(
        "or earlier, if the IEP team or your state decides"
    )
    assert section(load_checks_in("es"), "transition").needed.endswith(
        "o antes, si el equipo del IEP o su estado lo decide"
    )
    rights = {r["id"]: r for r in yaml.safe_load(bundled_text("rights.yaml"))["rights"]}
    assert "(or earlier, if the IEP team or your state decides)" in flat(
        rights["transition"]["text"]
    )
    tips = {t["id"]: t for t in yaml.safe_load(bundled_text("tips.yaml"))["tips"]}
    assert "(or earlier, if the IEP team or your state decides)" in flat(
        tips["transition-planning"]["body"]
    )
    es_tips = yaml.safe_load((DATA / "es" / "tips.yaml").read_text())["tips"]
    assert "(o antes, si el equipo del IEP o su estado lo decide)" in flat(
        es_tips["transition-planning"]["body"]
    )
    es_rights = yaml.safe_load((DATA / "es" / "rights.yaml").read_text())["rights"]
    assert "(o antes, si el equipo del IEP o su estado lo decide)" in flat(
        es_rights["transition"]["text"]
    )


def test_esy_is_beyond_the_school_year_for_example_in_the_summer() -> None:
    assert section(load_checks(), "esy").what.endswith("(for example, in the summer)")
    assert flat(section(load_checks_in("es"), "esy").what).endswith("(por ejemplo, en el verano)")


def test_texas_counts_as_its_code_says() -> None:
    texts = spanish_text()
    assert "el plazo se extiende tantos días escolares como faltó" in texts["deadlines.yaml"]
    assert "se corre" not in texts["deadlines.yaml"]
    assert "se debe entregar a más tardar 45 días escolares después" in texts["states.yaml"]


@pytest.mark.parametrize(
    ("avoid", "because"),
    [
        ("Revisión de determinación", "one term: determinación de manifestación"),
        ("días naturales", "one term for calendar days: días calendario"),
        ("día natural", "one term for calendar days: día calendario"),
        ("examen alterno", "one term: prueba alternativa"),
        ("evaluaciones alternas", "one term: prueba alternativa"),
        ("necesitan una determinación", "grammar: requiere una determinación"),
        ("se trata sus preocupaciones", "grammar"),
        ("usted es sordo", "usted es una persona sorda"),
    ],
)
def test_one_spanish_term_everywhere(avoid: str, because: str) -> None:
    for name, text in spanish_text().items():
        assert avoid not in text, f"{name}: {avoid!r} ({because})"


def shown_strings(data: object, key: str = "") -> list[str]:
    """Every string a parent reads in a data file: not the `asks` and synonyms, which
    are what a parent may type ("la prepa") for search to find."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() if k != "asks" for s in shown_strings(v, k)]
    if isinstance(data, list):
        return [s for item in data for s in shown_strings(item, key)]
    return []


def test_high_school_is_escuela_secundaria_in_what_a_parent_reads() -> None:
    for path in (DATA / "es").glob("*.yaml"):
        if path.name != "synonyms.yaml":
            for text in shown_strings(yaml.safe_load(path.read_text())):
                assert "preparatoria" not in text, (path.name, text)
    assert "preparatoria" not in spanish_text()["iepprep.po"]
    groups = yaml.safe_load((DATA / "es" / "synonyms.yaml").read_text())["groups"]
    assert any("escuela secundaria" in group for group in groups)


def test_a_modification_is_not_grouped_with_an_accommodation() -> None:
    groups = yaml.safe_load((DATA / "es" / "synonyms.yaml").read_text())["groups"]
    for group in groups:
        assert not ({"adaptación", "modificación"} <= set(group)), group


def test_the_mdr_deadline_is_a_meeting() -> None:
    texts = spanish_text()
    assert "title: Reunión de determinación de manifestación realizada" in texts["deadlines.yaml"]
    assert "term: Determinación de manifestación" in texts["glossary.yaml"]


def test_spanish_grammar_the_attorney_corrected() -> None:
    texts = spanish_text()
    assert "y requiere una determinación de manifestación" in texts["tips.yaml"]
    assert load_checks_in("es").kinds["missing-section"].question == "¿Dónde trata el IEP {quote}?"
    assert "si usted es una persona sorda" in texts["rights.yaml"]


def test_massachusetts_counts_school_working_days(run) -> None:  # type: ignore[no-untyped-def]
    args = ("deadlines", "--consent", "2026-10-26", "--state", "MA", "-f", "json")
    english = {d["id"]: d["how"] for d in json.loads(run(*args).stdout)}
    spanish = {d["id"]: d["how"] for d in json.loads(run("--lang", "es", *args).stdout)}
    assert english["evaluation-assessments"].startswith("30 school working days after")
    assert english["evaluation-complete"].startswith("45 school working days after")
    assert spanish["evaluation-assessments"].startswith("30 días hábiles escolares después")
    assert spanish["evaluation-complete"].startswith("45 días hábiles escolares después")
    text = flat(run("--lang", "es", *args[:-2]).stdout)
    assert "Cómo se contó: 45 días hábiles escolares después del 26 oct 2026" in text
    # Other states' school days stay school days.
    texas = json.loads(
        run("deadlines", "--consent", "2026-10-26", "--state", "TX", "-f", "json").stdout
    )
    assert all("working" not in d["how"] for d in texas)
