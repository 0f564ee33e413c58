"""Searching the tip library: the tip documents and the ranked results."""

from __future__ import annotations

from dataclasses import dataclass

from iepprep.core.content import Tip
from iepprep.core.library import Library, bundled_text
from iepprep.core.textsearch import Hit, SearchIndex

TIP_FIELDS = {"title": 2.5, "topics": 1.5, "body": 1.0, "why": 0.8}


@dataclass(frozen=True)
class TipHit:
    tip: Tip
    hit: Hit

    @property
    def score(self) -> float:
        return self.hit.score


def load_synonyms() -> list[list[str]]:
    from iepprep.core.datafiles import parse_yaml

    data = parse_yaml(bundled_text("synonyms.yaml"), name="synonyms.yaml")
    return [list(map(str, group)) for group in data["groups"]]


def tip_index(library: Library) -> SearchIndex:
    documents = [
        (
            tip.id,
            {
                "title": tip.title,
                "body": tip.body,
                "why": tip.why,
                "topics": " ".join(tip.topics).replace("-", " "),
            },
        )
        for tip in library.tips.values()
    ]
    return SearchIndex(documents, field_weights=TIP_FIELDS, synonyms=load_synonyms())


def search_tips(library: Library, query: str, *, limit: int | None = 10) -> list[TipHit]:
    index = tip_index(library)
    return [TipHit(library.tips[hit.id], hit) for hit in index.search(query, limit=limit)]


def suggest(library: Library, query: str) -> list[str]:
    return tip_index(library).suggestions(query)
