"""Dates typed the way parents write them (core/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from iepprep.core.common.dates import parse_date

FRIDAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2026-12-10", dt.date(2026, 12, 10)),
        ("12/10", dt.date(2026, 12, 10)),
        ("12/10/26", dt.date(2026, 12, 10)),
        ("Dec 10", dt.date(2026, 12, 10)),
        ("december 10th, 2026", dt.date(2026, 12, 10)),
        ("10 December", dt.date(2026, 12, 10)),
        ("10th dec 2026", dt.date(2026, 12, 10)),
        ("Thursday, Dec 10", dt.date(2026, 12, 10)),
        ("thu 12/10", dt.date(2026, 12, 10)),
        ("  Dec   10 ", dt.date(2026, 12, 10)),
        ("Jan 5", dt.date(2027, 1, 5)),  # already past this year: next year's
        ("today", FRIDAY),
        ("tomorrow", dt.date(2026, 11, 28)),
        ("Tuesday", dt.date(2026, 12, 1)),
        ("next Tuesday", dt.date(2026, 12, 1)),
        ("friday", dt.date(2026, 12, 4)),  # a weekday alone is never today
        ("in a week", dt.date(2026, 12, 4)),
        ("in 2 weeks", dt.date(2026, 12, 11)),
        ("in ten days", dt.date(2026, 12, 7)),
        ("in a fortnight", None),
        ("in 10 days", dt.date(2026, 12, 7)),
    ],
)
def test_dates_as_parents_type_them(typed: str, meant: dt.date | None) -> None:
    if meant is None:
        with pytest.raises(ValueError, match="like 12/10, Dec 10"):
            parse_date(typed, today=FRIDAY)
    else:
        assert parse_date(typed, today=FRIDAY) == meant


def test_a_weekday_that_does_not_fit_the_date_is_asked_about() -> None:
    with pytest.raises(ValueError) as refused:
        parse_date("Tuesday Dec 3", today=FRIDAY)
    assert str(refused.value) == (
        "December 3, 2026 is a Thursday, not a Tuesday: which did you mean?"
    )


@pytest.mark.parametrize("typed", ["next week", "soon", "13/45", "Feb 30", "someday 12/10"])
def test_what_is_not_a_date_gets_a_reason(typed: str) -> None:
    with pytest.raises(ValueError, match=r"like 12/10|no such date"):
        parse_date(typed, today=FRIDAY)


def test_a_spanish_numeric_date_is_never_guessed() -> None:
    """2/11/2026 is 2 November to many Spanish speakers and 11 February in the US: asked
    back, not read month-first (a deadline counted from the wrong month is worse)."""
    from iepprep.core.i18n.dates import spanish_parse_date

    today = dt.date(2026, 11, 28)
    with pytest.raises(ValueError, match="2 de noviembre o el 11 de febrero"):
        spanish_parse_date("02/11/2026", today=today, meeting=False)
    assert spanish_parse_date("13/11/2026", today=today, meeting=False) == dt.date(2026, 11, 13)
    assert spanish_parse_date("11/13/2026", today=today, meeting=False) == dt.date(2026, 11, 13)
    assert spanish_parse_date("5/5/2027", today=today) == dt.date(2027, 5, 5)
    with pytest.raises(ValueError, match="revise el año"):
        spanish_parse_date("12/12/2030", today=today)
