"""Print-ready exports: each output is parsed back, with a hostile name in it."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

HOSTILE = "<script>alert(1)</script> [bold]x[/bold]"
ANSWERS = {
    "child_name": f"Nguyễn Thị Ánh {HOSTILE}",
    "parent_name": "Zoë Nuñez",
    "school": "Escuela <b>Nuñez</b> & Sons",
    "meeting_type": "reevaluation",
    "meeting_date": "2026-12-10",
    "grade": "high",
    "state": "CA",
    "concerns": ["reading"],
    "worries": "She *cries* at homework.\n# not a heading\n[x](javascript:alert(1))",
}


@pytest.fixture
def answers(write_yaml) -> Path:
    return write_yaml("family.yaml", ANSWERS)


def export(run, answers: Path, tmp_path: Path, name: str, *extra: str) -> Path:
    target = tmp_path / name
    result = run("plan", "--answers", str(answers), "--no-save", "--output", str(target), *extra)
    assert result.exit_code == 0, result.output
    return target


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_markdown_escapes_user_text(run, answers: Path, tmp_path: Path) -> None:
    text = export(run, answers, tmp_path, "plan.md").read_text(encoding="utf-8")
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text or "&lt;script\\>" in text
    assert not re.search(r"^# not a heading", text, flags=re.MULTILINE)
    assert re.search(r"^## Before the meeting$", text, flags=re.MULTILINE)
    assert len(re.findall(r"^- \[ \] ", text, flags=re.MULTILINE)) >= 10


def test_html_is_self_contained_accessible_and_escaped(run, answers: Path, tmp_path: Path) -> None:
    page = export(run, answers, tmp_path, "plan.html").read_text(encoding="utf-8")
    parser = Collector()
    parser.feed(page)
    tags = [tag for tag, _ in parser.tags]
    assert "script" not in tags and "b" not in tags
    assert ("html", {"lang": "en"}) in parser.tags
    assert not re.search(r"(src|href)=\"(?!https?://)", page)  # nothing loaded but links
    assert "@media print" in page and "<link" not in page
    boxes = [attrs["id"] for tag, attrs in parser.tags if tag == "input"]
    labels = {attrs.get("for") for tag, attrs in parser.tags if tag == "label"}
    assert boxes and set(boxes) <= labels  # every checkbox has a label
    assert {"h1", "h2", "h3"} <= set(tags)
    text = "".join(parser.text)
    assert HOSTILE in text  # shown as typed
    assert "Nguyễn Thị Ánh" in text


def test_pdf_text_is_selectable_and_unicode(run, answers: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    target = export(run, answers, tmp_path, "plan.pdf")
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert len(reader.pages) >= 2
    first = reader.pages[0]
    text = " ".join(first.extract_text().split())
    assert "Nguyễn Thị Ánh" in text
    assert "<script>alert(1)</script>" in text
    assert "Before the meeting" in text
    last = " ".join(reader.pages[-1].extract_text().split())
    assert f"page {len(reader.pages)} of {len(reader.pages)}" in last
    assert "not legal advice" in " ".join(p.extract_text() for p in reader.pages)
    width = float(first.mediabox.width)
    assert round(width) == 612  # US Letter by default


def test_pdf_a4_and_names(run, answers: Path, tmp_path: Path, write_yaml) -> None:
    from pypdf import PdfReader

    a4 = export(run, answers, tmp_path, "a4.pdf", "--paper", "a4")
    assert round(float(PdfReader(a4).pages[0].mediabox.width)) == 595
    zoe = write_yaml("zoe.yaml", {"child_name": "Zoë Nuñez"})
    result = run("checklist", "--answers", str(zoe), "-o", str(tmp_path / "c.pdf"))
    assert result.exit_code == 0
    assert "Zoë Nuñez" in PdfReader(tmp_path / "c.pdf").pages[0].extract_text()


def test_pdf_needs_an_output_file(run, answers: Path) -> None:
    result = run("plan", "--answers", str(answers), "--no-save", "--format", "pdf")
    assert result.exit_code == 2
    assert "--output" in result.stderr


def test_ics_round_trips(run, answers: Path, tmp_path: Path) -> None:
    from icalendar import Calendar

    cal = Calendar.from_ical(export(run, answers, tmp_path, "plan.ics").read_bytes())
    events = cal.walk("VEVENT")
    meeting = next(e for e in events if str(e["uid"]).startswith("meeting-"))
    assert meeting.decoded("dtstart") == dt.date(2026, 12, 10)
    assert HOSTILE in str(meeting["summary"])
    assert len(events) > 5
    for event in events:
        assert event.walk("VALARM"), "every event has a reminder"
        assert str(event["uid"]).endswith("@iepprep")
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids))


def test_ics_needs_a_date(run, write_yaml) -> None:
    result = run("plan", "--answers", str(write_yaml("a.yaml", {})), "--no-save", "-f", "ics")
    assert result.exit_code == 2
    assert "meeting_date" in result.stderr


def test_formats_a_command_cannot_write(run) -> None:
    result = run("questions", "--format", "ics")
    assert result.exit_code == 2
    assert "cannot write ics" in result.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed here")
def test_html_renders_and_prints_in_headless_chromium(run, answers, tmp_path: Path) -> None:
    from pypdf import PdfReader

    page = export(run, answers, tmp_path, "plan.html")
    printed = tmp_path / "printed.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={printed}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    reader = PdfReader(printed)
    assert len(reader.pages) >= 2
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Before the meeting" in text and "Questions to ask" in text


def test_markdown_keeps_plan_numbers_when_questions_are_left_out() -> None:
    """Open questions 1, 2 and 4 must show as 1, 2 and 4 in a Markdown viewer too."""
    markdown_it = pytest.importorskip("markdown_it")
    from iepprep.core.planning.plan import PlanQuestion
    from iepprep.render.markdown import questions_section_lines

    def question(number: int) -> PlanQuestion:
        return PlanQuestion(
            id=f"q{number}",
            topic="goals",
            topic_title="Goals",
            text=f"Question {number}?",
            tips=[],
            priority=1,
            number=number,
        )

    text = "\n".join(questions_section_lines([question(1), question(2), question(4)]))
    html = markdown_it.MarkdownIt("commonmark").render(text)
    assert html.count("<ol") == 2 and '<ol start="4">' in html
    assert "<li>Question 4?</li>" in html


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_long_list_of_questions_says_to_pick_the_few_that_matter(run, fmt: str) -> None:
    advice = "Mark the three that matter most to you"
    shown = " ".join(run("questions", "-f", fmt).stdout.split())  # a general plan
    assert advice in shown
    from iepprep.render.wording import questions_intro

    assert questions_intro(3) is None  # three questions need no advice


# ---------------------------------------------- Markdown: checklist, questions, tips


def test_checklist_as_markdown_has_each_item_of_the_phases_asked(run, answers: Path) -> None:
    args = ("checklist", "--answers", str(answers), "--phase", "before")
    items = json.loads(run(*args, "-f", "json").stdout)
    text = run(*args, "-f", "markdown").stdout
    assert text.startswith("# ") and text.splitlines()[0].endswith(": checklist")
    assert re.findall(r"^## .+$", text, flags=re.MULTILINE) == ["## Before the meeting"]
    boxes = re.findall(r"^- \[ \] \*\*(.+?)\*\*", text, flags=re.MULTILINE)
    assert len(boxes) == len(items) > 0
    assert "This is not legal advice" in text and "<script>" not in text


def test_questions_as_markdown_keep_the_plans_numbers_under_topics(run, answers: Path) -> None:
    args = ("questions", "--answers", str(answers))
    questions = json.loads(run(*args, "-f", "json").stdout)
    text = run(*args, "-f", "markdown").stdout
    assert "## Questions to ask" in text
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", text, flags=re.MULTILINE)]
    assert numbers == [q["number"] for q in questions]
    topics = re.findall(r"^### (.+)$", text.replace("\\", ""), flags=re.MULTILINE)
    assert topics == list(dict.fromkeys(q["topic_title"] for q in questions))


def test_tips_as_markdown_list_search_and_show(run) -> None:
    listed = run("tips", "list", "--topic", "support", "-f", "markdown").stdout
    ids = [
        t["id"] for t in json.loads(run("tips", "list", "--topic", "support", "-f", "json").stdout)
    ]
    assert len(re.findall(r"^## ", listed, flags=re.MULTILINE)) == len(ids) > 0
    assert all(f"id {tip_id}" in listed.replace("\\", "") for tip_id in ids)
    assert "_Why: " in listed and "_Source: " in listed

    found = run("tips", "search", "interpreter", "-f", "markdown").stdout
    assert found.startswith("# Tips for \u201cinterpreter\u201d")
    assert re.search(r"score \d+\.\d\d", found.replace("\\", ""))
    shown = run("tips", "show", "ask-for-an-interpreter", "-f", "markdown").stdout
    assert shown.startswith("# Ask for an interpreter\n")
    assert "Ask for an interpreter" not in shown.split("\n", 1)[1]  # the title once
    assert "id ask-for-an-interpreter" in shown.replace("\\", "")


def test_a_state_without_notes_says_so_in_markdown(run, write_yaml) -> None:
    family = write_yaml("wy.yaml", {"state": "WY"})
    text = run("plan", "--answers", str(family), "--no-save", "-f", "markdown").stdout
    assert re.search(r"^## In Wyoming$", text, flags=re.MULTILINE)
    assert "won't guess" in text.replace("\\", "")
