"""Searching the tips in another language (Spanish): the index over the translated
tips, with that language's related words and the glossary's names in both languages."""

from __future__ import annotations

from iepprep.core.content.cache import cached
from iepprep.core.content.library import Library
from iepprep.core.i18n import content
from iepprep.core.i18n.search import SpanishIndex

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
            return SpanishIndex(documents, field_weights=FIELDS, synonyms=synonyms(lang))

        if library.source_key:
            inputs = [library.source_key, lang] + [
                content.translation_text(lang, name) or ""
                for name in ("tips.yaml", "synonyms.yaml", "glossary.yaml")
            ]
            found = cached(
                f"tip-index-{lang}", inputs, lambda: build().to_cache(), SpanishIndex.from_cache
            )
        else:
            found = build()
        _last.clear()
        _last[key] = found
    return found


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
