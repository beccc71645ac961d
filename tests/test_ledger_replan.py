"""``govcal replan`` on the ledger (DESIGN §7): what it starts from — the month's latest revision as it
happened, the day re-planning starts, the state before the month — and the command end to end with a
leader falling ill mid-month (the least-change search itself is `scheduler.replan`'s, tested there)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from test_ledger_helpers import (
    ledger_scenario,
    may_plan,
    meeting,
    month_plan,
    run,
    write_ledger_scenario,
    write_plan,
)

from govcal.ledger import open_ledger
from govcal.ledger.actions import replan_inputs
from scheduler.domain import Absence
from scheduler.errors import InputError
from scheduler.period import month_period
from scheduler.scenario import load_scenario

JUNE = month_period("2024-06")


@pytest.fixture
def county(tmp_path: Path) -> Path:
    return write_ledger_scenario(tmp_path)


@pytest.fixture
def book(tmp_path: Path, county: Path) -> Path:
    """May published and held (Y-1 decided, Y-2 not); June published twice: M-1 on Mon 3, the
    standing meeting on Wed 12 (revision 2 moved it from Wed 5)."""
    path = tmp_path / "office.db"
    assert run("ledger", "init", "--scenario", county, "--ledger", path).exit_code == 0
    assert run("publish", write_plan(may_plan(county), tmp_path / "may.json"), "--ledger", path).exit_code == 0
    assert run("record", "standing-2024-05-1", "--held", "--not-decided", "Y-2", "--ledger", path).exit_code == 0
    for day in (5, 12):
        june = month_plan(county, JUNE.start, JUNE.end,
                          meeting("M-1", date(2024, 6, 3), kind="thematic", request="M-1", minutes=60),
                          meeting("standing-2024-06-1", date(2024, 6, day), ("Y-2", "Y-3", "Y-4")))
        assert run("publish", write_plan(june, tmp_path / f"june-{day}.json"), "--ledger", path).exit_code == 0
    return path


def inputs(book: Path, county: Path, since: date | None = None, today: date = date(2024, 6, 20)):
    with open_ledger(book) as ledger, ledger.reading():
        return replan_inputs(ledger, load_scenario(county), JUNE, since, today)


def test_replan_starts_from_the_latest_revision_and_the_state_before_the_month(book: Path, county: Path):
    found = inputs(book, county)
    assert found.revision.revision == 2
    assert found.published.meeting("standing-2024-06-1").date == date(2024, 6, 12)
    assert found.since == JUNE.start  # nothing recorded in June yet
    assert {(e.kind, e.item) for e in found.recorded} == {("standing", None), ("decided", "Y-1")}
    assert "Y-1" in found.scenario.decided_items and "Y-2" not in found.scenario.decided_items
    # Both June meetings are past on the 20th with no outcome: named, not assumed held.
    assert [m.id for m in found.unrecorded] == ["M-1", "standing-2024-06-1"]


def test_since_defaults_to_the_day_after_the_last_outcome_of_the_month(book: Path, county: Path):
    assert run("record", "M-1", "--held", "--ledger", book).exit_code == 0
    found = inputs(book, county)
    assert found.since == date(2024, 6, 4)
    assert [m.id for m in found.unrecorded] == ["standing-2024-06-1"]
    assert inputs(book, county, since=date(2024, 6, 10)).since == date(2024, 6, 10)


def test_replan_starts_from_the_month_as_it_happened(book: Path, county: Path):
    """A meeting recorded as moved is given where it was held; a cancelled one is left out."""
    assert run("record", "M-1", "--held", "--date", "2024-06-04", "--start", "12:00", "--ledger", book).exit_code == 0
    assert run("record", "standing-2024-06-1", "--cancelled", "--ledger", book).exit_code == 0
    found = inputs(book, county)
    (moved,) = found.published.meetings
    assert (moved.id, moved.date, moved.start, moved.end) == ("M-1", date(2024, 6, 4), 720, 780)
    assert found.since == date(2024, 6, 13)  # the day after the last outcome (the cancelled meeting's day)


def test_the_replanned_plan_is_the_next_revision_with_its_changes(book: Path, county: Path):
    found = inputs(book, county)
    moved = replace(found.published, meetings=(found.published.meetings[0],
                                               replace(found.published.meetings[1], date=date(2024, 6, 13))))
    finished = found.finish(moved)
    assert finished.revision == 3
    assert finished.scenario_sha256 == load_scenario(county).sha256
    assert [(c.meeting, c.what) for c in finished.changes] == [("standing-2024-06-1", "moved")]
    assert finished.recorded_history == found.recorded


def test_replan_of_a_month_never_published_or_since_outside_it_is_bad_input(book: Path, county: Path):
    with open_ledger(book) as ledger, ledger.reading():
        with pytest.raises(InputError, match="2024-07"):
            replan_inputs(ledger, load_scenario(county), month_period("2024-07"), None, date(2024, 7, 1))
        with pytest.raises(InputError, match="2024-07-01"):
            replan_inputs(ledger, load_scenario(county), JUNE, date(2024, 7, 1), date(2024, 7, 1))


def test_replan_command_when_a_leader_falls_ill(tmp_path: Path, county: Path, book: Path):
    """The executive deputy falls ill from 4 June: only meetings they attend may change, and nothing
    before --since does."""
    assert run("record", "M-1", "--held", "--ledger", book, "--today", "2024-06-03").exit_code == 0
    ill = replace(ledger_scenario(), absences=(Absence("exec", date(2024, 6, 4), date(2024, 6, 14), "leave"),))
    write_ledger_scenario(tmp_path, ill, name=county.name)
    result = run("replan", "--month", "2024-06", "--ledger", book, "--out", tmp_path / "out", "--today",
                 "2024-06-03", "--format", "json", "--time-limit", "5")
    assert result.exit_code == 0, result.output
    revised = json.loads(result.stdout)
    assert revised["revision"] == 3
    published = {m.id: m for m in inputs(book, county, today=date(2024, 6, 3)).published.meetings}
    after = {m["id"]: m for m in revised["meetings"]}
    assert after["M-1"]["date"] == "2024-06-03"  # before --since (4 June): fixed
    for change in revised["changes"]:
        if change["what"] != "added":
            assert "exec" in published[change["meeting"]].attendees, change
    assert "exec" not in after["standing-2024-06-1"]["attendees"] or not (
        date(2024, 6, 4) <= date.fromisoformat(after["standing-2024-06-1"]["date"]) <= date(2024, 6, 14))
    assert b"SEQUENCE:3" in (tmp_path / "out" / "plan.ics").read_bytes()
