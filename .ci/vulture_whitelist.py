"""Names vulture cannot see being used (read by `vulture`, never imported).

Each is used by a framework or by the tests, not by a call vulture can follow.
"""

from iepprep.cli import help_text
from iepprep.cli.app import Paper
from iepprep.cli.meeting_day import LetterKind, LetterLanguage
from iepprep.core.content.library import Library
from iepprep.core.content.models import Tip
from iepprep.core.deadlines.counting import DeadlineReport
from iepprep.core.deadlines.rules import Counting
from iepprep.core.draft.saved import saved_findings
from iepprep.core.planning.plan import Plan
from iepprep.render import wording

_ = (
    Paper.A4,  # a typer choice (--paper a4)
    LetterKind.RECORDS_REQUEST,  # typer choices: `iepprep letter KIND`
    LetterKind.PARENT_CONCERNS,
    LetterKind.MEETING_REQUEST,
    LetterKind.RECAP,
    LetterKind.DISAGREEMENT,
    LetterLanguage.EN,  # typer choices: --letter-lang en|es|both
    LetterLanguage.ES,
    Library.added_files,  # which --tips files a library holds (tests/test_loading_errors.py)
    Tip.asks,  # parents' questions a tip answers: searched by the search issue's work
    Plan.meeting_passed,  # tests/test_planner.py
    Counting.CALENDAR,  # a value read from deadlines.yaml
    DeadlineReport.next_after,  # the plan's header shows the next deadline
    wording.__getattr__,  # wording.NOT_LEGAL_ADVICE & co. in the run's language (PEP 562)
    saved_findings,  # review and questions show a saved draft check
    help_text.SUMMARIES,  # read by pybabel extract (the catalog) and tests/test_i18n_screens.py
    help_text.PANELS,
)
