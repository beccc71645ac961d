"""The document flow keeps Art. 52 (who signs) and Art. 54 (co-signing before submission), on a tiny
county small enough to check by hand: the conftest's four leaders and three units in May 2024, the
county head away on a trip from Monday 13 to Friday 17 May, one kind of document at a time."""

from __future__ import annotations

from datetime import date
from typing import Any

import yaml

from scheduler.scenario import parse_scenario
from simulation.flow.inputs import build_inputs
from simulation.flow.model import FlowModel, TraceEvent, measure
from simulation.seeds import replication_seeds

NO_ARRIVALS = {"request": 0.0, "report": 0.0, "normative": 0.0, "consent": 0.0, "proposal": 0.0}


def tiny_model(scenario_data: dict[str, Any], flow: dict[str, Any], head_away: bool = True) -> FlowModel:
    """Six weeks from 1 May with no warm-up, no meetings' decisions and no generated leave."""
    data = dict(scenario_data, flow={"start": "2024-05-01", "horizon_days": 45, "warmup_days": 0,
                                     "decided_per_meeting": 0, **flow})
    if not head_away:
        data["absences"] = []
    inputs = build_inputs(parse_scenario(yaml.safe_dump(data, allow_unicode=True), "tiny.yaml"))
    return FlowModel(inputs, 1.0, replication_seeds(1, 1)[0], trace=True).run()


def steps_of(model: FlowModel) -> dict[int, list[TraceEvent]]:
    assert model.trace is not None
    by_document: dict[int, list[TraceEvent]] = {}
    for event in model.trace:
        by_document.setdefault(event.document, []).append(event)
    return by_document


def test_52_a_normative_document_waits_for_the_county_head(tiny_scenario_data: dict[str, Any]) -> None:
    """Art. 52: normative documents are signed by the county head alone; the executive deputy, in all
    May, never signs one for him, and one reaching him during his trip is signed after his return."""
    flow = {"arrivals": {**NO_ARRIVALS, "normative": 2.0}}
    model = tiny_model(tiny_scenario_data, flow)
    clock = model.inputs.clock
    trip = (clock.day_index_of(date(2024, 5, 13)) * clock.day_minutes,
            clock.day_index_of(date(2024, 5, 20)) * clock.day_minutes)
    signed_for_issue = [[e for e in events if e.step == "signed"][-1]
                        for events in steps_of(model).values() if any(e.step == "issued" for e in events)]
    assert signed_for_issue and {e.who for e in signed_for_issue} == {"head"}
    assert not any(trip[0] <= e.work_minute <= trip[1] for e in signed_for_issue)
    waited = [e for e in signed_for_issue if trip[1] < e.work_minute < trip[1] + clock.day_minutes]
    assert waited  # documents that reached him while away, signed on the Monday he is back
    assert model.stand_ins == 0
    # The wait shows in the cycle time: the same documents without the trip move faster.
    at_home = tiny_model(tiny_scenario_data, flow, head_away=False)
    assert measure(model).cycle_by_kind["normative"] > measure(at_home).cycle_by_kind["normative"]


def test_52_the_executive_deputy_signs_what_the_head_or_he_may_sign(tiny_scenario_data: dict[str, Any]) -> None:
    """Art. 52: a joint "with the county government's consent" document across portfolios is signed by
    the county head or the executive deputy: with the head away, the executive deputy signs it."""
    flow = {"arrivals": {**NO_ARRIVALS, "consent": 2.0}, "signers": {"consent": ["supervisor", "head"]}}
    model = tiny_model(tiny_scenario_data, flow)
    signers = {[e for e in events if e.step == "signed"][-1].who
               for events in steps_of(model).values() if any(e.step == "issued" for e in events)}
    assert signers == {"head", "exec"}
    assert model.stand_ins > 0


def test_54_co_signing_comes_before_the_offices_registration(tiny_scenario_data: dict[str, Any]) -> None:
    """Art. 54: the lead unit co-signs with the other units, then submits (会签后联合报): the office's
    registration starts only after the last reply or the deadline."""
    flow = {"arrivals": {**NO_ARRIVALS, "request": 2.0}, "cosign_share": {"request": 1.0}}
    model = tiny_model(tiny_scenario_data, flow)
    checked = 0
    for index, events in steps_of(model).items():
        steps = {e.step: e.work_minute for e in events}
        if "registered" in steps:
            registration_start = steps["registered"] - model.docs.office[index]
            assert steps["cosigned"] <= registration_start + 1e-9
            checked += 1
    assert checked > 10


def test_54_co_signing_is_the_units_time_not_the_county_governments(tiny_scenario_data: dict[str, Any]) -> None:
    """Co-sign replies that would take months are cut at 7 working days (at least 9 calendar days), all
    before submission: the county government's cycle time starts after them and stays shorter."""
    flow = {"arrivals": {**NO_ARRIVALS, "request": 2.0}, "cosign_share": {"request": 1.0},
            "cosign_reply_days": {"mean": 200.0, "cv": 0.1}}
    result = measure(tiny_model(tiny_scenario_data, flow, head_away=False))
    assert result.completed > 10
    assert result.cycle_by_kind["request"] < 9
