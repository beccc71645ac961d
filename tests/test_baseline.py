"""The greedy baseline (`scheduler.greedy`): clean of hard violations, complete, deterministic, and never
better than the CP-SAT planner on the same instance."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_fixtures import small_scenario

from scheduler.check import check_plan
from scheduler.domain import Absence, HistoryEvent, Scenario
from scheduler.generate import generate_scenario
from scheduler.greedy import greedy_plan
from scheduler.period import Period, month_period
from scheduler.plan import Plan
from scheduler.solve import plan

MAY = month_period("2024-05")


def _violations(scenario: Scenario, checked: Plan) -> list[str]:
    """The checker's violations, as text so a failure shows them."""
    return [v.render("en") for v in check_plan(scenario, checked).violations]


def _accounted_once(scenario: Scenario, period: Period, greedy: Plan) -> None:
    """DESIGN §4: every pending item and every request meeting the period appears exactly once (a request
    recorded as held is done, like a decided item)."""
    items = [i for m in greedy.meetings for i in m.items] + [d.item for d in greedy.deferred]
    requests = [m.request for m in greedy.meetings if m.request] + [r.request for r in greedy.rejected]
    assert sorted(items) == sorted(i.id for i in scenario.pending_items(period.end))
    held = {h.request for h in scenario.history if h.kind == "held"}
    assert sorted(requests) == sorted(r.id for r in scenario.meeting_requests
                                      if r.earliest <= period.end and r.latest >= period.start and r.id not in held)


def test_hand_checked_may() -> None:
    """May 2024: Labour Day off until the 5th. Y-044, submitted on the 2nd, is ready on the 7th (two
    working days of materials lead, Art. 43); the other two are ready on the 6th. Hearing an item saves
    far more than a day's wait costs, so the month's one standing meeting goes to the 7th, the head
    presiding, and hears all three (75 minutes fit one meeting)."""
    scenario = small_scenario()
    greedy = greedy_plan(scenario, MAY)
    standing = [m for m in greedy.meetings if m.kind == "standing"]
    assert [(m.date, m.start, m.presider) for m in standing] == [(date(2024, 5, 7), 600, "head")]
    assert set(standing[0].items) == {"Y-031", "Y-040", "Y-044"}
    assert greedy.deferred == ()
    assert {m.request for m in greedy.meetings if m.request} == {"M-07", "M-09"}
    assert _violations(scenario, greedy) == []


def test_a_second_standing_meeting_when_one_is_not_enough() -> None:
    """Y-031 now takes 150 minutes, so the three items need more than one meeting's agenda: a second
    standing meeting, later in the month, hears what the first cannot, and nothing is deferred."""
    scenario = small_scenario()
    longer = tuple(replace(i, minutes=150) if i.id == "Y-031" else i for i in scenario.agenda)
    scenario = replace(scenario, agenda=longer)
    greedy = greedy_plan(scenario, MAY)
    first, second = sorted((m for m in greedy.meetings if m.kind == "standing"), key=lambda m: m.date)
    assert first.date < second.date
    assert first.items == ("Y-031",) and set(second.items) == {"Y-040", "Y-044"}
    assert greedy.deferred == ()
    assert _violations(scenario, greedy) == []


def test_executive_deputy_presides_only_when_the_head_is_away_all_month() -> None:
    """Art. 6, 42: the head presides when free on any day; away the whole month, the executive deputy does."""
    scenario = small_scenario()
    away = Absence("head", date(2024, 5, 1), date(2024, 5, 31), "trip")
    greedy = greedy_plan(replace(scenario, absences=(away,)), MAY)
    assert {m.presider for m in greedy.meetings if m.kind == "standing"} == {"exec"}
    head_back_on_6th = greedy_plan(scenario, MAY)
    assert {m.presider for m in head_back_on_6th.meetings if m.kind == "standing"} == {"head"}


def test_county_wide_limit_rejects_with_article_47() -> None:
    """A unit that already held its county-wide meeting this year is refused another (Art. 47)."""
    scenario = small_scenario()
    held = replace(scenario, history=(HistoryEvent("county_wide", date(2024, 2, 20), unit="finance"),))
    greedy = greedy_plan(held, MAY)
    assert [(r.request, r.rules) for r in greedy.rejected] == [("M-09", ("47",))]
    assert _violations(held, greedy) == []


def test_its_objective_is_the_checkers() -> None:
    """The greedy proves no bound; the objective it states is its penalties' sum, which the checker
    recomputes on its own."""
    scenario = small_scenario()
    greedy = greedy_plan(scenario, MAY)
    assert (greedy.solver.status, greedy.solver.bound) == ("FEASIBLE", None)
    report = check_plan(scenario, greedy)
    assert report.clean
    assert greedy.penalties == report.penalties and report.objective == greedy.solver.objective > 0


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), leaders=st.integers(4, 12), items=st.integers(0, 40),
       months=st.integers(1, 2), start_month=st.integers(1, 11))
def test_generated_plans_check_clean(seed: int, leaders: int, items: int, months: int, start_month: int) -> None:
    """Whatever the county, the greedy plan breaks no hard rule, accounts for everything once, and is
    the same plan every time."""
    scenario = generate_scenario(leaders=leaders, units=12, items_per_month=items, months=months, seed=seed,
                                 start_month=start_month)
    last = date(2024, start_month + months - 1, 1)
    period = Period(date(2024, start_month, 1), month_period(f"{last:%Y-%m}").end)
    greedy = greedy_plan(scenario, period)
    assert _violations(scenario, greedy) == []
    _accounted_once(scenario, period, greedy)
    assert replace(greedy_plan(scenario, period), solver=greedy.solver) == greedy


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_planner_never_worse_than_greedy(seed: int) -> None:
    """On the same generated month, the CP-SAT plan costs no more than the greedy plan, both as the
    checker recomputes them; the solver proves its optimum within a few seconds."""
    scenario = generate_scenario(leaders=12, units=30, items_per_month=30, months=1, seed=seed)
    period = month_period("2024-01")
    result = plan(scenario, period, time_limit=20, seed=0)
    assert result.status == "OPTIMAL" and result.plan is not None
    greedy = greedy_plan(scenario, period)
    assert _violations(scenario, result.plan) == [] and _violations(scenario, greedy) == []
    assert check_plan(scenario, result.plan).objective <= check_plan(scenario, greedy).objective
