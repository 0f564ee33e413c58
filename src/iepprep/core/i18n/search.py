"""Searching Spanish text: Spanish stems, Spanish stop words, accents optional.

The search engine (`textsearch.SearchIndex`) works on English stems. Rather than
teach it a second language, every Spanish text (documents, synonyms and the query
alike) is first turned into its Spanish stems, accents dropped; the engine then sees
the same tokens on both sides, so "grabar la reunion" and "grabación de la reunión"
meet at "grab" and "reunion". Typo forgiveness, synonyms, field weights and the
phrase bonus all work as they do in English.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from iepprep.core.common.textsearch import Concept, Hit, SearchIndex, words

STOPWORDS = frozenset(
    [
        "a",
        "al",
        "algo",
        "algun",
        "alguna",
        "algunas",
        "alguno",
        "algunos",
        "ante",
        "antes",
        "asi",
        "aun",
        "como",
        "con",
        "contra",
        "cual",
        "cuales",
        "cuando",
        "de",
        "del",
        "desde",
        "donde",
        "dos",
        "e",
        "el",
        "ella",
        "ellas",
        "ello",
        "ellos",
        "en",
        "entre",
        "era",
        "eran",
        "es",
        "esa",
        "esas",
        "ese",
        "eso",
        "esos",
        "esta",
        "estan",
        "estas",
        "este",
        "esto",
        "estos",
        "fue",
        "fueron",
        "ha",
        "han",
        "hasta",
        "hay",
        "la",
        "las",
        "le",
        "les",
        "lo",
        "los",
        "me",
        "mi",
        "mis",
        "mucho",
        "muy",
        "nada",
        "ni",
        "no",
        "nos",
        "nosotros",
        "o",
        "os",
        "otra",
        "otro",
        "para",
        "pero",
        "poco",
        "por",
        "porque",
        "que",
        "quien",
        "se",
        "sea",
        "ser",
        "si",
        "sin",
        "sobre",
        "solo",
        "son",
        "su",
        "sus",
        "tambien",
        "te",
        "tiene",
        "tu",
        "tus",
        "un",
        "una",
        "uno",
        "unos",
        "usted",
        "ustedes",
        "y",
        "ya",
        "yo",
    ]
)


@lru_cache(maxsize=1)
def _stemmer() -> object:
    # The Spanish stemmer alone: `import snowballstemmer` loads every language.
    from snowballstemmer.spanish_stemmer import SpanishStemmer

    return SpanishStemmer()


@lru_cache(maxsize=65536)
def spanish_stem(word: str) -> str:
    return str(_stemmer().stemWord(word))  # type: ignore[attr-defined]


def spanish_terms(text: str) -> str:
    """The Spanish stems of `text`, stop words dropped, as one string of tokens."""
    return " ".join(spanish_stem(w) for w in words(text) if w not in STOPWORDS)


class SpanishIndex(SearchIndex):
    """A search index over Spanish text: (id, fields) pairs in Spanish, and Spanish
    groups of related words. The English engine's concepts (phrases it knows in
    English) do not apply."""

    STEMS_WORDS = False  # its texts are Spanish stems already

    def __init__(
        self,
        documents: Sequence[tuple[str, Mapping[str, str]]],
        *,
        field_weights: Mapping[str, float],
        synonyms: Sequence[Sequence[str]] = (),
        concepts: Sequence[Concept] = (),
    ) -> None:
        self._typed = ""
        self._spelled: dict[str, str] = {}
        for _, fields in documents:
            for text in fields.values():
                for word in words(text):
                    if word not in STOPWORDS:
                        term = spanish_stem(word)
                        held = self._spelled.get(term)
                        if held is None or len(word) < len(held):
                            self._spelled[term] = word
        self._texts = [
            {name: spanish_terms(text) for name, text in fields.items()} for _, fields in documents
        ]
        super().__init__(
            [(doc_id, texts) for (doc_id, _), texts in zip(documents, self._texts, strict=True)],
            field_weights=field_weights,
            synonyms=[[spanish_terms(member) for member in group] for group in synonyms],
            concepts=concepts,
        )

    def to_cache(self) -> dict[str, Any]:
        """Plain data from which `from_cache` rebuilds this index without stemming."""
        return {"index": self.to_data(), "texts": self._texts, "spelled": self._spelled}

    @classmethod
    def from_cache(cls, data: Mapping[str, Any]) -> SpanishIndex:
        texts: list[dict[str, str]] = data["texts"]
        index = cls.from_data(data["index"], texts.__getitem__)
        assert isinstance(index, SpanishIndex)
        index._texts = texts
        index._spelled = dict(data["spelled"])
        index._typed = ""
        return index

    def concepts_in(self, query: str) -> list[Concept]:
        """The Spanish concepts (data/es/concepts.yaml) `query`, as typed, names; its
        stop words count here ("no quieren evaluarlo")."""
        found = [spanish_stem(w) for w in words(query)]
        return [concept for concept in self._concepts if concept.in_words(found)]

    def _query_concepts(self, query: str) -> list[Concept]:
        return self.concepts_in(self._typed)

    def search(self, query: str, *, limit: int | None = 10) -> list[Hit]:
        """Hits whose reasons name the words as the parent typed them, not their stems."""
        from dataclasses import replace

        self._typed = query  # the concepts are read in it, stop words and all
        hits = super().search(spanish_terms(query), limit=limit)
        typed: dict[str, str] = {}
        for word in words(query):
            if word not in STOPWORDS:
                typed.setdefault(spanish_stem(word), word)

        def as_typed(said: str) -> str:
            return " ".join(typed.get(term, term) for term in said.split())

        for hit in hits:
            hit.matches = [
                m if m.via == "question" else replace(m, query_word=as_typed(m.query_word))
                for m in hit.matches
            ]
        return hits

    def topic_words(self, query: str) -> list[tuple[str, str]]:
        return [(w, spanish_stem(w)) for w in words(query) if w not in STOPWORDS]

    def suggestions(self, query: str, n: int = 3) -> list[str]:
        """Words of the Spanish texts close to what was typed, spelled as written."""
        from difflib import get_close_matches

        found: list[str] = []
        for word in words(query):
            term = spanish_stem(word)
            candidates = [t for t in self._spelled if t[:1] == term[:1]]
            close = get_close_matches(term, candidates, n=n, cutoff=0.7)
            found.extend(self._spelled[t] for t in close)
        return list(dict.fromkeys(found))[:n]


def spanish_concept(
    says: Sequence[str], means: Sequence[str], about: str, unless: Sequence[str]
) -> Concept:
    """A concept in Spanish words, as the Spanish index reads it: its `says` with
    their stop words (they must be in the sentence too), the rest without."""
    return Concept(
        tuple(spanish_stem(w) for said in says for w in words(said)),
        tuple(dict.fromkeys(spanish_terms(" ".join(means)).split())),
        about,
        None,
        tuple(spanish_stem(w) for word in unless for w in words(word)),
    )


def spanish_search_terms(text: str) -> set[str]:
    """The search terms of a Spanish text as a hit reports them (`Hit.terms`): each
    word's Spanish stem."""
    return {spanish_stem(w) for w in words(text) if w not in STOPWORDS}


def spanish_highlight_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Character spans of the words in Spanish `text` that matched (`Hit.terms`),
    accents optional: 'reunion' lights up 'reunión'."""
    import re

    from iepprep.core.i18n.fallback import fold

    if not terms:
        return []
    spans = []
    for match in re.finditer(r"[0-9A-Za-zÀ-ÿ]+", text):
        word = fold(match.group())
        if word not in STOPWORDS and spanish_stem(word) in terms:
            spans.append((match.start(), match.end()))
    return spans
