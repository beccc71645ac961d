"""The agenda-load what-if (DESIGN §8): parameters, generator, one small sweep shared by the checks
(conservation, loads never looking better, kept plans checking clean, the JSON contract), and the
breaking-point rule on hand-made replications."""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from whatif_agenda_fixtures import MONTH_TIME_LIMIT, whatif_scenario

from scheduler.check import check_plan
from scheduler.domain import ABSENCE_KINDS
from scheduler.errors import InputError
from scheduler.plan import read_plan
from scheduler.scenario import load_scenario
from simulation.agenda.cycle import AgendaReplication, MonthRecord
from simulation.agenda.generator import AgendaGenerator, base_scenario, month_list
from simulation.agenda.params import agenda_params, derived_defaults
from simulation.agenda.report import AgendaSweep, summarise_load, sweep_table, sweep_to_json
from simulation.agenda.sweep import run_agenda_whatif
from simulation.seeds import replication_seeds

LOADS = (1.0, 3.0)
REPS = 2
MONTHS = 3


@pytest.fixture(scope="module")
def default_scenario():
    return load_scenario(None)


@pytest.fixture(scope="module")
def sweep_and_files() -> tuple[AgendaSweep, dict[str, bytes]]:
    """One small sweep for every check below: 2 loads x 2 replications x 3 months, plans kept."""
    kept: dict[str, bytes] = {}
    sweep = run_agenda_whatif(whatif_scenario(), LOADS, months=MONTHS, reps=REPS, seed=3,
                              month_time_limit=MONTH_TIME_LIMIT, keep_plan=kept.__setitem__)
    return sweep, kept


# ----- parameters ------------------------------------------------------------------------------

def test_defaults_are_read_off_the_scenarios_own_items(default_scenario) -> None:
    params = agenda_params(default_scenario)
    standing = [i for i in default_scenario.agenda if i.body == "standing"]
    assert len(standing) == 160
    assert params.start == (2024, 1)
    assert params.items_per_month == pytest.approx(160 / 12)
    assert sum(s.weight for s in params.sources) == 160
    assert params.pre_study_share == pytest.approx(sum(not i.pre_studied for i in standing) / 160)
    consensus = [i for i in standing if i.needs_consensus]
    assert params.no_consensus_share == pytest.approx(sum(not i.consensus for i in consensus) / len(consensus))
    assert params.county_wide_per_year == 9 and sum(c.weight for c in params.county_wide) == 9
    assert dict(params.priorities) == {p: float(n) for p, n in Counter(i.priority for i in standing).items()}
    assert params.pre_study_minutes == 60 and params.consensus_after_months == 1
    assert {kind for kind, _ in params.leave_kinds} <= set(ABSENCE_KINDS)
    leader_absences = [a for a in default_scenario.absences if a.who in default_scenario.leader_ids]
    assert params.leave_per_leader_per_year == pytest.approx(len(leader_absences) / len(default_scenario.leaders))


def test_a_scenario_overrides_a_default_and_the_rest_stay_derived(default_scenario) -> None:
    import dataclasses

    changed = dataclasses.replace(default_scenario, flow={"agenda": {"items_per_month": 20, "sent_back_share": 0,
                                                                     "consensus_after_months": None}})
    params = agenda_params(changed)
    assert params.items_per_month == 20 and params.sent_back_share == 0 and params.consensus_after_months is None
    assert params.pre_study_share == derived_defaults(default_scenario)["pre_study_share"]


def test_bad_parameters_name_their_field_paths() -> None:
    scenario = whatif_scenario(items_per_month=-1, sources={"nowhere": 1}, matters={"funds+cash": 1},
                               priorities={5: 1}, sent_back_share=1.5, leave={"kinds": {"holiday": 1}}, typo=1)
    with pytest.raises(InputError) as raised:
        agenda_params(scenario)
    paths = {p.path for p in raised.value.problems}
    assert paths == {"flow.agenda.items_per_month", "flow.agenda.sources.nowhere", "flow.agenda.matters.funds+cash",
                     "flow.agenda.priorities.5", "flow.agenda.sent_back_share", "flow.agenda.leave.kinds.holiday",
                     "flow.agenda.typo"}
    assert all(p.file == "whatif-tiny.yaml" for p in raised.value.problems)


# ----- generator -------------------------------------------------------------------------------

def _generator(scenario, months=4, rep=0):
    params = agenda_params(scenario)
    base = base_scenario(scenario)
    return base, AgendaGenerator(base, params, month_list(params.start, months), replication_seeds(5, rep + 1)[rep])


def test_base_scenario_keeps_what_is_not_generated(default_scenario) -> None:
    base = base_scenario(default_scenario)
    assert {i.body for i in base.agenda} == {"plenary"}
    assert {r.kind for r in base.meeting_requests} == {"study", "county_head_office", "thematic"}
    assert all(not r.for_items for r in base.meeting_requests)  # the file's pre-studies were for standing items
    assert base.absences == default_scenario.absences and base.commitments == default_scenario.commitments
    assert [e.kind for e in base.history] == ["county_wide"]  # the decided standing items went with them


def test_a_higher_load_adds_items_to_a_lower_loads_never_changes_them(default_scenario) -> None:
    _, generator = _generator(default_scenario)
    for index in range(4):
        low, high = generator.month(index, 1.0), generator.month(index, 2.5)
        assert set(low.items) <= set(high.items) and len(high.items) > len(low.items)
        assert set(low.requests) <= set(high.requests)
        assert low.absences == high.absences  # leave does not grow with the agenda load
        assert generator.month(index, 1.0) == low  # and nothing depends on what was drawn before


def test_generated_requests_keep_the_conveners_rules(default_scenario) -> None:
    base, generator = _generator(default_scenario, months=12)
    months = [generator.month(index, 2.0) for index in range(12)]
    items = {i.id: i for m in months for i in m.items}
    pre_studies = [r for m in months for r in m.requests if r.kind == "thematic"]
    assert pre_studies and sum(not i.pre_studied for i in items.values()) == len(pre_studies)
    for request in pre_studies:
        item = items[request.for_items[0]]
        assert request.convener == item.supervisor  # Art. 43
        assert item.submitted < request.earliest <= request.latest
        assert (request.earliest.year, request.earliest.month) == (request.latest.year, request.latest.month)
    county_wide = [r for m in months for r in m.requests if r.kind == "county_wide"]
    assert county_wide and all(r.convener == r.unit for r in county_wide)  # Art. 47: the holding unit
    absences = [a for m in months for a in m.absences]
    assert absences and all(a.kind in ABSENCE_KINDS and a.who in base.leader_ids for a in absences)
    assert all((a.start.year, a.start.month) == (a.end.year, a.end.month) and a.start <= a.end for a in absences)
    blocked = [i for i in items.values() if not i.consensus]
    assert blocked and all(i.needs_consensus for i in blocked)


# ----- one sweep, several checks -----------------------------------------------------------------

def test_every_replication_conserves_items(sweep_and_files) -> None:
    sweep, _ = sweep_and_files
    for summary in sweep.loads:
        assert len(summary.replications) == REPS
        for rep in summary.replications:
            assert rep.arrived == rep.heard + rep.pending_end
            assert rep.heard == len(rep.lead_days) and rep.pending_end == len(rep.pending_age)
            assert rep.months[-1].backlog == rep.pending_end
            assert all(m.status in ("OPTIMAL", "FEASIBLE") for m in rep.months)


def test_a_higher_load_never_looks_better(sweep_and_files) -> None:
    sweep, _ = sweep_and_files
    low, high = sweep.loads
    for small, large in zip(low.replications, high.replications, strict=True):
        assert large.arrived > small.arrived  # common random numbers: load 3's items include load 1's
    assert high.lead.mean >= low.lead.mean
    assert high.backlog_by_month[-1].mean > low.backlog_by_month[-1].mean
    assert high.backlog_trend.mean > low.backlog_trend.mean
    assert high.within_target.mean <= low.within_target.mean


def test_kept_monthly_plans_check_clean_against_the_scenario_the_planner_saw(sweep_and_files, tmp_path) -> None:
    sweep, kept = sweep_and_files
    months = [m.month for m in sweep.loads[0].replications[0].months]
    expected = {f"load-{load:g}/rep-{rep}/{month}.{ext}" for load in LOADS for rep in (1, 2)
                for month in months for ext in ("yaml", "json")}
    assert set(kept) == expected
    for path, data in kept.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    folder = tmp_path / "load-3" / "rep-2"
    decided, heard = frozenset[str](), set[str]()
    for month in months:  # every month of the busiest replication, in order
        scenario = load_scenario(folder / f"{month}.yaml")
        plan = read_plan(folder / f"{month}.json")
        assert plan.scenario_sha256 == hashlib.sha256((folder / f"{month}.yaml").read_bytes()).hexdigest()
        assert check_plan(scenario, plan).clean
        # The history the planner saw holds what the earlier months decided, and only what they heard.
        assert decided <= scenario.decided_items and scenario.decided_items - decided <= heard
        decided, heard = scenario.decided_items, {i for m in plan.meetings for i in m.items}
    assert heard  # the last month heard items too


def test_json_is_the_design_contract(sweep_and_files) -> None:
    sweep, _ = sweep_and_files
    document = json.loads(json.dumps(sweep_to_json(sweep, "en")))
    assert document["format"] == "govcal.whatif.agenda/1"
    assert (document["months"], document["reps"], document["seed"]) == (MONTHS, REPS, 3)
    assert document["scenario"] == "测试县 2024"
    assert [entry["load"] for entry in document["loads"]] == list(LOADS)
    for entry in document["loads"]:
        items = entry["items"]
        assert items["arrived"] == pytest.approx(items["heard"] + items["pending_end"])
        assert set(entry["lead_working_days"]) >= {"mean", "p90", "ci95"}
        assert 0 <= entry["heard_within_target"]["mean"] <= 1 and len(entry["heard_within_target"]["ci95"]) == 2
        assert len(entry["backlog_by_month"]) == MONTHS
        assert entry["standing_per_month"]["mean"] == pytest.approx(1.0)  # policy [1, 1]
        assert set(entry["leader_meeting_hours_per_month"]) >= {"mean", "max"}
        assert entry["leader_meeting_hours_per_month"]["max"] >= entry["leader_meeting_hours_per_month"]["mean"]
        assert all(isinstance(v, float | int) for v in entry["deferred_by_article"].values())
        assert 0 <= entry["art45_on_time"]["mean"] <= 1
        assert entry["plan_seconds"]["max"] >= entry["plan_seconds"]["mean"] > 0
    point = document["breaking_point"]
    assert set(point) >= {"load", "criterion"} and isinstance(point["criterion"], str) and point["criterion"]


# ----- the breaking point, on hand-made replications --------------------------------------------

def _replication(backlog: list[int], lead: list[float], load: float = 1.0) -> AgendaReplication:
    months = tuple(MonthRecord(f"2024-{i + 1:02d}", "OPTIMAL", 0.1, b, {"standing": 2}, {"head": 360}, {"43": 1}, {})
                   for i, b in enumerate(backlog))
    pending = backlog[-1]
    return AgendaReplication(load, 0, 0, len(lead) + pending, len(lead), pending, 0, np.array(lead),
                             np.zeros(pending), months, ("head", "exec"), (10, 9), 0.0, 0.0)


def _sweep(*loads: tuple[float, list[AgendaReplication]]) -> AgendaSweep:
    return AgendaSweep("X", "2024-01", ("2024-01", "2024-02", "2024-03", "2024-04"), 2, 1, 3.0, 30, 0.8,
                       tuple(summarise_load(load, reps, 30) for load, reps in loads), {})


def test_breaking_point_is_the_lowest_load_whose_backlog_grows_or_misses_the_target() -> None:
    steady = [_replication([2, 3, 2, 3], [5, 10]), _replication([3, 2, 3, 2], [6, 12])]
    growing = [_replication([2, 5, 8, 11], [5, 10]), _replication([3, 6, 9, 12], [6, 12])]
    creeping = [_replication([2, 2, 3, 3], [5, 10]), _replication([3, 3, 3, 4], [6, 12])]  # +0.5 a month
    slow = [_replication([2, 3, 2, 3], [40, 50, 10]), _replication([3, 2, 3, 2], [45, 20, 35])]
    assert _sweep((1.0, steady), (2.0, growing)).breaking_point() == (2.0, "backlog")
    assert _sweep((1.0, steady), (1.5, slow), (2.0, growing)).breaking_point() == (1.5, "target")
    assert _sweep((1.0, steady), (1.2, creeping)).breaking_point() == (None, "none")
    summary = summarise_load(1.0, steady, 30)
    assert summary.leader_hours.mean == pytest.approx(3.0)  # head 6 h a month, exec 0
    assert summary.leader_hours_max == pytest.approx(6.0) and summary.busiest_leader == "head"
    assert summary.deferred_by_article == {"43": 4.0}
    assert summary.within_target.mean == pytest.approx(1.0) and not math.isnan(summary.lead.mean)


def test_table_shows_every_load_and_the_verdict() -> None:
    sweep = _sweep((1.0, [_replication([2, 3, 2, 3], [5, 10])] * 2), (2.0, [_replication([2, 5, 8, 11], [5, 10]),
                                                                          _replication([3, 6, 9, 12], [6, 12])]))
    english = sweep_table(sweep, "en")
    assert "×1 " in english and "×2 " in english
    assert english.rstrip().endswith("breaking point: x2: backlog grows month after month "
                                     "(the 95% interval of its monthly growth lies above 1 item)")
    assert "Art. 43 4.0" in english
    assert "临界负荷：×2" in sweep_table(sweep, "zh")


def test_month_list_crosses_the_year() -> None:
    assert month_list((2024, 11), 3) == [(2024, 11), (2024, 12), (2025, 1)]


def test_kept_paths_are_per_load_replication_and_month() -> None:
    from simulation.agenda.cycle import kept_paths

    assert kept_paths(1.5, 0, "2024-05") == ("load-1.5/rep-1/2024-05.yaml", "load-1.5/rep-1/2024-05.json")
    assert Path(kept_paths(2.0, 9, "2024-12")[1]).parts[:2] == ("load-2", "rep-10")
