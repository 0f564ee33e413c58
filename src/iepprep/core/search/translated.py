"""Searching the tips in another language (Spanish): the index over the translated
tips, with that language's related words and the glossary's names in both languages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iepprep.core.common.textsearch import Concept, words
from iepprep.core.content.library import Library
from iepprep.core.i18n import content
from iepprep.core.i18n.search import SpanishIndex
from iepprep.core.storage.cache import cached

if TYPE_CHECKING:
    from iepprep.core.search.concepts import ConceptsFile

# As for English tips (see `tips.TIP_FIELDS`), with the parents' own questions (`asks`)
# counting as much as a title.
FIELDS = {"title": 2.5, "asks": 2.5, "body": 1.0, "why": 0.8}

_last: dict[tuple[str, str, int], SpanishIndex] = {}


def translated_tip_index(library: Library) -> SpanishIndex:
    """The index of `library`'s translated tips: from the disk cache when neither the
    tips nor their translation changed (stemming every tip costs more than a search),
    else built now."""
    key = (library.language, library.source_key, id(library.tips))
    found = _last.get(key)
    if found is None:
        lang = library.language

        def build() -> SpanishIndex:
            documents = [
                (
                    tip.id,
                    {
                        "title": tip.title,
                        "asks": "\n".join(tip.asks),  # one question a line
                        "body": tip.body,
                        "why": tip.why,
                    },
                )
                for tip in library.tips.values()
            ]
            return SpanishIndex(
                documents, field_weights=FIELDS, synonyms=synonyms(lang), concepts=concepts(lang)
            )

        if library.source_key:
            inputs = [library.source_key, lang] + [
                content.translation_text(lang, name) or ""
                for name in ("tips.yaml", "synonyms.yaml", "glossary.yaml", "concepts.yaml")
            ]
            found = cached(
                f"tip-index-{lang}", inputs, lambda: build().to_cache(), SpanishIndex.from_cache
            )
        else:
            found = build()
        _last.clear()
        _last[key] = found
    return found


def load_concepts_in(lang: str) -> ConceptsFile | None:
    """`data/<lang>/concepts.yaml`, validated as the English one is (and a `says` of
    stop words only refused); None when the language has none."""
    from iepprep.core.content.datafiles import describe_list_item, parse_yaml, validate
    from iepprep.core.i18n.search import STOPWORDS
    from iepprep.core.search.concepts import ConceptsFile
    from iepprep.errors import DataFileError

    name = f"{lang}/concepts.yaml"
    text = content.translation_text(lang, "concepts.yaml")
    if text is None:
        return None
    found = validate(
        ConceptsFile,
        parse_yaml(text, name=name),
        name=name,
        describe_item=describe_list_item("concepts", "concept"),
    )
    for entry in found.concepts:
        if all(w in STOPWORDS for said in entry.says for w in words(said)):
            raise DataFileError(f"{name}: the concept {entry.says} says only stop words.")
    return found


def concepts(lang: str) -> list[Concept]:
    """The concepts of `lang`, in the stems its index reads."""
    from iepprep.core.i18n.search import spanish_concept

    found = load_concepts_in(lang)
    if found is None:
        return []
    return [
        spanish_concept(entry.says, entry.means, entry.about, entry.unless)
        for entry in found.concepts
    ]


def synonyms(lang: str) -> list[list[str]]:
    """The curated groups of related words in `lang`, plus each glossary entry's names
    in both languages (so "FAPE" and "educación pública gratuita" meet)."""
    groups = content.synonym_groups(lang)
    glossary = content.glossary_text(lang)
    if glossary is not None:
        for english, entry in glossary.terms.items():
            if english not in ("IEP", "IDEA"):
                groups.append([entry.term, english, *entry.aliases])
    return groups
