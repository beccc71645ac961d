"""`plan(scenario, period)`: scenario -> instance -> a solver -> the finishing step -> Plan.

One straight pipeline: `Instance` (what can be held when, who attends, when items are ready) ->
`scheduler.cpsat.solve_instance`, started from `scheduler.greedy`'s plan -> `scheduler.finish`
(reasons, penalties). Nothing goes back: the checker (`scheduler.check`) is not called here.

A month is one model. A longer period is planned in two stages:

1. *rolling months*: each month in turn, on the state the earlier months leave (their meetings held
   and items decided, as history: `scheduler.cycle`), exactly as the office plans month by month;
2. the *whole period*: one model over all of it, built once when it fits the time left. Windows of
   two consecutive months are re-solved in turn with the rest of the plan fixed (a large-neighbourhood
   search: items and meetings move across month ends, which the months alone cannot see); then the
   whole model is searched from the best plan for what time is left, to improve it and prove a bound.

The time limit counts everything, model building included. Determinism: the same input and seed
give the same plan: searches use one worker or interleaved subsolvers, and each gets a
deterministic-time budget derived from the time limit alone (never from the clock), so a search cut
short stops at the same point on every run; the wall clock only keeps the time limit on a busy machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise

from scheduler.cpsat.search import BuiltModel, Search, conflicting_rules, fixed_outside
from scheduler.cycle import advance, held_as_planned, plan_events
from scheduler.domain import Scenario
from scheduler.explain import from_assumptions, plenary_reminders, precheck
from scheduler.finish import finish
from scheduler.greedy import greedy_solution
from scheduler.i18n import Lang, t
from scheduler.instance import Instance
from scheduler.period import Period, month_bounds
from scheduler.plan import Result, SolverInfo
from scheduler.solution import HeldMeeting, Solution

MIN_SEARCH_SECONDS = 0.2  # a search gets at least this much even when building its model used the budget
ROLLING_SHARE = 0.4  # of the time limit, for the rolling months
WINDOWS_SHARE = 0.3  # for the two-month windows; the whole model's search gets the rest
# Building the whole period's model takes about as long as the months' models together, and more
# (an item may go to any later month); it is built only when that fits the time left.
WHOLE_BUILD_MARGIN = 1.5


@dataclass(slots=True)
class Clock:
    """The time limit, counted from the start of `plan()`, and how long model building takes."""

    limit: float
    began: float = field(default_factory=time.perf_counter)
    build_seconds: float = 0.0
    greedy_seconds: float = 0.0

    def elapsed(self) -> float:
        return time.perf_counter() - self.began

    def left(self) -> float:
        return self.limit - self.elapsed()


def plan(scenario: Scenario, period: Period, *, time_limit: float = 20.0, seed: int = 0, workers: int = 1,
         lang: Lang = "zh", log: Callable[[str], None] | None = None, today: date | None = None) -> Result:
    """Plan `period` of `scenario`; see `scheduler.plan.Result` for what comes back.

    `time_limit` seconds in all; `seed` fixes the search (same input and seed, same plan); `workers`
    > 1 interleaves that many CP-SAT subsolvers in the whole-period stage; texts are in `lang`;
    `log` receives progress lines (one per month of a longer period); nothing is placed on or before
    `today` (None: no day is excluded)."""
    clock = Clock(time_limit)
    say = log or (lambda _message: None)
    instance = Instance(scenario, period, today=today)
    conflicts = precheck(instance)
    if conflicts:
        return Result(SolverInfo("INFEASIBLE", seconds=clock.elapsed()), None, tuple(conflicts))
    steps = month_steps(period)
    if len(steps) == 1:
        result = _solve_alone(instance, clock, seed, workers, lang, say)
    else:
        rolled = _roll_months(instance, steps, clock, seed, lang, say)
        result = rolled if isinstance(rolled, Result) else _improve(instance, rolled, clock, seed, workers, lang, say)
    return replace(result, notes=plenary_reminders(instance, result.plan)) if result.plan is not None else result


def month_steps(period: Period) -> list[Period]:
    steps = []
    for year, month in period.months():
        first, last = month_bounds(year, month)
        steps.append(Period(max(first, period.start), min(last, period.end)))
    return steps


def _gap(objective: float | None, bound: float | None) -> float | None:
    if objective is None or bound is None:
        return None
    return 0.0 if objective <= bound else (objective - bound) / max(1.0, abs(objective))


def _search(instance: Instance, clock: Clock, budget: float, seed: int, workers: int,
            hint: Solution | None = None, presolve: bool = False, cuts: bool = True) -> tuple[Search, Solution, bool]:
    """One search from `hint` (else the greedy plan) with a deterministic `budget` of seconds (`cuts`:
    with cutting planes, `scheduler.cpsat.builder.solve`). Returns
    the search, its start and whether the greedy plan keeps every lower bound (so it may stand in when
    a search is cut short)."""
    began = time.perf_counter()
    greedy = greedy_solution(instance)
    clock.greedy_seconds += time.perf_counter() - began
    start = hint or greedy
    building = time.perf_counter()
    model = BuiltModel(instance)
    clock.build_seconds += time.perf_counter() - building
    search = model.search(hint=start, time_limit=max(MIN_SEARCH_SECONDS, clock.left()), seed=seed, workers=workers,
                          presolve=presolve, budget=budget, cuts=cuts)
    return search, start, _complete(instance, greedy)


def _complete(instance: Instance, solution: Solution) -> bool:
    """Whether a (greedy) solution keeps the lower bounds and congress attendance the model demands."""
    held = {m.slot for m in solution.meetings}
    for groups in (instance.standing_groups, instance.plenary_groups):
        for lower, indices in groups.values():
            if sum(1 for s in indices if s in held) < lower:
                return False
    for window in instance.windows:
        own = instance.study_slot.get(window.key)
        if own is not None and own not in held and not any(
                instance.slots[m.slot].kind == "study" and instance.slots[m.slot].request is not None
                and window.first <= instance.slots[m.slot].options[m.option].day <= window.last
                for m in solution.meetings):
            return False
    return len(solution.attendance) == len(instance.congress)


def _solve_alone(instance: Instance, clock: Clock, seed: int, workers: int, lang: Lang,
                 say: Callable[[str], None]) -> Result:
    # A period planned alone (a month, a week) is a small model: cutting-plane rounds cost more than they
    # prune, and its whole relaxation is cheap to keep in the LP (S: 2.3 -> 0.76 s; the default months in
    # sequence: median 0.07 -> 0.04 s). A longer period's searches keep their cuts: the whole period's
    # bound needs them, and its rolling months are the whole period's hint.
    search, start, fallback = _search(instance, clock, clock.limit, seed, workers, cuts=False)
    answer = search.answer
    say(t("progress.alone", lang, period=instance.period.label(), variables=search.variables,
          constraints=search.constraints, status=answer.status, objective=answer.objective, bound=answer.bound,
          seconds=f"{answer.seconds:.2f}"))
    if answer.status == "INFEASIBLE":
        groups = conflicting_rules(instance, time_limit=max(1.0, clock.left()), seed=seed)
        return Result(SolverInfo("INFEASIBLE", seconds=clock.elapsed()), None,
                      tuple(from_assumptions(instance, groups)))
    draft = finish(instance, start, SolverInfo("FEASIBLE"), lang) if fallback else None
    start_objective = None if draft is None else sum(p.cost for p in draft.penalties)
    # The search's plan when it is better than its start, or as good and proven optimal.
    if search.solution is not None and (start_objective is None or answer.objective is None
                                        or answer.objective < start_objective
                                        or (answer.objective == start_objective and answer.status == "OPTIMAL")):
        info = SolverInfo(answer.status, answer.objective, answer.bound, _gap(answer.objective, answer.bound),
                          clock.elapsed())
        return Result(info, finish(instance, search.solution, info, lang))
    if draft is not None and start_objective is not None:
        # Cut short before any better solution (or, never expected, with a worse one): the greedy plan
        # stands, labelled as such, with the bound the search proved.
        info = _greedy_info(start_objective, answer.bound, clock)
        return Result(info, replace(draft, solver=info))
    return Result(SolverInfo(answer.status, None, answer.bound, None, clock.elapsed()))


def _greedy_info(objective: int, bound: int | None, clock: Clock) -> SolverInfo:
    status = "OPTIMAL" if bound is not None and bound >= objective else "FEASIBLE"
    return SolverInfo(status, objective, bound, _gap(objective, bound), clock.elapsed(), planner="greedy")


def _roll_months(whole: Instance, steps: list[Period], clock: Clock, seed: int, lang: Lang,
                 say: Callable[[str], None]) -> Solution | Result:
    """Plan month by month, each on the history the earlier months leave; the months' meetings, read
    onto the whole period's instance, are its first plan."""
    scenario = whole.scenario
    share = clock.limit * ROLLING_SHARE / len(steps)
    meetings: list[HeldMeeting] = []
    attendance: list[tuple[str, str]] = []
    for index, step in enumerate(steps):
        began = clock.elapsed()
        instance = Instance(scenario, step, whole=whole.period, calendar=whole.calendar, today=whole.today,
                            facts=tuple(m for m in whole.facts if step.contains(m.date)))
        conflicts = precheck(instance)
        if conflicts:
            return Result(SolverInfo("INFEASIBLE", seconds=clock.elapsed()), None, tuple(conflicts))
        search, start, fallback = _search(instance, clock, share, seed, 1)
        solution = search.solution or (start if fallback else None)
        if search.solution is not None and fallback and search.answer.objective is not None and \
                search.answer.objective > _objective(instance, start, lang):
            solution = start  # never worse than the plan the search started from
        if solution is None:
            if search.answer.status == "INFEASIBLE":
                groups = conflicting_rules(instance, time_limit=max(1.0, clock.left()), seed=seed)
                return Result(SolverInfo("INFEASIBLE", seconds=clock.elapsed()), None,
                              tuple(from_assumptions(instance, groups)))
            return Result(SolverInfo(search.answer.status, seconds=clock.elapsed()))
        say(t("progress.month", lang, period=step.label(), index=index + 1, count=len(steps),
              status=search.answer.status, objective=search.answer.objective,
              seconds=f"{clock.elapsed() - began:.2f}"))
        month_plan = finish(instance, solution, SolverInfo("FEASIBLE"), lang)
        meetings.extend(_onto(whole, instance, solution))
        attendance.extend(solution.attendance)
        scenario = advance(scenario, plan_events(month_plan, held_as_planned(month_plan)))
    return Solution(tuple(meetings), tuple(attendance))


def _onto(whole: Instance, part: Instance, solution: Solution) -> list[HeldMeeting]:
    """A month's held meetings as slots and options of the whole period's instance (same keys, same times)."""
    slot_of = {slot.key: s for s, slot in enumerate(whole.slots)}
    found = []
    for meeting in solution.meetings:
        slot = part.slots[meeting.slot]
        option = slot.options[meeting.option]
        s = slot_of[slot.key]
        o = next(k for k, other in enumerate(whole.slots[s].options)
                 if other.day == option.day and other.start == option.start)
        found.append(HeldMeeting(s, o, meeting.room, meeting.items, meeting.absent))
    return found


def _improve(instance: Instance, rolled: Solution, clock: Clock, seed: int, workers: int, lang: Lang,
             say: Callable[[str], None]) -> Result:
    """Two-month windows, then the whole model, from the rolling plan, when the whole model fits the
    time left (module docstring); the best plan found stands."""
    best = rolled
    objective = _objective(instance, rolled, lang)
    # The whole period's greedy plan sees across month ends, which the months alone cannot: the
    # better of the two is where the search starts, so the plan is never worse than the greedy's. It
    # takes about as long as the months' greedy plans together; it is made when that fits the time left.
    planner = "cp-sat"
    if clock.left() > WHOLE_BUILD_MARGIN * clock.greedy_seconds + MIN_SEARCH_SECONDS:
        greedy = greedy_solution(instance)
        if _complete(instance, greedy) and (greedy_objective := _objective(instance, greedy, lang)) < objective:
            best, objective, planner = greedy, greedy_objective, "greedy"
    bound: int | None = None
    status = "FEASIBLE"
    if clock.left() < WHOLE_BUILD_MARGIN * clock.build_seconds + 2 * MIN_SEARCH_SECONDS:
        say(t("progress.skipped", lang, seconds=f"{clock.left():.1f}"))
    else:
        model = BuiltModel(instance)
        windows = _windows(instance.period)
        budget = clock.limit * WINDOWS_SHARE / max(1, len(windows))
        for first, last in windows:
            if clock.left() < MIN_SEARCH_SECONDS:
                break
            # Presolve drops the fixed part at once: a window searches in a third of the time without it.
            search = model.search(hint=best, time_limit=clock.left(), seed=seed, presolve=True, budget=budget,
                                  fixed=fixed_outside(model.pm, best, first, last))
            found = search.answer.objective
            if search.solution is not None and found is not None and found < objective:
                best, objective, planner = search.solution, found, "cp-sat"
            say(t("progress.window", lang, first=first, last=last, status=search.answer.status, objective=found,
                  best=objective))
        if clock.left() >= MIN_SEARCH_SECONDS:
            budget = clock.limit * (1 - ROLLING_SHARE - WINDOWS_SHARE)
            # Presolve pays on the whole model (its root relaxation is far tighter after it).
            search = model.search(hint=best, time_limit=clock.left(), seed=seed, workers=workers, presolve=True,
                                  budget=budget)
            answer = search.answer
            say(t("progress.whole", lang, variables=search.variables, status=answer.status,
                  objective=answer.objective, bound=answer.bound))
            if search.solution is not None and answer.objective is not None and answer.objective < objective:
                best, objective, planner = search.solution, answer.objective, "cp-sat"
            bound = answer.bound
            status = "OPTIMAL" if bound is not None and bound >= objective else "FEASIBLE"
    info = SolverInfo(status, objective, bound, _gap(objective, bound), clock.elapsed(), planner=planner)
    return Result(info, finish(instance, best, info, lang))


def _objective(instance: Instance, solution: Solution, lang: Lang) -> int:
    return sum(p.cost for p in finish(instance, solution, SolverInfo("FEASIBLE"), lang).penalties)


def _windows(period: Period) -> list[tuple[date, date]]:
    """Two consecutive months at a time: Jan-Feb, Mar-Apr, ... first, then Feb-Mar, Apr-May, ... (each
    month end is crossed once before any is crossed twice)."""
    pairs = [(first.start, second.end) for first, second in pairwise(month_steps(period))]
    return pairs[::2] + pairs[1::2]
