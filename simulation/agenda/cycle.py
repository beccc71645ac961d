"""One replication of the agenda-load what-if: the office's monthly cycle in memory, then the document flow.

For each month (DESIGN §8): add the month's generated items, requests and leave (`simulation.agenda.generator`);
plan the month with the real planner (`scheduler.solve.plan`) on the state the earlier months left;
hold every meeting as planned, deciding its items except those sent back for more work
(`scheduler.cycle.held_as_planned`); turn the outcomes into history (`plan_events`) and advance the
state (`advance`), exactly as the ledger would. After the last month, the meetings' decisions go into
the SimPy document-flow model as decided documents (`simulation.flow.model`), so Art. 45 (issued within
`policy.issue_within_working_days`) is measured on what the planner decided.

A task is plain data (the scenario as a mapping, not the frozen `Scenario`, whose read-only flow
mapping does not pickle), so it runs the same in this process, a worker process or a Dask worker.
Its random streams derive from (seed, replication) alone: the same at every load (common random
numbers) and on every executor. With `keep_plans`, each month's scenario (as YAML the loader reads)
and plan (JSON whose `scenario_sha256` is that YAML's) come back as bytes for the caller to write,
so remote workers need no shared disk.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import numpy as np

from scheduler.cycle import advance, held_as_planned, plan_events
from scheduler.domain import MeetingRequest, Scenario
from scheduler.i18n import Lang
from scheduler.period import month_bounds, month_period
from scheduler.plan import Plan, PlannedMeeting, SolverInfo, plan_to_text
from scheduler.scenario import scenario_from_mapping, scenario_to_yaml
from scheduler.solve import plan as plan_month
from simulation.agenda.generator import AgendaGenerator, base_scenario, month_label, month_list, run_calendar
from simulation.agenda.params import AgendaParams, agenda_params
from simulation.flow.inputs import FlowInputs, build_inputs
from simulation.flow.model import run_replication
from simulation.flow.params import flow_params
from simulation.seeds import children, replication_seeds

# A replication's streams, in this order: the generator's, the planner's seed, the document flow's.
STREAMS = ("generation", "planner", "flow")
NO_ARTICLE = "none"  # deferrals and rejections that cite no article (the office's preferences)


@dataclass(frozen=True, slots=True)
class AgendaTask:
    scenario: Mapping[str, Any]  # `scenario_to_mapping` of the scenario file as loaded
    scenario_key: str  # identifies that mapping (a digest), so a process parses it once
    source: str
    load: float
    load_index: int
    rep: int
    seed: int
    months: int
    month_time_limit: float
    keep_plans: bool = False
    lang: Lang = "zh"
    # The scenario's own agenda and requests through the same cycle, nothing generated: the baseline
    # a load-1 run is compared with.
    own_agenda: bool = False


@dataclass(frozen=True, slots=True)
class MonthRecord:
    """What one month's plan did."""

    month: str
    status: str
    seconds: float  # wall-clock seconds of `plan()`, model building included
    backlog: int  # items pending at the month's end, after its outcomes
    meetings: dict[str, int]  # kind -> meetings held
    leader_minutes: dict[str, int]  # leader -> minutes in meetings
    deferred: dict[str, int]  # article -> deferrals citing it
    rejected: dict[str, int]  # article -> rejected requests citing it


@dataclass(frozen=True, slots=True)
class AgendaReplication:
    load: float
    load_index: int
    rep: int
    arrived: int
    heard: int  # decided: heard and not sent back
    pending_end: int
    sent_back: int
    lead_days: np.ndarray  # working days from submission to the deciding hearing, per item heard
    pending_age: np.ndarray  # working days since submission at the run's end, per item pending
    months: tuple[MonthRecord, ...]
    leaders: tuple[str, ...]
    art45: tuple[int, int]  # (decided documents counted, issued on time)
    flow_seconds: float
    seconds: float
    kept: tuple[tuple[str, bytes], ...] = ()


def replication_streams(seed: int, rep: int) -> dict[str, np.random.SeedSequence]:
    """The replication's streams: child `rep` of the user's seed, whatever the load or executor."""
    return dict(zip(STREAMS, children(replication_seeds(seed, rep + 1)[rep], len(STREAMS)), strict=True))


_PARSED: dict[str, Scenario] = {}


def task_scenario(task: AgendaTask) -> Scenario:
    """The task's scenario, parsed once per process and sweep (`scenario_key` tells sweeps apart)."""
    found = _PARSED.get(task.scenario_key)
    if found is None:
        _PARSED.clear()  # one sweep at a time: keep only its scenario
        found = _PARSED[task.scenario_key] = scenario_from_mapping(dict(task.scenario), task.source)
    return found


def scenario_yaml(scenario: Scenario) -> str:
    """The scenario as YAML the loader reads back to the same data."""
    return scenario_to_yaml(scenario)


def kept_paths(load: float, rep: int, month: str) -> tuple[str, str]:
    folder = f"load-{load:g}/rep-{rep + 1}"
    return f"{folder}/{month}.yaml", f"{folder}/{month}.json"


def _articles(rules: tuple[str, ...]) -> tuple[str, ...]:
    return rules or (NO_ARTICLE,)


def _month_record(label: str, status: str, seconds: float, backlog: int, plan: Plan | None,
                  leaders: frozenset[str]) -> MonthRecord:
    meetings: Counter[str] = Counter()
    minutes: Counter[str] = Counter()
    deferred: Counter[str] = Counter()
    rejected: Counter[str] = Counter()
    if plan is not None:
        for meeting in plan.meetings:
            meetings[meeting.kind] += 1
            for person in meeting.attendees:
                if person in leaders:
                    minutes[person] += meeting.end - meeting.start
        for deferral in plan.deferred:
            deferred.update(_articles(deferral.rules))
        for rejection in plan.rejected:
            rejected.update(_articles(rejection.rules))
    return MonthRecord(label, status, seconds, backlog, dict(meetings), dict(minutes), dict(deferred), dict(rejected))


def flow_inputs(scenario: Scenario, decided: tuple[PlannedMeeting, ...], first: date, last: date, load: float,
                params: AgendaParams) -> FlowInputs:
    """The document flow over the simulated months, after a warm-up of `flow.warmup_days` before them:
    the decided documents are exactly the meetings' decided items; the office's other documents grow
    with the load when `documents_follow_load`."""
    flow = {key: value for key, value in scenario.flow.items() if key != "agenda"}
    warmup = flow_params(flow, scenario.source).warmup_days
    flow |= {"start": first - timedelta(days=warmup), "horizon_days": warmup + (last - first).days + 1}
    meetings = Plan(scenario.name, first, last, SolverInfo("FEASIBLE"), decided)
    inputs = build_inputs(replace(scenario, flow=flow), meetings)
    if not params.documents_follow_load:
        return inputs
    kinds = tuple(replace(kind, per_day=kind.per_day * load) for kind in inputs.params.kinds)
    return replace(inputs, params=replace(inputs.params, kinds=kinds))


def run_agenda_replication(task: AgendaTask) -> AgendaReplication:
    """One replication (module docstring)."""
    began = time.perf_counter()
    scenario = task_scenario(task)
    params = agenda_params(scenario)
    months = month_list(params.start, task.months)
    streams = replication_streams(task.seed, task.rep)
    state = scenario if task.own_agenda else base_scenario(scenario)
    initially_decided = state.decided_items
    generator = AgendaGenerator(state, params, months, streams["generation"], task.lang)
    calendar = run_calendar(state, months)
    planner_seed = int(streams["planner"].generate_state(1)[0] % (2**31 - 1))
    leaders = state.leader_ids
    marks: dict[str, float] = {}
    consensus_due: dict[int, set[str]] = {}
    heard_once: set[str] = set()
    decided_on: dict[str, date] = {}
    pre_study_attempts: dict[str, int] = {}
    retries: tuple[MeetingRequest, ...] = ()
    decided_meetings: list[PlannedMeeting] = []
    records: list[MonthRecord] = []
    kept: list[tuple[str, bytes]] = []
    sent_back_count = 0
    for index, month in enumerate(months):
        arrivals = generator.nothing() if task.own_agenda else generator.month(index, task.load)
        marks.update(arrivals.sent_back_mark)
        for item_id, due in arrivals.consensus_month.items():
            consensus_due.setdefault(due, set()).add(item_id)
        agreed = consensus_due.pop(index, set())
        state = replace(
            state,
            agenda=(*(replace(i, consensus=True) if i.id in agreed else i for i in state.agenda), *arrivals.items),
            meeting_requests=(*state.meeting_requests, *retries, *arrivals.requests),
            absences=(*state.absences, *arrivals.absences))
        for request in arrivals.requests:
            pre_study_attempts.update(dict.fromkeys(request.for_items, 1))
        label = month_label(month)
        period = month_period(label)
        solving = time.perf_counter()
        result = plan_month(state, period, time_limit=task.month_time_limit, seed=planner_seed, workers=1,
                            lang=task.lang)
        seconds = time.perf_counter() - solving
        plan = result.plan
        if task.keep_plans:
            text = scenario_yaml(state).encode("utf-8")
            yaml_path, json_path = kept_paths(task.load, task.rep, label)
            kept.append((yaml_path, text))
            if plan is not None:
                signed = replace(plan, scenario_sha256=hashlib.sha256(text).hexdigest())
                kept.append((json_path, plan_to_text(signed, task.lang).encode("utf-8")))
        retries = ()
        if plan is not None:
            first_hearings = {i for m in plan.meetings for i in m.items if i not in heard_once}
            sent_back = {i for i in first_hearings if marks.get(i, 1.0) < params.sent_back_share}
            heard_once |= first_hearings
            sent_back_count += len(sent_back)
            outcomes = held_as_planned(plan, sent_back)
            state = advance(state, plan_events(plan, outcomes))
            for meeting, outcome in zip(plan.meetings, outcomes, strict=True):
                decided_on.update(dict.fromkeys(outcome.decided, meeting.date))
                decided_meetings.append(replace(meeting, items=outcome.decided))
            retries = _pre_study_retries(generator, state, plan, pre_study_attempts, period.end)
        records.append(_month_record(label, result.status, seconds, len(state.pending_items(period.end)), plan,
                                     leaders))

    first_day = month_bounds(*months[0])[0]
    last_day = month_bounds(*months[-1])[1]
    items = {i.id: i for i in state.agenda}
    arrived = [i for i in state.agenda if i.submitted <= last_day and i.id not in initially_decided]
    pending = state.pending_items(last_day)
    assert len(arrived) == len(decided_on) + len(pending), "an agenda item was lost or counted twice"
    lead = np.array([calendar.working_days_between(items[i].submitted, day) for i, day in decided_on.items()],
                    dtype=float)
    age = np.array([calendar.working_days_between(i.submitted, last_day) for i in pending], dtype=float)

    flowing = time.perf_counter()
    inputs = flow_inputs(state, tuple(decided_meetings), first_day, last_day, task.load, params)
    flow = run_replication(inputs, 1.0, streams["flow"])
    return AgendaReplication(
        load=task.load, load_index=task.load_index, rep=task.rep,
        arrived=len(arrived), heard=len(decided_on), pending_end=len(pending), sent_back=sent_back_count,
        lead_days=lead, pending_age=age, months=tuple(records), leaders=tuple(x.id for x in state.leaders),
        art45=flow.deadlines["45"], flow_seconds=time.perf_counter() - flowing,
        seconds=time.perf_counter() - began, kept=tuple(kept))


def _pre_study_retries(generator: AgendaGenerator, state: Scenario, plan: Plan, attempts: dict[str, int],
                       month_end: date) -> tuple[MeetingRequest, ...]:
    """Pre-studies this month's plan left unplaced, requested again next month for their items still pending."""
    pending = {i.id: i for i in state.pending_items(month_end)}
    retries = []
    for rejection in plan.rejected:
        request = state.request(rejection.request)
        if request.kind != "thematic" or request.latest > month_end:
            continue
        for item_id in request.for_items:
            if item_id in pending and item_id in attempts:
                attempts[item_id] += 1
                again = generator.pre_study(pending[item_id], month_end, attempts[item_id])
                if again is not None:
                    retries.append(again)
    return tuple(retries)
