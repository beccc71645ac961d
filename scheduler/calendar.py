"""Working days, office hours and time grains of one scenario.

`WorkCalendar` is built once per scenario: every covered date gets its working flag and a
running count of working days, so each query is an array lookup, never a library call.
Mainland statutory holidays and make-up working days (调休) come, year by year, from the notice
the office entered, the `chinese_calendar` package's data, or a projection (`scheduler.holidays`);
`CN_YEARS` are the years the projection reaches. Any date outside the built span raises
`CalendarRangeError` rather than guessing.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from scheduler.domain import CalendarSpec, Scenario, fmt_minutes
from scheduler.holidays import DATA_YEARS, PROJECTION_YEARS, StatutoryYear, statutory_year

# Where the county is: its day (`--today` defaults) and the times people read are this zone's.
COUNTY_TIME_ZONE = "Asia/Shanghai"


class CalendarRangeError(ValueError):
    """A date lies outside the years this calendar was built for."""

    def __init__(self, day: date, first: date, last: date) -> None:
        span = f"{first.isoformat()} .. {last.isoformat()}"
        super().__init__(f"{day.isoformat()} is outside the calendar's data ({span})")
        self.day = day
        self.first = first
        self.last = last


# Years a CN calendar reaches: the package's data where it has them, a notice or a projection beyond.
CN_YEARS = PROJECTION_YEARS
# Years `region: none` calendars accept: there are no holiday data to run out of, but a
# bound keeps typos such as 2204 from passing silently.
FREE_YEARS = range(1990, 2101)


class WorkCalendar:
    """Working days and office-hours grains for the years `first_year` .. `last_year`."""

    def __init__(self, spec: CalendarSpec, first_year: int | None = None, last_year: int | None = None) -> None:
        self.spec = spec
        known = CN_YEARS if spec.region == "CN" else FREE_YEARS
        # By default the years with statutory data (a CN calendar of every reachable year is large).
        default = DATA_YEARS if spec.region == "CN" else FREE_YEARS
        first_year = default.start if first_year is None else first_year
        last_year = default.stop - 1 if last_year is None else last_year
        if first_year < known.start or last_year >= known.stop or first_year > last_year:
            raise CalendarRangeError(
                date(max(1, min(first_year, 9999)), 1, 1), date(known.start, 1, 1), date(known.stop - 1, 12, 31)
            )
        self.first = date(first_year, 1, 1)
        self.last = date(last_year, 12, 31)
        local = {h.date: h.name for h in spec.local_holidays}
        self.local_holidays = local
        span = (self.last - self.first).days + 1
        working: list[bool] = []
        # The statutory days of each year, with where they came from (data, notice, projected).
        self.statutory: dict[int, StatutoryYear] = {}
        if spec.region == "CN":
            for year in range(first_year, last_year + 1):
                statutory = self.statutory[year] = statutory_year(year, spec.notices)
                off, workdays = statutory.off, statutory.workdays
                day = date(year, 1, 1)
                for _ in range((date(year + 1, 1, 1) - day).days):
                    working.append((day in workdays or (day.isoweekday() <= 5 and day not in off))
                                   and day not in local)
                    day += timedelta(days=1)
        else:
            weekdays = set(spec.weekdays)
            for offset in range(span):
                day = self.first + timedelta(days=offset)
                working.append(day.isoweekday() in weekdays and day not in local)
        self._working = working
        # _count[i] = working days among the first i covered dates.
        count = [0]
        for flag in working:
            count.append(count[-1] + flag)
        self._count = count
        self._working_ordinals = [self.first.toordinal() + i for i, flag in enumerate(working) if flag]

    # ----- dates ---------------------------------------------------------------------------
    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last

    def _index(self, day: date) -> int:
        if not self.first <= day <= self.last:
            raise CalendarRangeError(day, self.first, self.last)
        return (day - self.first).days

    def is_working_day(self, day: date) -> bool:
        return self._working[self._index(day)]

    def is_makeup_day(self, day: date) -> bool:
        """A weekend day that works to make up for a holiday (调休)."""
        return day.isoweekday() >= 6 and self.is_working_day(day)

    def holiday_name(self, day: date) -> str | None:
        """The name of the holiday on `day`, local or statutory, or None on ordinary days."""
        self._index(day)
        if day in self.local_holidays:
            return self.local_holidays[day]
        if self.spec.region != "CN" or self.is_working_day(day):
            return None
        return self.statutory[day.year].off.get(day)

    def basis(self, year: int) -> str | None:
        """Where `year`'s statutory days came from (data, notice, projected); None without any
        (region none)."""
        statutory = self.statutory.get(year)
        return statutory.basis if statutory else None

    def working_days_between(self, start: date, end: date) -> int:
        """Working days d with start < d <= end (negative when end is before start)."""
        return self._count[self._index(end) + 1] - self._count[self._index(start) + 1]

    def add_working_days(self, day: date, n: int) -> date:
        """The n-th working day after `day` (n > 0), or before it (n < 0); `day` itself for 0.

        So ``add_working_days(d, 7)`` is the last day of a "within 7 working days" deadline.
        """
        idx = self._index(day)
        if n == 0:
            return day
        passed = self._count[idx + 1]  # working days up to and including `day`
        if n > 0:
            position = passed + n  # 1-based position among all working days
        else:
            before = passed - self._working[idx]
            position = before + n + 1
        if position < 1 or position > len(self._working_ordinals):
            beyond = self.last if n > 0 else self.first
            raise CalendarRangeError(beyond + timedelta(days=1 if n > 0 else -1), self.first, self.last)
        return date.fromordinal(self._working_ordinals[position - 1])

    def next_working_day(self, day: date, inclusive: bool = True) -> date:
        """`day` if it works (and `inclusive`), else the first working day after it."""
        if inclusive and self.is_working_day(day):
            return day
        return self.add_working_days(day, 1)

    def working_days(self, start: date, end: date) -> list[date]:
        """The working days in [start, end], in order."""
        self._index(start)
        self._index(end)
        lo = bisect_left(self._working_ordinals, start.toordinal())
        hi = bisect_right(self._working_ordinals, end.toordinal())
        return [date.fromordinal(o) for o in self._working_ordinals[lo:hi]]

    def days(self, start: date, end: date) -> Iterator[date]:
        """Every calendar day in [start, end]."""
        self._index(start)
        self._index(end)
        for offset in range((end - start).days + 1):
            yield start + timedelta(days=offset)

    # ----- office hours ----------------------------------------------------------------------
    @property
    def blocks(self) -> tuple[tuple[int, int], ...]:
        """Office-hours blocks as (start, end) minutes after midnight; a meeting lies in one."""
        return self.spec.office_hours

    @property
    def grain(self) -> int:
        return self.spec.grain_minutes

    def longest_block(self) -> int:
        return max(end - start for start, end in self.blocks)

    def start_times(self, minutes: int) -> list[int]:
        """Every grain-aligned start at which a meeting of `minutes` fits inside one block."""
        starts: list[int] = []
        for block_start, block_end in self.blocks:
            first = -(-block_start // self.grain) * self.grain
            starts.extend(range(first, block_end - minutes + 1, self.grain))
        return starts

    def block_of(self, start: int, end: int) -> int | None:
        """The index of the block holding [start, end), or None when none does."""
        for index, (block_start, block_end) in enumerate(self.blocks):
            if block_start <= start and end <= block_end:
                return index
        return None

    def half_span(self, half: str | None) -> tuple[int, int]:
        """Minutes an absence of this half-day covers: am = the first block, pm = the rest."""
        if half is None:
            return (0, 24 * 60)
        boundary = self.blocks[0][1]
        return (0, boundary) if half == "am" else (boundary, 24 * 60)

    def describe(self) -> str:
        hours = ", ".join(f"{fmt_minutes(a)}-{fmt_minutes(b)}" for a, b in self.blocks)
        return f"{self.spec.region} {self.first.year}-{self.last.year}, office hours {hours}"


@dataclass(frozen=True, slots=True)
class SpecialDay:
    """A day of a year that is not an ordinary weekday or weekend: a statutory day off, a make-up
    working day or a local holiday. `name` is the holiday's (None for a make-up day); `source` is
    where it came from: data, notice, projected (its year's basis) or local (the scenario)."""

    date: date
    working: bool
    name: str | None
    source: str


def special_days(spec: CalendarSpec, year: int) -> list[SpecialDay]:
    """`year`'s statutory days off, make-up working days and local holidays, in date order (what
    ``govcal calendar`` lists so that an office can check what it entered)."""
    calendar = calendar_for(spec, (year, year))
    statutory = calendar.statutory.get(year)
    found: dict[date, SpecialDay] = {}
    if statutory is not None:
        for day, name in statutory.off.items():
            found[day] = SpecialDay(day, False, name, statutory.basis)
        for day in statutory.workdays:
            found[day] = SpecialDay(day, True, None, statutory.basis)
    for holiday in spec.local_holidays:
        if holiday.date.year == year:
            found[holiday.date] = SpecialDay(holiday.date, False, holiday.name, "local")
    return [found[day] for day in sorted(found)]


@functools.lru_cache(maxsize=64)
def calendar_for(spec: CalendarSpec, years: tuple[int, int]) -> WorkCalendar:
    """A calendar over `years` (inclusive) plus the following year where data exist, so that
    deadlines running past 31 December still resolve.

    Cached by spec and years (both hashable; a WorkCalendar is never changed after it is built),
    so the planner's months, the checker, the exports and the simulation share one calendar.
    """
    known = CN_YEARS if spec.region == "CN" else FREE_YEARS
    first, last = years
    return WorkCalendar(spec, first, min(last + 1, known.stop - 1) if last + 1 >= known.start else last)


# ----- the years a scenario needs -------------------------------------------------------------------


def scenario_dates(scenario: Scenario) -> list[date]:
    """Every date the scenario mentions."""
    found = [h.date for h in scenario.calendar.local_holidays]
    found += [a.start for a in scenario.absences] + [a.end for a in scenario.absences]
    found += [c.date for c in scenario.commitments] + [h.date for h in scenario.history]
    found += [i.submitted for i in scenario.agenda] + [i.deadline for i in scenario.agenda if i.deadline]
    found += [r.earliest for r in scenario.meeting_requests] + [r.latest for r in scenario.meeting_requests]
    return found


def scenario_years(scenario: Scenario) -> tuple[int, int]:
    """The first and last year the scenario's dates fall in.

    A scenario without any date (a bare template) gets the last year with statutory holiday
    data, so that it still has a calendar.
    """
    years = [day.year for day in scenario_dates(scenario)]
    if not years:
        return (CN_YEARS.stop - 1, CN_YEARS.stop - 1)
    return (min(years), max(years))
