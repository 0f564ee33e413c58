"""Search quality: what parents type finds the right tips near the top.

The test set (search_quality.yaml) holds queries and the tips that answer them.
Precision at 3 (the share of the top three results that are good answers) is
reported and must stay above a floor, so a change that makes search worse fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from iepprep.core.content.library import Library
from iepprep.core.search.tips import search_tips

CASES = yaml.safe_load((Path(__file__).parent / "search_quality.yaml").read_text("utf-8"))
PRECISION_AT_3_FLOOR = 0.80
TOP_HIT_FLOOR = 0.95


def test_the_set_is_big_and_names_real_tips(library: Library) -> None:
    assert len(CASES) >= 30
    for case in CASES:
        for tip_id in case["relevant"]:
            assert tip_id in library.tips, tip_id


def test_precision_at_3(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    precisions, top_hits, misses = [], [], []
    for case in CASES:
        found = [hit.tip.id for hit in search_tips(library, case["query"], limit=3)]
        relevant = set(case["relevant"])
        wanted = min(3, len(relevant))
        precisions.append(sum(tip in relevant for tip in found) / wanted)
        top_hits.append(bool(found) and found[0] in relevant)
        if not found or found[0] not in relevant:
            misses.append((case["query"], found))
    precision = sum(precisions) / len(precisions)
    top = sum(top_hits) / len(top_hits)
    with capsys.disabled():
        print(
            f"\nsearch quality: precision@3 {precision:.2f}, best hit right {top:.0%} "
            f"over {len(CASES)} queries"
        )
    assert precision >= PRECISION_AT_3_FLOOR, misses
    assert top >= TOP_HIT_FLOOR, misses
