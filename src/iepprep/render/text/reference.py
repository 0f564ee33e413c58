"""The glossary and the rights, as text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iepprep.core.common.safety import one_line
from iepprep.core.i18n.messages import _
from iepprep.render import wording
from iepprep.render.base import Screen
from iepprep.render.text.layout import styled
from iepprep.render.text.plan import PlanText

if TYPE_CHECKING:
    from iepprep.core.content.reference import GlossaryTerm
    from iepprep.render.views import GlossaryView, RightsView


class ReferenceText(PlanText):
    def glossary(self, view: GlossaryView) -> Screen:
        for entry in view.entries:
            self.glossary_entry(entry, full=view.single)
        if not view.single:
            self.blank()
            self.paragraph(_("More about one word: iepprep glossary WORD"), style="muted")
        self.legal(view.legal)
        return self.screen()

    def glossary_entry(self, entry: GlossaryTerm, *, full: bool = True) -> None:
        title = self.text(entry.term, "term")
        if entry.expansion:
            title.append(f" ({one_line(entry.expansion)})")
        self.hanging("", title)
        self.hanging("    ", self.text(entry.definition))
        if not full:
            return
        rows: list[tuple[str, str, bool]] = []  # label, value, is the source
        if entry.example:
            rows.append((_("Example"), entry.example, False))
        if entry.see_also:
            rows.append((_("See also"), ", ".join(entry.see_also), False))
        if entry.citation:
            rows.append((_("Law"), entry.citation, False))
        if entry.source:
            rows.append((_("Source"), wording.site(entry.source), True))
        if entry.varies_by_state:
            rows.append((wording.note_label(), _("this differs by state"), False))
        indent = max(14, *(len(name) + 6 for name, _value, _source in rows)) if rows else 14
        for name, value, is_source in rows:
            label = styled(f"    {name}:", self.style("fact.label"))
            body = self.text(value)
            if is_source and entry.source:
                self.link(body, entry.source)
            self.hanging(label, body, indent=indent)

    def not_in_glossary(self, query: str, suggestions: list[str]) -> Screen:
        self.hanging(
            "", self.text(_("\u201c{query}\u201d is not in the glossary.").format(query=query))
        )
        if suggestions:
            closest = _("Closest: {words}").format(words=", ".join(suggestions))
            self.hanging("", self.text(closest))
        self.line(self.text(_("See every word: iepprep glossary"), "muted"))
        return self.screen()

    def rights(self, view: RightsView) -> Screen:
        self.line(self.text(wording.rights_title(), "title"))
        self.paragraph(view.intro)
        for right in view.rights:
            self.blank()
            self.hanging("", self.text(right.title, "item"))
            body = self.text(right.text)
            meta = right.citation
            if right.varies_by_state and right.state_note:
                meta += self.sep + wording.varies_by_state(right.state_note)
            body.append("\n" + one_line(meta), style=self.style("muted"))
            self.hanging("    ", body)
        if view.state:
            self.state(view.state)
        self.legal(view.legal)
        return self.screen()
