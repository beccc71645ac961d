"""A year's statutory days from three sources (notice, package data, projection), the projection
against the years the package covers, notices validated with field paths, and `govcal calendar`."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import chinese_calendar
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from govcal.cli import cli
from scheduler.calendar import CN_YEARS, WorkCalendar, special_days
from scheduler.domain import CalendarSpec, HolidayNotice, NoticeHoliday
from scheduler.holidays import (
    DATA_YEARS,
    NATIONAL,
    PROJECTION_YEARS,
    SPRING,
    SPRING_EVE,
    basis_of,
    festival_days,
    projected_year,
    statutory_year,
)
from scheduler.scenario import scenario_from_mapping

PACKAGE_YEARS = range(2020, 2027)  # the years the projection is held against
NOTICE_2027 = {"year": 2027, "holidays": [{"from": date(2027, 1, 1), "to": date(2027, 1, 3), "name": "元旦"}],
               "workdays": [date(2027, 1, 9)]}


def days_of(year: int) -> list[date]:
    return [date(year, 1, 1) + timedelta(days=k) for k in range((date(year + 1, 1, 1) - date(year, 1, 1)).days)]


# ----- the projection ---------------------------------------------------------------------------


@settings(max_examples=len(PACKAGE_YEARS), deadline=None)
@given(st.sampled_from(PACKAGE_YEARS))
def test_every_festivals_own_day_is_a_holiday_in_the_packages_data(year: int) -> None:
    """元旦, 春节's first day, 清明, 5月1日, 端午, 中秋 and 10月1日 as projected fall on the package's
    holidays (除夕 not always: in 2024 it was a working day)."""
    own = festival_days(year)
    for name, day in own.items():
        if name != SPRING_EVE:
            assert chinese_calendar.is_holiday(day), (name, day)
            assert day in projected_year(year).off


@settings(max_examples=60, deadline=None)
@given(st.integers(PROJECTION_YEARS.start, PROJECTION_YEARS.stop - 1))
def test_a_projected_year_keeps_the_law_and_knows_no_make_up_days(year: int) -> None:
    projected = projected_year(year)
    assert projected.basis == "projected" and not projected.workdays
    own = festival_days(year)
    assert all(day.year == year and day in projected.off for day in own.values())
    assert own[SPRING] - own[SPRING_EVE] == timedelta(days=1)
    assert date(year, 4, 3) <= own["Tomb-sweeping Day"] <= date(year, 4, 6)
    # Weekends are off, and the law's 13 days are off on weekdays unless two festivals meet or a
    # weekend day owed is given back after the year's end.
    assert all(not projected.is_working_day(day) for day in days_of(year) if day.isoweekday() >= 6)
    weekdays_off = [day for day in projected.off if day.isoweekday() <= 5]
    assert 11 <= len(weekdays_off) <= 13
    assert projected.off[date(year, 10, 1)] in (NATIONAL, "Mid-autumn Festival")


def test_projection_working_days_come_close_to_the_data() -> None:
    """A year's working days as projected differ from the notice's by a few days at most: the
    notice moves weekend days into longer spans and makes them up (docs/calendar.md)."""
    for year in PACKAGE_YEARS:
        projected = sum(projected_year(year).is_working_day(day) for day in days_of(year))
        data = sum(statutory_year(year).is_working_day(day) for day in days_of(year))
        assert abs(projected - data) <= 3, year


def test_the_three_sources_in_order() -> None:
    notice = HolidayNotice(2025, (NoticeHoliday(date(2025, 1, 1), date(2025, 1, 1), "元旦"),), (date(2025, 1, 4),))
    assert basis_of(2025) == "data" and basis_of(2027) == "projected" and basis_of(2025, (notice,)) == "notice"
    corrected = statutory_year(2025, (notice,))
    assert corrected.is_working_day(date(2025, 1, 4))  # a Saturday the notice makes a working day
    assert corrected.is_working_day(date(2025, 1, 29))  # the data's Spring Festival: the notice wins whole
    assert not statutory_year(2025).is_working_day(date(2025, 1, 29))
    assert DATA_YEARS.stop - 1 == 2026 and CN_YEARS == PROJECTION_YEARS


def test_a_calendar_across_the_year_end_knows_each_years_basis() -> None:
    calendar = WorkCalendar(CalendarSpec(), 2026, 2027)
    assert (calendar.basis(2026), calendar.basis(2027)) == ("data", "projected")
    assert not calendar.is_working_day(date(2027, 1, 1)) and calendar.is_working_day(date(2027, 1, 4))
    assert calendar.holiday_name(date(2027, 2, 5)) == SPRING_EVE
    assert calendar.add_working_days(date(2026, 12, 30), 2) == date(2027, 1, 4)


# ----- notices ------------------------------------------------------------------------------------


def with_notice(data: dict[str, Any], notice: dict[str, Any]) -> dict[str, Any]:
    data["calendar"]["notices"] = [notice]
    return data


def test_a_notice_decides_its_year_and_lists_as_notice(tiny_scenario_data: dict[str, Any]) -> None:
    scenario = scenario_from_mapping(with_notice(tiny_scenario_data, dict(NOTICE_2027)))
    listed = {day.date: day for day in special_days(scenario.calendar, 2027)}
    assert listed[date(2027, 1, 9)].working and listed[date(2027, 1, 9)].source == "notice"
    assert listed[date(2027, 1, 2)].name == "元旦" and not listed[date(2027, 1, 2)].working
    # Nothing else of 2027 is off but weekends: the notice replaces the projection whole.
    assert all(day.source == "notice" for day in listed.values()) and len(listed) == 4


BAD_NOTICES: dict[str, tuple[dict[str, Any], str, str]] = {
    "date in another year": ({"year": 2027, "holidays": [{"from": date(2026, 12, 31), "to": date(2027, 1, 1),
                                                          "name": "元旦"}]},
                             "calendar.notices[0].holidays[0].from", "notice.other_year"),
    "both holiday and workday": ({**NOTICE_2027, "workdays": [date(2027, 1, 2)]},
                                 "calendar.notices[0].workdays[0]", "notice.both"),
    "span backwards": ({"year": 2027, "holidays": [{"from": date(2027, 1, 3), "to": date(2027, 1, 1),
                                                    "name": "元旦"}]},
                       "calendar.notices[0].holidays[0].from", "scenario.dates_reversed"),
    "spans overlap": ({"year": 2027, "holidays": [*NOTICE_2027["holidays"],
                                                  {"from": date(2027, 1, 3), "to": date(2027, 1, 4), "name": "x"}]},
                      "calendar.notices[0].holidays[1]", "notice.overlap"),
    "unknown field": ({**NOTICE_2027, "workday": [date(2027, 1, 9)]},
                      "calendar.notices[0].workday", "input.unknown_field_hint_refused"),
    "year beyond the reach": ({"year": 2100}, "calendar.notices[0].year", "notice.year_unreachable"),
}


@pytest.mark.parametrize("case", BAD_NOTICES, ids=list(BAD_NOTICES))
def test_a_bad_notice_exits_2_with_its_field_path_and_writes_nothing(
        case: str, tiny_scenario_data: dict[str, Any], write_scenario: Callable[..., Path], tmp_path: Path) -> None:
    notice, path, key = BAD_NOTICES[case]
    file = write_scenario(with_notice(tiny_scenario_data, notice))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["plan", "--scenario", str(file), "--month", "2024-05", "--out", str(out),
                                      "--lang", "en"])
    assert result.exit_code == 2 and "Traceback" not in result.output and not out.exists()
    assert f" {path}: " in result.stderr
    from scheduler.errors import InputError

    with pytest.raises(InputError) as caught:
        scenario_from_mapping(with_notice(tiny_scenario_data, notice))
    assert (path, key) in [(p.path, p.key) for p in caught.value.problems]


def test_a_workday_that_is_already_a_weekday_is_a_warning(tiny_scenario_data: dict[str, Any],
                                                          write_scenario: Callable[..., Path]) -> None:
    file = write_scenario(with_notice(tiny_scenario_data, {**NOTICE_2027, "workdays": [date(2027, 1, 11)]}))
    result = CliRunner().invoke(cli, ["scenario", "validate", str(file), "--lang", "en"])
    assert result.exit_code == 0
    assert "calendar.notices[0].workdays[0]: 2027-01-11 is already a weekday" in result.stderr


# ----- govcal calendar ----------------------------------------------------------------------------


def calendar_json(*args: str) -> tuple[dict[str, Any], str]:
    result = CliRunner().invoke(cli, ["calendar", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


def test_calendar_shows_the_projection_and_says_so_once() -> None:
    document, stderr = calendar_json("--year", "2027")
    assert document["format"] == "govcal.calendar/1" and document["basis"] == "projected"
    assert {"date": "2027-02-06", "working": False, "name": "春节", "source": "projected"} in document["days"]
    assert stderr.count("2027 年的法定节假日尚无放假通知") == 1 and "calendar.notices" in stderr
    data, quiet = calendar_json("--year", "2025")
    assert data["basis"] == "data" and quiet == ""
    assert {"date": "2025-01-26", "working": True, "name": "调休上班", "source": "data"} in data["days"]


def test_calendar_shows_an_entered_notice_as_notice(tiny_scenario_data: dict[str, Any],
                                                    write_scenario: Callable[..., Path]) -> None:
    file = write_scenario(with_notice(tiny_scenario_data, dict(NOTICE_2027)))
    document, stderr = calendar_json("--scenario", str(file), "--year", "2027")
    assert document["basis"] == "notice" and stderr == ""
    assert {"date": "2027-01-09", "working": True, "name": "调休上班", "source": "notice"} in document["days"]
    table = CliRunner().invoke(cli, ["calendar", "--scenario", str(file), "--year", "2027", "--lang", "en"])
    assert table.exit_code == 0 and "2027-01-09" in table.stdout and "notice" in table.stdout


def test_strict_refuses_a_projected_year_and_the_limit_is_named() -> None:
    strict = CliRunner().invoke(cli, ["calendar", "--year", "2027", "--strict", "--lang", "en"])
    assert strict.exit_code == 2 and strict.stdout == ""
    assert "--strict: the statutory days of 2027 are projected" in strict.stderr
    beyond = CliRunner().invoke(cli, ["calendar", "--year", "2100", "--lang", "en"])
    assert beyond.exit_code == 2 and "(1901-01-01 .. 2099-12-31)" in beyond.stderr
