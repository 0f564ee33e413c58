"""Shipped content is iepprep's own words, and every fact about the law has a primary source."""

from __future__ import annotations

import importlib.util
import re
from importlib.resources import files
from pathlib import Path
from types import ModuleType
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = files("iepprep").joinpath("data")


def _seed_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "seed_fingerprints", ROOT / "tools" / "seed_fingerprints.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shipped_files() -> list[Path]:
    root = Path(str(DATA))
    return sorted(
        path for path in root.rglob("*") if path.is_file() and "__pycache__" not in path.parts
    )


def seed_fingerprints() -> set[str]:
    lines = (ROOT / "tests" / "seed_fingerprints.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_fingerprints_are_built_and_the_checker_catches_a_copy() -> None:
    tool = _seed_tool()
    assert len(seed_fingerprints()) > 1000
    made_up = "one two three four five six seven eight nine"
    found = tool.fingerprints([made_up])
    assert len(found) == 2
    assert tool.fingerprints(["One, two; three FOUR five-six seven eight."]) & found
    assert tool.normalized_words("Don\u2019t GO alone!") == ["dont", "go", "alone"]


def test_nothing_shipped_copies_eight_words_of_the_seed_article() -> None:
    tool = _seed_tool()
    seeds = seed_fingerprints()
    copied: list[str] = []
    for path in shipped_files():
        words = tool.normalized_words(path.read_text(encoding="utf-8"))
        copied += [
            f"{path.name}: {run!r}" for run in tool.runs(words) if tool.fingerprint(run) in seeds
        ]
    assert not copied, "8-word runs of the seed article:\n" + "\n".join(copied)


# Hosts that are not a primary source for a fact about the law: blogs, law-firm and
# advocate marketing, student pages, commercial guides, wordpress tag pages.
BLOCKED_HOSTS = (
    "wordpress.com",
    "blogspot.com",
    "timetoast.com",
    "gradeaadvocate.com",
    "wongboscarine.com",
    "specialedstartguide.com",
    "mcandrewslaw.com",
    "leighlawgroup",
    "adayinourshoes.com",
    "mosaichaven.com",
    "ieppath.com",
    "foxspecialedlaw.com",
    "kfeeneylaw.com",
    "josephrabblaw.com",
    "sandiegosea.com",
    "spectrumunlocked.com",
    "studylib.net",
    "scribd.com",
    "casetext.com",
    "justia.com",
    "github.com",
    "prepiep.com",
    "themighty.com",
)

# A state note comes from the state's own text: a .gov or .us site (legislature, code,
# department of education, school district), the official code publisher, or the
# state's federally funded parent center (or the national directory of those centers).
STATE_SOURCE_HOSTS = (
    "law.cornell.edu",
    "flrules.org",
    "govt.westlaw.com",
    "doe.mass.edu",  # Massachusetts Department of Elementary and Secondary Education
    "picnh.org",
    "parentcenterhub.org",
)

URL = re.compile(r"https?://[^\s\"'>)\]]+")


def host(url: str) -> str:
    return (urlparse(url).hostname or "").lower()


def shipped_urls() -> list[tuple[str, str]]:
    return [
        (path.name, url)
        for path in shipped_files()
        for url in URL.findall(path.read_text(encoding="utf-8"))
    ]


def test_no_shipped_source_is_on_the_blocklist() -> None:
    bad = [
        f"{name}: {url}"
        for name, url in shipped_urls()
        if any(blocked in host(url) for blocked in BLOCKED_HOSTS)
    ]
    assert not bad, "not a primary source:\n" + "\n".join(bad)


def test_the_blocklist_catches_what_it_should() -> None:
    for url in (
        "https://leighlawgroup.wordpress.com/tag/special-education-attorney/",
        "https://timetoast.com/timelines/nh-special-education-process-timeline",
        "https://www.wongboscarine.com/blog/rejectediep",
    ):
        assert any(blocked in host(url) for blocked in BLOCKED_HOSTS), url


def test_no_shipped_source_names_a_blog_in_words() -> None:
    for path in shipped_files():
        if path.suffix != ".yaml":
            continue
        text = path.read_text(encoding="utf-8").lower()
        for label in ("parent blog", "law firm", " law, when", "law, end-of-year"):
            assert label not in text, f"{path.name} names a non-primary source: {label!r}"


def test_every_state_note_is_from_the_states_own_text_and_dated() -> None:
    from iepprep.core.content.reference import load_states

    for code, info in load_states().items():
        for note in info.notes:
            where = host(note.source)
            official = where.endswith((".gov", ".us")) or any(
                where == known or where.endswith("." + known) for known in STATE_SOURCE_HOSTS
            )
            assert official, f"{code}: {note.source} is not the state's own text"
            assert note.checked.year >= 2024, f"{code}: checked {note.checked}"


def test_the_ten_states_named_in_the_issue_answer_the_five_questions() -> None:
    from iepprep.core.content.reference import load_states

    states = load_states()
    for code in ("CA", "TX", "NY", "IL", "PA", "MA", "NJ", "WA", "FL", "NH"):
        text = " ".join(note.text for note in states[code].notes).lower()
        assert "evaluation" in text, code
        assert "record" in text, code
        assert "transition" in text, code
        assert "notice" in text or "before the meeting" in text, code


def test_every_tip_stating_law_cites_it(library) -> None:  # type: ignore[no-untyped-def]
    """A tip whose body says what the law requires carries a citation."""
    law_words = re.compile(
        r"\b(must|the law|federal law|required|right to|your rights)\b", re.IGNORECASE
    )
    for tip in library.tips.values():
        if law_words.search(tip.body) and tip.source.kind == "added":
            assert tip.citation or tip.varies_by_state, tip.id


def test_yaml_data_parses() -> None:
    for path in shipped_files():
        if path.suffix == ".yaml":
            yaml.safe_load(path.read_text(encoding="utf-8"))
