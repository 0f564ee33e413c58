"""Tips as text: a list, one tip in full, and search results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from iepprep.core.common.safety import one_line
from iepprep.core.common.textsearch import highlight_spans
from iepprep.core.i18n.language import is_spanish
from iepprep.core.i18n.messages import _, ngettext
from iepprep.render import wording
from iepprep.render.base import Screen
from iepprep.render.text.layout import Layout, styled

if TYPE_CHECKING:
    from iepprep.core.content.models import Tip
    from iepprep.core.content.reference import GlossaryTerm
    from iepprep.render.views import NothingFound, SearchView, TipListView, TipView


def first_sentence(text: str) -> str:
    """A definition's first sentence: the one line shown above search results."""
    head, dot, _ = " ".join(text.split()).partition(". ")
    return head + "." if dot else head


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
        meta = [
            wording.tip_id(tip.id),
            wording.phase_title(tip.phase).lower(),
            wording.topic_names(tip.topics),
        ]
        if score is not None:
            meta.append(_("score {score}").format(score=f"{score:.2f}"))
        body.append("\n" + self.sep.join(meta), style=self.style("muted"))
        self.hanging("    ", body)

    def highlighted(self, text: str, terms: set[str] | None, *, base: str) -> Text:
        """The words that matched, in the match colour; in the plain layout, where no
        colour carries the meaning, between asterisks."""
        spans = []
        if terms:
            if is_spanish():  # Spanish stems, accents optional
                from iepprep.core.i18n.search import spanish_highlight_spans

                spans = spanish_highlight_spans(text, terms)
            else:
                spans = highlight_spans(text, terms)
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
        """Glossary terms the query names, then per tip: its title, the sentence that
        answers, and its id. No scores and no word stems: a tired parent reads this."""
        from iepprep.core.search.tips import reasons

        self.glossary_block(view.glossary, more=view.nothing is None)
        if view.nothing is not None and not view.hits:
            self.nothing_found(view.query, view.nothing)
            return self.screen()
        if view.results.closest:
            self.hanging(
                "",
                self.text(
                    _("No tip answers \u201c{query}\u201d exactly. The closest tips:").format(
                        query=view.query
                    )
                ),
            )
        else:
            count = ngettext(
                "One tip for \u201c{query}\u201d:",
                "{n} tips for \u201c{query}\u201d, best first:",
                len(view.hits),
            ).format(n=len(view.hits), query=view.query)
            self.line(self.text(count, "muted"))
        self.blank()
        for hit in view.hits:
            terms = hit.hit.terms
            self.hanging("", self.highlighted(one_line(hit.tip.title), terms, base="item"))
            answer = self.highlighted(one_line(hit.answer or hit.tip.body), terms, base="")
            answer.append("\n" + wording.tip_id(hit.tip.id), style=self.style("muted") or None)
            self.hanging("    ", answer)
            if view.explain:
                for reason in reasons(hit):
                    self.hanging("    - ", self.text(reason, "muted"))
            self.blank()
        if view.hits:
            self.line(self.text(_("The whole tip: iepprep tips show ID"), "muted"))
        if view.nothing is not None:  # the closest tips only: where else to look
            self.topics_line(view.nothing)
        return self.screen()

    def glossary_block(self, entries: list[GlossaryTerm], *, more: bool = True) -> None:
        """Words the query names, each with the first sentence of its meaning."""
        for entry in entries:
            line = self.text(entry.heading, "term")
            line.append(": " + one_line(first_sentence(entry.definition)))
            self.hanging("", line)
        if entries and more:
            name = entries[0].term
            shell = f'"{name}"' if " " in name else name
            see = _("More in the glossary: iepprep glossary {word}").format(word=shell)
            self.line(self.text(see, "muted"))
            self.blank()

    def nothing_found(self, query: str, nothing: NothingFound) -> None:
        self.hanging("", self.text(_("No tips found for \u201c{query}\u201d.").format(query=query)))
        if nothing.glossary_term:
            term = nothing.glossary_term
            shell = f'"{term}"' if " " in term else term
            found = _("It is in the glossary: iepprep glossary {word}").format(word=shell)
            self.hanging("", self.text(found))
        if nothing.suggestions:
            ids = ", ".join(nothing.suggestions)
            self.hanging("", self.text(_("Did you mean: {ids}?").format(ids=ids)))
        self.topics_line(nothing)

    def topics_line(self, nothing: NothingFound) -> None:
        topics = wording.topic_names(nothing.topics[:10])
        self.hanging(
            "",
            self.text(
                _("Try a simpler word, or one of these topics: {topics}.").format(topics=topics)
            ),
        )
        self.line(self.text(_("List every tip: iepprep tips list"), "muted"))

    def tip(self, view: TipView) -> Screen:
        tip = view.tip
        self.hanging("", self.text(tip.title, "title"))
        self.blank()
        self.paragraph(tip.body)
        self.blank()
        rows = [
            (_("Why"), tip.why),
            (_("When"), wording.phase_title(tip.phase).lower()),
            (_("Topics"), wording.topic_names(tip.topics)),
            (_("Source"), wording.tip_source(tip)),
        ]
        url = one_line(tip.source.url) if tip.source.url else ""
        if url:  # whole, so it can be copied or clicked
            rows.append((_("Link"), url))
        if tip.citation:
            rows.append((_("Law"), tip.citation))
        if tip.varies_by_state:
            rows.append(
                (wording.note_label(), _("rules vary by state; check with your parent center"))
            )
        rows.append(("Id", tip.id))  # the same word in Spanish
        indent = max(8, *(len(name) + 2 for name, _value in rows))
        for name, value in rows:
            label = styled(f"{name}:", self.style("fact.label"))
            shown = self.text(value)
            if url and value == url:
                shown = self.link(shown, url)
                if len(url) > self.width - indent:  # whole, on its own line, to copy
                    self.line(label)
                    self.line(shown)
                    continue
            self.hanging(label, shown, indent=indent)
        if view.legal:
            self.legal(view.legal)
        return self.screen()
