"""Planning periods: one month, any date range, or a whole year (DESIGN §5 `--month`, `--from/--to`).

A period also decides which *lower* bounds of the count rules apply. A lower bound is a
promise about a whole unit of time, so it is enforced only when that unit lies in the period:

- standing meetings per month (Art. 42): the month lies wholly inside the period;
- plenary meetings per year (Art. 41): the period covers the whole calendar year;
- a study session per window (Art. 50): windows are aligned to the calendar year
  (Jan-Feb, Mar-Apr, ... for ``study_every_months: 2``); a window is enforced when its last
  month lies wholly inside the period, so planning June alone still asks for a session in
  May-June unless `history` records one.

Upper bounds always hold, counting the scenario's `history`. The checker and the model both
read these helpers, so they agree on what is required.
"""

from __future__ import annotations

import calendar as _calendar
import re
from dataclasses import dataclass
from datetime import date

from scheduler.domain import Scenario
from scheduler.errors import InputError, Problem

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive range of dates to plan."""

    start: date
    end: date

    def months(self) -> list[tuple[int, int]]:
        """The (year, month) pairs the period touches, in order."""
        found: list[tuple[int, int]] = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            found.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found

    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def covers_month(self, year: int, month: int) -> bool:
        first, last = month_bounds(year, month)
        return self.start <= first and last <= self.end

    def covers_year(self, year: int) -> bool:
        return self.start <= date(year, 1, 1) and date(year, 12, 31) <= self.end

    def label(self) -> str:
        return f"{self.start.isoformat()} .. {self.end.isoformat()}"


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, _calendar.monthrange(year, month)[1])


def month_period(text: str, file: str = "--month") -> Period:
    """``"2024-05"`` -> the period of May 2024; a malformed month raises `InputError`."""
    match = _MONTH.match(text.strip()) if isinstance(text, str) else None
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise InputError([Problem(file, "", "period.bad_month", {"value": text})])
    first, last = month_bounds(int(match.group(1)), int(match.group(2)))
    return Period(first, last)


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31))


def parse_period(month: str | None = None, start: date | None = None, end: date | None = None, *,
                 scenario: Scenario | None = None) -> Period:
    """The period a command asked for; by default the scenario's first month with pending work.

    Raises `InputError` for a malformed month, a reversed or half-given range, or dates the
    calendar has no data for (DESIGN §1: never a silent guess).
    """
    if month is not None and (start is not None or end is not None):
        raise InputError([Problem("--month", "", "period.both")])
    if month is not None:
        period = month_period(month)
    elif start is not None or end is not None:
        if start is None or end is None:
            raise InputError([Problem("--from" if start is None else "--to", "", "period.half_open")])
        if start > end:
            raise InputError([Problem("--from", "", "period.reversed", {"start": start, "end": end})])
        period = Period(start, end)
    else:
        if scenario is None:
            raise InputError([Problem("--month", "", "period.no_pending")])
        period = first_pending_month(scenario)
    if scenario is not None:
        check_calendar_covers(scenario, period, "--month" if month is not None else None)
    return period


def first_pending_month(scenario: Scenario) -> Period:
    """The first month holding an undecided agenda item's submission or a meeting request's window."""
    decided = scenario.decided_items
    days = [i.submitted for i in scenario.agenda if i.id not in decided]
    days += [r.earliest for r in scenario.meeting_requests]
    if not days:
        raise InputError([Problem(scenario.source, "", "period.no_pending")])
    first = min(days)
    return month_period(f"{first.year:04d}-{first.month:02d}")


def check_calendar_covers(scenario: Scenario, period: Period, option: str | None = None) -> None:
    """Raise `InputError` when the scenario's calendar has no data for part of `period`, naming
    `option` (the command-line option the period came from) or else --from / --to."""
    from scheduler.calendar import CN_YEARS, FREE_YEARS

    known = CN_YEARS if scenario.calendar.region == "CN" else FREE_YEARS
    first, last = date(known.start, 1, 1), date(known.stop - 1, 12, 31)
    for day, flag in ((period.start, "--from"), (period.end, "--to")):
        if not first <= day <= last:
            raise InputError([Problem(option or flag, "", "period.outside_calendar",
                                      {"day": day.isoformat(), "first": first.isoformat(),
                                       "last": last.isoformat()})])


# ----- which counts each period requires ------------------------------------------------------


def history_count(scenario: Scenario, kind: str, first: date, last: date, unit: str | None = None) -> int:
    """Events of `kind` in `history` dated within [first, last] (and held by `unit` if given)."""
    return sum(1 for h in scenario.history
               if h.kind == kind and first <= h.date <= last and (unit is None or h.unit == unit))


def standing_bounds(scenario: Scenario, period: Period, year: int, month: int) -> tuple[int, int]:
    """(lower, upper) number of standing meetings to place in this month of the period (Art. 42)."""
    low, high = scenario.policy.standing_per_month
    held = history_count(scenario, "standing", *month_bounds(year, month))
    lower = max(0, low - held) if period.covers_month(year, month) else 0
    return lower, max(0, high - held)


def plenary_bounds(scenario: Scenario, period: Period, year: int, whole: Period | None = None) -> tuple[int, int]:
    """(lower, upper) number of plenary meetings to place in this year of the period (Art. 41).

    `whole` is the period the user asked for when `period` is one step of it: the lower bound
    applies when `whole` covers the year, in the step that reaches the year's end.
    """
    whole = whole or period
    low, high = scenario.policy.plenary_per_year
    held = history_count(scenario, "plenary", date(year, 1, 1), date(year, 12, 31))
    lower = max(0, low - held) if whole.covers_year(year) and period.end >= date(year, 12, 31) else 0
    return lower, max(0, high - held)


@dataclass(frozen=True, slots=True)
class StudyWindow:
    """One aligned window of `study_every_months` months (Art. 50)."""

    first: date
    last: date
    enforced: bool  # its last month lies wholly inside the period
    held: int       # study sessions already in history inside the window

    @property
    def key(self) -> str:
        return f"{self.first.year:04d}-{self.first.month:02d}"


def study_windows(scenario: Scenario, period: Period) -> list[StudyWindow]:
    """The Art. 50 windows the period touches; empty when `study_every_months` is 0 (switched off)."""
    every = scenario.policy.study_every_months
    if every <= 0:
        return []
    windows: dict[tuple[int, int], StudyWindow] = {}
    for year, month in period.months():
        start_month = ((month - 1) // every) * every + 1
        if (year, start_month) in windows:
            continue
        end_month = min(12, start_month + every - 1)
        first = month_bounds(year, start_month)[0]
        last = month_bounds(year, end_month)[1]
        windows[(year, start_month)] = StudyWindow(
            first, last, period.covers_month(year, end_month), history_count(scenario, "study", first, last))
    return list(windows.values())
