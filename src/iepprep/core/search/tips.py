"""Searching the tip library: the tip documents, their index and the ranked results.

The index of a library read from files is cached on disk under the library's
`source_key`, apart from the library itself: a plan never pays for reading it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from iepprep.core.common.textsearch import Hit, SearchIndex
from iepprep.core.content.cache import cached
from iepprep.core.content.library import Library, bundled_text, tip_fields
from iepprep.core.content.models import Tip

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
    from iepprep.core.content.datafiles import parse_yaml
    from iepprep.core.content.reference import load_glossary

    data = parse_yaml(bundled_text("synonyms.yaml"), name="synonyms.yaml")
    groups = [list(map(str, group)) for group in data["groups"]]
    for entry in load_glossary().terms:
        if entry.expansion and entry.term not in _TOO_COMMON:
            groups.append([entry.term, entry.expansion, *entry.aliases])
    return groups


_last_index: dict[str, SearchIndex] = {}  # source_key -> the index read last


def tip_index(library: Library) -> SearchIndex:
    """The library's search index: the cached one, or built now."""
    if library.language != "en":
        from iepprep.core.search.translated import translated_tip_index

        return translated_tip_index(library)
    if not library.source_key:
        return build_tip_index(library)
    found = _last_index.get(library.source_key)
    if found is None:

        def from_data(data: dict[str, Any]) -> SearchIndex:
            ids = data["ids"]
            return SearchIndex.from_data(data, lambda doc: tip_fields(library.tips[ids[doc]]))

        found = cached(
            "tip-index",
            [library.source_key],
            lambda: build_tip_index(library).to_data(),
            from_data,
        )
        _last_index.clear()
        _last_index[library.source_key] = found
    return found


def build_tip_index(library: Library) -> SearchIndex:
    documents = [(tip.id, tip_fields(tip)) for tip in library.tips.values()]
    return SearchIndex(documents, field_weights=TIP_FIELDS, synonyms=load_synonyms())


def search_tips(library: Library, query: str, *, limit: int | None = 10) -> list[TipHit]:
    index = tip_index(library)
    return [TipHit(library.tips[hit.id], hit) for hit in index.search(query, limit=limit)]


def suggest(library: Library, query: str) -> list[str]:
    return tip_index(library).suggestions(query)
