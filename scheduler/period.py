"""Planning periods: one month, any date range, or a whole year (`--month`, `--from/--to`).

What a period asks of the count rules (a lower bound holds only for a month, year or Art. 50 window
wholly inside it) is the planner's reading (`scheduler.instance`) and the checker's own.
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

    Raises `InputError` for a malformed month, a reversed or half-given range, or dates beyond
    what the calendar can reach (never a silent guess).
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
        # A period the user never typed (the scenario's first pending month) is named by the scenario.
        chosen = "--month" if month is not None else None if start is not None else scenario.source
        check_period_fits(scenario, period, chosen)
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


def check_period_fits(scenario: Scenario, period: Period, option: str | None = None) -> None:
    """Every check a period the user chose must pass before planning, one place for every command
    that chooses one (plan, plan --ledger, replan): the calendar reaches it.

    A scenario describes a county, not a year: any period the calendar reaches plans, across
    31 December too. Raises `InputError` naming `option` (else --from / --to)."""
    check_calendar_covers(scenario, period, option)


def check_calendar_covers(scenario: Scenario, period: Period, option: str | None = None) -> None:
    """Raise `InputError` when the scenario's calendar cannot reach part of `period` (for CN, beyond
    the years the projection reaches), naming `option` (the command-line option or file the period
    came from) or else --from / --to."""
    from scheduler.calendar import CN_YEARS, FREE_YEARS

    known = CN_YEARS if scenario.calendar.region == "CN" else FREE_YEARS
    first, last = date(known.start, 1, 1), date(known.stop - 1, 12, 31)
    for day, flag in ((period.start, "--from"), (period.end, "--to")):
        if not first <= day <= last:
            raise InputError([Problem(option or flag, "", "period.outside_calendar",
                                      {"day": day.isoformat(), "first": first.isoformat(),
                                       "last": last.isoformat()})])
