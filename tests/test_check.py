"""The independent checker: clean planner plans, hand-edited plans caught with their articles, no ortools."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date

import pytest
from test_planner_helpers import THREE_DAYS, away, tiny_scenario

from scheduler.check import check_plan
from scheduler.domain import LocalHoliday
from scheduler.plan import Plan, plan_from_json, plan_to_json
from scheduler.solve import plan


@pytest.fixture(scope="module")
def planned() -> tuple:
    scenario = tiny_scenario(absences=(away("dep", date(2024, 5, 6), date(2024, 5, 8)),))
    result = plan(scenario, THREE_DAYS, time_limit=10)
    assert result.plan is not None
    return scenario, result.plan


def rules_of(scenario, edited: Plan) -> set[tuple[str, tuple[str, ...]]]:
    return {(v.rule, v.articles) for v in check_plan(scenario, edited).violations}


def edit_meeting(original: Plan, **changes) -> Plan:
    (meeting, *others) = original.meetings
    return replace(original, meetings=(replace(meeting, **changes), *others))


def test_a_planner_plan_checks_clean_and_its_objective_is_recomputed(planned):
    scenario, original = planned
    report = check_plan(scenario, plan_from_json(plan_to_json(original)))
    assert report.clean
    assert report.objective == original.solver.objective == sum(p.cost for p in report.penalties)


def test_meeting_moved_onto_a_weekend_breaks_working_time(planned):
    scenario, original = planned
    assert ("working_time", ()) in rules_of(scenario, edit_meeting(original, date=date(2024, 5, 11)))


def test_meeting_moved_onto_a_local_holiday_breaks_working_time(planned):
    scenario, original = planned
    holiday = replace(scenario, calendar=replace(scenario.calendar, local_holidays=(
        LocalHoliday(date(2024, 5, 7), "测试节"),)))
    moved = edit_meeting(original, date=date(2024, 5, 7))
    assert "working_time" in {rule for rule, _ in rules_of(holiday, moved)}


def test_item_put_in_a_meeting_its_supervisor_misses_breaks_article_43(planned):
    scenario, original = planned
    (meeting,) = original.meetings
    assert "dep" not in meeting.attendees  # the deputy is away all period; Y-1 was deferred
    edited = replace(edit_meeting(original, items=("Y-1", *meeting.items)), deferred=())
    assert ("item_supervisor", ("43",)) in rules_of(scenario, edited)


def test_an_absent_leader_listed_as_attendee_breaks_article_61(planned):
    scenario, original = planned
    (meeting,) = original.meetings
    edited = edit_meeting(original, attendees=(*meeting.attendees, "dep"))
    assert ("on_leave", ("61",)) in rules_of(scenario, edited)


def test_wrong_presider_and_missing_justice_bureau(planned):
    scenario, original = planned
    (meeting,) = original.meetings
    edited = edit_meeting(original, presider="office", attendees=tuple(a for a in meeting.attendees if a != "justice"))
    found = rules_of(scenario, edited)
    assert ("presider", ("6", "42")) in found
    assert ("justice_attends", ("43",)) in found


def test_two_meetings_at_once_double_book_leaders_and_the_room(planned):
    scenario, original = planned
    (meeting,) = original.meetings
    twin = replace(meeting, id="standing-2024-05-9", items=())
    found = {rule for rule, _ in rules_of(scenario, replace(original, meetings=(meeting, twin)))}
    assert {"no_double_booking", "room"} <= found


def test_a_dropped_item_is_reported_as_unaccounted(planned):
    scenario, original = planned
    found = rules_of(scenario, replace(original, deferred=()))
    assert ("accounted", ()) in found


def test_too_many_items_for_the_meeting_breaks_item_time(planned):
    scenario, original = planned
    longer = replace(scenario, agenda=tuple(replace(i, minutes=150) for i in scenario.agenda))
    edited = edit_meeting(original, items=("Y-1", "Y-2"))
    assert "item_time" in {rule for rule, _ in rules_of(longer, replace(edited, deferred=()))}


def test_the_checker_never_imports_ortools():
    code = ("import sys, scheduler.check, scheduler.costs; "
            "assert 'ortools' not in sys.modules, 'ortools imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_meeting_dated_beyond_the_calendar_is_a_violation_not_a_crash(planned):
    scenario, original = planned
    assert ("working_time", ()) in rules_of(scenario, edit_meeting(original, date=date(2099, 5, 6)))
