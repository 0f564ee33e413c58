"""JSON output: the contracts scripts rely on (see the README)."""

from __future__ import annotations

import json
from typing import Any

from iepprep.core.content.models import Tip
from iepprep.core.search.tips import SearchResults, reasons


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


def search_data(results: SearchResults) -> dict[str, Any]:
    """The glossary terms the query names, then the tips: each with its score, the
    sentence that answers, and the fields the query matched in."""
    return {
        "query": results.query,
        "glossary": [entry.json_data() for entry in results.glossary],
        "about": list(results.about),
        "tips": [
            {
                **tip_data(hit.tip),
                "score": hit.score,
                "answer": hit.answer,
                "matched_fields": hit.hit.fields,
                "reasons": reasons(hit),
            }
            for hit in results.hits
        ],
    }
