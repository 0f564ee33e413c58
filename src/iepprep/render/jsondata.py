"""JSON output: the contracts scripts rely on (see the README)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from iepprep.core.content.models import Tip
    from iepprep.core.search.tips import SearchResults
    from iepprep.render.views import (
        GlossaryView,
        HistoryView,
        NotesView,
        PlanView,
        ReviewView,
        RightsView,
        SearchView,
        TipListView,
        TipView,
    )


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def tip_data(tip: Tip) -> dict[str, Any]:
    return {
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


def search_data(results: SearchResults) -> list[dict[str, Any]]:
    """The tips, best first (the README's contract: a list), each with its score, the
    sentence that answers and the fields the query matched in. The glossary terms a
    query names are in `glossary WORD --format json`."""
    from iepprep.core.search.tips import reasons

    return [
        {
            **tip_data(hit.tip),
            "score": hit.score,
            "answer": hit.answer,
            "matched_fields": hit.hit.fields,
            "reasons": reasons(hit),
        }
        for hit in results.hits
    ]


class JsonRenderer:
    """Every screen as JSON data; the shapes are the README's contracts."""

    def plan(self, view: PlanView) -> str:
        if view.kind == "checklist":
            return dumps([item.model_dump(mode="json") for item in view.items])
        if view.kind == "questions":
            questions = view.questions.questions if view.questions else []
            return dumps([q.model_dump(mode="json") for q in questions])
        return dumps(view.plan.to_json_data())

    def tip_list(self, view: TipListView) -> str:
        return dumps([tip_data(tip) for tip in view.tips])

    def tip(self, view: TipView) -> str:
        return dumps(tip_data(view.tip))

    def search(self, view: SearchView) -> str:
        return dumps(search_data(view.results))

    def glossary(self, view: GlossaryView) -> str:
        if view.single:
            return dumps(view.entries[0].json_data())
        return dumps([entry.json_data() for entry in view.entries])

    def rights(self, view: RightsView) -> str:
        return dumps([right.json_data() for right in view.rights])

    def review(self, view: ReviewView) -> str:
        return dumps(view.review.json_data())

    def notes(self, view: NotesView) -> str:
        return dumps([note.json_data() for note in view.notes])

    def history(self, view: HistoryView) -> str:
        return dumps([row.data for row in view.rows])
