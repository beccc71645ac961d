"""A year's mainland statutory days off and make-up working days (调休), from three sources in order:

1. ``notice``: the State Council's notice for the year as the office entered it in the scenario
   (``calendar.notices``). It wins even over the package's data, so a correction is possible.
2. ``data``: the `chinese_calendar` package's data, for the years it covers (`DATA_YEARS`).
3. ``projected``: the statutory festivals' own days computed for the year (`projected_year`),
   weekends off, make-up working days unknown. The State Council chooses each year's spans and
   make-up days only in its notice (usually published in November), so a projected year is
   never silent: see docs/calendar.md for what it gets right and what it cannot know.

A projection reaches `PROJECTION_YEARS`: the years the lunar tables of `borax` cover.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from scheduler.domain import CalendarSpec, HolidayNotice

BASES = ("data", "notice", "projected")
# borax's lunar and solar-term tables cover the lunar years 1900-2100; the solar years whose
# festivals they all reach are 1901-2099.
PROJECTION_YEARS = range(1901, 2100)


def _data_years() -> range:
    from chinese_calendar import constants

    first = min(constants.holidays).year
    last = max(max(constants.holidays), max(constants.workdays)).year
    return range(first, last + 1)


DATA_YEARS = _data_years()

# The festivals' names as `chinese_calendar` spells them (its `Holiday` enum carries the Chinese
# names too), so that data and projected years read alike wherever a day's name is shown.
NEW_YEAR, SPRING, QINGMING, LABOUR, DRAGON_BOAT, MID_AUTUMN, NATIONAL = (
    "New Year's Day", "Spring Festival", "Tomb-sweeping Day", "Labour Day", "Dragon Boat Festival",
    "Mid-autumn Festival", "National Day")
SPRING_EVE = "Spring Festival Eve"  # 除夕: a day of the Spring Festival holiday since 2025


@dataclass(frozen=True, slots=True)
class StatutoryYear:
    """One year's statutory days: `off` maps every statutory day off (weekend days inside a holiday
    span included) to its festival's name; `workdays` are the make-up working days."""

    year: int
    basis: str  # one of BASES
    off: Mapping[date, str]
    workdays: frozenset[date]

    def is_working_day(self, day: date) -> bool:
        return day in self.workdays or (day.isoweekday() <= 5 and day not in self.off)


def festival_days(year: int) -> dict[str, date]:
    """Each statutory festival's own day in `year` (除夕 under `SPRING_EVE`), from borax's lunar
    calendar and solar terms: 元旦, 除夕 and 春节 (the first day of the lunar year), 清明 (the solar
    term), 劳动节, 端午 (5th of the 5th lunar month), 中秋 (15th of the 8th), 国庆."""
    from borax.calendars.lunardate import LunarDate, TermUtils

    spring = LunarDate(year, 1, 1).to_solar_date()
    return {
        NEW_YEAR: date(year, 1, 1),
        SPRING_EVE: spring - timedelta(days=1),
        SPRING: spring,
        QINGMING: TermUtils.nth_term_day(year, term_name="清明"),
        LABOUR: date(year, 5, 1),
        DRAGON_BOAT: LunarDate(year, 5, 5).to_solar_date(),
        MID_AUTUMN: LunarDate(year, 8, 15).to_solar_date(),
        NATIONAL: date(year, 10, 1),
    }


def projected_year(year: int) -> StatutoryYear:
    """The statutory days off of `year` as the holiday law sets them (the 2024 revision of the
    全国年节及纪念日放假办法, in force since 2025): 元旦 1 day, 春节 4 (除夕 and the first three days),
    清明 1, 劳动节 2 (1-2 May), 端午 1, 中秋 1, 国庆 3 (1-3 October); a festival day falling on a
    weekend is given back on the next weekday after its span (the law's 补假). The spans the
    State Council's notice makes of them, and its make-up working days, are unknown: none."""
    if year not in PROJECTION_YEARS:
        raise ValueError(f"{year} is beyond the projection's reach")
    own = festival_days(year)
    spans: list[tuple[str, list[date]]] = [
        (NEW_YEAR, [own[NEW_YEAR]]),
        (SPRING, [own[SPRING_EVE] + timedelta(days=k) for k in range(4)]),
        (QINGMING, [own[QINGMING]]),
        (LABOUR, [date(year, 5, 1), date(year, 5, 2)]),
        (DRAGON_BOAT, [own[DRAGON_BOAT]]),
        (MID_AUTUMN, [own[MID_AUTUMN]]),
        (NATIONAL, [date(year, 10, k) for k in (1, 2, 3)]),
    ]
    off: dict[date, str] = {}
    for name, days in spans:
        for day in days:
            off.setdefault(day, name)
    for name, days in spans:
        # A day of this span on a weekend, not already taken by another festival, is given back.
        owed = sum(1 for day in days if day.isoweekday() >= 6 and off[day] == name)
        day = max(days)
        while owed:
            day += timedelta(days=1)
            if day.isoweekday() <= 5 and day not in off and day.year == year:
                off[day] = name
                owed -= 1
            elif day.year != year:
                break
    off[own[SPRING_EVE]] = SPRING_EVE
    return StatutoryYear(year, "projected", MappingProxyType(dict(sorted(off.items()))), frozenset())


def notice_year(notice: HolidayNotice) -> StatutoryYear:
    """The year exactly as its notice says: the spans' days off, the listed make-up working days."""
    off: dict[date, str] = {}
    for holiday in notice.holidays:
        for offset in range((holiday.end - holiday.start).days + 1):
            off[holiday.start + timedelta(days=offset)] = holiday.name
    return StatutoryYear(notice.year, "notice", MappingProxyType(dict(sorted(off.items()))),
                         frozenset(notice.workdays))


@functools.lru_cache(maxsize=512)
def data_year(year: int) -> StatutoryYear:
    """The year as the calendar package's data have it."""
    from chinese_calendar import constants

    off = {day: str(name) for day, name in sorted(constants.holidays.items()) if day.year == year}
    workdays = frozenset(day for day in constants.workdays if day.year == year)
    return StatutoryYear(year, "data", MappingProxyType(off), workdays)


@functools.lru_cache(maxsize=512)
def _cached_projection(year: int) -> StatutoryYear:
    return projected_year(year)


def statutory_year(year: int, notices: tuple[HolidayNotice, ...] = ()) -> StatutoryYear:
    """`year`'s statutory days from the first source that has them: a notice, the data, a projection.
    Raises `ValueError` for a year beyond the projection's reach without a notice."""
    for notice in notices:
        if notice.year == year:
            return notice_year(notice)
    if year in DATA_YEARS:
        return data_year(year)
    return _cached_projection(year)


def basis_of(year: int, notices: tuple[HolidayNotice, ...] = ()) -> str:
    """Where `year`'s statutory days come from: ``notice``, ``data`` or ``projected``."""
    if any(notice.year == year for notice in notices):
        return "notice"
    return "data" if year in DATA_YEARS else "projected"


def calendar_basis(spec: CalendarSpec, first: date, last: date) -> tuple[tuple[str, str], ...]:
    """``(("2026", "data"), ("2027", "projected"))`` for the years from `first` to `last` (plan.json's
    calendar_basis); empty for a calendar without statutory days (region none)."""
    if spec.region != "CN":
        return ()
    return tuple((str(year), basis_of(year, spec.notices)) for year in range(first.year, last.year + 1))


def projected_years(spec: CalendarSpec, first: date, last: date) -> list[int]:
    """The years from `first` to `last` whose statutory days are projected."""
    return [int(year) for year, basis in calendar_basis(spec, first, last) if basis == "projected"]
