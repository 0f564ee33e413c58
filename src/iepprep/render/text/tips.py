"""Tips as text: a list, one tip in full, and search results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from iepprep.core.textsearch import highlight_spans
from iepprep.render import wording
from iepprep.render.base import Screen
from iepprep.render.safety import one_line
from iepprep.render.text.layout import Layout, styled

if TYPE_CHECKING:
    from iepprep.core.content import Tip
    from iepprep.core.reference import GlossaryTerm
    from iepprep.render.views import NothingFound, SearchView, TipListView, TipView

HOW_MATCHED = {
    "word": "the word \u201c{}\u201d",
    "synonym": "a word related to \u201c{}\u201d",
    "close match": "a word close to \u201c{}\u201d",
    "phrase": "the whole phrase",
}


class TipsText(Layout):
    def tip_list(self, view: TipListView) -> Screen:
        for tip in view.tips:
            self.tip_line(tip)
            self.blank()
        return self.screen()

    def tip_line(
        self, tip: Tip, *, terms: set[str] | None = None, score: float | None = None
    ) -> None:
        self.hanging("", self.highlighted(one_line(tip.title), terms, base="item"))
        body = self.highlighted(one_line(tip.body), terms, base="")
        meta = [f"id {tip.id}", wording.phase_title(tip.phase).lower(), ", ".join(tip.topics)]
        if score is not None:
            meta.append(f"score {score:.2f}")
        body.append("\n" + self.sep.join(meta), style=self.style("muted"))
        self.hanging("    ", body)

    def highlighted(self, text: str, terms: set[str] | None, *, base: str) -> Text:
        """The words that matched, in the match colour; in the plain layout, where no
        colour carries the meaning, between asterisks."""
        spans = highlight_spans(text, terms) if terms else []
        if not self.plain:
            result = styled(text, base)
            for start, end in spans:
                result.stylize("match", start, end)
            return result
        out, last = [], 0
        for start, end in spans:
            out += [text[last:start], "*", text[start:end], "*"]
            last = end
        out.append(text[last:])
        return Text("".join(out))

    def search(self, view: SearchView) -> Screen:
        if view.glossary:
            self.glossary_block(view.glossary)
        if view.nothing is not None:
            self.nothing_found(view.query, view.nothing)
            return self.screen()
        noun = "tip" if len(view.hits) == 1 else "tips"
        self.line(
            self.text(f"{len(view.hits)} {noun} for \u201c{view.query}\u201d, best first:", "muted")
        )
        self.blank()
        for hit in view.hits:
            self.tip_line(hit.tip, terms=hit.hit.terms, score=hit.score)
            if view.explain:
                for match in hit.hit.matches:
                    how = HOW_MATCHED[match.via].format(match.query_word)
                    self.hanging(
                        "    ",
                        self.text(
                            f"matched {how} ({match.term}) in {', '.join(match.fields)}", "muted"
                        ),
                    )
            self.blank()
        return self.screen()

    def glossary_block(self, entries: list[GlossaryTerm]) -> None:
        """Words the query names, explained above the tips."""
        for entry in entries:
            title = self.text(entry.term, "term")
            if entry.expansion:
                title.append(f" ({one_line(entry.expansion)})")
            self.hanging("", title)
            self.hanging("    ", self.text(entry.definition))
        self.line(self.text("More: iepprep glossary WORD", "muted"))
        self.blank()

    def nothing_found(self, query: str, nothing: NothingFound) -> None:
        self.hanging("", self.text(f"No tips found for \u201c{query}\u201d."))
        if nothing.glossary_term:
            term = nothing.glossary_term
            shell = f'"{term}"' if " " in term else term
            self.hanging("", self.text(f"It is in the glossary: iepprep glossary {shell}"))
        if nothing.suggestions:
            self.hanging("", self.text("Did you mean: " + ", ".join(nothing.suggestions) + "?"))
        self.hanging(
            "",
            self.text(
                "Try a simpler word, or one of these topics: "
                + ", ".join(nothing.topics[:10])
                + "."
            ),
        )
        self.line(self.text("List every tip: iepprep tips list", "muted"))

    def tip(self, view: TipView) -> Screen:
        tip = view.tip
        self.hanging("", self.text(tip.title, "title"))
        self.blank()
        self.paragraph(tip.body)
        self.blank()
        rows = [
            ("Why", tip.why),
            ("When", wording.phase_title(tip.phase).lower()),
            ("Topics", ", ".join(tip.topics)),
            (
                "Source",
                ("From parents: " if tip.source.kind == "article" else "Added: ")
                + tip.source.where,
            ),
        ]
        if tip.source.url:
            rows.append(("Link", wording.site(tip.source.url)))
        if tip.citation:
            rows.append(("Law", tip.citation))
        if tip.varies_by_state:
            rows.append(("Note", "rules vary by state; check with your parent center"))
        rows.append(("Id", tip.id))
        for name, value in rows:
            label = styled(f"{name}:", self.style("fact.label"))
            self.hanging(label, self.text(value), indent=8)
        if tip.source.url:  # whole, on its own line, so it can be copied or clicked
            url = one_line(tip.source.url)
            self.line(self.link(self.text(url, "muted"), url))
        if view.legal:
            self.legal(view.legal)
        return self.screen()
