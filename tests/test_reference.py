"""Glossary, rights and state notes: complete, sourced, found the way people ask."""

from __future__ import annotations

import json
import re

import pytest

from conftest import TODAY
from iepprep.core.content.library import Library
from iepprep.core.content.reference import load_glossary, load_rights, load_states
from iepprep.core.family.profile import Profile
from iepprep.core.planning.jargon import FirstUseExplainer
from iepprep.core.planning.planner import make_plan

CITATION = re.compile(r"(\d+ CFR|U\.S\.C\.|U\.S\. \d+|Education Code|CMR|Administrative Code)")


def test_glossary_is_big_and_every_entry_is_sourced() -> None:
    terms = load_glossary().terms
    assert len(terms) >= 60
    for entry in terms:
        assert entry.citation or entry.source, entry.term
        if entry.citation:
            assert CITATION.search(entry.citation) or "v." in entry.citation, entry.term


def test_states_own_names_for_the_meeting_are_in_the_glossary() -> None:
    book = load_glossary()
    for name in ("ARD", "CSE", "PPT", "Team meeting"):
        assert book.get(name) is not None, name


@pytest.mark.parametrize(
    ("asked", "found"),
    [
        ("fape", "FAPE"),
        ("FAPE", "FAPE"),
        ("least restrictive", "LRE"),
        ("504", "Section 504"),
        ("ard", "ARD"),
        ("Free Appropriate Public Education", "FAPE"),
        ("triennial", "Reevaluation"),
        ("prior written notice", "PWN"),
        ("present levels", "PLAAFP"),
        ("cpse", "CSE"),
    ],
)
def test_glossary_lookup_is_forgiving(asked: str, found: str) -> None:
    entry = load_glossary().get(asked)
    assert entry is not None and entry.term == found


def test_the_glossary_indexes_its_terms_once(monkeypatch) -> None:
    """A lookup may search up to three times (find, then suggestions): one index serves all."""
    from iepprep.core.common import textsearch

    built = []
    original = textsearch.SearchIndex.__init__

    def counting(self, *args, **kwargs) -> None:
        built.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(textsearch.SearchIndex, "__init__", counting)
    glossary = load_glossary()
    assert glossary.find("least restrictive").term == "LRE"
    assert glossary.search("behavior plan")
    assert glossary.suggestions("evaluaton")
    assert len(built) == 1


def test_every_right_is_cited_and_says_how_states_differ() -> None:
    rights = load_rights()
    ids = {right.id for right in rights}
    assert {
        "participation",
        "consent",
        "prior-written-notice",
        "safeguards-notice",
        "records",
        "iee",
        "evaluation-timeline",
        "annual-review",
        "reevaluation",
        "bring-people",
        "interpreter",
        "ask-for-a-meeting",
        "disagreement",
        "stay-put",
        "parent-centers",
    } <= ids
    for right in rights:
        assert CITATION.search(right.citation), right.id
        if right.varies_by_state:
            assert right.state_note, right.id


def test_key_facts_are_worded_precisely() -> None:
    text = " ".join(right.text for right in load_rights())
    assert "within 60 days of the school receiving your consent, or within your state's" in text
    assert "at least once every three years" in text
    assert "no case more than 45 days" in text
    assert "parentcenterhub.org/find-your-center" in text
    consent = next(r for r in load_rights() if r.id == "consent")
    assert "Consent to an evaluation is not consent to services" in consent.text


def test_state_notes_are_sourced_and_only_for_real_codes() -> None:
    for code, info in load_states().items():
        assert len(code) == 2
        for note in info.notes:
            assert note.source.startswith("http")


def test_first_use_of_an_acronym_is_spelled_out_once() -> None:
    explain = FirstUseExplainer(load_glossary())
    assert (
        explain("Ask about an FBA now") == "Ask about an FBA (Functional Behavioral Assessment) now"
    )
    assert explain("The FBA again") == "The FBA again"
    assert explain("An IEP (the plan)") == "An IEP (the plan)"


def test_plan_words_fit_the_family(library: Library) -> None:
    book, states = load_glossary(), load_states()

    def words(**answers: object) -> set[str]:
        plan = make_plan(
            Profile.model_validate(answers), library, today=TODAY, glossary=book, states=states
        )
        return {word.term for word in plan.words}

    assert {"MDR", "FBA", "BIP"} <= words(meeting_type="discipline")
    assert {"Transition services", "Age of majority"} <= words(grade="high")
    assert not {"MDR", "Transition services"} & words(meeting_type="annual", grade="elementary")


def test_plan_spells_out_the_first_acronym(run) -> None:
    data = json.loads(run("plan", "--example", "-f", "json").stdout)
    texts = [i["text"] + " " + i["why"] for i in data["checklist"]] + [
        q["text"] for q in data["questions"]
    ]
    joined = " ".join(texts)
    assert joined.count("IEP (Individualized Education Program)") == 1
    assert data["words"] and {"term", "expansion", "definition"} <= set(data["words"][0])


def test_cli_glossary_json_contracts(run) -> None:
    one = json.loads(run("glossary", "fape", "-f", "json").stdout)
    assert {"term", "expansion", "definition", "see_also", "citation"} <= set(one)
    assert one["expansion"] == "Free Appropriate Public Education"
    every = json.loads(run("glossary", "-f", "json").stdout)
    assert len(every) >= 60 and all("definition" in e for e in every)


def test_cli_unknown_term_suggests_the_closest(run) -> None:
    result = run("glossary", "fapy")
    assert result.exit_code == 3
    assert "FAPE" in result.stdout
    as_json = run("glossary", "fapy", "-f", "json")
    assert as_json.exit_code == 3 and "FAPE" in as_json.stderr and as_json.stdout == ""


def test_cli_rights(run) -> None:
    result = run("rights")
    assert result.exit_code == 0
    assert "34 CFR 300.502" in result.stdout
    assert "not legal advice" in result.stdout
    data = json.loads(run("rights", "-f", "json").stdout)
    assert all({"id", "title", "text", "citation", "varies_by_state"} <= set(r) for r in data)


def test_cli_rights_with_state_notes(run) -> None:
    known = run("rights", "--state", "California").stdout
    assert "IN CALIFORNIA" in known and "56346" in known and "Verify with your state" in known
    unknown = run("rights", "--state", "WY").stdout
    assert "no notes for Wyoming" in unknown and "parentcenterhub.org" in unknown
    assert run("rights", "--state", "ZZ").exit_code == 2


def test_markdown_rights_and_glossary(run) -> None:
    md = run("rights", "--state", "PA", "-f", "markdown").stdout
    assert md.startswith("# Your key rights under IDEA") and "## In Pennsylvania" in md
    assert run("glossary", "lre", "-f", "markdown").stdout.startswith("# LRE")
