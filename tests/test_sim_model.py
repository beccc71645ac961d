"""The document-flow model: conservation, Little's law, degradation with load, seeds, rules' behaviour."""

from __future__ import annotations

import dataclasses
from datetime import date

import numpy as np
import pytest

from scheduler.domain import Absence
from scheduler.errors import InputError
from scheduler.generate import generate_scenario
from scheduler.plan import Plan, PlannedMeeting, SolverInfo
from simulation.flow.inputs import build_inputs
from simulation.flow.model import FlowModel, measure, run_replication
from simulation.flow.report import summarise, summary_to_json
from simulation.flow.runner import run_replications
from simulation.seeds import replication_seeds


@pytest.fixture(scope="module")
def scenario():
    return generate_scenario(months=12, seed=3)


@pytest.fixture(scope="module")
def inputs(scenario):
    return build_inputs(scenario)


def test_conservation_in_every_replication(inputs) -> None:
    for load in (1.0, 3.0):
        for seed in replication_seeds(7, 3):
            model = FlowModel(inputs, load, seed).run()
            result = measure(model)
            assert result.arrived == len(model.docs.arrive) > 0
            # in_progress counts live SimPy processes, completed counts finished ones: nothing is lost.
            assert result.arrived == result.completed + result.in_progress


def test_littles_law_holds_at_load_one(inputs) -> None:
    for result in run_replications(inputs, 1.0, reps=3, seed=11, jobs=1):
        predicted = result.throughput_per_day * float(result.cycle_days.mean())
        assert result.wip_mean == pytest.approx(predicted, rel=0.03)


def test_degrades_monotonically_as_load_rises(inputs) -> None:
    # Common random numbers: replication i uses the same streams at every load.
    summaries = [summarise(inputs, load, 5, run_replications(inputs, load, reps=3, seed=5, jobs=1))
                 for load in (1.0, 2.0, 3.0)]
    cycles = [s.cycle.mean for s in summaries]
    wips = [s.wip.mean for s in summaries]
    issued_on_time = [s.deadline("45").on_time.mean for s in summaries]
    office = [s.utilisation["office"] for s in summaries]
    assert cycles == sorted(cycles) and cycles[0] < cycles[-1]
    assert wips == sorted(wips)
    assert office == sorted(office)
    assert issued_on_time == sorted(issued_on_time, reverse=True) and issued_on_time[-1] < issued_on_time[0]


def test_same_seed_same_numbers_whatever_jobs(inputs) -> None:
    serial = summarise(inputs, 1.5, 9, run_replications(inputs, 1.5, reps=3, seed=9, jobs=1))
    parallel = summarise(inputs, 1.5, 9, run_replications(inputs, 1.5, reps=3, seed=9, jobs=2))
    assert summary_to_json(serial) == summary_to_json(parallel)
    other_seed = summarise(inputs, 1.5, 10, run_replications(inputs, 1.5, reps=3, seed=10, jobs=1))
    assert summary_to_json(other_seed) != summary_to_json(serial)


def test_a_head_away_all_year_signs_nothing_and_the_executive_deputy_only_what_he_may(scenario) -> None:
    """Art. 6, 52: with the head away all year, no normative document or decision is issued (they are the
    head's alone, so every meeting decision is overdue), while the executive deputy signs for him the
    kinds the head or the executive deputy may sign."""
    head = scenario.county_head.id
    away = Absence(head, date(2024, 1, 1), date(2024, 12, 31), kind="trip")
    flow = {"signers": {"consent": ["supervisor", "head"]}}
    inputs = build_inputs(dataclasses.replace(scenario, absences=(away,), flow=flow))
    result = run_replication(inputs, 1.0, replication_seeds(1, 1)[0])
    assert result.utilisation[head] == 0.0
    assert result.signed_by["normative"] == {} and result.signed_by["decided"] == {}
    decided, on_time = result.deadlines["45"]
    assert decided > 0 and on_time == 0
    assert result.stand_ins > 0 and result.signed_by["consent"]["executive_deputy"] > 0
    assert "county_head" not in result.signed_by["consent"]


def test_absent_signer_delays_signing(scenario) -> None:
    """A supervising deputy away for a month holds his documents until he is back."""
    base = build_inputs(scenario)
    deputy = max(set(base.unit_supervisors), key=base.unit_supervisors.count)
    away = Absence(deputy, date(2024, 3, 1), date(2024, 3, 31))
    delayed = build_inputs(dataclasses.replace(scenario, absences=(away,)))
    seed = replication_seeds(2, 1)[0]
    before = run_replication(base, 1.0, seed)
    after = run_replication(delayed, 1.0, seed)
    assert float(after.cycle_days.mean()) > float(before.cycle_days.mean())


def test_silent_cosigners_count_as_no_objection(scenario) -> None:
    """Art. 54: replies that would take months are cut off at the deadline and recorded as silence."""
    slow = dict(scenario.flow) | {"cosign_reply_days": {"mean": 200.0, "cv": 0.1}}
    inputs = build_inputs(dataclasses.replace(scenario, flow=slow))
    result = run_replication(inputs, 1.0, replication_seeds(3, 1)[0])
    cases, on_time = result.deadlines["54"]
    assert cases > 0 and on_time == 0
    assert result.silent_replies == cases
    # Documents still move on: the co-sign step never outlasts its 7 working days (+ queues).
    assert float(np.quantile(result.cycle_days, 0.5)) < 30


def test_plan_meetings_bring_decided_documents(scenario) -> None:
    """Within the plan's month the plan's standing meeting brings one document per decided item."""
    meeting = PlannedMeeting("standing-2024-05-1", "standing", "常务会议", date(2024, 5, 14), 600, 780, "r1",
                             scenario.county_head.id, items=("a", "b", "c"))
    plan = Plan(scenario.name, date(2024, 5, 1), date(2024, 5, 31), SolverInfo("OPTIMAL"), meetings=(meeting,))
    inputs = build_inputs(scenario, plan)
    may = [m for m in inputs.meetings if inputs.clock.working_ordinals[m.day_index] in
           range(date(2024, 5, 1).toordinal(), date(2024, 6, 1).toordinal())]
    assert [(m.documents, m.day_index) for m in may] == [(3, inputs.clock.day_index_of(date(2024, 5, 14)))]
    # Other months keep the policy's rhythm: two standing meetings a month (Art. 42).
    assert len(inputs.meetings) == 1 + 2 * 11


def test_bad_flow_parameters_name_their_field(scenario) -> None:
    bad = {"arrivals": {"request": -2}, "staff": {"office": 0}, "cosign_share": {"normative": 1.5},
           "head_signs_alone": {"normative": "yes"}}
    with pytest.raises(InputError) as caught:
        build_inputs(dataclasses.replace(scenario, flow=bad))
    paths = {p.path for p in caught.value.problems}
    assert paths == {"flow.arrivals.request", "flow.staff.office", "flow.cosign_share.normative",
                     "flow.head_signs_alone.normative"}
    assert all(p.file == scenario.source for p in caught.value.problems)


def test_horizon_beyond_the_calendar_is_an_error(scenario) -> None:
    with pytest.raises(InputError) as caught:
        build_inputs(dataclasses.replace(scenario, flow={"horizon_days": 365 * 80}))  # past 2099
    assert caught.value.problems[0].key == "sim.outside_calendar"


def test_sweep_uses_common_random_numbers_whatever_jobs(inputs) -> None:
    from simulation.flow.sweep import run_sweep, sweep_to_json

    serial = run_sweep(inputs, (1.0, 2.0), reps=2, seed=4, jobs=1)
    parallel = run_sweep(inputs, (1.0, 2.0), reps=2, seed=4, jobs=2)
    assert sweep_to_json(serial) == sweep_to_json(parallel)
    # The same replication at a higher load sees the same documents first, only sooner and more of them.
    seed = replication_seeds(4, 1)[0]
    light, heavy = FlowModel(inputs, 1.0, seed).docs, FlowModel(inputs, 2.0, seed).docs
    requests_light = [t for t, k in zip(light.office, light.kind, strict=True) if k == 0]
    requests_heavy = [t for t, k in zip(heavy.office, heavy.kind, strict=True) if k == 0]
    assert len(requests_heavy) > len(requests_light) > 0
    assert requests_heavy[:len(requests_light)] == requests_light


def test_leave_is_generated_beyond_the_scenarios_dates(scenario) -> None:
    """A two-year horizon: 2025 has no scenario absences, so leave is drawn there at the flow's rate."""
    inputs = build_inputs(dataclasses.replace(scenario, flow={"horizon_days": 731}))
    first_2025 = inputs.clock.day_index_of(date(2025, 1, 1))
    assert inputs.leave_day_indices and min(inputs.leave_day_indices) == first_2025
    model = FlowModel(inputs, 1.0, replication_seeds(6, 1)[0])
    generated = [start for presence in model.presence.values() for start in presence.starts
                 if start >= first_2025 * inputs.clock.day_minutes]
    # Four episodes a year per leader on average (flow.leave.episodes_per_year).
    assert len(generated) >= len(inputs.signers)


def test_flow_start_moves_the_simulated_year(scenario) -> None:
    inputs = build_inputs(dataclasses.replace(scenario, flow={"start": "2025-01-01"}))
    assert inputs.clock.start == date(2025, 1, 1)
    with pytest.raises(InputError) as caught:
        build_inputs(dataclasses.replace(scenario, flow={"start": "2025-02-30"}))
    assert [p.path for p in caught.value.problems] == ["flow.start"]
