"""Property tests on generated scenarios: every planner plan checks clean, the checker's recomputed
objective equals the solver's, and it is never worse than the greedy plan's (the search starts from
it). Few, small examples: each is one short solve."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.check import check_plan
from scheduler.generate import generate_meeting_week, generate_scenario
from scheduler.greedy import greedy_plan
from scheduler.period import Period, first_pending_month
from scheduler.plan import Plan, plan_from_json, plan_to_json
from scheduler.solve import plan


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), leaders=st.integers(4, 8), units=st.integers(3, 10),
       items=st.integers(0, 10), start_month=st.integers(1, 12))
def test_every_plan_checks_clean_with_the_same_objective(seed, leaders, units, items, start_month):
    scenario = generate_scenario(leaders=leaders, units=units, items_per_month=items, months=1, seed=seed,
                                 year=2024, start_month=start_month)
    result = plan(scenario, first_pending_month(scenario), time_limit=10, seed=seed)
    assert result.plan is not None, result.conflicts
    report = check_plan(scenario, plan_from_json(plan_to_json(result.plan)))
    assert report.clean, [v.detail for v in report.violations]
    assert report.objective == result.objective
    assert report.objective <= _greedy_objective(scenario, first_pending_month(scenario))


def _greedy_objective(scenario, period: Period) -> int:
    greedy: Plan = greedy_plan(scenario, period)
    report = check_plan(scenario, greedy)
    assert report.clean, [v.detail for v in report.violations]
    return report.objective


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), items=st.integers(2, 8))
def test_two_month_plans_roll_forward_and_check_clean(seed, items):
    scenario = generate_scenario(leaders=6, units=8, items_per_month=items, months=2, seed=seed, year=2024,
                                 start_month=3)
    period = Period(date(2024, 3, 1), date(2024, 4, 30))
    result = plan(scenario, period, time_limit=2, seed=seed)
    assert result.plan is not None, result.conflicts
    report = check_plan(scenario, result.plan)
    assert report.clean, [v.detail for v in report.violations]
    assert report.objective == result.objective
    assert report.objective <= _greedy_objective(scenario, period)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), people=st.integers(10, 16), rooms=st.integers(1, 3), requests=st.integers(4, 12))
def test_request_weeks_are_never_worse_than_the_greedy(seed, people, rooms, requests):
    # Short time limits: whatever the search reaches, the plan it returns is no worse than its start.
    scenario = generate_meeting_week(people=people, rooms=rooms, requests=requests, seed=seed)
    period = Period(date.fromisocalendar(2024, 20, 1), date.fromisocalendar(2024, 20, 7))
    result = plan(scenario, period, time_limit=0.5, seed=seed)
    report = check_plan(scenario, result.plan)
    assert report.clean, [v.detail for v in report.violations]
    assert report.objective == result.objective <= _greedy_objective(scenario, period)
