"""Asking questions in a real terminal, with questionary.

This is the only module that imports questionary (lazily, so commands that do not
prompt start fast). Tests drive it with prompt_toolkit's pipe input; whole flows are
tested with a scripted prompter instead.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from iepprep.core.i18n.messages import _
from iepprep.core.planning.questionnaire import Ask, check, understood
from iepprep.errors import NeedsTerminalError


def require_terminal(command: str = "plan") -> None:
    """Refuse to prompt when nobody can answer (a pipe, a script, CI)."""
    stdin = sys.stdin
    if stdin is not None and stdin.isatty():
        return
    if command == "meeting":
        raise NeedsTerminalError(
            _("iepprep meeting is live mode and needs a terminal to type in."),
            hint=_(
                'Without one, add notes with: iepprep notes add "..." and mark questions '
                'answered with: iepprep questions done NUMBER --answer "..."'
            ),
        )
    raise NeedsTerminalError(
        _("iepprep plan asks questions, but there is no terminal to answer them in."),
        hint=_(
            "Give the answers in a file instead: iepprep plan --answers answers.yaml "
            "(see the README for the keys), or try iepprep plan --example."
        ),
    )


def _screen_output() -> dict[str, Any]:
    """Where prompts go: the screen, even when standard output is sent to a file
    (`iepprep plan > plan.txt` keeps the questions on screen and the plan in the file)."""
    stdout = sys.stdout
    if stdout is not None and _isatty(stdout):
        return {}
    from prompt_toolkit.output import create_output

    for stream in (sys.stderr,):
        if stream is not None and _isatty(stream):
            return {"output": create_output(stdout=stream)}
    try:
        tty = Path("/dev/tty").open("w", encoding="utf-8")  # noqa: SIM115 (kept for the run)
    except OSError:
        return {}
    return {"output": create_output(stdout=tty)}


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _width() -> int:
    """The columns a line may use: one less than the window's, so the cursor never
    wraps a full line (a 45-column window, an 80-column one)."""
    import shutil

    return max(shutil.get_terminal_size((80, 24)).columns - 1, 20)


def question_text(question: str, why: str | None, *, menu: bool) -> str:
    """A question as questionary shows it after its "? ", wrapped at words to the
    window (the terminal would cut a line of a multi-line question, or wrap it
    mid-word). The reason goes on its own line; a menu's instruction ("arrow keys,
    then Enter") too, so it never runs past the edge."""
    import textwrap

    width = _width()
    # "? " comes before the first line: wrap as if indented, then drop the indent.
    lines = textwrap.wrap(question, width, initial_indent="  ", subsequent_indent="  ")
    lines[0] = lines[0][2:]
    if why:
        lines += textwrap.wrap(f"({why})", width, initial_indent="  ", subsequent_indent="   ")
    text = "\n".join(lines)
    return f"{text}\n " if why or menu else text


def choice_title(title: str, *, pointer: int) -> str:
    """A menu choice wrapped at words to the window; later lines are indented under
    the first (`pointer`: the columns before the title, " » " or " » ○ ")."""
    import textwrap

    lines = textwrap.wrap(title, max(_width() - pointer, 10), subsequent_indent="  ")
    return ("\n" + " " * pointer).join(lines) or title


@contextmanager
def _answer_line_in_language() -> Iterator[None]:
    """questionary writes a finished checkbox's answer line in English ("done (2
    selections)"); while one is built, its layout gets that line in this run's language."""
    from questionary.prompts import common

    build = common.create_inquirer_layout

    def in_language(control: Any, get_prompt_tokens: Any, **kwargs: Any) -> Any:
        return build(control, lambda: _answer_words(get_prompt_tokens()), **kwargs)

    setattr(common, "create_inquirer_layout", in_language)  # noqa: B010 (typed differently)
    try:
        yield
    finally:
        common.create_inquirer_layout = build


def _answer_words(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    import re

    def words(text: str) -> str:
        if text == "done":
            return _("done")
        if match := re.fullmatch(r"done \((\d+) selections\)", text):
            return _("done ({count} picked)").format(count=match.group(1))
        return text

    return [(style, words(text) if style == "class:answer" else text) for style, text in tokens]


class QuestionaryPrompter:
    """Asks with questionary widgets; Enter accepts the default (skips)."""

    def __init__(self, **prompt_kwargs: Any) -> None:
        # input/output overrides, used by tests with prompt_toolkit pipe input
        self._kwargs = prompt_kwargs or _screen_output()

    def ask(self, ask: Ask, *, default: Any, today: dt.date) -> Any:
        import questionary

        style = questionary.Style([("instruction", "italic"), ("qmark", "bold")])
        message = question_text(ask.ask, ask.why, menu=ask.kind in ("select", "multiselect"))
        if ask.kind == "select":
            choices = [
                questionary.Choice(choice_title(title, pointer=3), value=value)
                for title, value in ask.choices()
            ]
            return questionary.select(
                message,
                choices=choices,
                default=default,
                style=style,
                instruction=_("(arrow keys, then Enter)"),
                **self._kwargs,
            ).unsafe_ask()
        if ask.kind == "multiselect":
            picked = set(default or [])
            choices = [
                questionary.Choice(
                    choice_title(title, pointer=5), value=value, checked=value in picked
                )
                for title, value in ask.choices()
            ]
            with _answer_line_in_language():
                question = questionary.checkbox(
                    message,
                    choices=choices,
                    style=style,
                    instruction=_("(Space to pick, Enter when done)"),
                    **self._kwargs,
                )
            picks = question.unsafe_ask()
            if picks is not None:  # the same echo for one pick or many
                self._echo(understood(ask, picks, today=today))
            return picks
        if ask.kind == "confirm":
            return self._yes_no(message, default=bool(default))
        shown_default = "" if default is None else str(default)
        typed = shown_default
        while True:
            # Checked after Enter, not as a validator: prompt_toolkit shows a validator's
            # message at the bottom of the window, far from the question; here the
            # reason goes right under the answer, and the question comes back with
            # what was typed, to correct.
            answer = questionary.text(message, default=typed, style=style, **self._kwargs)
            answer = answer.unsafe_ask()
            problem = check(ask, answer, today=today, default=shown_default)
            if problem is not None:
                self._say(problem, mark="  ! ", style="bold")
                typed = answer
                continue
            if ask.kind == "date" and answer and not self._next_year_meant(answer, today):
                continue  # "Nov 20" typed after Nov 20, and not next year's: ask again
            if ask.kind == "date" and answer and not self._weekend_meant(answer, today):
                continue  # "in 2 weeks" landed on a Saturday, and that is not the day
            # "next Tuesday", "español", "3:30pm": show what was understood.
            self._echo(understood(ask, answer, today=today))
            return answer

    def _next_year_meant(self, answer: str, today: dt.date) -> bool:
        from iepprep.core.common.dates import passed_this_year
        from iepprep.core.i18n.dates import MONTHS, long_date
        from iepprep.core.i18n.language import current

        day = passed_this_year(answer, today=today)
        if day is None:
            return True
        month_day = (
            f"{day.day} de {MONTHS[day.month - 1]}" if current() == "es" else f"{day:%B} {day.day}"
        )
        question = _("{month_day} has passed this year. Do you mean {date}?")
        return self.confirm(question.format(month_day=month_day, date=long_date(day)), default=True)

    def _weekend_meant(self, answer: str, today: dt.date) -> bool:
        """A meeting on a Saturday or Sunday is rare, and the date goes in every letter:
        a weekend day is confirmed before it is taken."""
        from iepprep.core.i18n.dates import long_date_without_weekday, parse_date, weekday_name

        try:
            day = parse_date(answer, today=today)
        except ValueError:
            return True
        if day.weekday() < 5:
            return True
        question = _("That is a {weekday} ({date}). Is that right?")
        return self.confirm(
            question.format(weekday=weekday_name(day), date=long_date_without_weekday(day)),
            default=False,
        )

    def _echo(self, text: str | None) -> None:
        if text:
            self._say(text, mark="  = ", style="italic")

    def _say(self, text: str, *, mark: str, style: str) -> None:
        """A line under the answer (what it was read as, or why it was not taken),
        wrapped to the window and indented under its mark."""
        import textwrap

        import questionary

        lines = textwrap.wrap(
            text, _width(), initial_indent=mark, subsequent_indent=" " * len(mark)
        )
        questionary.print("\n".join(lines), style=style, **self._output())

    def language(self, *, default: str) -> str:
        """The first question: the language to go on in, asked in both: "en", "es",
        or "other" (English screens; the questionnaire asks which language)."""
        import questionary

        style = questionary.Style([("qmark", "bold")])
        choices = [
            questionary.Choice("English", value="en"),
            questionary.Choice("Español", value="es"),
            # Asked next, in English: which one (so the plan can add an interpreter).
            questionary.Choice("Another language / Otro idioma", value="other"),
        ]
        answer = questionary.select(
            question_text("Which language? / ¿En qué idioma?", None, menu=True),
            choices=choices,
            default=default if default in ("en", "es") else "en",
            style=style,
            instruction="(arrow keys, then Enter / flechas y Enter)",
            **self._kwargs,
        ).unsafe_ask()
        return str(answer or default)

    def confirm(self, message: str, *, default: bool) -> bool:
        """A yes/no question outside the questionnaire (y/s or n, in either language; Enter for the default)."""
        return self._yes_no(question_text(message, None, menu=False), default=default)

    def _yes_no(self, message: str, *, default: bool) -> bool:
        """A yes or a no typed in either language ("s", "sí", "y", "no"), then Enter;
        anything else is asked again, never taken as No."""
        import questionary

        from iepprep.core.i18n.yesno import read_yes_no, yes_no_keys, yes_no_problem, yes_no_word

        style = questionary.Style([("instruction", "italic"), ("qmark", "bold")])
        while True:
            typed = questionary.text(
                message, instruction=yes_no_keys(default=default), style=style, **self._kwargs
            ).unsafe_ask()
            answer = read_yes_no(typed, default=default)
            if answer is None:
                self._say(yes_no_problem(typed, default=default), mark="  ! ", style="bold")
                continue
            self._echo(yes_no_word(answer))
            return answer

    def _output(self) -> dict[str, Any]:
        return {"output": self._kwargs["output"]} if "output" in self._kwargs else {}


class QuestionaryMeetingPrompter:
    """Live meeting mode on a terminal: one question at a time, arrow keys and Enter."""

    def __init__(self, **prompt_kwargs: Any) -> None:
        self._kwargs = prompt_kwargs or _screen_output()

    def choose(self, title: str, question: Any, actions: list[tuple[str, str]]) -> str:
        import questionary

        from iepprep.core.common.safety import one_line

        if question is not None:
            import shutil
            import textwrap

            width = max(shutil.get_terminal_size((80, 24)).columns - 4, 30)
            # The number is the one on the printed plan, to find it on paper too.
            number = f"{question.number}. " if question.number else ""
            wrapped = textwrap.fill(
                number + one_line(question.text),
                width,
                initial_indent="  ",
                subsequent_indent="  " + " " * len(number),
            )
            message = f"{title}\n\n  {one_line(question.topic_title)}\n{wrapped}\n"
        else:
            done = _("Every question is answered or skipped.")
            message = f"{title}\n\n  {done}\n"
        choices = [questionary.Choice(label, value=value) for value, label in actions]
        answer = questionary.select(
            message, choices=choices, instruction=" ", **self._kwargs
        ).unsafe_ask()
        return str(answer)

    def text(self, message: str) -> str:
        """The text typed; Ctrl-C raises StoppedWhileTyping with what was typed so far."""
        import questionary
        from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

        from iepprep.core.meeting.live import StoppedWhileTyping

        question = questionary.text(message, **self._kwargs)
        stop = KeyBindings()

        def keep_what_was_typed(event: Any) -> None:
            event.app.exit(exception=StoppedWhileTyping(event.app.current_buffer.text))

        stop.add("c-c", eager=True)(keep_what_was_typed)

        app = question.application
        app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), stop])
        return str(question.unsafe_ask() or "")

    def show(self, lines: Any) -> None:
        import shutil
        import textwrap

        import questionary

        width = max(shutil.get_terminal_size((80, 24)).columns - 2, 30)
        extra = {"output": self._kwargs["output"]} if "output" in self._kwargs else {}
        for line in lines:
            wrapped = textwrap.fill(line, width, subsequent_indent="    ") if line else ""
            questionary.print(wrapped, **extra)
