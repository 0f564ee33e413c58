"""Searching the tip library: the tip documents and the ranked results."""

from __future__ import annotations

from dataclasses import dataclass

from iepprep.core.content import Tip
from iepprep.core.library import Library, bundled_text, tip_fields
from iepprep.core.textsearch import Hit, SearchIndex

TIP_FIELDS = {"title": 2.5, "topics": 1.5, "body": 1.0, "why": 0.8}


@dataclass(frozen=True)
class TipHit:
    tip: Tip
    hit: Hit

    @property
    def score(self) -> float:
        return self.hit.score


# Acronyms that appear in nearly every tip: widening a query with them only adds noise.
_TOO_COMMON = {"IEP", "IDEA"}


def load_synonyms() -> list[list[str]]:
    """The curated synonym groups, plus each glossary acronym with its expansion."""
    from iepprep.core.datafiles import parse_yaml
    from iepprep.core.reference import load_glossary

    data = parse_yaml(bundled_text("synonyms.yaml"), name="synonyms.yaml")
    groups = [list(map(str, group)) for group in data["groups"]]
    for entry in load_glossary().terms:
        if entry.expansion and entry.term not in _TOO_COMMON:
            groups.append([entry.term, entry.expansion, *entry.aliases])
    return groups


def tip_index(library: Library) -> SearchIndex:
    """The library's search index: the cached one, or built now."""
    return library.search_index or build_tip_index(library)


def build_tip_index(library: Library) -> SearchIndex:
    documents = [(tip.id, tip_fields(tip)) for tip in library.tips.values()]
    return SearchIndex(documents, field_weights=TIP_FIELDS, synonyms=load_synonyms())


def search_tips(library: Library, query: str, *, limit: int | None = 10) -> list[TipHit]:
    index = tip_index(library)
    return [TipHit(library.tips[hit.id], hit) for hit in index.search(query, limit=limit)]


def suggest(library: Library, query: str) -> list[str]:
    return tip_index(library).suggestions(query)
