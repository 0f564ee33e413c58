"""Text output for the terminal (and for --output FILE.txt).

Every piece of user or tip text goes into a `StyledText`, which never parses markup,
so `[bold]` in a child's name prints as typed. Plain mode (--plain, TERM=dumb) drops
colors and decoration so screen readers get clean lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from iepprep.core.common.safety import clean, one_line
from iepprep.core.common.textsearch import highlight_spans
from iepprep.core.content.models import Phase, Tip
from iepprep.core.i18n import dates
from iepprep.render import wording
from iepprep.render.terminal import PlainConsole, StyledText, cell_width

if TYPE_CHECKING:
    import datetime as dt

    from iepprep.core.content.reference import GlossaryTerm, Right
    from iepprep.core.meeting.live import Note
    from iepprep.core.meeting.review import Review
    from iepprep.core.planning.plan import ChecklistItem, Plan, PlanQuestion, PlanWord, StateNotes
    from iepprep.core.search.tips import SearchResults


class TextRenderer:
    def __init__(
        self, console: PlainConsole, *, plain: bool = False, on_terminal: bool = False
    ) -> None:
        """`console` writes the lines: styled (`AnsiConsole`) or not (`PlainConsole`)."""
        self.console = console
        self.plain = plain
        self.on_terminal = on_terminal
        # For screen readers: checkbox states as words, and commas, not symbols.
        self.box = "To do: " if plain else "[ ] "
        self.sep = "; " if plain else " · "
        self._lines: list[StyledText] = []

    def emit(self, line: StyledText | str = "", *, whole: bool = False) -> None:
        """Queue one line; `flush` writes them all at once (one call, not hundreds).

        A line wider than the console is wrapped at words (a word longer than a line,
        like a link, stays whole), so no terminal ever breaks one mid-word; `whole`
        keeps it as it is (a letter's paragraph, for pasting)."""
        text = StyledText(line) if isinstance(line, str) else line
        if whole or cell_width(text.plain) <= self.console.width:
            self._lines.append(text)
        else:
            self._lines.extend(text.wrap(self.console.width, cut_words=False))

    def letter(self, text: str) -> None:
        """A letter: on a terminal, wrapped at words to read; elsewhere (a pipe, a file)
        one line per paragraph, so it pastes into an e-mail as paragraphs."""
        for line in text.rstrip("\n").split("\n"):
            if self.on_terminal and line:
                bullet = "- " if line.startswith("- ") else ""
                self.hanging(bullet, StyledText(line.removeprefix(bullet)))
            else:
                self.emit(line, whole=True)

    def flush(self) -> None:
        if self._lines:
            self.console.write_lines(self._lines)
            self._lines = []

    # -- building blocks

    def heading(self, title: str) -> None:
        self.emit()
        if self.plain:
            self.emit(StyledText(title.upper()))
        else:
            self.emit(StyledText(title.upper(), style="bold"))

    def paragraph(self, text: str, style: str = "") -> None:
        self.hanging("", StyledText(clean(text), style="" if self.plain else style))

    def line(self, text: StyledText) -> None:
        self.emit(text)

    def _dim(self) -> str:
        return "" if self.plain else "dim"

    def hanging(self, prefix: str, body: StyledText, *, indent: int | None = None) -> None:
        """`prefix` then `body`, with wrapped lines of `body` lined up under its start."""
        indent = max(indent or 0, len(prefix))
        width = max(self.console.width - indent, 20)
        for number, line in enumerate(body.wrap(width)):
            head = StyledText(prefix.ljust(indent) if number == 0 else " " * indent)
            self.emit(head + line)

    # -- plans

    def plan(self, plan: Plan, *, parts: Sequence[str] = ("checklist", "questions")) -> None:
        self.plan_header(plan)
        if "checklist" in parts:
            for phase in Phase:
                self.checklist_phase(plan, phase)
        if "questions" in parts:
            self.questions(plan.questions)
        if plan.words:
            self.words(plan.words)
        if plan.state:
            self.state(plan.state)
        self.footer()

    def words(self, words: Sequence[PlanWord]) -> None:
        self.heading("Words you may hear")
        for word in words:
            title = StyledText(one_line(word.term), style="" if self.plain else "bold")
            if word.expansion:
                title.append(f" ({one_line(word.expansion)})")
            self.hanging("", title)
            self.hanging("    ", StyledText(one_line(word.definition)))
        self.emit(StyledText("More words: iepprep glossary", style=self._dim()))

    def state(self, state: StateNotes) -> None:
        self.heading(f"In {state.name}")
        if not state.known:
            self.paragraph(
                f"We have no notes for {state.name} yet, so we won't guess. Your state may "
                "have its own rules and timelines: read its procedural safeguards notice, or "
                f"ask your state's parent center ({wording.PARENT_CENTER_URL})."
            )
            return
        if state.meeting_name:
            self.hanging("  ", StyledText(f"The meeting is called: {state.meeting_name}."))
        for note in state.notes:
            body = StyledText(one_line(note["text"] or ""))
            source = note.get("source")
            checked = note.get("checked")
            where = self.sep.join(
                x
                for x in (
                    note.get("citation"),
                    wording.site(source) if source else None,
                    f"checked {checked}" if checked else None,
                )
                if x
            )
            body.append("\n" + where, style=self._dim())
            self.hanging("  - ", body)
        self.paragraph(wording.VERIFY_STATE, style="dim")

    def plan_header(self, plan: Plan) -> None:
        self.emit(StyledText(wording.plan_title(plan), style="" if self.plain else "bold"))
        lines = wording.header_lines(plan)
        width = max(len(name) for name, _ in lines) + 4
        narrow = self.console.width < 60  # labels on their own line, values below
        for name, value in lines:
            if narrow:
                self.emit(StyledText(f"  {name}:", style=self._dim()))
                self.hanging("    ", StyledText(value))
            else:
                self.hanging(f"  {name}:", StyledText(value), indent=width)
        for notice in plan.notices:
            self.emit()
            self.hanging("Note: ", StyledText(notice, style="" if self.plain else "yellow"))

    def checklist_phase(self, plan: Plan, phase: Phase) -> None:
        items = plan.phase(phase)
        if not items:
            return
        self.heading(wording.phase_title(phase))
        for item in items:
            self.checklist_item(item, plan)

    def checklist_item(self, item: ChecklistItem, plan: Plan) -> None:
        row = StyledText(one_line(item.text), style="" if self.plain else "bold")
        due = wording.due_text(item, plan)
        if due:
            row.append(f" ({due})", style="" if self.plain else "yellow")
        row.append("\n" + one_line(item.why), style="")
        row.append("\n" + self.sep.join(wording.source_bits(item)), style=self._dim())
        self.hanging(self.box, row)

    def questions(self, questions: Sequence[PlanQuestion], *, answered: Iterable[str] = ()) -> None:
        if not questions:
            return
        self.heading("Questions to ask")
        if intro := wording.questions_intro(len(questions)):
            self.paragraph(intro)
            self.emit()
        topic = None
        for question in questions:
            if question.topic != topic:
                if topic is not None:
                    self.emit()
                topic = question.topic
                self.emit(
                    StyledText(one_line(question.topic_title), style="" if self.plain else "bold")
                )
            self.hanging(f"{question.number:>3}. ", StyledText(one_line(question.text)))

    def footer(self) -> None:
        self.emit()
        self.paragraph(wording.SOURCES_NOTE, style="dim")
        self.emit()
        self.paragraph(wording.NOT_LEGAL_ADVICE)

    # -- tips

    def tip_line(
        self, tip: Tip, *, terms: set[str] | None = None, score: float | None = None
    ) -> None:
        title = _highlighted(one_line(tip.title), terms, plain=self.plain, base="bold")
        self.hanging("", title)
        body = _highlighted(one_line(tip.body), terms, plain=self.plain, base="")
        meta = [f"id {tip.id}", wording.phase_title(tip.phase).lower(), ", ".join(tip.topics)]
        if score is not None:
            meta.append(f"score {score:.2f}")
        body.append("\n" + self.sep.join(meta), style=self._dim())
        self.hanging("    ", body)

    def tips(self, tips: Sequence[Tip]) -> None:
        for tip in tips:
            self.tip_line(tip)
            self.emit()

    def search_results(self, results: SearchResults, *, explain: bool = False) -> None:
        """Glossary terms the query names, then per tip: its title, the sentence that
        answers, and its id. No scores and no word stems: a tired parent reads this."""
        from iepprep.core.search.tips import reasons

        self.glossary_matches(results.glossary)
        hits = results.hits
        noun = "tip" if len(hits) == 1 else "tips"
        self.emit(
            StyledText(
                f"{len(hits)} {noun} for \u201c{one_line(results.query)}\u201d, best first:",
                style=self._dim(),
            )
        )
        self.emit()
        for hit in hits:
            terms = hit.hit.terms
            self.hanging(
                "", _highlighted(one_line(hit.tip.title), terms, plain=self.plain, base="bold")
            )
            answer = _highlighted(
                one_line(hit.answer or hit.tip.body), terms, plain=self.plain, base=""
            )
            answer.append("\n" + f"id {hit.tip.id}", style=self._dim())
            self.hanging("    ", answer)
            if explain:
                for reason in reasons(hit):
                    self.hanging("    - ", StyledText(one_line(reason), style=self._dim()))
            self.emit()
        if hits:
            self.emit(StyledText("The whole tip: iepprep tips show ID", style=self._dim()))

    def glossary_matches(self, entries: Sequence[GlossaryTerm], *, more: bool = True) -> None:
        for entry in entries:
            line = StyledText(one_line(entry.heading), style="" if self.plain else "bold")
            line.append(": " + one_line(_first_sentence(entry.definition)))
            self.hanging("", line)
        if entries and more:
            names = " ".join(_shell_word(entry.term) for entry in entries[:1])
            self.emit(
                StyledText(f"More in the glossary: iepprep glossary {names}", style=self._dim())
            )
            self.emit()

    def nothing_found(
        self,
        query: str,
        suggestions: Sequence[str],
        topics: Sequence[str],
        glossary_term: str | None = None,
    ) -> None:
        self.emit(StyledText(f"No tips found for \u201c{one_line(query)}\u201d."))
        if glossary_term:
            self.emit(
                StyledText(f"It is in the glossary: iepprep glossary {_shell_word(glossary_term)}")
            )
        if suggestions:
            self.emit(StyledText("Did you mean: " + ", ".join(suggestions) + "?"))
        self.emit(
            StyledText(
                "Try a simpler word, or one of these topics: " + ", ".join(topics[:10]) + "."
            )
        )
        self.emit(StyledText("List every tip: iepprep tips list", style=self._dim()))

    def tip_detail(self, tip: Tip) -> None:
        self.emit(StyledText(one_line(tip.title), style="" if self.plain else "bold"))
        self.emit()
        self.paragraph(tip.body)
        self.emit()
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
            self.hanging(f"{name}:", StyledText(one_line(value)), indent=8)
        if tip.source.url:  # whole, on its own line, so it can be copied or clicked
            self.emit(StyledText(tip.source.url, style=self._dim()))


def _first_sentence(text: str) -> str:
    """A definition's first sentence: the one line shown above search results."""
    head, dot, _ = " ".join(text.split()).partition(". ")
    return head + "." if dot else head


def _shell_word(text: str) -> str:
    """`text` as it can be typed after a command: quoted when it has spaces."""
    return f'"{text}"' if " " in text else text


def _readable_when(iso: str) -> str:
    """'Thu Dec 10, 2026' for a date, 'Sat Nov 28 at 00:56' for a date and time
    (as written, if it is neither)."""
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return one_line(iso)
    if "T" in iso:
        return dates.short_moment(moment)
    return f"{dates.short_date(moment.date())}, {moment.year}"


def _highlighted(text: str, terms: set[str] | None, *, plain: bool, base: str) -> StyledText:
    result = StyledText(text, style="" if plain else base)
    if terms and not plain:
        for start, end in highlight_spans(text, terms):
            result.stylize("bold yellow", start, end)
    elif terms and plain:
        # No color to carry the meaning: mark matches with asterisks instead.
        spans = highlight_spans(text, terms)
        if spans:
            out, last = [], 0
            for start, end in spans:
                out += [text[last:start], "*", text[start:end], "*"]
                last = end
            out.append(text[last:])
            result = StyledText("".join(out))
    return result


class ReferenceRenderer(TextRenderer):
    """Glossary and rights, as text."""

    def glossary_entry(self, entry: GlossaryTerm, *, full: bool = True) -> None:
        title = StyledText(entry.term, style="" if self.plain else "bold")
        if entry.expansion:
            title.append(f" ({entry.expansion})")
        self.hanging("", title)
        self.hanging("    ", StyledText(one_line(entry.definition)))
        if not full:
            return
        rows: list[tuple[str, str]] = []
        if entry.example:
            rows.append(("Example", entry.example))
        if entry.see_also:
            rows.append(("See also", ", ".join(entry.see_also)))
        if entry.citation:
            rows.append(("Law", entry.citation))
        if entry.source:
            rows.append(("Source", wording.site(entry.source)))
        if entry.varies_by_state:
            rows.append(("Note", "this differs by state"))
        for name, value in rows:
            self.hanging(f"    {name}:", StyledText(one_line(value)), indent=14)

    def glossary(self, entries: Sequence[GlossaryTerm]) -> None:
        for entry in entries:
            self.glossary_entry(entry, full=False)
        self.emit()
        self.paragraph("More about one word: iepprep glossary WORD", style="dim")

    def not_in_glossary(self, query: str, suggestions: Sequence[str]) -> None:
        self.emit(StyledText(f"\u201c{one_line(query)}\u201d is not in the glossary."))
        if suggestions:
            self.emit(StyledText("Closest: " + ", ".join(suggestions)))
        self.emit(StyledText("See every word: iepprep glossary", style=self._dim()))

    def rights(self, rights: Sequence[Right], state: StateNotes | None) -> None:
        self.emit(StyledText("Your key rights under IDEA", style="" if self.plain else "bold"))
        self.paragraph(wording.RIGHTS_INTRO)
        for right in rights:
            self.emit()
            self.hanging("", StyledText(one_line(right.title), style="" if self.plain else "bold"))
            body = StyledText(one_line(right.text))
            meta = right.citation
            if right.varies_by_state and right.state_note:
                meta += " · varies by state: " + right.state_note
            body.append("\n" + one_line(meta), style=self._dim())
            self.hanging("    ", body)
        if state:
            self.state(state)
        self.emit()
        self.paragraph(wording.NOT_LEGAL_ADVICE)

    def history(
        self,
        rows: Sequence[dict[str, object]],
        folder: str,
        *,
        unfinished: dt.datetime | None = None,
    ) -> None:
        if unfinished is not None:
            self.paragraph(
                f"You have unfinished answers from {dates.short_moment(unfinished)}: "
                "iepprep plan picks them up."
            )
            self.emit()
        if not rows:
            self.emit(StyledText("No saved plans yet. Make one: iepprep plan"))
            return
        from iepprep.core.family.profile import MeetingType
        from iepprep.core.i18n.labels import label

        for row in rows:
            who = one_line(str(row["child_name"])) if row["child_name"] else "(no name)"
            kind = label(MeetingType(str(row["meeting_type"])))
            date = f", {_readable_when(str(row['meeting_date']))}" if row["meeting_date"] else ""
            made = _readable_when(str(row["updated"]))
            line = StyledText(f"{who}: {kind}{date}")
            extra = []
            for key, noun in (("notes", "note"), ("answered", "answered"), ("letters", "letter")):
                count = int(str(row.get(key, 0)))
                if count:
                    extra.append(
                        f"{count} {noun}{'s' if count != 1 and noun != 'answered' else ''}"
                    )
            line.append(
                "\nsaved " + made + (" · " + ", ".join(extra) if extra else ""), style=self._dim()
            )
            self.hanging(f"{row['number']:>3}  ", line, indent=5)
        self.emit()
        self.paragraph(
            f"Open one with: iepprep plan --from NUMBER. Saved in {folder}.", style="dim"
        )

    def notes(self, notes: Sequence[Note]) -> None:
        if not notes:
            self.emit(StyledText('No notes yet. Add one: iepprep notes add "what was said"'))
            return
        for note in notes:
            stamp = f"{note.at:%a %b} {note.at.day}, {note.at:%H:%M}"
            self.hanging(f"{stamp}  ", StyledText(one_line(note.text)))

    def review(self, review: Review) -> None:
        plan = review.plan
        self.plan_header(plan)
        self.checklist_phase(plan, Phase.AFTER)
        self.heading("Questions still open")
        open_questions = review.open_questions
        if open_questions:
            for question in open_questions:  # most important first, with the plan's numbers
                self.hanging(f"{question.number:>3}. ", StyledText(one_line(question.text)))
            self.emit(
                StyledText(
                    'Got an answer later? iepprep questions done NUMBER --answer "..."',
                    style=self._dim(),
                )
            )
        else:
            self.emit(StyledText("None: every question in your plan has an answer."))
        self.heading("Your notes")
        self.notes(review.notes)
        self.heading("Before you sign")
        for check in review.checks:
            body = StyledText(one_line(check.text), style="" if self.plain else "bold")
            body.append("\n" + one_line(check.why))
            if check.citation:
                body.append("\n" + check.citation, style=self._dim())
            self.hanging(self.box, body)
        self.footer()
