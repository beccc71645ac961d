"""The seeded scenario generator: deterministic, the sizes asked for, and scenarios that load clean
and keep the promises `scheduler.generate` documents (presider each month, thematic pre-studies,
study sessions every two months, an Art. 47 duplicate).

The `check_*` helpers here are shared with tests/test_default_scenario.py, which holds the
embedded default scenario to the same promises.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.calendar import CN_YEARS
from scheduler.domain import Scenario
from scheduler.generate import (
    DEPARTMENTS,
    TOWNSHIPS,
    generate_scenario,
    generate_scenario_mapping,
    generate_scenario_yaml,
)
from scheduler.scenario import parse_scenario_checked, scenario_calendar

# ----- shared checks ---------------------------------------------------------------------------


def load_clean(text: str) -> Scenario:
    """The scenario in `text`, which must load with neither problems nor warnings."""
    scenario, warnings = parse_scenario_checked(text, "generated.yaml")
    assert warnings == (), [w.render("en") for w in warnings]
    return scenario


def all_ids(mapping: dict) -> list[str]:
    sections = ("rooms", "leaders", "units", "commitments", "agenda", "meeting_requests")
    return [record["id"] for section in sections for record in mapping[section]]


def month_spans(scenario: Scenario) -> list[tuple[date, date]]:
    """First and last day of every month from the first to the last agenda submission."""
    first = min(i.submitted for i in scenario.agenda).replace(day=1)
    last = max(i.submitted for i in scenario.agenda)
    spans = []
    while first <= last:
        following = (first + timedelta(days=32)).replace(day=1)
        spans.append((first, following - timedelta(days=1)))
        first = following
    return spans


def away_days(scenario: Scenario, who: str) -> set[date]:
    """Days `who` is away for at least part of the day."""
    days: set[date] = set()
    for absence in scenario.absences_of(who):
        days.update(absence.start + timedelta(days=n) for n in range((absence.end - absence.start).days + 1))
    return days


def check_presider_each_month(scenario: Scenario, months: list[tuple[date, date]]) -> None:
    """Every month has a working day on which the head or the executive deputy is wholly present (Art. 6, 42)."""
    calendar = scenario_calendar(scenario)
    head_away = away_days(scenario, scenario.county_head.id)
    exec_away = away_days(scenario, scenario.executive_deputy.id)
    for first, last in months:
        free = [d for d in calendar.working_days(first, last) if d not in head_away or d not in exec_away]
        assert free, f"nobody can preside a standing meeting in {first:%Y-%m}"


def check_thematic_pre_studies(scenario: Scenario) -> None:
    """Each item not pre-studied is named by one thematic request its supervisor convenes, opening after it
    was submitted (Art. 43)."""
    naming = Counter(item_id for r in scenario.meeting_requests for item_id in r.for_items)
    for item in scenario.agenda:
        if item.pre_studied:
            assert naming[item.id] == 0, item.id
            continue
        assert naming[item.id] == 1, item.id
        request = next(r for r in scenario.meeting_requests if item.id in r.for_items)
        assert request.kind == "thematic"
        assert request.convener == item.supervisor
        assert item.supervisor in request.required and item.unit in request.required
        assert request.earliest > item.submitted


def check_study_every_two_months(scenario: Scenario, months: list[tuple[date, date]]) -> None:
    """A study request in every two-month window (Jan-Feb, Mar-Apr, ...) the months touch (Art. 50)."""
    studies = [r for r in scenario.meeting_requests if r.kind == "study"]
    assert all(r.convener == scenario.county_head.id for r in studies)
    for first, _ in months:
        window_start = first.replace(month=first.month - (first.month - 1) % 2)
        window_end = (window_start + timedelta(days=62)).replace(day=1) - timedelta(days=1)
        assert any(window_start <= r.earliest and r.latest <= window_end for r in studies), f"no study in {first}"


def check_county_wide_duplicate(scenario: Scenario) -> None:
    """Some county-wide request comes from a unit that already held one this year, for Art. 47 to reject."""
    held = {h.unit for h in scenario.history if h.kind == "county_wide"}
    requests = [r for r in scenario.meeting_requests if r.kind == "county_wide"]
    assert any(r.unit in held for r in requests)
    assert all(r.unit in r.required for r in requests)


def check_dates_in_months(scenario: Scenario, months: list[tuple[date, date]]) -> None:
    first, last = months[0][0], months[-1][1]
    calendar = scenario_calendar(scenario)
    for item in scenario.agenda:
        assert first <= item.submitted <= last and calendar.is_working_day(item.submitted)
        assert item.deadline is None or item.submitted <= item.deadline <= last
    for request in scenario.meeting_requests:
        assert first <= request.earliest <= request.latest <= last


# ----- determinism and sizes -------------------------------------------------------------------


def test_same_seed_gives_byte_identical_yaml() -> None:
    assert generate_scenario_yaml(months=2, seed=7) == generate_scenario_yaml(months=2, seed=7)


def test_different_seeds_give_different_scenarios() -> None:
    assert generate_scenario_yaml(seed=1) != generate_scenario_yaml(seed=2)


def test_yaml_header_names_the_arguments() -> None:
    header = generate_scenario_yaml(leaders=9, seed=5).splitlines()[0]
    assert header.startswith("#")
    for argument in ("leaders=9", "units=30", "items_per_month=15", "months=1", "seed=5", "year=2024",
                     "start_month=1", "requests_per_month=None"):
        assert argument in header


def test_yaml_text_is_the_mapping() -> None:
    arguments = {"leaders": 6, "units": 8, "items_per_month": 5, "months": 2, "seed": 4}
    assert yaml.safe_load(generate_scenario_yaml(**arguments)) == generate_scenario_mapping(**arguments)


@pytest.mark.parametrize(
    ("leaders", "units", "items_per_month", "months", "requests_per_month"),
    [
        (12, 30, 30, 1, None),   # S: a month
        (14, 35, 34, 12, 5),     # M: a year, ~400 items, 60 requests
        (60, 150, 334, 12, 36),  # L: a year, ~4000 items
    ],
    ids=["S", "M", "L"],
)
def test_sizes_are_what_was_asked(leaders: int, units: int, items_per_month: int, months: int,
                                  requests_per_month: int | None) -> None:
    mapping = generate_scenario_mapping(leaders=leaders, units=units, items_per_month=items_per_month, months=months,
                                        requests_per_month=requests_per_month)
    roles = Counter(leader["role"] for leader in mapping["leaders"])
    assert roles == {"county_head": 1, "executive_deputy": 1, "deputy": leaders - 3, "office_director": 1}
    assert len(mapping["units"]) == units
    assert len(mapping["agenda"]) == items_per_month * months
    per_month = requests_per_month if requests_per_month is not None else 3 + items_per_month // 10
    assert len(mapping["meeting_requests"]) == per_month * months
    assert "justice" in {u["id"] for u in mapping["units"]}
    ids = all_ids(mapping)
    assert len(ids) == len(set(ids))


def test_default_request_count_grows_with_the_agenda() -> None:
    small = generate_scenario_mapping(items_per_month=10)
    large = generate_scenario_mapping(items_per_month=40)
    assert len(small["meeting_requests"]) < len(large["meeting_requests"])


def test_units_use_the_real_departments_and_townships_first() -> None:
    mapping = generate_scenario_mapping(units=len(DEPARTMENTS) + len(TOWNSHIPS))
    names = {u["name"] for u in mapping["units"]}
    assert {t.name for t in TOWNSHIPS} <= names
    assert {d.name for d in DEPARTMENTS} <= names


def test_a_year_keeps_every_promise() -> None:
    scenario = load_clean(generate_scenario_yaml(leaders=14, units=35, items_per_month=34, months=12, seed=11,
                                                 requests_per_month=5))
    months = month_spans(scenario)
    assert len(months) == 12
    check_presider_each_month(scenario, months)
    check_thematic_pre_studies(scenario)
    check_study_every_two_months(scenario, months)
    check_county_wide_duplicate(scenario)
    check_dates_in_months(scenario, months)
    assert any(not i.pre_studied for i in scenario.agenda)
    assert any(i.blocked_by_consensus for i in scenario.agenda)
    assert all(i.consensus for i in scenario.agenda if not i.needs_consensus)
    assert {i.body for i in scenario.agenda} == {"standing", "plenary"}
    assert any(c.kind == "npc_standing_committee" for c in scenario.commitments)


def test_generate_scenario_is_the_yaml_loaded() -> None:
    scenario = generate_scenario(months=2, seed=3)
    assert scenario.source == "<generated seed=3>"
    assert scenario == replace(load_clean(generate_scenario_yaml(months=2, seed=3)), source=scenario.source)


def test_a_month_late_in_the_calendar_data_works() -> None:
    last_year = CN_YEARS.stop - 1
    scenario = load_clean(generate_scenario_yaml(year=last_year, start_month=12, seed=2))
    assert {i.submitted.year for i in scenario.agenda} == {last_year}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"leaders": 3}, "leaders must be at least 4"),
        ({"units": 1}, "units must be at least 2"),
        ({"items_per_month": -1}, "items_per_month"),
        ({"months": 0}, "months must be at least 1"),
        ({"start_month": 13}, "start_month must be 1..12"),
        ({"requests_per_month": -2}, "requests_per_month"),
        ({"year": CN_YEARS.start - 1}, "holiday calendar"),
        ({"year": CN_YEARS.stop - 1, "start_month": 12, "months": 2}, "holiday calendar"),
    ],
)
def test_arguments_that_describe_no_county_are_refused(arguments: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        generate_scenario_mapping(**arguments)


# ----- property: any small county is coherent --------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    leaders=st.integers(4, 16),
    units=st.integers(2, 40),
    items_per_month=st.integers(0, 25),
    months=st.integers(1, 3),
    seed=st.integers(0, 10_000),
    start_month=st.integers(1, 12),
    requests_per_month=st.one_of(st.none(), st.integers(0, 7)),
)
def test_any_small_generated_scenario_loads_clean_and_is_coherent(leaders: int, units: int, items_per_month: int,
                                                                  months: int, seed: int, start_month: int,
                                                                  requests_per_month: int | None) -> None:
    mapping = generate_scenario_mapping(leaders=leaders, units=units, items_per_month=items_per_month, months=months,
                                        seed=seed, year=2024, start_month=start_month,
                                        requests_per_month=requests_per_month)
    ids = all_ids(mapping)
    assert len(ids) == len(set(ids))
    scenario = load_clean(yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False))
    assert scenario.justice_unit is not None
    check_thematic_pre_studies(scenario)
    if scenario.agenda:
        months_seen = month_spans(scenario)
        check_presider_each_month(scenario, months_seen)
        check_dates_in_months(scenario, months_seen)


def test_a_congress_day_without_deputies_keeps_the_office_director_free() -> None:
    """Seed 7 once sent every deputy and the office director away on April's congress day, so the
    generated county had no plan (Art. 49 names no one else who may attend)."""
    from scheduler.period import Period
    from scheduler.solve import plan

    scenario = generate_scenario(leaders=6, units=8, items_per_month=2, months=2, seed=7, year=2024, start_month=3)
    result = plan(scenario, Period(date(2024, 3, 1), date(2024, 4, 30)), time_limit=2, seed=7)
    assert result.plan is not None, result.conflicts
    congress = {c.id for c in scenario.commitments if c.kind == "npc_standing_committee"}
    assert congress == {a.commitment for a in result.plan.commitment_attendance}
