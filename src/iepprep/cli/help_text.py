"""`iepprep --help` in the language of the run: the command descriptions, the panels
they are listed under, the app's own description and its global options.

Typer builds the help from docstrings and `help=` strings, in English. When the run
speaks another language, the root command translates those texts in place, once, as it
reads its arguments (`translate_tree`), before any help is drawn; in English nothing is
touched. Typer's own words ("Usage", "Options", "Commands") stay in English.

A docstring cannot be marked for translation where it is written, so each command's
first paragraph (the line `--help` lists) is marked here; a test fails when a command's
description is missing from this list.
"""

from __future__ import annotations

from typing import Any

from iepprep.core.i18n.messages import N_, _

SUMMARIES = (
    N_("Answer a few questions and get a plan made for your family."),
    N_("Print the checklist: before, at and after the meeting."),
    N_("Print the questions to ask at the meeting, grouped by topic."),
    N_("Mark a question of your saved plan as answered, with a short answer."),
    N_("Search, list and read the tips."),
    N_("Find tips by keyword, best match first."),
    N_("List the tips, optionally by topic or phase."),
    N_("Show one tip in full, with where it comes from."),
    N_("Check the school's draft IEP before the meeting."),
    N_(
        "Check a draft IEP: goals you can measure, services with times and places, and "
        "what changed since last year. Nothing leaves this computer."
    ),
    N_("Live mode for the meeting itself: questions, notes, reminders."),
    N_("Notes from the meeting, kept with your saved plan."),
    N_("Add a note to your saved plan (saved at once)."),
    N_("Show the notes kept with your saved plan."),
    N_("After the meeting: next steps, open questions and your notes."),
    N_("Draft a letter or e-mail to the school, ready to edit."),
    N_("Count the deadlines the school must meet, from dates you know."),
    N_("Explain IEP words and acronyms in plain language."),
    N_("Your key rights under IDEA, each with where the law says it."),
    N_("List your saved plans: child, meeting and when each was made."),
    N_("Delete a saved plan, or everything (asks first)."),
)
# The panels --help lists the commands under (the phases are the plan's own headings).
PANELS = (
    N_("Before the meeting"),
    N_("At the meeting"),
    N_("After the meeting"),
    N_("Words and rights"),
    N_("Your saved plans"),
)


def language_flag(args: list[str]) -> str | None:
    """The value of `--lang` among the root's arguments (before `--`), if given."""
    end = args.index("--") if "--" in args else len(args)
    for index, arg in enumerate(args[:end]):
        if arg == "--lang" and index + 1 < end:
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def translate_tree(command: Any) -> None:
    """Translate the help of `command` and every command under it, in place."""
    if command.help:
        first, sep, rest = command.help.partition("\n\n")
        command.help = _(first) + sep + rest
    if isinstance(command.epilog, str):
        command.epilog = _(command.epilog)
    panel = getattr(command, "rich_help_panel", None)
    if isinstance(panel, str):
        command.rich_help_panel = _(panel)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = _(param.help)
    for child in getattr(command, "commands", {}).values():
        translate_tree(child)
