"""Sentence search: what a parent writes, in a sentence, finds the tip that answers it.

The test set (search_sentences.yaml) holds sentences written the way parents write on
forums and in e-mails, each with the tips that answer it. Precision at 1 (the best
hit answers) and at 3 (the share of the top three that answer, out of at most three)
are reported and must stay above their floors.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from iepprep.core.content.library import Library
from iepprep.core.search.tips import search_tips

CASES = yaml.safe_load((Path(__file__).parent / "search_sentences.yaml").read_text("utf-8"))
PRECISION_AT_1_FLOOR = 0.78
PRECISION_AT_3_FLOOR = 0.66


def precision(library: Library, cases: list[dict[str, object]]) -> tuple[float, float, list]:
    """(precision@1, precision@3, the cases whose best hit is wrong)."""
    at_1, at_3, misses = [], [], []
    for case in cases:
        query = str(case["query"])
        relevant = set(case["relevant"])  # type: ignore[call-overload]
        found = [hit.tip.id for hit in search_tips(library, query, limit=3)]
        at_1.append(bool(found) and found[0] in relevant)
        at_3.append(sum(tip in relevant for tip in found) / min(3, len(relevant)))
        if not found or found[0] not in relevant:
            misses.append((query, found))
    return sum(at_1) / len(cases), sum(at_3) / len(cases), misses


def right_in_top_3(library: Library, cases: list[dict[str, object]]) -> float:
    """The share of cases with a right tip among the first three."""
    return sum(
        any(
            hit.tip.id in set(case["relevant"])  # type: ignore[call-overload]
            for hit in search_tips(library, str(case["query"]), limit=3)
        )
        for case in cases
    ) / len(cases)


def test_the_set_is_big_and_names_real_tips(library: Library) -> None:
    assert len(CASES) >= 60
    assert len({case["query"] for case in CASES}) == len(CASES)
    for case in CASES:
        assert case["relevant"], case["query"]
        for tip_id in case["relevant"]:
            assert tip_id in library.tips, tip_id


def test_sentences_find_their_answers(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    at_1, at_3, misses = precision(library, CASES)
    with capsys.disabled():
        print(
            f"\nsentence search: precision@1 {at_1:.2f}, precision@3 {at_3:.2f} over {len(CASES)}"
        )
    assert at_1 >= PRECISION_AT_1_FLOOR, misses
    assert at_3 >= PRECISION_AT_3_FLOOR, misses


DEV = yaml.safe_load((Path(__file__).parent / "search_dev.yaml").read_text("utf-8"))
# A third set (search_dev.yaml), written apart from the tuning half to measure each
# change on sentences the tuning half does not hold; README "Search" has its figures.
DEV_AT_1_FLOOR = 0.82
DEV_IN_TOP_3_FLOOR = 0.92


def test_dev_sentences_find_their_answers(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(DEV) >= 60
    assert len({case["query"] for case in DEV}) == len(DEV)
    assert not {case["query"] for case in DEV} & {case["query"] for case in CASES}
    for case in DEV:
        for tip_id in case["relevant"]:
            assert tip_id in library.tips, tip_id
    at_1, at_3, misses = precision(library, DEV)
    in_top_3 = right_in_top_3(library, DEV)
    with capsys.disabled():
        print(
            f"\ndev sentences: precision@1 {at_1:.2f}, precision@3 {at_3:.2f}, "
            f"a right tip in the top 3 {in_top_3:.2f} over {len(DEV)}"
        )
    assert at_1 >= DEV_AT_1_FLOOR, misses
    assert in_top_3 >= DEV_IN_TOP_3_FLOOR, misses


HELD_OUT = yaml.safe_load((Path(__file__).parent / "search_heldout.yaml").read_text("utf-8"))
# Never tuned on (README "Search"); floors set just under the round's last
# measurement (0.79 / 0.89). The goal is 0.8 / 0.9 (a right tip first / in
# the first three); search is not quite there, and the floors keep it from falling.
HELD_OUT_AT_1_FLOOR = 0.77
HELD_OUT_IN_TOP_3_FLOOR = 0.87


def test_held_out_sentences(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    """The half search was not tuned on: right tip first, and a right tip in the top 3."""
    assert len(HELD_OUT) >= 60
    for case in HELD_OUT:
        for tip_id in case["relevant"]:
            assert tip_id in library.tips, tip_id
    at_1, at_3, misses = precision(library, HELD_OUT)
    in_top_3 = right_in_top_3(library, HELD_OUT)
    with capsys.disabled():
        print(
            f"\nheld-out sentences: precision@1 {at_1:.2f}, precision@3 {at_3:.2f}, "
            f"a right tip in the top 3 {in_top_3:.2f} over {len(HELD_OUT)}"
        )
    assert at_1 >= HELD_OUT_AT_1_FLOOR, misses
    assert in_top_3 >= HELD_OUT_IN_TOP_3_FLOOR, misses


HELD_OUT_2 = yaml.safe_load((Path(__file__).parent / "search_heldout_2.yaml").read_text("utf-8"))
# Measured once, at the end of the round that added this set (README "Search"); never
# tuned on. Sentences no tip answers (`relevant: []`) are gaps in the library: counted,
# not scored.
HELD_OUT_2_FLOORS = {"en": (0.74, 0.84), "es": (0.70, 0.85)}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_held_out_2_sentences(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A second held-out set, written blind (before anyone read the tips) by someone
    who never ran search on it: English and Spanish sentences."""
    from iepprep.core.content.library import load_library, localize_library
    from iepprep.core.i18n.language import set_current

    set_current(lang)
    library = load_library() if lang == "en" else localize_library(load_library(), lang)
    cases = [case for case in HELD_OUT_2 if case.get("lang", "en") == lang]
    answered = [case for case in cases if case["relevant"]]
    for case in answered:
        for tip_id in case["relevant"]:
            assert tip_id in library.tips, tip_id
    at_1, at_3, misses = precision(library, answered)
    in_top_3 = right_in_top_3(library, answered)
    with capsys.disabled():
        print(
            f"\nheld-out 2 ({lang}): precision@1 {at_1:.2f}, precision@3 {at_3:.2f}, a right "
            f"tip in the top 3 {in_top_3:.2f} over {len(answered)} "
            f"({len(cases) - len(answered)} no tip answers)"
        )
    floor_1, floor_3 = HELD_OUT_2_FLOORS[lang]
    assert at_1 >= floor_1, misses
    assert in_top_3 >= floor_3, misses
