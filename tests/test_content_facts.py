"""The facts a legal read found wrong (issue 12) stay right: each test pins the corrected
statement and its citation, so a later edit cannot quietly bring the error back."""

from __future__ import annotations

import datetime as dt

from iepprep.core.content.library import Library
from iepprep.core.content.reference import load_glossary, load_rights, load_states
from iepprep.core.family.profile import Profile


def _right(right_id: str) -> str:
    right = next(r for r in load_rights() if r.id == right_id)
    return f"{right.text} {right.citation}"


def _tip(library: Library, tip_id: str) -> str:
    tip = library.tip(tip_id)
    return f"{tip.body} {tip.citation or ''}"


def _notes(code: str) -> list[str]:
    return [f"{n.text} {n.citation or ''}" for n in load_states()[code].notes]


# Serious 1: New Hampshire's timeline is 60 calendar days (Ed 1107.01), not 45.
def test_new_hampshire_evaluation_is_60_calendar_days_from_consent() -> None:
    notes = " ".join(_notes("NH"))
    assert "60 calendar days" in notes and "Ed 1107.01" in notes
    assert "45" not in notes
    assert "5 days before the meeting" in notes


# Serious 2: what refusing consent to a first IEP does (34 CFR 300.300(b)(3)).
def test_refusing_a_first_iep_says_what_happens(library: Library) -> None:
    consent = _tip(library, "consent-to-first-services")
    assert "300.300(b)(3)" in consent
    assert "no services start" in consent
    assert "cannot use mediation or a due process hearing" in consent
    assert "does not have to write an IEP" in consent
    assert "another meeting" in consent and "mediation" in consent
    assert "consent to the parts you agree with" in consent
    for tip_id in ("dont-sign-if-not-satisfied", "you-can-say-no"):
        text = _tip(library, tip_id)
        assert "no services start at all" in text, tip_id
        assert "300.300(b)(3)" in text, tip_id


def test_revoking_consent_ends_all_services_and_protections() -> None:
    consent = _right("consent")
    assert "stops all special education and related services" in consent
    assert "loses the protections IDEA gives" in consent
    revocation = load_glossary().get("revocation of consent")
    assert revocation is not None
    assert "stop all special education and related services" in revocation.definition
    assert revocation.citation == "34 CFR 300.300(b)(4)"


# Medium 3: manifestation determination, the 45-day exception, change of placement.
def test_discipline_protections_are_complete(library: Library) -> None:
    for text in (_right("discipline"), _tip(library, "learn-manifestation-determination")):
        assert "returns to the placement they were removed from" in text
        assert "unless you and the school agree otherwise" in text
        assert "45 school days" in text and "serious bodily injury" in text
        assert "more than 10 school days" in text or "more than 10 in a school year" in text
        assert "300.536" in text
    assert "keep getting services" in _right("discipline") and "300.530(d)" in _right("discipline")
    assert "returns to the placement" in _tip(library, "fba-and-bip")


# Medium 4: stay put has a discipline exception (300.518(a), 300.533).
def test_stay_put_names_the_discipline_exception() -> None:
    right = _right("stay-put")
    entry = load_glossary().get("stay put")
    assert entry is not None
    for text in (right, f"{entry.definition} {entry.citation}"):
        assert "interim alternative" in text and "300.533" in text


# Medium 5: Pennsylvania's silence rule never covers the first provision of services.
def test_pennsylvania_first_services_need_written_approval() -> None:
    notes = " ".join(_notes("PA"))
    assert "first time start only with your written approval" in notes
    assert "silence is approval" not in notes.lower()


# Medium 7: no individual right to FAPE for parentally placed private-school children.
def test_fape_tip_is_for_public_school_families_and_says_why(library: Library) -> None:
    tip = library.tip("know-what-fape-means")
    assert "no individual right to FAPE" in tip.body and "300.137" in (tip.citation or "")
    assert "homeschool" not in tip.source.where.lower()
    private = Profile.model_validate({"schooling": "private", "first_meeting": True})
    public = Profile.model_validate({"schooling": "public", "first_meeting": True})
    assert not tip.applies.matches(private) and tip.applies.matches(public)


# Low findings.
def test_low_findings_stay_fixed(library: Library) -> None:
    assert any("603 CMR 28.05(7)" in n for n in _notes("MA"))
    assert not any("28.07" in n for n in _notes("MA"))
    california = " ".join(_notes("CA"))
    assert "56343.5" in california and "56504" in california and "Penal Code 632" in california
    transfer = _right("transfer-of-rights")
    assert "Each state decides" in transfer and "all your rights pass" in transfer
    team = load_glossary().get("IEP team")
    assert team is not None and "if your child is (or may be) in regular classes" in team.definition
    assert "ask for a copy of the revised IEP" in library.tip("amendment-without-meeting").body
    recording = library.tip("check-recording-rules")
    # California's Penal Code 632 is its state note's (above): the tip shows in every state.
    assert "Never record in secret" in recording.body and "consent is a crime" in recording.body
    assert "understand the IEP" in recording.body
    assert "within days" not in library.tip("put-it-in-writing").body
    specifics = library.tip("get-specifics-in-writing").body
    assert not specifics.startswith("Each service should say who provides it")


def test_records_letter_asks_for_the_draft_apart_from_the_records(run) -> None:  # type: ignore[no-untyped-def]
    text = run("letter", "records-request").stdout
    records_part, _, rest = text.partition("34 CFR 300.613")
    assert "draft IEP" not in records_part
    assert "draft IEP or proposed goals" in rest
    # Tester report: the letter must not argue the school's side. The tip tells the
    # parent a draft is not required; the letter just asks.
    assert "not required" not in text
    spanish = run("letter", "records-request", "--lang", "es").stdout
    assert "borrador del IEP" in spanish and "obligad" not in spanish
    assert "does not require a draft" in run("tips", "show", "ask-for-a-draft").stdout


# Cover what parents ask (issue 12).
NEW_TIPS = {
    "ask-for-an-evaluation": ("300.111", "wait and see"),
    "bullying-and-the-iep": ("2013", "log"),
    "section-504-or-iep": ("104.33", "504 plan"),
    "if-found-not-eligible": ("300.502", "prior written notice"),
    "count-the-days-of-removal": ("300.536", "another school"),
    "ask-if-anything-is-decided": ("300.501", "proposal"),
    "activities-beyond-class": ("300.117", "recess"),
    "parent-counseling-and-training": ("300.34(c)(8)", "at home"),
    "summary-of-performance": ("300.305(e)", "graduates"),
}


def test_new_tips_answer_parents_questions_with_a_citation(library: Library) -> None:
    for tip_id, (cited, said) in NEW_TIPS.items():
        tip = library.tip(tip_id)
        assert cited in (tip.citation or ""), tip_id
        assert said in tip.body, tip_id
        assert 3 <= len(tip.asks) <= 12, tip_id
        assert tip.source.url and tip.source.url.startswith(
            ("https://sites.ed.gov", "http://www2.ed.gov")
        )


def test_new_tips_are_tailored(library: Library) -> None:
    discipline = Profile.model_validate({"meeting_type": "discipline"})
    annual = Profile.model_validate({"meeting_type": "annual", "grade": "elementary"})
    teen = Profile.model_validate({"grade": "high"})
    removals = library.tip("count-the-days-of-removal").applies
    assert removals.matches(discipline) and not removals.matches(annual)
    summary = library.tip("summary-of-performance").applies
    assert summary.matches(teen) and not summary.matches(annual)
    assert not library.tip("if-found-not-eligible").applies.matches(annual)


def test_search_finds_the_new_tips(library: Library) -> None:
    from iepprep.core.search.tips import search_tips

    for query, tip_id in (
        ("bullied", "bullying-and-the-iep"),
        ("504 plan", "section-504-or-iep"),
        ("summary of performance", "summary-of-performance"),
    ):
        hits = search_tips(library, query, limit=3)
        assert hits and hits[0].tip.id == tip_id, query
    # "suspended" has two right answers: how removals are counted, and the manifestation
    # determination review; both must be in the first three.
    found = [hit.tip.id for hit in search_tips(library, "suspended", limit=3)]
    assert {"count-the-days-of-removal", "learn-manifestation-determination"} <= set(found)


def test_new_glossary_terms_and_review_checks() -> None:
    from iepprep.core.meeting.review import load_checks

    book = load_glossary()
    for name, cited in (
        ("change of placement", "300.536"),
        ("expedited hearing", "300.532"),
        ("interim alternative educational setting", "300.530(g)"),
        ("surrogate parent", "300.519"),
        ("summary of performance", "300.305(e)(3)"),
        ("predetermination", "300.501"),
    ):
        entry = book.get(name)
        assert entry is not None and cited in (entry.citation or ""), name
    checks = {check.id: check for check in load_checks()}
    assert "300.320(b)" in (checks["transition-by-16"].citation or "")
    assert checks["transition-by-16"].varies_by_state
    assert "300.106" in (checks["esy-decided"].citation or "")
    assert "300.320(a)(6)" in (checks["state-tests"].citation or "")


# Tester report: a Texas plan cited California's recording law. Every bundled tip is
# shown in every state, so none names a state's law; a state's own rule is a state
# note (data/states.yaml), shown only to families in that state.
def test_no_tip_cites_one_states_law_for_every_state(library: Library) -> None:
    from iepprep.core.content.library import localize_library
    from iepprep.core.family.profile import US_STATES

    for lang_library in (library, localize_library(library, "es")):
        for tip_id in lang_library.tips:
            tip = lang_library.tips[tip_id]
            text = f"{tip.title} {tip.body} {tip.why} {tip.citation or ''}"
            named = [name for name in US_STATES.values() if name in text]
            assert not named, (tip_id, named)


def test_the_recording_rule_of_california_is_a_california_note(library: Library) -> None:
    recording = library.tip("check-recording-rules")
    assert recording.citation == "OSEP letter of June 4, 2003"
    assert recording.varies_by_state
    california = " ".join(_notes("CA"))
    assert "24 hours" in california and "56341.1(g)" in california
    assert not any("56341.1" in note for note in _notes("TX"))
    # In a plan: Texas gets the federal letter only; California also gets its own rule.
    from iepprep.core.planning.planner import make_plan

    for state, californian in (("TX", False), ("CA", True)):
        family = Profile.model_validate({"relationship": "tense", "state": state})
        plan = make_plan(family, library, today=dt.date(2026, 11, 28), states=load_states())
        step = next(item for item in plan.checklist if item.id == "check-recording-rules")
        assert step.citation == "OSEP letter of June 4, 2003"
        assert plan.state is not None
        notes = " ".join(note["text"] for note in plan.state.notes)
        assert ("24 hours before" in notes) is californian, state
