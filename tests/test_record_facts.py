"""A recorded outcome is a fact (DESIGN §7): re-plans keep every held meeting exactly as recorded —
any day of the month, any minute, a weekend included — never move, drop or re-hear it and never
list it as a change; the checker does not judge it. And nothing new is placed on or before today,
every meeting carries the day its notice bears (never before today).

The least-change search is run on the tiny June of `test_ledger_helpers` (M-1 thematic on Mon 3,
the standing meeting on Wed 12): small enough to solve to optimality in a fraction of a second.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_ledger_helpers import ledger_scenario, meeting

from scheduler.check import check_plan
from scheduler.period import Period
from scheduler.plan import Plan, SolverInfo, plan_from_json, plan_to_json
from scheduler.replan import replan
from scheduler.solve import plan as solve_plan

JUNE = Period(date(2024, 6, 1), date(2024, 6, 30))
SCENARIO = ledger_scenario()


def june_published() -> Plan:
    meetings = (meeting("M-1", date(2024, 6, 3), kind="thematic", request="M-1", minutes=60),
                meeting("standing-2024-06-1", date(2024, 6, 12), ("Y-1", "Y-2", "Y-3")))
    return Plan(SCENARIO.name, JUNE.start, JUNE.end, SolverInfo("OPTIMAL", 0, 0, 0.0, 0.1), meetings,
                scenario_sha256=SCENARIO.sha256, revision=1)


def held_at(published: Plan, meeting_id: str, day: date, start: int) -> Plan:
    """`published` as it happened: `meeting_id` held on `day` at `start` (its length kept)."""
    found = published.meeting(meeting_id)
    held = replace(found, date=day, start=start, end=start + found.end - found.start, held=True)
    return replace(published, meetings=tuple(held if m.id == meeting_id else m for m in published.meetings))


def facts_of(plan: Plan) -> dict[str, tuple[date, int, int, tuple[str, ...], bool]]:
    return {m.id: (m.date, m.start, m.end, m.items, m.held) for m in plan.meetings if m.held}


def replanned(published: Plan, today: date) -> Plan:
    result = replan(SCENARIO, published, time_limit=10, seed=0, today=today)
    assert result.plan is not None, result.status
    return result.plan


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(held=st.sets(st.sampled_from(["M-1", "standing-2024-06-1"]), min_size=1),
       days=st.lists(st.integers(1, 30), min_size=2, max_size=2),
       minutes=st.lists(st.integers(0, 24 * 60 - 180), min_size=2, max_size=2),
       after=st.integers(0, 5))
def test_no_replan_ever_changes_a_recorded_outcome(held: set[str], days: list[int], minutes: list[int],
                                                  after: int) -> None:
    published = june_published()
    for k, meeting_id in enumerate(sorted(held)):
        published = held_at(published, meeting_id, date(2024, 6, days[k]), minutes[k])
    recorded = facts_of(published)
    today = min(JUNE.end - timedelta(days=1), max(v[0] for v in recorded.values()) + timedelta(days=after))
    revised = replanned(published, today)
    assert facts_of(revised) == recorded
    assert not [c for c in revised.changes if c.meeting in recorded]
    # Nothing new on or before today; every notice dated before its meeting.
    for m in revised.meetings:
        assert m.id in recorded or m.date > today or m.date == published.meeting(m.id).date
        assert m.notice_date is None or m.notice_date < m.date
    # Items a held meeting heard are not heard again this month.
    heard = [i for m in revised.meetings for i in m.items]
    assert len(heard) == len(set(heard))
    # The checker reads the facts as the planner does: no violation, the same objective.
    report = check_plan(SCENARIO, plan_from_json(plan_to_json(revised)))
    assert not [v for v in report.violations if set(v.meetings) & set(recorded)], report.violations
    assert report.objective == sum(p.cost for p in revised.penalties)


def test_a_standing_meeting_held_on_a_saturday_off_the_grid_stays_and_its_items_are_not_reheard() -> None:
    """The issue's case: recorded on Saturday 8 June at 15:07 (no office hours, off the hourly grid)."""
    published = held_at(june_published(), "standing-2024-06-1", date(2024, 6, 8), 15 * 60 + 7)
    revised = replanned(published, date(2024, 6, 10))
    kept = revised.meeting("standing-2024-06-1")
    assert (kept.date, kept.start, kept.held, kept.items) == (date(2024, 6, 8), 907, True, ("Y-1", "Y-2", "Y-3"))
    assert "standing-2024-06-1" not in {c.meeting for c in revised.changes}
    assert not {"Y-1", "Y-2", "Y-3"} & {i for m in revised.meetings if not m.held for i in m.items}
    assert not {"Y-1", "Y-2", "Y-3"} & {d.item for d in revised.deferred}
    # The month's one standing meeting was held: no second one is added (Art. 42 counts it).
    assert [m.id for m in revised.meetings if m.kind == "standing"] == ["standing-2024-06-1"]
    assert plan_to_json(revised)["meetings"][1]["held"] is True
    # M-1 (Mon 3 June, before today, no outcome) stays as published: not held, not moved.
    assert (revised.meeting("M-1").date, revised.meeting("M-1").held) == (date(2024, 6, 3), False)
    assert check_plan(SCENARIO, revised).clean


def test_a_hand_edited_plan_marking_nothing_held_is_judged_as_before() -> None:
    """A weekend meeting that is not a recorded fact is a violation as ever."""
    weekend = replace(june_published(), meetings=(meeting("standing-2024-06-1", date(2024, 6, 8), ("Y-1",)),))
    assert any(v.rule == "working_time" for v in check_plan(SCENARIO, weekend).violations)


def test_plan_places_nothing_on_or_before_today_and_dates_notices_from_it() -> None:
    result = solve_plan(SCENARIO, JUNE, time_limit=10, today=date(2024, 6, 12))
    assert result.plan is not None
    made = result.plan
    assert made.today == date(2024, 6, 12) and plan_to_json(made)["today"] == "2024-06-12"
    assert made.meetings and all(m.date > date(2024, 6, 12) for m in made.meetings)
    assert all(date(2024, 6, 12) <= m.notice_date < m.date for m in made.meetings if m.notice_date)
    assert all(m.notice_date is not None for m in made.meetings)
    # Without a today the whole month is open and notices go out before the month begins.
    free = solve_plan(SCENARIO, JUNE, time_limit=10).plan
    assert free is not None and free.today is None
    assert all(m.notice_date is not None and m.notice_date < JUNE.start for m in free.meetings)


def test_notice_date_and_today_survive_json() -> None:
    made = replace(june_published(), today=date(2024, 5, 30), meetings=tuple(
        replace(m, notice_date=date(2024, 5, 31)) for m in june_published().meetings))
    again = plan_from_json(plan_to_json(made))
    assert again.today == date(2024, 5, 30)
    assert [m.notice_date for m in again.meetings] == [date(2024, 5, 31)] * 2
    assert [m.held for m in again.meetings] == [False, False]


def test_the_ledger_cycle_keeps_a_meeting_held_off_the_grid_in_every_output(tmp_path) -> None:
    """record --held on a Saturday at 15:07, then replan: the meeting stays in plan.json, plan.ics,
    plan.xlsx as recorded and is no change; publishing it keeps it too."""
    import json

    from openpyxl import load_workbook
    from test_ledger_helpers import month_plan, run, write_ledger_scenario, write_plan

    county = write_ledger_scenario(tmp_path)
    book = tmp_path / "office.db"
    assert run("ledger", "init", "--scenario", county, "--ledger", book).exit_code == 0
    june = month_plan(county, JUNE.start, JUNE.end, *june_published().meetings)
    assert run("publish", write_plan(june, tmp_path / "june.json"), "--ledger", book).exit_code == 0
    recorded = run("record", "standing-2024-06-1", "--held", "--date", "2024-06-08", "--start", "15:07",
                   "--ledger", book, "--today", "2024-06-08")
    assert recorded.exit_code == 0, recorded.output
    out = tmp_path / "out"
    result = run("replan", "--month", "2024-06", "--ledger", book, "--today", "2024-06-10", "--out", out,
                 "--format", "json", "--time-limit", "10")
    assert result.exit_code == 0, result.output
    revised = json.loads(result.stdout)
    held = next(m for m in revised["meetings"] if m["id"] == "standing-2024-06-1")
    assert (held["date"], held["start"], held["end"], held["held"]) == ("2024-06-08", "15:07", "18:07", True)
    assert revised["today"] == "2024-06-10"
    assert "standing-2024-06-1" not in {c["meeting"] for c in revised.get("changes", [])}
    assert b"DTSTART;TZID=Asia/Shanghai:20240608T150700" in (out / "plan.ics").read_bytes()
    cells = {str(c.value) for ws in load_workbook(out / "plan.xlsx") for row in ws.iter_rows() for c in row}
    assert any("15:07" in c for c in cells)
    assert run("publish", out / "plan.json", "--ledger", book).exit_code == 0
    assert run("check", "--ledger", book, "--month", "2024-06").exit_code == 0
