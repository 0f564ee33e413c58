"""The draft check on synthetic drafts in four layouts (tests/drafts/), as text, PDF and .docx.

Each finding kind is planted somewhere and must be found there, and must not be found
on the well-written draft, whose every goal and service is complete.
"""

from __future__ import annotations

import json
import stat
from collections import Counter
from pathlib import Path

import pytest

from iepprep.core.draft.checking import check_draft
from iepprep.core.draft.models import DraftReport
from iepprep.core.draft.reading import DraftDocument, read_draft
from iepprep.errors import InputError

DRAFTS = Path(__file__).parent / "drafts"


def check(name: str, previous: str | None = None, **options: int) -> DraftReport:
    return check_draft(
        read_draft(DRAFTS / name),
        previous=read_draft(DRAFTS / previous) if previous else None,
        **options,  # type: ignore[arg-type]
    )


def kinds_for(report: DraftReport, words: str) -> set[str]:
    return {f.kind for f in report.findings if words in f.quote}


def make_pdf(pages: list[str]) -> bytes:
    """A PDF with a real text layer, one string per page (typst, as iepprep's own PDFs)."""
    import typst

    source = (
        '#let pages = json(bytes(sys.inputs.at("pages")))\n'
        "#for (i, p) in pages.enumerate() {\n"
        "  if i > 0 { pagebreak() }\n"
        '  for line in p.split("\\n") { line; linebreak() }\n'
        "}\n"
    )
    return bytes(
        typst.compile(source.encode(), format="pdf", sys_inputs={"pages": json.dumps(pages)})
    )


# ------------------------------------------------------------------ single draft


def test_a_well_written_draft_has_nothing_to_flag() -> None:
    report = check("well_written.txt")
    assert len(report.goals) == 2
    assert len(report.services) == 2
    assert report.findings == []
    assert all(g.baseline and g.criterion and g.timeframe and g.measurement for g in report.goals)
    assert report.services[0].minutes_per_week == 225  # 5 x 45 minutes


def test_goal_parts_found_where_missing_in_numbered_goals() -> None:
    report = check("labelled.txt")
    assert kinds_for(report, "improve her reading skills") >= {
        "goal-no-baseline",
        "goal-no-criterion",
        "goal-no-timeframe",
        "goal-no-measurement",
    }
    assert kinds_for(report, "20 letter sounds") == set()  # this goal is complete


def test_goal_table_uses_its_columns() -> None:
    report = check("tables.txt")
    equations, organization, planner = report.goals
    assert equations.baseline and equations.criterion == "80%" and equations.measurement
    assert planner.criterion == "5 of 5 days"  # the target column, not the baseline
    assert not planner.measurement
    assert not organization.baseline and organization.criterion is None
    assert kinds_for(report, "use a planner") == {"goal-no-measurement"}


def test_narrative_goals_and_services_without_headings() -> None:
    report = check("narrative.txt")
    assert len(report.goals) == 2
    assert kinds_for(report, "explain her accommodations") == {
        "goal-no-baseline",
        "goal-no-criterion",
        "goal-no-timeframe",
        "goal-no-measurement",
    }
    assert kinds_for(report, "decode unfamiliar") == set()
    assert kinds_for(report, "speech-language services") == {"service-no-location"}
    assert kinds_for(report, "counseling 2 times") == {"service-no-start"}


def test_service_parts_in_tables_and_labelled_rows() -> None:
    table = check("tables.txt")
    assert kinds_for(table, "Counseling") == {"service-no-frequency"}
    assert kinds_for(table, "Paraprofessional") >= {
        "service-no-frequency",
        "service-no-duration",
        "service-no-start",
        "vague-wording",
    }
    assert kinds_for(table, "Specialized math") == set()
    labelled = check("labelled.txt")
    assert kinds_for(labelled, "Occupational therapy") == {
        "service-no-frequency",
        "service-no-location",
    }
    assert kinds_for(labelled, "Reading intervention") == {"service-no-start"}


def test_vague_wording_is_quoted() -> None:
    report = check("labelled.txt")
    vague = [f for f in report.findings if f.kind == "vague-wording"]
    asked = " ".join(f.question for f in vague)
    for phrase in (
        "access to",
        "as needed",
        "may be provided",
        "when appropriate",
        "improve her reading skills",
    ):
        assert f'"{phrase}"' in asked, phrase
    assert not [f for f in check("well_written.txt").findings if f.kind == "vague-wording"]


def test_missing_sections() -> None:
    missing = [f.quote for f in check("labelled.txt").findings if f.kind == "missing-section"]
    for part in (
        "extended school year",
        "state and district tests",
        "told about progress",
        "concerns",
    ):
        assert sum(part in quote for quote in missing) == 1, part
    assert len(missing) == 4  # DOB 2018: no transition plan is due yet
    well = [f for f in check("well_written.txt").findings if f.kind == "missing-section"]
    assert well == []


def test_transition_needed_at_16_and_not_before() -> None:
    narrative = check("narrative.txt")  # Age: 17, no transition plan
    assert any(f.kind == "missing-section" and "transition" in f.quote for f in narrative.findings)
    young = check("narrative.txt", age=12)
    assert not any("transition" in f.quote for f in young.findings)
    tables = check("tables.txt")  # Age: 16, has a transition section
    assert not any("transition" in f.quote for f in tables.findings)


def test_unknown_age_says_transition_was_not_checked() -> None:
    report = check_draft(
        DraftDocument(
            "d.txt",
            ["Goals\n1. By May 2027 Sam will read 90 wpm, from 40 wpm, as measured by probes."],
            False,
        )
    )
    assert any("Transition" in line for line in report.not_checked)


def test_a_goal_it_cannot_read_is_listed_not_skipped() -> None:
    report = check_draft(
        DraftDocument("d.txt", ["Annual Goals\nGoal 1: TBD\nGoal 2: see attached"], False)
    )
    assert [f.kind for f in report.findings if f.section == "goals"] == ["goal-unreadable"] * 2


# ------------------------------------------------------------------ compared with last year


def test_compared_with_last_year() -> None:
    report = check("labelled.txt", previous="last_year.txt")
    compared = Counter(f.kind for f in report.findings if f.section == "compared")
    assert compared == {
        "goal-repeated": 1,  # the letter-sounds goal, again
        "criterion-lowered": 1,  # 95% last year, 90% now
        "goal-dropped": 1,  # two-step directions (the first-name goal is noted as met)
        "service-reduced": 2,  # speech 90 -> 60 minutes a week; counseling gone
    }
    lowered = next(f for f in report.findings if f.kind == "criterion-lowered")
    assert "95%" in lowered.message and "90%" in lowered.message
    dropped = next(f for f in report.findings if f.kind == "goal-dropped")
    assert "two-step directions" in dropped.quote


def test_the_same_draft_compared_with_itself_drops_and_reduces_nothing() -> None:
    report = check("well_written.txt", previous="well_written.txt")
    kinds = {f.kind for f in report.findings}
    assert "goal-dropped" not in kinds and "service-reduced" not in kinds
    assert "criterion-lowered" not in kinds
    assert kinds == {"goal-repeated"}


# ------------------------------------------------------------------ reading files


def test_pdf_with_text_gives_page_numbers(tmp_path: Path) -> None:
    pages = (DRAFTS / "labelled.txt").read_text().split("\nGoals\n")
    path = tmp_path / "draft.pdf"
    path.write_bytes(make_pdf([pages[0], "Goals\n" + pages[1]]))
    report = check_draft(read_draft(path))
    reading = next(f for f in report.findings if "improve her reading" in f.quote)
    occupational = next(f for f in report.findings if "Occupational" in f.quote)
    assert reading.page == 2
    assert occupational.page == 1


def test_a_scanned_pdf_is_reported_plainly(tmp_path: Path) -> None:
    import typst

    path = tmp_path / "scan.pdf"
    path.write_bytes(
        bytes(typst.compile(b"#rect(width: 10cm, height: 14cm, fill: gray)", format="pdf"))
    )
    with pytest.raises(InputError, match="picture of pages"):
        read_draft(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage", "could not be read"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "Word document"),
        ("old.doc", b"\xd0\xcf\x11\xe0 binary word", "cannot read .doc"),
        ("binary.txt", b"\x00\x01\x02 nope", "not text"),
    ],
)
def test_malformed_files_are_input_errors(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_draft(path)


def test_docx_tables_are_read_as_rows(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Special Education Services")
    table = document.add_table(rows=3, cols=5)
    for row, values in zip(
        table.rows,
        [
            ["Service", "Frequency", "Duration", "Location", "Start Date"],
            ["Speech therapy", "2x per week", "30 minutes", "Speech room", "01/05/2027"],
            ["Occupational therapy", "", "30 minutes", "", "01/05/2027"],
        ],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "draft.docx"
    document.save(str(path))
    report = check_draft(read_draft(path))
    assert [s.name for s in report.services] == ["Speech therapy", "Occupational therapy"]
    assert kinds_for(report, "Occupational therapy") == {
        "service-no-frequency",
        "service-no-location",
    }


def test_utf16_text_from_windows_notepad(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes((DRAFTS / "labelled.txt").read_text().encode("utf-16"))
    assert len(check_draft(read_draft(path)).services) == 3


# ------------------------------------------------------------------ the command


def test_command_json_contract(run) -> None:  # type: ignore[no-untyped-def]
    result = run("draft", "check", str(DRAFTS / "tables.txt"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"findings", "goals", "services"}
    assert set(data["findings"][0]) >= {"kind", "quote", "message", "question", "page"}
    assert {g["criterion"] for g in data["goals"]} >= {"80%"}


def test_command_reads_pasted_text(run) -> None:  # type: ignore[no-untyped-def]
    text = (DRAFTS / "narrative.txt").read_text()
    result = run("draft", "check", "-", "--format", "json", input=text)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["goals"]) == 2


def test_command_text_says_what_it_checked_and_its_limits(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "draft", "check", str(DRAFTS / "labelled.txt"), "--previous", str(DRAFTS / "last_year.txt")
    )
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "COMPARED WITH LAST YEAR" in out
    assert "cannot tell whether these goals and services are right" in out
    assert "nothing from it was saved" in out
    assert "Not legal advice" in out


def test_nothing_is_saved_without_add_to_plan(run, isolated_home: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("draft", "check", str(DRAFTS / "labelled.txt")).exit_code == 0
    assert not isolated_home.exists() or not any(isolated_home.rglob("*.jsonl"))


def test_add_to_plan_keeps_only_the_findings_privately(
    run, isolated_home: Path, write_yaml
) -> None:  # type: ignore[no-untyped-def]
    answers = write_yaml("a.yaml", {"meeting_type": "annual", "child_name": "Maria"})
    assert run("plan", "--answers", str(answers)).exit_code == 0
    result = run("draft", "check", str(DRAFTS / "labelled.txt"), "--add-to-plan")
    assert result.exit_code == 0, result.output
    assert "added to plan 1" in result.stdout
    from iepprep.core.draft.saved import saved_findings
    from iepprep.core.storage.plans import PlanStore

    journal = PlanStore().journal(1)
    assert {f.kind for f in saved_findings(journal)} >= {"goal-no-baseline", "vague-wording"}
    assert stat.S_IMODE(journal.path.stat().st_mode) == 0o600
    assert "Note: Maria met" not in journal.path.read_text()  # findings only, not the draft


def test_add_to_plan_without_a_plan_says_what_to_do(run) -> None:  # type: ignore[no-untyped-def]
    result = run("draft", "check", str(DRAFTS / "labelled.txt"), "--add-to-plan")
    assert result.exit_code == 3
    assert "iepprep plan" in result.stderr


def test_errors_do_not_repeat_the_draft(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "scan.pdf"
    import typst

    path.write_bytes(bytes(typst.compile(b"#text(size: 1pt)[Jordan Secretname]", format="pdf")))
    result = run("draft", "check", str(path))
    assert result.exit_code == 2
    assert "Secretname" not in result.output
    assert "picture of pages" in result.stderr


def test_pdf_reading_prints_nothing_about_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.pdf"
    path.write_bytes(make_pdf([(DRAFTS / "narrative.txt").read_text()]))
    check_draft(read_draft(path))
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


# ------------------------------------------------------------------ found by hostile testing


def test_output_never_replaces_the_draft(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "draft.txt"
    draft.write_text((DRAFTS / "tables.txt").read_text())
    link = tmp_path / "link.txt"
    link.symlink_to(draft)
    for target in (draft, link):
        result = run("draft", "check", str(draft), "-o", str(target))
        assert result.exit_code == 2
        assert "is the file iepprep is reading" in result.stderr
    assert draft.read_text() == (DRAFTS / "tables.txt").read_text()


def test_both_drafts_cannot_be_pasted(run) -> None:  # type: ignore[no-untyped-def]
    result = run("draft", "check", "-", "--previous", "-", input="Goals\n")
    assert result.exit_code == 2
    assert "Only one" in result.stderr


def test_an_empty_draft_is_not_all_good(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    result = run("draft", "check", str(empty))
    assert result.exit_code == 2
    assert "is empty" in result.stderr


def test_a_zip_bomb_docx_is_refused_before_unpacking(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (70 * 1024 * 1024))
    with pytest.raises(InputError, match="unpacks to 70 MB"):
        read_draft(path)


def test_a_huge_line_is_checked_in_parts_and_the_report_stays_readable(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_text("Sam will get help as needed. " * 30000)
    report = check_draft(read_draft(path))
    assert 0 < len([f for f in report.findings if f.kind == "vague-wording"]) <= 40


def test_too_many_goals_says_what_it_left_unchecked() -> None:
    text = "Annual Goals\n" + "\n".join(
        f"Goal {n}: By June 2027, Sam will read {n} words with 80% accuracy, from 10, "
        "as measured by probes."
        for n in range(1, 131)
    )
    report = check_draft(DraftDocument("many.txt", [text], False))
    assert len(report.goals) == 100
    assert any("first 100 of 130 goals" in line for line in report.not_checked)


def test_control_characters_in_a_draft_never_reach_the_screen(run) -> None:  # type: ignore[no-untyped-def]
    text = "Goal 1: \x1b[2J\x1b]0;pwned\x07 Maria \u202eevil\u202c will read better.\n"
    for fmt in ("text", "markdown", "json"):
        result = run("draft", "check", "-", "--format", fmt, input=text)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout and "\u202e" not in result.stdout, fmt


def test_findings_are_shown_even_when_they_cannot_be_saved(run) -> None:  # type: ignore[no-untyped-def]
    result = run("draft", "check", str(DRAFTS / "tables.txt"), "--add-to-plan")
    assert result.exit_code == 3  # no saved plan
    assert "Jordan will improve his organization skills" in result.stdout


def test_added_findings_join_the_question_list(run, write_yaml) -> None:  # type: ignore[no-untyped-def]
    answers = write_yaml("a.yaml", {"meeting_type": "annual", "child_name": "Jordan"})
    assert run("plan", "--answers", str(answers)).exit_code == 0
    before = json.loads(run("questions", "--format", "json").stdout)
    assert run("draft", "check", str(DRAFTS / "tables.txt"), "--add-to-plan").exit_code == 0
    after = json.loads(run("questions", "--format", "json").stdout)
    text = json.dumps(after)
    assert "From your draft" in text and "Counseling" in text
    assert len(json.dumps(before)) < len(text)
    shown = " ".join(run("questions", "--open").stdout.split())
    assert "FROM YOUR DRAFT" in shown.upper()
    review = " ".join(run("review").stdout.split())
    assert "Paraprofessional support" in review  # open draft questions show in the review


def test_targets_written_as_counts_are_numbers_to_reach() -> None:
    # Found by a new user: "20 of 25 CVC words" and "40 sight words" are targets.
    text = (
        "Annual Goals\n"
        "1. By May 2027, Leo will correctly spell 20 of 25 CVC words on weekly spelling "
        "probes, from a baseline of 5 of 25.\n"
        "2. By May 2027, Leo will read 40 sight words correctly, from a baseline of 10, "
        "measured monthly.\n"
    )
    report = check_draft(DraftDocument("g.txt", [text], False))
    assert [g.criterion for g in report.goals] == ["20 of 25", "40 sight words"]
    assert [f for f in report.findings if f.section == "goals"] == []


def test_draft_questions_the_plan_already_asks_are_not_added_twice(run, write_yaml) -> None:  # type: ignore[no-untyped-def]
    """An annual plan asks about extended school year itself: the draft's 'Where does
    the IEP cover ... extended school year' used to be added beside it."""
    answers = write_yaml("a.yaml", {"meeting_type": "annual", "child_name": "Jordan"})
    assert run("plan", "--answers", str(answers)).exit_code == 0
    report = json.loads(run("draft", "check", str(DRAFTS / "tables.txt"), "-f", "json").stdout)
    missing = [f["question"] for f in report["findings"] if f["kind"] == "missing-section"]
    assert any("extended school year" in q for q in missing)  # the draft lacks it
    assert run("draft", "check", str(DRAFTS / "tables.txt"), "--add-to-plan").exit_code == 0
    questions = json.loads(run("questions", "--format", "json").stdout)
    esy = [q for q in questions if "extended school year" in q["text"].lower()]
    assert [q["id"] for q in esy] == ["esy-considered"]
    texts = [" ".join(q["text"].casefold().split()) for q in questions]
    assert len(texts) == len(set(texts))


def test_a_draft_question_stays_when_the_plan_does_not_ask_it() -> None:
    from iepprep.core.draft.models import Finding
    from iepprep.core.draft.saved import with_draft_questions
    from iepprep.core.planning.plan import PlanQuestion

    plan_question = PlanQuestion(
        id="esy-considered",
        topic="esy",
        topic_title="ESY",
        text="Has ESY been considered?",
        tips=[],
        priority=1,
        number=1,
    )
    missing = Finding(
        kind="missing-section",
        section="sections",
        quote="The decision about extended school year services (over the summer)",
        message="Not in the draft.",
        question="Where does the IEP cover the decision about extended school year?",
    )  # kept before findings carried `about`: known by its description
    same = missing.model_copy(
        update={"question": "Has ESY been considered?", "kind": "vague-wording"}
    )
    other = missing.model_copy(update={"kind": "vague-wording", "question": "What is 'as needed'?"})
    from iepprep.core.planning.plan import Plan

    plan = Plan.model_construct(questions=[plan_question])
    added = with_draft_questions(plan, [missing, same, other]).questions
    assert [q.text for q in added] == ["Has ESY been considered?", "What is 'as needed'?"]
    assert with_draft_questions(Plan.model_construct(questions=[]), [missing]).questions


def test_every_plan_question_a_draft_part_names_exists(library) -> None:  # type: ignore[no-untyped-def]
    from iepprep.core.draft.models import load_checks

    named = {qid for rule in load_checks().sections for qid in rule.asked_by}
    assert named and named <= {q.id for q in library.questions}
