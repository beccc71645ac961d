"""`plan(scenario, period)`: build the instance, solve the CP-SAT model, and turn the answer into a Plan.

A period of one month is solved directly. A longer period is solved in two stages:

1. *rolling months*: each month is solved in turn, with what earlier months placed entered as
   history (meetings held, items decided, requests held), so monthly and yearly limits, study
   windows and thematic-before-item orders carry across; this gives a good plan quickly;
2. the whole period's model, hinted with that plan, improves it and proves a bound in the time left.

The better plan is returned; its objective is recomputed by `scheduler.objective` over the whole
period, which is exactly what the checker recomputes.

Determinism: the same input and seed give the same plan. Every search runs in one thread: the
rolling months with CP-SAT's single worker, the whole-period stage with `workers` subsolvers
interleaved (``interleave_search``) when `workers` > 1. Both are deterministic, and the time limit
is turned into a deterministic-time limit, so a search cut short stops at the same point on every
run. Measured on the default scenario's year (20 s): one worker reached 1517 (gap 1.4%), two
interleaved 1608 (gap 7.4%), hence the default of 1.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from ortools.sat.python import cp_model

from scheduler import explain
from scheduler.assemble import HeldMeeting, assemble_plan
from scheduler.baseline import run_greedy
from scheduler.check import check_plan
from scheduler.domain import HistoryEvent, Scenario
from scheduler.i18n import Lang
from scheduler.model.build import build_model
from scheduler.model.data import PlanningData
from scheduler.model.variables import PlanModel
from scheduler.objective import penalties
from scheduler.period import Period, month_bounds
from scheduler.plan import Plan, PlannedMeeting, Result, SolverInfo

_STATUS = {cp_model.OPTIMAL: "OPTIMAL", cp_model.FEASIBLE: "FEASIBLE", cp_model.INFEASIBLE: "INFEASIBLE",
           cp_model.UNKNOWN: "UNKNOWN", cp_model.MODEL_INVALID: "MODEL_INVALID"}
# CP-SAT deterministic time units granted per second of the time limit. Measured on the 2-core dev
# machine at 0.5-1 units per wall second on these models, so the deterministic limit (which makes a
# search cut short stop at the same point on every run) normally binds before the wall-clock limit,
# which only keeps the time limit a promise on a slow or busy machine.
DETERMINISTIC_PER_SECOND = 0.5
MONTH_FLOOR_SECONDS = 1.0  # each rolling month gets at least this much
MIN_SEARCH_SECONDS = 0.5  # a search gets at least this much even when building its model used the budget
WHOLE_STAGE_MIN_SECONDS = 2.0  # the whole-period stage needs this much search time beyond building its model
# Building the whole period's model takes longer per item placement than the months' models did
# (measured on L: 37 s against ~26 s foreseen from the months); the foresight is scaled by this.
WHOLE_BUILD_MARGIN = 1.5
ROLLING_SHARE = 0.6  # of the time limit, for the rolling months; the whole-period search gets the rest


@dataclass(slots=True)
class BuildClock:
    """Seconds spent building models and the item placements they held, to foresee how long a
    larger model will take to build (model building grows with the placements, which dominate it)."""

    seconds: float = 0.0
    placements: int = 0

    def record(self, seconds: float, placements: int) -> None:
        self.seconds += seconds
        self.placements += placements

    def foresee(self, placements: int) -> float:
        return self.seconds / max(1, self.placements) * placements


def plan(scenario: Scenario, period: Period, *, time_limit: float = 20.0, seed: int = 0, workers: int = 1,
         lang: Lang = "zh", log: Callable[[str], None] | None = None) -> Result:
    """Plan `period` of `scenario`; see `scheduler.plan.Result` for what comes back.

    `time_limit` seconds in all (building models included); `seed` fixes the search, so the same
    input and seed give the same plan; `workers` > 1 interleaves that many CP-SAT subsolvers in the
    whole-period stage of a multi-month period; texts of the plan (titles, reasons, penalty
    details) are in `lang`; `log` receives progress lines.
    """
    began = time.perf_counter()
    say = log or (lambda _message: None)
    data = PlanningData(scenario, period)
    conflicts = explain.precheck(data, lang)
    if conflicts:
        return Result(SolverInfo("INFEASIBLE", seconds=time.perf_counter() - began), None, tuple(conflicts))
    steps = _month_steps(period)
    if len(steps) == 1:
        return _solve_model(data, None, time_limit, seed, 1, lang, say, began)
    clock = BuildClock()
    rolled = _roll_months(data, steps, time_limit * ROLLING_SHARE, seed, lang, say, clock)
    if rolled.plan is None:
        return replace(rolled, solver=replace(rolled.solver, seconds=time.perf_counter() - began))
    remaining = time_limit - (time.perf_counter() - began)
    whole_build = WHOLE_BUILD_MARGIN * clock.foresee(sum(len(info.slots) for info in data.items.values()))
    if remaining < whole_build + WHOLE_STAGE_MIN_SECONDS:
        # Too little time to build the whole period's model and search it: the rolling plan stands
        # (building it anyway overran a 60 s limit by 30 s on L).
        say(f"whole-period stage skipped: {remaining:.1f} s left, its model would take ~{whole_build:.1f} s")
        info = SolverInfo("FEASIBLE", rolled.objective, None, None, time.perf_counter() - began)
        return Result(info, replace(rolled.plan, solver=info))
    whole = _solve_model(data, rolled.plan, remaining, seed, workers, lang, say, began)
    if whole.plan is not None and whole.objective is not None and whole.objective <= rolled.objective:
        return whole
    status = "OPTIMAL" if whole.bound is not None and whole.bound >= rolled.objective else "FEASIBLE"
    info = SolverInfo(status, rolled.objective, whole.bound, _gap(rolled.objective, whole.bound),
                      time.perf_counter() - began)
    return Result(info, replace(rolled.plan, solver=info))


def _gap(objective: float | None, bound: float | None) -> float | None:
    if objective is None or bound is None:
        return None
    return 0.0 if objective <= bound else (objective - bound) / max(1.0, abs(objective))


def _month_steps(period: Period) -> list[Period]:
    steps = []
    for year, month in period.months():
        first, last = month_bounds(year, month)
        steps.append(Period(max(first, period.start), min(last, period.end)))
    return steps


def _solver(time_limit: float, seed: int, workers: int, presolve: bool = True) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.random_seed = seed
    params.num_workers = max(1, workers)
    params.interleave_search = workers > 1
    # Probing at the search's start costs more than it saves on these time-indexed models (it expands
    # the leaders' at-most-one cliques into hundreds of thousands of binary clauses). Presolve pays on
    # a month since items are ordered within classes (`add_item_dominance`): S 2.6 s -> 1.5 s, the
    # default scenario's July proven optimal in 9.7 s instead of unproven at 10 s; on the whole year's
    # model it costs more than it saves (default year, 20 s: unproven 1974 instead of optimal 1496).
    params.cp_model_presolve = presolve
    params.cp_model_probing_level = 0
    # The agendas are knapsacks (minutes per meeting, priority-weighted value); the fuller linear
    # relaxation proves them far sooner (default scenario, April alone: 2.8 s instead of > 20 s).
    params.linearization_level = 2
    params.max_deterministic_time = max(0.05, time_limit * DETERMINISTIC_PER_SECOND)
    params.max_time_in_seconds = max(0.1, time_limit)
    return solver


def _solve_model(data: PlanningData, hint: Plan | None, time_limit: float, seed: int, workers: int, lang: Lang,
                 say: Callable[[str], None], began: float, clock: BuildClock | None = None) -> Result:
    """Build and solve one instance's model, starting from `hint` (or the minimal plan; a search cut short
    without a better plan returns the greedy baseline's); `time_limit` counts the building too, which
    `clock` records."""
    building = time.perf_counter()
    pm = build_model(data)
    if clock is not None:
        clock.record(time.perf_counter() - building, len(pm.z))
    proto = pm.model.Proto()
    say(f"model {data.period.label()}: {len(data.slots)} meetings, {len(pm.z)} item placements, "
        f"{len(proto.variables)} variables, {len(proto.constraints)} constraints")
    greedy = None
    if hint is not None:
        _add_hint(pm, hint)
    else:
        _add_minimal_hint(pm)
        greedy = _greedy_plan(data, lang)
    time_limit = max(MIN_SEARCH_SECONDS, time_limit - (time.perf_counter() - building))
    solver = _solver(time_limit, seed, workers, presolve=len(_month_steps(data.period)) == 1)
    status = _STATUS[solver.Solve(pm.model)]
    bound = max(0, round(solver.BestObjectiveBound())) if status in ("OPTIMAL", "FEASIBLE", "UNKNOWN") else None
    found = round(solver.ObjectiveValue()) if status in ("OPTIMAL", "FEASIBLE") else None
    if greedy is not None and status in ("FEASIBLE", "UNKNOWN") and (found is None or greedy[1] < found):
        # The search was cut short with nothing better than the greedy baseline's plan: return that
        # one; the search's bound still holds (every cost term is nonnegative, so it is at least 0).
        info = SolverInfo("FEASIBLE", greedy[1], bound, _gap(greedy[1], bound), time.perf_counter() - began)
        say(f"FEASIBLE (greedy plan): objective {greedy[1]}, bound {bound}")
        return Result(info, replace(greedy[0], solver=info))
    if status == "INFEASIBLE":
        groups = _conflicting_groups(data, seed, time_limit)
        return Result(SolverInfo(status, seconds=time.perf_counter() - began), None,
                      tuple(explain.from_assumptions(data, groups, lang)))
    if found is None:
        return Result(SolverInfo(status, None, bound, None, time.perf_counter() - began))
    objective = found
    seconds = time.perf_counter() - began
    info = SolverInfo(status, objective, bound, _gap(objective, bound), seconds)
    say(f"{status}: objective {objective}, bound {bound}, {seconds:.2f} s")
    return Result(info, extract_plan(data, pm, solver, info, lang))


def _roll_months(whole: PlanningData, steps: list[Period], time_limit: float, seed: int, lang: Lang,
                 say: Callable[[str], None], clock: BuildClock) -> Result:
    """Solve month by month, carrying each month's plan forward as history; recompute the objective
    over the `whole` period's instance; `clock` records the months' model building."""
    scenario, period = whole.scenario, whole.period
    context = scenario
    meetings: list[PlannedMeeting] = []
    rejected = []
    last = None
    deadline = time.perf_counter() + time_limit
    for index, step in enumerate(steps):
        began = time.perf_counter()
        # Each month gets an equal share of what is left (building its model included).
        share = max(MONTH_FLOOR_SECONDS, (deadline - began) / (len(steps) - index))
        data = PlanningData(context, step, whole=period)
        result = _solve_model(data, None, max(0.1, share - (time.perf_counter() - began)), seed, 1, lang, say, began,
                              clock)
        if result.plan is None:
            return result
        last = result.plan
        meetings.extend(last.meetings)
        final = index == len(steps) - 1
        rejected.extend(r for r in last.rejected if final or context.request(r.request).latest <= step.end)
        context = _advance(context, last, step.end)
    assert last is not None
    draft = Plan(scenario.name, period.start, period.end, SolverInfo("FEASIBLE"), tuple(meetings), last.deferred,
                 tuple(rejected))
    found = tuple(penalties(whole, draft, lang))
    objective = sum(p.cost for p in found)
    return Result(SolverInfo("FEASIBLE", objective), replace(draft, penalties=found))


def _advance(scenario: Scenario, done: Plan, step_end: date) -> Scenario:
    """The scenario as seen after `done`: its meetings and decided items in history, held requests
    pinned to the day they were held (so later items see their thematic meeting as done), and
    requests refused for good (window over) dropped (so their items know it was never held)."""
    events = list(scenario.history)
    held_on: dict[str, date] = {}
    for meeting in done.meetings:
        if meeting.kind in ("standing", "plenary", "study"):
            events.append(HistoryEvent(meeting.kind, meeting.date))
        if meeting.request is not None:
            held_on[meeting.request] = meeting.date
            request = scenario.request(meeting.request)
            if request.kind == "county_wide":
                events.append(HistoryEvent("county_wide", meeting.date, unit=request.unit or request.convener))
        events.extend(HistoryEvent("decided", meeting.date, item=item) for item in meeting.items)
    refused = {r.request for r in done.rejected if scenario.request(r.request).latest <= step_end}
    requests = tuple(replace(r, earliest=held_on[r.id], latest=held_on[r.id]) if r.id in held_on else r
                     for r in scenario.meeting_requests if r.id not in refused)
    return replace(scenario, history=tuple(events), meeting_requests=requests)


def _add_hint(pm: PlanModel, hint: Plan) -> None:
    """Start the whole-period search from the rolling plan."""
    data = pm.data
    slot_of = {slot.key: s for s, slot in enumerate(data.slots)}
    for meeting in hint.meetings:
        s = slot_of.get(meeting.id)
        if s is None:
            continue
        chosen = next((o for o, option in enumerate(data.slots[s].options)
                       if option.day == meeting.date and option.start == meeting.start), None)
        if chosen is None:
            continue
        for o, literal in enumerate(pm.x[s]):
            pm.model.AddHint(literal, o == chosen)
        pm.model.AddHint(pm.placed[s], True)
        for (index, room_id), literal in pm.room.items():
            if index == s:
                pm.model.AddHint(literal, room_id == meeting.room)
        for item_id in meeting.items:
            if (item_id, s) in pm.z:
                pm.model.AddHint(pm.z[(item_id, s)], True)
            if (item_id, s, meeting.date) in pm.v:
                pm.model.AddHint(pm.v[(item_id, s, meeting.date)], True)


def _add_minimal_hint(pm: PlanModel) -> None:
    """Hint the smallest plan: only the meetings the lower bounds require, placed greedily on the first
    option that clashes with nothing chosen; every item deferred, every request rejected. It is
    feasible whenever the greedy succeeds, so the search always has a plan to return and improve."""
    data = pm.data
    required = [s for _, (lower, indices) in (*data.standing_groups.items(), *data.plenary_groups.items())
                for s in indices[:lower]]
    required += [s for s in data.study_slot.values() if s is not None]
    taken: list[tuple[date, int, int, frozenset[str], str | None]] = []
    blocked = [(n.day, n.start, n.end, frozenset(n.free_deputies)) for n in data.npc_days]
    last_day: dict[str, date] = {}
    chosen: dict[int, tuple[int, str | None]] = {}
    capacity = {r.id: r.capacity for r in data.scenario.rooms}
    for s in required:
        slot = data.slots[s]
        rooms = [q for (index, q) in pm.room if index == s] or [None]
        for o, option in enumerate(slot.options):
            if slot.group in last_day and option.day <= last_day[slot.group]:
                continue
            clashes = [c for c in taken if c[0] == option.day and c[1] < option.end and option.start < c[2]]
            if any(c[3] & option.leaders for c in clashes) or any(
                    b[0] == option.day and b[1] < option.end and option.start < b[2] and b[3] & option.leaders
                    for b in blocked):
                continue
            free_rooms = [q for q in rooms
                          if q is None or (capacity[q] >= option.seats and all(c[4] != q for c in clashes))]
            if not free_rooms:
                continue
            room = free_rooms[0]
            chosen[s] = (o, room)
            taken.append((option.day, option.start, option.end, option.leaders, room))
            last_day[slot.group] = option.day
            break
    for s, literals in enumerate(pm.x):
        o_chosen, room = chosen.get(s, (None, None))
        for o, literal in enumerate(literals):
            pm.model.AddHint(literal, o == o_chosen)
        pm.model.AddHint(pm.placed[s], o_chosen is not None)
    for (s, q), literal in pm.room.items():
        pm.model.AddHint(literal, s in chosen and chosen[s][1] == q)
    heard = _fill_agendas(pm, {s: o for s, (o, _) in chosen.items()})
    for key, literal in pm.z.items():
        pm.model.AddHint(literal, heard.get(key[0]) == key[1])
    for (item_id, s, day), literal in pm.v.items():
        pm.model.AddHint(literal, heard.get(item_id) == s and data.slots[s].options[chosen[s][0]].day == day)


def _fill_agendas(pm: PlanModel, chosen: dict[int, int]) -> dict[str, int]:
    """Greedy agendas for the hinted meetings: items by priority, then readiness, into the first
    meeting they may go to with minutes left (items waiting for a thematic meeting stay out)."""
    data = pm.data
    room_left = {s: data.slots[s].minutes for s in chosen}
    heard: dict[str, int] = {}
    ordered = sorted(data.items.values(), key=lambda i: (i.item.priority, i.ready_workday, i.item.id))
    for info in ordered:
        if info.thematic is not None:
            continue
        for s in info.slots:
            if s in chosen and room_left[s] >= info.item.minutes and \
                    (info.item.id, s, data.slots[s].options[chosen[s]].day) in pm.v and \
                    chosen[s] in data.item_days(info, s).get(data.slots[s].options[chosen[s]].day, ()):
                heard[info.item.id] = s
                room_left[s] -= info.item.minutes
                break
    return heard


def _greedy_plan(data: PlanningData, lang: Lang) -> tuple[Plan, int] | None:
    """The greedy baseline's plan of the instance (`scheduler.baseline`) and its objective: what a search
    cut short must beat; None when the checker finds it breaks a rule (say, a required meeting it could
    not fit). Months cut short used to return the minimal hinted plan, every item deferred and request
    rejected: on M the year came out worse than the greedy's."""
    greedy = run_greedy(data).to_plan(0.0, lang)
    if not check_plan(data.scenario, greedy).clean:
        return None
    return greedy, sum(p.cost for p in greedy.penalties)


def _conflicting_groups(data: PlanningData, seed: int, time_limit: float) -> list[tuple[str, str]]:
    """Re-solve with assumption literals and read back a sufficient set of conflicting rule groups."""
    pm = build_model(data, explain=True)
    solver = _solver(max(1.0, time_limit), seed, 1)
    solver.Solve(pm.model)
    core = set(solver.SufficientAssumptionsForInfeasibility())
    return [key for key, literal in pm.assumptions.items() if literal.Index() in core]


def extract_plan(data: PlanningData, pm: PlanModel, solver: cp_model.CpSolver, info: SolverInfo,
                 lang: Lang) -> Plan:
    """Read the chosen options, rooms and item placements into a Plan with titles, reasons and penalties."""
    items_of: dict[int, list[str]] = {}
    for (item_id, s), literal in pm.z.items():
        if solver.BooleanValue(literal):
            items_of.setdefault(s, []).append(item_id)
    held = []
    for s, options in enumerate(pm.x):
        chosen = next((o for o, literal in enumerate(options) if solver.BooleanValue(literal)), None)
        if chosen is not None:
            room = next((q for (index, q), literal in pm.room.items() if index == s and solver.BooleanValue(literal)),
                        None)
            held.append(HeldMeeting(s, chosen, room, tuple(items_of.get(s, ()))))
    return assemble_plan(data, held, info, lang)
