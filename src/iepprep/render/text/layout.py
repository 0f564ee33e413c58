"""The building blocks of a text screen: lines, headings, hanging indents, rules.

Every screen is built from Rich `Text` objects (never parsed as markup), wrapped at
words by Rich to the console's width, and handed back as one `Screen` that the
command prints in a single call. In the plain layout (--plain, NO_COLOR, TERM=dumb)
nothing is styled, checkboxes read "To do:", and no rule or box is drawn, so a
screen reader hears words only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.rule import Rule
from rich.style import Style
from rich.text import Text

from iepprep.core.common.safety import clean, one_line
from iepprep.render.base import Screen, TextOptions

if TYPE_CHECKING:
    from rich.console import Console

MIN_BODY = 20  # a hanging indent never leaves less than this for the words


def styled(value: str, style: str = "") -> Text:
    """`value` in `style`, as a span: text appended later does not take the style
    (a `Text`'s own style would cover everything appended to it)."""
    text = Text()
    text.append(value, style=style or None)
    return text


class Layout:
    """Collects the lines of one screen; `screen()` hands them over to be printed."""

    def __init__(self, options: TextOptions) -> None:
        self.options = options
        self.console: Console = options.console  # type: ignore[assignment]
        self.width = max(options.width, MIN_BODY)
        self.plain = options.plain
        # For screen readers: checkbox states as words, and semicolons, not symbols.
        if self.plain:
            from iepprep.core.i18n.messages import _

            self.box = _("To do:") + " "
        elif options.on_terminal and options.unicode:
            self.box = "\u2610 "  # ☐
        else:
            self.box = "[ ] "  # a file or a pipe: boxes to tick on paper, in any font
        self.sep = "; " if self.plain else (" \u00b7 " if options.unicode else " - ")
        self._items: list[object] = []
        self._lines: list[Text] = []

    # -- styles and text

    def style(self, name: str) -> str:
        """The style `name`, or none at all in the plain layout."""
        return "" if self.plain else name

    def text(self, value: str, style: str = "") -> Text:
        """User or tip text, cleaned of control characters, on one line."""
        return styled(one_line(value), self.style(style))

    def link(self, text: Text, url: str) -> Text:
        """`text` as a terminal hyperlink to `url`, where the terminal shows links."""
        if self.options.links and url.startswith(("https://", "http://")):
            text.stylize(Style(link=clean(url)))
        return text

    def linked(self, value: str, url: str, style: str = "") -> Text:
        """`value` with every occurrence of `url` in it made a hyperlink."""
        text = styled(clean(value), self.style(style))
        if self.options.links:
            start = value.find(url)
            if start >= 0:
                text.stylize(Style(link=url), start, start + len(url))
        return text

    # -- lines

    def line(self, value: Text | str = "", *, whole: bool = False) -> None:
        """One line; wider than the console, it wraps at words, and a word wider
        than a line (a link, a path) stays whole so it can be copied. `whole` keeps
        it as it is (a letter's paragraph, for pasting)."""
        text = Text(value) if isinstance(value, str) else value
        longest = max((Text(word).cell_len for word in text.plain.split()), default=0)
        if whole or text.cell_len <= self.width or longest > self.width:
            self._lines.append(text)  # fits, or holds a word no line could hold
        else:
            for part in text.wrap(self.console, self.width, overflow="fold"):
                part.rstrip()
                self._lines.append(part)

    def blank(self) -> None:
        self.line()

    def hanging(self, prefix: Text | str, body: Text, *, indent: int | None = None) -> None:
        """`prefix` then `body`, its wrapped lines lined up under its start."""
        head = Text(prefix) if isinstance(prefix, str) else prefix
        indent = max(indent or 0, head.cell_len)
        width = max(self.width - indent, MIN_BODY)
        if head.cell_len < indent:
            head = head + " " * (indent - head.cell_len)
        for number, part in enumerate(self._wrapped(body, width)):
            line = Text()
            line.append(head if number == 0 else " " * indent)
            line.append(part)  # its styles stay its own: the prefix's do not spread
            line.rstrip()
            self._lines.append(line)

    def _wrapped(self, body: Text, width: int) -> list[Text]:
        """`body`'s lines, wrapped at words to `width`; a line that fits is taken as
        it is (most do: wrapping every one is most of a screen's layout time)."""
        lines: list[Text] = []
        for part in body.split("\n", allow_blank=True):
            if part.cell_len <= width:
                lines.append(part)
            else:
                lines.extend(part.wrap(self.console, width, overflow="fold"))
        return lines

    def paragraph(self, value: str, style: str = "") -> None:
        self.hanging("", styled(clean(value), self.style(style)))

    def heading(self, title: str, style: str = "heading") -> None:
        """A section heading: coloured, with a rule to the right; in the plain layout
        the words only, in capitals (a screen reader reads them as a heading)."""
        self.blank()
        if self.plain:
            self.line(title.upper())
            return
        self._flush_lines()
        self._items.append(Rule(Text(title.upper(), style=style), align="left", style="rule.line"))

    def facts(self, rows: list[tuple[str, str]]) -> None:
        """Label: value pairs, the values lined up; on a narrow console each label
        sits on its own line above its value."""
        if not rows:
            return
        label_width = max(len(name) for name, _ in rows) + 4
        narrow = self.width < 60
        for name, value in rows:
            label = styled(f"  {name}:", self.style("fact.label"))
            if narrow:
                self.line(label)
                self.hanging("    ", Text(clean(value)))
            else:
                self.hanging(label, Text(clean(value)), indent=label_width)

    def legal(self, value: str) -> None:
        """The not-legal-advice line: quiet, after a blank line, its link clickable."""
        from iepprep.render.wording import PARENT_CENTER_URL

        self.blank()
        self.hanging("", self.linked(value, PARENT_CENTER_URL, "legal"))

    # -- handing over

    def _flush_lines(self) -> None:
        if self._lines:
            self._items.append(Text("\n").join(self._lines))
            self._lines = []

    def screen(self) -> Screen:
        self._flush_lines()
        items, self._items = self._items, []
        return Screen(items)
