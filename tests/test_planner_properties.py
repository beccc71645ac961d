"""Property tests on generated scenarios: every planner plan checks clean, and the checker's
recomputed objective equals the solver's. Few, small examples: each is one short solve."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.check import check_plan
from scheduler.generate import generate_scenario
from scheduler.period import first_pending_month
from scheduler.plan import plan_from_json, plan_to_json
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


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), items=st.integers(2, 8))
def test_two_month_plans_roll_forward_and_check_clean(seed, items):
    from datetime import date

    from scheduler.period import Period

    scenario = generate_scenario(leaders=6, units=8, items_per_month=items, months=2, seed=seed, year=2024,
                                 start_month=3)
    result = plan(scenario, Period(date(2024, 3, 1), date(2024, 4, 30)), time_limit=2, seed=seed)
    assert result.plan is not None, result.conflicts
    report = check_plan(scenario, result.plan)
    assert report.clean, [v.detail for v in report.violations]
    assert report.objective == result.objective
