"""write_exports: the files `govcal plan --out` puts beside plan.json, and nothing when a part fails."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from plan_fixtures import small_plan, small_scenario

from govcal.exports import write_exports
from scheduler.calendar import CalendarRangeError


def test_writes_the_exports_and_a_notice_per_meeting(tmp_path: Path) -> None:
    written = write_exports(small_plan(), small_scenario(), tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        "plan.xlsx", "plan.ics", "calendar.png", "notices/M-07.docx", "notices/standing-2024-05-1.docx"]
    assert all(p.stat().st_size > 0 for p in written)
    assert sorted(written) == sorted(p for p in tmp_path.rglob("*") if p.is_file())  # it says all it wrote


def test_per_leader_calendars(tmp_path: Path) -> None:
    written = write_exports(small_plan(), small_scenario(), tmp_path, lang="en", ics_per_leader=True)
    leader_files = sorted(p.name for p in written if p.parent == tmp_path / "ics")
    assert leader_files == sorted(f"{leader.id}.ics" for leader in small_scenario().leaders)


def test_same_plan_same_files(tmp_path: Path) -> None:
    first = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in write_exports(
        small_plan(), small_scenario(), tmp_path / "a", ics_per_leader=True)}
    second = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in write_exports(
        small_plan(), small_scenario(), tmp_path / "b", ics_per_leader=True)}
    assert first == second


def test_a_period_beyond_the_calendar_data_fails_before_writing(tmp_path: Path) -> None:
    beyond = replace(small_plan(), period_from=date(2099, 5, 1), period_to=date(2099, 5, 31))
    with pytest.raises(CalendarRangeError):
        write_exports(beyond, small_scenario(), tmp_path)
    assert list(tmp_path.iterdir()) == []
