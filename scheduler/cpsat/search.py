"""Build, hint, search and read back one instance's CP-SAT model.

Every search starts from a complete plan (the greedy planner's, or the caller's), so a search cut
short still has a plan. A `BuiltModel` is built once and searched on copies: with part of a plan
fixed (`fixed_outside`: re-planning and large-neighbourhood search keep the meetings outside some
days as they are), or with terms a caller adds (`extra`: the least-change objective of
`scheduler.replan`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from scheduler.cpsat.builder import Answer, copy_of, fix, solve
from scheduler.cpsat.model import PlanModel, create_variables
from scheduler.cpsat.objective import add_objective
from scheduler.cpsat.rules import RULE_FAMILIES
from scheduler.instance import Instance
from scheduler.solution import HeldMeeting, Solution


def build_model(instance: Instance, explain: bool = False) -> PlanModel:
    """Variables, every hard rule family, then the objective. With `explain`, the lower-bound rules
    are guarded by assumptions (for explaining an infeasible period); otherwise their guards hold."""
    pm = create_variables(instance)
    for add_rule_family in RULE_FAMILIES:
        add_rule_family(pm)
    add_objective(pm)
    literals = list(pm.assumptions.values())
    if explain:
        pm.builder.assume(literals)
    else:
        for literal in literals:
            pm.builder.equal([(literal, 1)], 1)
    return pm


# ----- hints and fixing -----------------------------------------------------------------------------


def _meeting_values(pm: PlanModel, solution: Solution) -> dict[int, int]:
    """The value of every meeting, room and item variable in `solution` (unset ones are 0)."""
    instance = pm.instance
    values: dict[int, int] = {}
    held = {m.slot: m for m in solution.meetings}
    for s, options in enumerate(pm.x):
        meeting = held.get(s)
        for o, literal in enumerate(options):
            values[literal] = int(meeting is not None and meeting.option == o)
        values[pm.placed[s]] = int(meeting is not None)
    for (s, room_id), literal in pm.room.items():
        values[literal] = int(s in held and held[s].room == room_id)
    for (s, person), literal in pm.present.items():
        meeting = held.get(s)
        values[literal] = int(meeting is not None and person not in meeting.absent
                              and person in instance.slots[s].options[meeting.option].leaders)
    group_of = {info.item.id: g for g, group in enumerate(instance.groups) for info in group.members}
    counts: dict[tuple[int, int, date], int] = defaultdict(int)
    for s, meeting in held.items():
        day = instance.slots[s].options[meeting.option].day
        for item_id in meeting.items:
            if item_id in group_of:
                counts[(group_of[item_id], s, day)] += 1
            else:
                values[pm.z.get((item_id, s), -1)] = 1
                values[pm.v.get((item_id, s, day), -1)] = 1
    values.pop(-1, None)
    for key, variable in pm.count.items():
        values[variable] = counts.get(key, 0)
    for key in ("z", "v"):
        for variable in getattr(pm, key).values():
            values.setdefault(variable, 0)
    attending = dict(solution.attendance)
    for (commitment, person), literal in pm.attend.items():
        values[literal] = int(attending.get(commitment) == person)
    return values


def hints_of(pm: PlanModel, solution: Solution) -> dict[int, int]:
    """A complete hint: the solution's decisions and every auxiliary variable that follows from them."""
    return pm.builder.complete(_meeting_values(pm, solution))


def fixed_outside(pm: PlanModel, solution: Solution, first: date, last: date) -> dict[int, int]:
    """The variables `solution` fixes outside the days [first, last]: there its meetings keep their
    time, room and items, and no other meeting is held; inside, everything is free again."""
    instance = pm.instance
    values = _meeting_values(pm, solution)
    fixed: dict[int, int] = {}
    held_outside: set[int] = set()
    for s, slot in enumerate(instance.slots):
        for o, option in enumerate(slot.options):
            if not first <= option.day <= last:
                fixed[pm.x[s][o]] = values[pm.x[s][o]]
                if values[pm.x[s][o]]:
                    held_outside.add(s)
        if s in held_outside:
            fixed[pm.placed[s]] = 1
    for (s, _room), literal in (*pm.room.items(), *pm.present.items()):
        if s in held_outside:
            fixed[literal] = values[literal]
    for key, variable in (*pm.count.items(), *pm.v.items()):
        if not first <= key[2] <= last:
            fixed[variable] = values[variable]
    for (_item, s), literal in pm.z.items():
        if s in held_outside:
            fixed[literal] = values[literal]
    for congress in instance.congress:
        if not first <= congress.day <= last:
            for person in congress.candidates:
                literal = pm.attend.get((congress.commitment, person))
                if literal is not None:
                    fixed[literal] = values[literal]
    return fixed


# ----- reading the answer ---------------------------------------------------------------------------


def extract(pm: PlanModel, answer: Answer, prefer: Mapping[int, frozenset[str]] | None = None) -> Solution:
    """The held meetings, their rooms and items, and the congress attendees of a found answer. Counted
    items go to their meetings in the meetings' time order: the items `prefer` names for that slot (a
    published plan's, so a re-plan keeps them where they were) first, then the earliest ready. Any
    choice among items ready by a meeting is safe: later meetings take whatever is ready earlier."""
    prefer = prefer or {}
    instance = pm.instance
    chosen: dict[int, int] = {}
    for s, options in enumerate(pm.x):
        option = next((o for o, literal in enumerate(options) if answer.value(literal)), None)
        if option is not None:
            chosen[s] = option
    rooms = {s: room_id for (s, room_id), literal in pm.room.items() if answer.value(literal)}
    items: dict[int, list[str]] = defaultdict(list)
    for (item_id, s), literal in pm.z.items():
        if answer.value(literal):
            items[s].append(item_id)
    counts: dict[int, list[tuple[int, int]]] = defaultdict(list)  # slot -> [(group, count)]
    for (g, s, _day), variable in pm.count.items():
        if answer.value(variable):
            counts[s].append((g, answer.value(variable)))
    taken: set[str] = set()
    for s in sorted(counts, key=lambda s: (instance.slots[s].options[chosen[s]].day,
                                           instance.slots[s].options[chosen[s]].start, s)):
        workday = instance.slots[s].options[chosen[s]].workday
        for g, count in sorted(counts[s]):
            ready = [m.item.id for m in instance.groups[g].members
                     if m.ready_workday <= workday and m.item.id not in taken]
            ready = sorted(ready, key=lambda i: i not in prefer.get(s, ()))[:count]
            assert len(ready) == count, "the counts keep Hall's condition"
            taken.update(ready)
            items[s].extend(ready)
    absent: dict[int, list[str]] = defaultdict(list)
    for (s, person), literal in pm.present.items():
        if s in chosen and person in instance.slots[s].options[chosen[s]].leaders and not answer.value(literal):
            absent[s].append(person)
    meetings = tuple(HeldMeeting(s, o, rooms.get(s), tuple(items.get(s, ())), tuple(absent.get(s, ())))
                     for s, o in sorted(chosen.items()))
    attendance = [(c.commitment, c.fixed) for c in instance.congress if c.fixed is not None]
    attendance += [(commitment, person) for (commitment, person), literal in pm.attend.items()
                   if answer.value(literal)]
    order = {c.commitment: k for k, c in enumerate(instance.congress)}
    return Solution(meetings, tuple(sorted(attendance, key=lambda a: order[a[0]])))


# ----- searches ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Search:
    """A search's outcome: the answer's status, objective and bound, and the solution (None when none)."""

    answer: Answer
    solution: Solution | None
    variables: int
    constraints: int


class BuiltModel:
    """An instance's model, built once and searched as often as needed: whole, or with part of a plan
    fixed (re-planning, neighbourhood search), each search on a copy."""

    def __init__(self, instance: Instance, extra: Callable[[PlanModel], None] | None = None) -> None:
        self.pm = build_model(instance)
        if extra is not None:
            extra(self.pm)

    def search(self, *, hint: Solution | None, time_limit: float, seed: int = 0, workers: int = 1,
               presolve: bool = True, fixed: dict[int, int] | None = None, budget: float | None = None,
               cuts: bool = True) -> Search:
        proto = self.pm.builder.proto
        if fixed:
            proto = copy_of(proto)
            for variable, value in fixed.items():
                fix(proto, variable, value)
        hints = hints_of(self.pm, hint) if hint is not None else {}
        answer = solve(proto, hints, time_limit=time_limit, seed=seed, workers=workers, presolve=presolve,
                       budget=budget, cuts=cuts)
        variables, constraints = self.pm.builder.size
        return Search(answer, extract(self.pm, answer) if answer.found else None, variables, constraints)


def solve_instance(instance: Instance, *, hint: Solution | None, time_limit: float, seed: int = 0,
                   workers: int = 1, presolve: bool = True, budget: float | None = None) -> Search:
    """Build the instance's model, start from `hint`, search, read back the solution."""
    return BuiltModel(instance).search(hint=hint, time_limit=time_limit, seed=seed, workers=workers,
                                       presolve=presolve, budget=budget)


def conflicting_rules(instance: Instance, *, time_limit: float, seed: int = 0) -> list[tuple[str, str]]:
    """Re-solve with assumption literals and read back a sufficient set of (rule, group) in conflict."""
    pm = build_model(instance, explain=True)
    answer = solve(pm.builder.proto, {}, time_limit=max(1.0, time_limit), seed=seed)
    core = set(answer.core)
    return [key for key, literal in pm.assumptions.items() if literal in core]
