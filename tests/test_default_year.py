"""The default scenario's 2024 as the office plans it: every month on the record the earlier months left
(scheduler.cycle), and the whole year at once; every plan checks clean under the rules as written, with
the checker's objective equal to the planner's. Solved once for the module."""

from __future__ import annotations

from datetime import date

import pytest

from scheduler.check import check_plan
from scheduler.cycle import advance, held_as_planned, plan_events
from scheduler.domain import Scenario
from scheduler.period import Period, month_period
from scheduler.plan import Plan
from scheduler.scenario import load_scenario
from scheduler.solve import plan

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def default_cycle() -> list[tuple[Scenario, Plan]]:
    """(the scenario as the month saw it, the month's plan) for January to December."""
    scenario = load_scenario()
    months = []
    for month in range(1, 13):
        result = plan(scenario, month_period(f"2024-{month:02d}"), time_limit=10)
        assert result.plan is not None, (month, result.conflicts)
        months.append((scenario, result.plan))
        scenario = advance(scenario, plan_events(result.plan, held_as_planned(result.plan)))
    return months


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_on_the_record_checks_clean(default_cycle, month: int) -> None:
    scenario, month_plan = default_cycle[month - 1]
    report = check_plan(scenario, month_plan)
    assert report.clean, [v.render("en") for v in report.violations]
    assert report.objective == month_plan.solver.objective


def test_the_record_carries_over(default_cycle) -> None:
    """Decided items never come back, and standing meetings are numbered on through the year."""
    heard: list[str] = []
    numbers: list[int] = []
    for _, month_plan in default_cycle:
        for meeting in month_plan.meetings:
            heard.extend(meeting.items)
            if meeting.kind == "standing":
                numbers.append(meeting.number)
    assert len(heard) == len(set(heard))
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    assert 12 <= len(numbers) <= 24 + 12


def test_pre_study_is_never_assumed(default_cycle) -> None:
    """An item that needs a pre-study is heard only after its pre-study meeting was held (Art. 43)."""
    held: dict[str, date] = {}
    for scenario, month_plan in default_cycle:
        for meeting in month_plan.meetings:
            if meeting.request:
                held[meeting.request] = meeting.date
        for meeting in month_plan.meetings:
            for item_id in meeting.items:
                item = scenario.item(item_id)
                if not item.pre_studied:
                    studies = [r.id for r in scenario.meeting_requests if item_id in r.for_items]
                    assert any(held.get(r, date.max) < meeting.date for r in studies), item_id


def test_the_whole_year_checks_clean() -> None:
    scenario = load_scenario()
    result = plan(scenario, Period(date(2024, 1, 1), date(2024, 12, 31)), time_limit=10)
    assert result.plan is not None
    report = check_plan(scenario, result.plan)
    assert report.clean, [v.render("en") for v in report.violations]
    assert report.objective == result.objective
    assert {m.date.month for m in result.plan.meetings if m.kind == "standing"} == set(range(1, 13))
