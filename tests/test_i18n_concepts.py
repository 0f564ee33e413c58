"""The Spanish side of the concept layer (data/es/concepts.yaml): a Spanish-speaking
parent who writes "mi hijo tiene autismo" or "lo mandan a casa temprano" is read the
way the English concepts read "my son has autism" and "sent home early"."""

from __future__ import annotations

import pytest

from iepprep.core.content.library import load_library, localize_library
from iepprep.core.i18n.language import set_current
from iepprep.core.search.tips import search_tips, tip_index
from iepprep.core.search.translated import load_concepts_in


@pytest.fixture(scope="module")
def spanish_library():  # type: ignore[no-untyped-def]
    set_current("es")
    return localize_library(load_library(), "es")


def test_the_file_validates_and_names_the_common_situations() -> None:
    found = load_concepts_in("es")
    assert found is not None
    said = {" ".join(entry.says) for entry in found.concepts}
    for wanted in [
        "autismo", "tea", "tdah", "dislexia", "sindrome down", "ansiedad", "suspendieron",
        "mandan casa", "no quieren evaluar", "dicen que esta bien", "acoso", "bullying",
        "hablan encima",
    ]:  # fmt: skip
        assert wanted in said, wanted


def test_every_meant_word_is_in_the_spanish_tips(spanish_library) -> None:  # type: ignore[no-untyped-def]
    """A `means` word no Spanish tip has would search for nothing."""
    set_current("es")
    index = tip_index(spanish_library)
    found = load_concepts_in("es")
    assert found is not None
    missing = {
        word for entry in found.concepts for word in entry.means if not index.search(word, limit=1)
    }
    assert missing == set()


@pytest.mark.parametrize(
    ("query", "tips"),
    [
        ("mi hijo tiene autismo", {"understand-the-evaluation", "fba-and-bip"}),
        ("lo mandan a casa temprano", {"count-the-days-of-removal"}),
        ("mi hijo tiene tdah", {"fba-and-bip", "behavior-supports"}),
    ],
)
def test_a_spanish_situation_finds_its_tips(spanish_library, query: str, tips: set[str]) -> None:  # type: ignore[no-untyped-def]
    set_current("es")
    assert tip_index(spanish_library).concepts_in(query)
    found = [hit.tip.id for hit in search_tips(spanish_library, query, limit=3)]
    assert tips & set(found), (query, found)


def test_a_paper_sent_home_is_not_discipline_in_spanish(spanish_library) -> None:  # type: ignore[no-untyped-def]
    set_current("es")
    index = tip_index(spanish_library)
    assert index.concepts_in("el iep que mandaron a casa es diferente") == []
    assert index.concepts_in("lo mandaron a casa otra vez")
