"""The working-day calendar: statutory holidays and make-up days, local holidays, office-hours grains."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scheduler.calendar import CN_YEARS, FREE_YEARS, CalendarRangeError, WorkCalendar, calendar_for
from scheduler.domain import CalendarSpec, LocalHoliday

CN_2024 = WorkCalendar(CalendarSpec(), 2024, 2024)


@pytest.mark.parametrize(("day", "working"), [
    (date(2024, 2, 4), True),    # Sunday, make-up day for the Spring Festival
    (date(2024, 5, 11), True),   # Saturday, make-up day for Labour Day
    (date(2024, 10, 1), False),  # National Day
    (date(2024, 10, 7), False),
    (date(2024, 5, 18), False),  # an ordinary Saturday
    (date(2024, 5, 14), True),   # an ordinary Tuesday
])
def test_cn_working_days_follow_statutory_holidays_and_makeup_days(day: date, working: bool) -> None:
    assert CN_2024.is_working_day(day) is working


def test_makeup_day_and_holiday_name() -> None:
    assert CN_2024.is_makeup_day(date(2024, 2, 4))
    assert not CN_2024.is_makeup_day(date(2024, 5, 14))
    assert CN_2024.holiday_name(date(2024, 10, 1)) is not None
    assert CN_2024.holiday_name(date(2024, 5, 14)) is None


def test_add_working_days_crosses_the_national_day_holiday() -> None:
    # Fri 27 Sep; then Sun 29 (make-up), Mon 30, Oct 8-11, Sat 12 Oct (make-up) = 7 working days.
    assert CN_2024.add_working_days(date(2024, 9, 27), 7) == date(2024, 10, 12)
    assert CN_2024.add_working_days(date(2024, 9, 27), 1) == date(2024, 9, 29)
    assert CN_2024.add_working_days(date(2024, 9, 27), 0) == date(2024, 9, 27)


def test_add_working_days_backwards() -> None:
    assert CN_2024.add_working_days(date(2024, 10, 8), -1) == date(2024, 9, 30)
    # From a holiday, one working day back is the last working day before it.
    assert CN_2024.add_working_days(date(2024, 10, 3), -1) == date(2024, 9, 30)
    assert CN_2024.add_working_days(date(2024, 10, 12), -7) == date(2024, 9, 27)


def test_working_days_between_counts_the_half_open_interval() -> None:
    assert CN_2024.working_days_between(date(2024, 9, 27), date(2024, 10, 12)) == 7
    assert CN_2024.working_days_between(date(2024, 10, 12), date(2024, 9, 27)) == -7
    assert CN_2024.working_days_between(date(2024, 10, 1), date(2024, 10, 7)) == 0
    assert CN_2024.working_days(date(2024, 9, 28), date(2024, 10, 8)) == [
        date(2024, 9, 29), date(2024, 9, 30), date(2024, 10, 8)]


@given(offset=st.integers(min_value=0, max_value=200), n=st.integers(min_value=-40, max_value=40))
def test_add_and_count_working_days_are_inverse(offset: int, n: int) -> None:
    start = CN_2024.next_working_day(date(2024, 3, 1) + timedelta(days=offset))  # 40 working days kept either side
    assert CN_2024.working_days_between(start, CN_2024.add_working_days(start, n)) == n


def test_local_holiday_is_a_day_off_with_its_name() -> None:
    festival = date(2024, 4, 10)  # a Wednesday
    spec = CalendarSpec(local_holidays=(LocalHoliday(festival, "肉孜节"),))
    calendar = WorkCalendar(spec, 2024, 2024)
    assert CN_2024.is_working_day(festival)
    assert not calendar.is_working_day(festival)
    assert calendar.holiday_name(festival) == "肉孜节"
    assert calendar.add_working_days(date(2024, 4, 9), 1) == date(2024, 4, 11)


def test_region_none_works_exactly_the_listed_weekdays() -> None:
    calendar = WorkCalendar(CalendarSpec(region="none", weekdays=(1, 2, 3, 4, 5, 6)), 2024, 2024)
    assert calendar.is_working_day(date(2024, 5, 18))      # Saturday listed
    assert not calendar.is_working_day(date(2024, 5, 19))  # Sunday not listed
    assert calendar.is_working_day(date(2024, 10, 1))      # no statutory holidays without region CN
    assert not calendar.is_working_day(date(2024, 2, 4))   # nor make-up days


def test_dates_outside_the_covered_years_raise() -> None:
    with pytest.raises(CalendarRangeError):
        CN_2024.is_working_day(date(2025, 1, 2))
    with pytest.raises(CalendarRangeError):
        CN_2024.add_working_days(date(2024, 12, 30), 5)
    with pytest.raises(CalendarRangeError):
        WorkCalendar(CalendarSpec(), CN_YEARS.stop, CN_YEARS.stop)
    with pytest.raises(CalendarRangeError):
        WorkCalendar(CalendarSpec(region="none"), FREE_YEARS.stop, FREE_YEARS.stop)


def test_calendar_for_adds_the_next_year_for_deadlines_when_data_exist() -> None:
    assert calendar_for(CalendarSpec(), (2024, 2024)).last == date(2025, 12, 31)
    last_known = CN_YEARS.stop - 1
    assert calendar_for(CalendarSpec(), (last_known, last_known)).last == date(last_known, 12, 31)


def test_start_times_lie_on_the_grain_inside_one_block() -> None:
    starts = CN_2024.start_times(180)  # blocks 10:00-14:00 and 16:00-19:30, grain 15
    assert starts == [600, 615, 630, 645, 660, 960, 975, 990]
    assert CN_2024.start_times(300) == []  # longer than any block
    unaligned = WorkCalendar(CalendarSpec(office_hours=((605, 700),), grain_minutes=15), 2024, 2024)
    assert unaligned.start_times(30) == [615, 630, 645, 660]
    for start in CN_2024.start_times(45):
        assert start % 15 == 0
        assert CN_2024.block_of(start, start + 45) is not None


def test_half_days_split_at_the_end_of_the_first_block() -> None:
    assert CN_2024.half_span("am") == (0, 840)
    assert CN_2024.half_span("pm") == (840, 24 * 60)
    assert CN_2024.half_span(None) == (0, 24 * 60)
