"""JSON output: the contracts scripts rely on (see the README)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from iepprep.core.content.models import Tip
from iepprep.core.search.tips import TipHit


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def tip_data(tip: Tip) -> dict[str, Any]:
    data = {
        "id": tip.id,
        "title": tip.title,
        "body": tip.body,
        "phase": tip.phase.value,
        "topics": list(tip.topics),
        "why": tip.why,
        "source": tip.source.model_dump(mode="json", exclude_none=True),
        "citation": tip.citation,
        "varies_by_state": tip.varies_by_state,
    }
    return data


def search_data(hits: Sequence[TipHit]) -> list[dict[str, Any]]:
    return [{**tip_data(hit.tip), "score": hit.score} for hit in hits]
