"""Meeting-day state: which questions are answered, what was noted, in what order.

The state is rebuilt from the journal every time, so `iepprep meeting` resumes
exactly where it stopped, and the non-interactive commands (`notes add`,
`questions done`) and the live mode always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from iepprep.core.content.models import Phase, Tip
from iepprep.core.i18n.messages import _, ngettext
from iepprep.core.planning.plan import Plan, PlanQuestion
from iepprep.core.storage.journal import MAX_TEXT, Event, Journal
from iepprep.errors import InputError, NotFoundError


@dataclass(frozen=True)
class Note:
    at: dt.datetime
    text: str

    def json_data(self) -> dict[str, str]:
        """The note as `notes list --format json` gives it."""
        return {"at": self.at.isoformat(), "text": self.text}


@dataclass(frozen=True)
class Answer:
    question: PlanQuestion
    at: dt.datetime
    text: str


class MeetingRecord:
    """What the journal says about one plan's questions and notes."""

    def __init__(self, questions: Sequence[PlanQuestion], journal: Journal) -> None:
        # Live mode asks the most important questions first, then in topic order.
        self.questions = sorted(questions, key=lambda q: q.priority)
        self.journal = journal
        self.refresh()

    def refresh(self) -> None:
        """Read the journal again (another command may have added to it meanwhile)."""
        self.notes: list[Note] = []
        self._note_ends: list[int] = []
        self.answers: dict[str, Answer] = {}
        self.skipped: set[str] = set()
        self.letters: list[Event] = []
        self.started: dt.datetime | None = None
        by_id = {q.id: q for q in self.questions}
        for end, event in self.journal.events_with_ends():
            if event.kind == "note":
                self.notes.append(Note(event.at, event.text))
                self._note_ends.append(end)
            elif event.kind == "answered" and event.question in by_id:
                self.answers[event.question] = Answer(by_id[event.question], event.at, event.text)
                self.skipped.discard(event.question)
            elif event.kind == "skipped" and event.question in by_id:
                self.skipped.add(event.question)
            elif event.kind == "reopened" and event.question:
                self.answers.pop(event.question, None)
                self.skipped.discard(event.question)
            elif event.kind == "letter":
                self.letters.append(event)
            elif event.kind == "meeting" and self.started is None:
                self.started = event.at

    # -- reading

    @property
    def open_questions(self) -> list[PlanQuestion]:
        """Not answered yet (skipped ones count as open), most important first."""
        return [q for q in self.questions if q.id not in self.answers]

    def next_question(self) -> PlanQuestion | None:
        """The next question to put on screen: not answered, not skipped this meeting."""
        for question in self.questions:
            if question.id not in self.answers and question.id not in self.skipped:
                return question
        return None

    def find(self, question_id: str) -> PlanQuestion:
        """A question by its number in the plan ("7") or its id ("goals-every-need")."""
        wanted = question_id.strip().lower()
        if wanted.isascii() and wanted.isdigit():
            number = int(wanted) if len(wanted) <= 6 else -1
            for question in self.questions:
                if question.number == number:
                    return question
            raise NotFoundError(
                _("Your plan has no question number {number}.").format(number=number),
                hint=_(
                    "Its questions are numbered 1 to {last}: see them with iepprep questions"
                ).format(last=len(self.questions)),
            )
        for question in self.questions:
            if question.id == wanted:
                return question
        from difflib import get_close_matches

        close = get_close_matches(wanted, [q.id for q in self.questions], n=3, cutoff=0.5)
        raise NotFoundError(
            _("Your plan has no question with the id {id}.").format(id=repr(question_id)),
            hint=_("Did you mean: {ids}?").format(ids=", ".join(close))
            if close
            else _("See the ids with: iepprep questions --format json"),
        )

    # -- writing (each call is on disk before it returns)

    def add_note(self, text: str, *, now: dt.datetime) -> int:
        """Save a note; returns its number among the plan's notes (counting notes other
        commands saved at the same moment)."""
        clean = _checked(text, _("note"))
        end = self.journal.append(Event("note", now, text=clean))
        self.refresh()
        return sum(1 for note_end in self._note_ends if note_end <= end)

    def add_long_note(self, text: str, *, now: dt.datetime) -> int:
        """Save a note of any length, in parts of at most MAX_TEXT characters (live
        mode: a long paste is kept, never refused). Returns how many parts."""
        parts = split_text(text.strip())
        for n, part in enumerate(parts, 1):
            label = _("(part {n} of {parts})").format(n=n, parts=len(parts)) + " "
            label = label if len(parts) > 1 else ""
            self.add_note(label + part, now=now)
        return len(parts)

    def answer(self, question_id: str, text: str, *, now: dt.datetime) -> Answer:
        question = self.find(question_id)
        clean = text.strip()
        if len(clean) > MAX_TEXT:
            raise _too_long(clean, _("answer"), _("Add the rest as a note: iepprep notes add ..."))
        self.journal.append(Event("answered", now, text=clean, question=question.id))
        answer = Answer(question, now, clean)
        self.answers[question.id] = answer
        self.skipped.discard(question.id)
        return answer

    def skip(self, question_id: str, *, now: dt.datetime) -> None:
        question = self.find(question_id)
        self.journal.append(Event("skipped", now, question=question.id))
        self.skipped.add(question.id)

    def mark_started(self, *, now: dt.datetime) -> None:
        if self.started is None:
            self.journal.append(Event("meeting", now, text="started"))
            self.started = now

    def record_letter(self, kind: str, *, now: dt.datetime, text: str, path: str | None) -> None:
        """Keep a drafted letter with the plan (once: the same draft again is not repeated)."""
        same = [e for e in self.letters if e.extra.get("letter") == kind]
        if same and same[-1].text == text:
            return
        self.journal.append(
            Event("letter", now, text=text, extra={"letter": kind, "path": path or ""})
        )


def _checked(text: str, what: str) -> str:
    clean = text.strip()
    if not clean:
        raise InputError(_("The {what} is empty; nothing was saved.").format(what=what))
    if len(clean) > MAX_TEXT:
        raise _too_long(clean, what, _("Split it into shorter notes."))
    return clean


def _too_long(text: str, what: str, hint: str) -> InputError:
    """The one rule for long text: never cut short. A command refuses it (the text is
    still in the command line); live mode keeps it as notes in parts."""
    return InputError(
        _(
            "The {what} is {length} characters long; the limit is {limit}, so nothing was saved."
        ).format(what=what, length=len(text), limit=MAX_TEXT),
        hint=hint,
    )


def split_text(text: str, size: int = MAX_TEXT - 20) -> list[str]:
    """`text` in parts of at most `size` characters, cut at a space where there is one."""
    parts = []
    while len(text) > size:
        cut = text.rfind(" ", size // 2, size)
        cut = cut if cut > 0 else size
        parts.append(text[:cut].strip())
        text = text[cut:].strip()
    return [*parts, text] if text else parts


class StoppedWhileTyping(KeyboardInterrupt):
    """Ctrl-C at a text prompt, with what was typed so far (live mode saves it)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class MeetingPrompter(Protocol):
    """The questions live mode asks; KeyboardInterrupt or EOFError ends the meeting
    (StoppedWhileTyping carries the unfinished text, which is saved first)."""

    def choose(
        self, title: str, question: PlanQuestion | None, actions: list[tuple[str, str]]
    ) -> str: ...

    def text(self, message: str) -> str: ...

    def show(self, lines: Sequence[str]) -> None: ...


# Tips worth having at hand in any meeting; live mode's reminders start with these.
REMINDER_TIPS = (
    "ask-when-confused",
    "take-a-break",
    "take-it-home-before-signing",
    "dont-let-them-rush",
    "you-can-say-no",
    "take-notes",
)


def reminder_tips(plan: Plan, tips: Mapping[str, Tip]) -> list[Tip]:
    """The tips live mode shows as reminders: the standing ones, then the plan's own
    tips for the meeting itself, each once (a tip the library lacks is left out)."""
    ids = list(REMINDER_TIPS) + [
        item.id for item in plan.phase(Phase.DURING) if item.id not in REMINDER_TIPS
    ]
    return [tips[tip_id] for tip_id in ids if tip_id in tips]


ANSWERED, SKIP, NOTE, REMINDERS, FINISH = "answered", "skip", "note", "reminders", "finish"


def run_meeting(
    record: MeetingRecord,
    prompter: MeetingPrompter,
    *,
    reminders: Sequence[str],
    clock: Callable[[], dt.datetime],
) -> None:
    """The live loop: one question at a time until every question is done or Finish."""
    record.mark_started(now=clock())
    while True:
        record.refresh()  # notes added by another command count too
        question = record.next_question()
        done = len(record.answers)
        notes = (
            _("1 note")
            if len(record.notes) == 1
            else _("{count} notes").format(count=len(record.notes))
        )
        answered = _("{done} of {total} answered").format(done=done, total=len(record.questions))
        title = f"{_time_in(record.started, clock())} · {answered} · {notes}"
        actions: list[tuple[str, str]] = []
        if question is not None:
            actions += [
                (ANSWERED, _("Answered: type the short answer")),
                (SKIP, _("Skip this one for now")),
            ]
        actions += [
            (NOTE, _("Add a note")),
            (REMINDERS, _("Show the reminders for the meeting")),
            (FINISH, _("Finish (everything is already saved)")),
        ]
        choice = prompter.choose(title, question, actions)
        if choice == ANSWERED and question is not None:
            text = _typed(
                prompter, _("The answer, in a few words (Enter for none):"), record, clock
            )
            if len(text.strip()) > MAX_TEXT:
                note = _("Answer to question {number}: {text}").format(
                    number=question.number, text=text
                )
                parts = record.add_long_note(note, now=clock())
                prompter.show([_kept_as_notes(parts, answer=True)])
            else:
                record.answer(question.id, text, now=clock())
        elif choice == SKIP and question is not None:
            record.skip(question.id, now=clock())
        elif choice == NOTE:
            text = _typed(prompter, _("Your note:"), record, clock)
            if text.strip():
                parts = record.add_long_note(text, now=clock())
                if parts > 1:
                    prompter.show([_kept_as_notes(parts, answer=False)])
        elif choice == REMINDERS:
            prompter.show(reminders)
        elif choice == FINISH:
            return


def _typed(
    prompter: MeetingPrompter, message: str, record: MeetingRecord, clock: Callable[[], dt.datetime]
) -> str:
    """What the parent typed; stopped halfway (Ctrl-C), the unfinished text is saved
    as a note before the meeting ends, so nothing typed is lost."""
    try:
        return prompter.text(message)
    except StoppedWhileTyping as stop:
        if stop.text.strip():
            record.add_long_note(_("(unfinished) {text}").format(text=stop.text), now=clock())
        raise


def _kept_as_notes(parts: int, *, answer: bool) -> str:
    kept = ngettext("a note", "{n} notes", parts).format(n=parts)
    if answer:
        return _(
            "That answer was longer than {limit} characters, so it was kept as {kept}. The "
            "question is still open: answer it in a few words, or skip it."
        ).format(limit=MAX_TEXT, kept=kept)
    return _("That note was longer than {limit} characters, so it was kept as {kept}.").format(
        limit=MAX_TEXT, kept=kept
    )


def _time_in(started: dt.datetime | None, now: dt.datetime) -> str:
    """How long the meeting has gone on; a meeting picked up another day says when
    it started instead ("started Tue Dec 1" rather than "1,440 min in")."""
    if started is None:
        return _("{minutes} min in").format(minutes=0)
    minutes = int((now - started).total_seconds() // 60)
    if minutes < 0 or started.date() != now.date():
        from iepprep.core.i18n.dates import short_moment

        return _("started {when}").format(when=short_moment(started))
    if minutes < 90:
        return _("{minutes} min in").format(minutes=minutes)
    return _("{hours} h {minutes} min in").format(
        hours=minutes // 60, minutes=f"{minutes % 60:02d}"
    )
