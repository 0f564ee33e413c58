"""The shipped content: complete, sourced, and free of the known wording traps."""

from __future__ import annotations

import re
from importlib.resources import files

from iepprep.core.content.library import Library
from iepprep.core.planning.questionnaire import load_questionnaire

DATA = files("iepprep").joinpath("data")


def all_shipped_text() -> str:
    return "\n".join(
        DATA.joinpath(name).read_text(encoding="utf-8")
        for name in (
            "tips.yaml",
            "questions.yaml",
            "questionnaire.yaml",
            "synonyms.yaml",
            "glossary.yaml",
            "rights.yaml",
            "states.yaml",
        )
    )


def test_library_is_big_enough(library: Library) -> None:
    assert len(library.tips) >= 40
    assert len(library.questions) >= 40


def test_every_part_of_the_article_is_covered(library: Library) -> None:
    # One phrase from each quoted tip and both reader comments, as `where` names them.
    parts = [
        "language the experts use",
        "short- and long-term goals",
        "take notes",
        "you can say no",
        "only expert on your child",
        "rush the meeting",
        "FAPE",
        "not satisfied",
        "open mind",
        "push back",
        "someone who has been through it",
        "pictures of your child",
        "remain calm",
        "don't go alone",
        "pray",
        "every time you're confused",
        "take the IEP home",
        "positive tone",
        "munchies",
        "Karen Pierce",
        "parent advocate",
        "communicate in writing",
        "homeschool",
    ]
    wheres = " | ".join(
        tip.source.where.lower() for tip in library.tips.values() if tip.source.kind == "article"
    )
    missing = [part for part in parts if part.lower() not in wheres]
    assert not missing, f"article parts without a tip: {missing}"


def test_every_step_before_the_meeting_has_a_target_date(library: Library) -> None:
    """Undated steps sort after dated ones: an urgent one ("learn how a manifestation
    determination works") must not sink to the bottom of a checklist."""
    from iepprep.core.content.models import Phase

    undated = [tip.id for tip in library.tips_in(Phase.BEFORE) if tip.days_before is None]
    assert undated == []


def test_added_tips_name_a_public_source(library: Library) -> None:
    for tip in library.tips.values():
        if tip.source.kind == "added":
            assert tip.source.url, f"{tip.id} was added but names no address"


def test_every_question_topic_has_three_questions(library: Library) -> None:
    for topic in library.topics:
        count = sum(1 for q in library.questions if q.topic == topic.id)
        assert count >= 3, f"topic {topic.id} has only {count} questions"


def test_questions_are_phrased_as_questions(library: Library) -> None:
    for question in library.questions:
        assert question.text.rstrip().endswith("?"), question.id


def test_fape_is_never_expanded_wrongly() -> None:
    text = all_shipped_text()
    for match in re.finditer(
        r"FAPE[^.\n]{0,12}(is|means|stands for|\()\s*([A-Z][a-z]+ [A-Za-z ]+)", text
    ):
        assert match.group(2).startswith("Free Appropriate Public Education"), match.group(0)
    assert "Fair and Appropriate" not in text
    assert "Free Appropriate Public Education" in text


def test_wording_traps_never_appear() -> None:
    text = all_shipped_text().lower()
    assert "right to a draft" not in text
    assert "you can always record" not in text
    assert "can't stop you recording" not in text
    # "10 days' notice" only as an example of a state rule, never as federal law.
    for match in re.finditer(r"10 days'? notice", text):
        context = text[max(0, match.start() - 120) : match.end() + 120]
        assert "state" in context, context


def test_links_use_https_where_the_site_offers_it(library: Library) -> None:
    for tip in library.tips.values():
        if tip.source.url:
            assert re.match(r"^https?://[\w.-]+\.[a-z]{2,}", tip.source.url), tip.id


def test_questionnaire_keys_are_answers_file_keys() -> None:
    spec = load_questionnaire()
    assert [q.key for q in spec.questions][:2] == ["child_name", "meeting_type"]
    for ask in spec.questions:
        if ask.kind in ("select", "multiselect"):
            assert ask.choices(), ask.key
