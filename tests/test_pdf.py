"""The PDF: typeset by Typst, tagged for screen readers, printing names exactly as typed."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from iepprep.render import fonts

# Things Typst markup would act on, if user text were ever spliced into the template.
TYPST_HOSTILE = '#import "x": * *bold* _it_ $x^2$ \\ ] [ } { @ref <lbl> // no /* no */ `raw` = h'
CONCERNS = ["reading", "math", "behavior", "attention", "speech_language", "social_emotional"]
LONG_WORRY = "My son was suspended twice and the school wants to move him. " * 3


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def export(run, tmp_path: Path, answers: Path, command: str, name: str) -> tuple[Path, object]:
    target = tmp_path / name
    args = [command, "--answers", str(answers), "--output", str(target)]
    if command == "plan":
        args.append("--no-save")
    result = run(*args)
    assert result.exit_code == 0, result.output
    return target, result


def test_typst_markup_in_a_name_prints_as_typed(run, write_yaml, tmp_path: Path) -> None:
    answers = write_yaml(
        "a.yaml",
        {
            "child_name": TYPST_HOSTILE,
            "school": '#set page(paper: "a6") #panic("x")',
            "worries": "costs $5 and $10 \\ backslash\n#heading[not a heading]",
        },
    )
    target, _ = export(run, tmp_path, answers, "plan", "plan.pdf")
    text = pdf_text(target)
    assert TYPST_HOSTILE in text
    assert '#set page(paper: "a6") #panic("x")' in text
    assert "costs $5 and $10 \\ backslash" in text and "#heading[not a heading]" in text
    assert round(float(PdfReader(target).pages[0].mediabox.width)) == 612  # not a6


def test_the_pdf_is_tagged_for_screen_readers(run, write_yaml, tmp_path: Path) -> None:
    target, _ = export(run, tmp_path, write_yaml("a.yaml", {"child_name": "Zoë"}), "plan", "p.pdf")
    reader = PdfReader(target)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    # Typst also writes /Suspects false, which is valid (ISO 32000-1, table 321). Poppler
    # (22.12 here) prints "Syntax Error: Suspects object is wrong type (boolean)" for it:
    # its check accepts only true or no key. Poppler's message, not a fault in the file.
    assert root["/MarkInfo"].get("/Suspects") in (None, False)
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert reader.metadata is not None and reader.metadata.title == "IEP meeting plan for Zoë"
    assert b"pdfuaid:part>1<" in reader.xmp_metadata.stream.get_data()  # PDF/UA-1
    kinds: set[str] = set()

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if "/S" in node:
                kinds.add(str(node["/S"]))
            children = node.get("/K", [])
            for child in children if isinstance(children, list) else [children]:
                walk(child)

    walk(root["/StructTreeRoot"])
    assert {"/H1", "/H2", "/H3", "/L", "/LI", "/Lbl", "/LBody"} <= kinds  # lists, headings


@pytest.mark.parametrize("command", ["plan", "checklist", "questions"])
def test_every_pdf_says_it_is_not_legal_advice(run, write_yaml, tmp_path, command) -> None:
    target, _ = export(run, tmp_path, write_yaml("a.yaml", {}), command, f"{command}.pdf")
    assert "This is not legal advice." in pdf_text(target)


def test_the_checklist_is_a_compact_page_for_the_fridge(run, write_yaml, tmp_path) -> None:
    family = {
        "child_name": "Sam",
        "meeting_type": "initial",
        "meeting_date": "2026-12-10",
        "concerns": CONCERNS,
        "worries": LONG_WORRY,
    }
    answers = write_yaml("a.yaml", family)
    full, _ = export(run, tmp_path, answers, "plan", "plan.pdf")
    compact, _ = export(run, tmp_path, answers, "checklist", "checklist.pdf")
    text = pdf_text(compact)
    assert len(PdfReader(compact).pages) <= 2 < len(PdfReader(full).pages)
    assert "Before the meeting" in text and "After the meeting" in text
    assert re.search(r"\(by \w{3} \w{3} \d+\)", text)  # due dates stay
    assert "tip find-your-parent-center" in pdf_text(full)
    assert "tip " not in text and "from parents" not in text  # ids and sources left out
    assert "suspended twice" not in text  # worries stay off a page visitors may see


def test_a_name_in_a_script_no_font_has_is_never_echoed(
    run, write_yaml, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd
) -> None:
    """On a computer without a Japanese font the name cannot print: say so, plainly,
    in the PDF and on the terminal, and never repeat the name (a library used to)."""
    own_fonts_only = fonts.book
    monkeypatch.setattr(fonts, "book", lambda system: own_fonts_only(system=False))
    answers = write_yaml("a.yaml", {"child_name": "山田 花子", "school": "Nguyễn Elementary"})
    target, result = export(run, tmp_path, answers, "checklist", "c.pdf")
    captured = capfd.readouterr()
    said = result.stderr + captured.err + captured.out
    assert "山" not in said and "花" not in said
    assert "Some characters could not be printed" in result.stderr
    text = pdf_text(target)
    assert "Some characters could not be printed" in text
    assert "\ufffd\ufffd \ufffd\ufffd" in text  # each one shown as a replacement mark
    assert "Nguyễn Elementary" in text  # letters the fonts have still print


def test_a_font_that_promised_a_letter_but_fails_still_gives_a_pdf(
    run, write_yaml, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If a computer font claims a character Typst then cannot draw, the character is
    replaced rather than the PDF refused."""
    own_fonts_only = fonts.book
    monkeypatch.setattr(fonts, "book", lambda system: own_fonts_only(system=False))
    monkeypatch.setattr(fonts, "drawable", lambda chars, book: set(chars))
    answers = write_yaml("a.yaml", {"child_name": "مريم"})
    target, result = export(run, tmp_path, answers, "plan", "p.pdf")
    assert "مريم" not in result.stderr
    assert "Some characters could not be printed" in pdf_text(target)


def test_a_name_the_fonts_cover_prints_without_a_note(run, write_yaml, tmp_path) -> None:
    answers = write_yaml("a.yaml", {"child_name": "Σοφία Иванова Nguyễn Thị Ánh"})
    target, result = export(run, tmp_path, answers, "checklist", "c.pdf")
    text = pdf_text(target)
    assert "Σοφία Иванова Nguyễn Thị Ánh" in text
    assert "could not be printed" not in text + result.stderr
    used = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in PdfReader(target).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {"AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"} <= used
    assert any(name.startswith("NotoSans") for name in used)  # for the letters Atkinson lacks


def test_a_failed_pdf_leaves_no_file_and_no_temporary_file(
    run, write_yaml, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import typst

    def fail(*args: object, **kwargs: object) -> object:
        raise typst.TypstError("boom", "", [], [])

    monkeypatch.setattr(typst, "compile_with_warnings", fail)
    out = tmp_path / "out"
    out.mkdir()
    answers = write_yaml("a.yaml", {"child_name": "Ann"})
    result = run("plan", "--answers", str(answers), "--no-save", "-o", str(out / "p.pdf"))
    assert result.exit_code == 1
    assert "PDF could not be made" in result.stderr and "Traceback" not in result.output
    assert list(out.iterdir()) == []


def test_a_word_too_long_for_a_line_wraps_instead_of_running_off_the_page(
    run, write_yaml, tmp_path: Path
) -> None:
    answers = write_yaml("a.yaml", {"child_name": "W" * 80})
    target, _ = export(run, tmp_path, answers, "plan", "p.pdf")
    first = PdfReader(target).pages[0].extract_text().replace("\u200b", "")
    runs = [len(run) for run in re.findall(r"W+", first)]
    assert sum(runs) >= 80 and max(runs) < 80  # the title's name is split over lines
    assert "https://www.parentcenterhub.org/find-your-center/" in pdf_text(target)


def test_font_coverage_is_read_from_the_shipped_fonts() -> None:
    assert ord("A") in fonts.main_coverage() and ord("ễ") not in fonts.main_coverage()
    assert fonts.printable("ễ") and fonts.printable("Ж") and fonts.printable(" ")
    assert not fonts.printable("山")
    licence = (fonts.folder() / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed here")
def test_the_html_checklist_prints_on_two_pages_at_most(run, write_yaml, tmp_path) -> None:
    answers = write_yaml(
        "a.yaml",
        {
            "meeting_type": "initial",
            "meeting_date": "2026-12-10",
            "concerns": CONCERNS,
        },
    )
    page, _ = export(run, tmp_path, answers, "checklist", "checklist.html")
    printed = tmp_path / "printed.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
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
    assert len(PdfReader(printed).pages) <= 2
    text = pdf_text(printed)
    assert "Before the meeting" in text and "tip " not in text


def _pages_holding(pdf: bytes, *texts: str) -> list[int]:
    import io

    from pypdf import PdfReader

    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
    return [next(n for n, page in enumerate(pages) if text in page) for text in texts]


def test_the_questions_heading_never_ends_a_page_alone() -> None:
    """'Questions to ask' and its intro sat at the foot of a page, the first topic and
    question on the next: the intro is sticky now, like the headings."""
    from iepprep.render.pdf import _typeset

    questions = {
        "kind": "questions",
        "title": "Questions to ask",
        "intro": "There is rarely time for all of these. Mark the three that matter most.",
        "groups": [
            {
                "topic": "goals",
                "title": "Goals",
                "questions": [{"number": n, "text": f"Question {n} about goals?"} for n in (1, 2)],
            }
        ],
    }
    step = {"text": "A step", "due": None, "why": "Why it matters.", "source": "tip x"}
    for count in range(8, 22):  # some count puts the heading at a page's foot
        document = {
            "title": "Plan",
            "paper": "us-letter",
            "lang": "en",
            "compact": False,
            "meta": [["When", "Thursday, December 10, 2026"]],
            "notices": [],
            "sections": [
                {"kind": "checklist", "title": "Before the meeting", "items": [step] * count},
                questions,
            ],
            "sources-note": None,
            "legal": "Not legal advice.",
            "page-of": "page {page} of {pages}",
        }
        heading, topic, first = _pages_holding(
            bytes(_typeset(document)), "Questions to ask", "Goals", "Question 1 about"
        )
        assert heading == topic == first, count
