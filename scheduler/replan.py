"""Least-change re-planning (DESIGN §7 `replan`): a published plan, today's scenario, a day from which
things may change -> the plan that keeps every rule and changes the published one least.

Meetings before `since` stay exactly as published (time, room, items). From `since` on, the search
is lexicographic, in two CP-SAT solves over one model:

1. fewest and smallest changes: each meeting moved, dropped or added, each room changed, each leader
   added to or removed from a meeting, each item moved out of its meeting or deferred, each congress
   attendee changed counts `CHANGE`, and every working day a meeting moves adds one (smallest);
2. the usual objective, among plans with no more change than the first solve found.

The finished plan lists its `changes` against the published revision with whom to tell
(`scheduler.cycle.plan_changes`) and carries the revision it becomes when published.

The caller passes the published revision as it stands: a meeting the ledger recorded as held is
given as it happened and marked `held` — a fact, kept exactly (any day and time) outside the model,
never moved, dropped or listed as a change; a cancelled one is left out. Nothing new is placed on or
before `today`: published meetings up to then stay as they are.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta

from scheduler.cpsat.builder import copy_of, fix, solve
from scheduler.cpsat.model import PlanModel
from scheduler.cpsat.search import BuiltModel, extract, fixed_outside, hints_of
from scheduler.cycle import plan_changes
from scheduler.domain import Scenario
from scheduler.explain import precheck
from scheduler.finish import finish, notice_day
from scheduler.i18n import Lang
from scheduler.instance import Instance
from scheduler.period import Period
from scheduler.plan import Plan, PlannedMeeting, Result, SolverInfo
from scheduler.solution import HeldMeeting, Solution

CHANGE = 1000  # one change outweighs any number of days moved, so fewer changes always come first
FIRST_STAGE_SHARE = 0.6  # of the time limit, for the fewest changes; the usual objective gets the rest


def published_solution(instance: Instance, published: Plan) -> tuple[Solution, dict[int, str]]:
    """The published plan read onto today's instance (a meeting whose time no longer exists keeps no
    option), and the slot of each published meeting."""
    slot_of = {slot.key: s for s, slot in enumerate(instance.slots)}
    meetings = []
    slots: dict[int, str] = {}
    for meeting in published.meetings:
        s = slot_of.get(meeting.id)
        if s is None:
            continue
        slots[s] = meeting.id
        option = next((o for o, x in enumerate(instance.slots[s].options)
                       if x.day == meeting.date and x.start == meeting.start), None)
        if option is not None:
            items = tuple(i for i in meeting.items if i in instance.items)
            meetings.append(HeldMeeting(s, option, meeting.room, items))
    attendance = tuple((a.commitment, a.attendee) for a in published.commitment_attendance)
    return Solution(tuple(meetings), attendance), slots


def _change_terms(pm: PlanModel, published: Plan, slots: Mapping[int, str]) -> tuple[list[tuple[int, int]], int]:
    """The change count of DESIGN §7 as linear terms over the model (plus a constant for changes no
    plan can avoid: a meeting whose slot or time no longer exists, an item that can no longer be heard)."""
    instance, builder = pm.instance, pm.builder
    meetings = {m.id: m for m in published.meetings}
    leaders = frozenset(instance.leader_ids)
    group_of = {info.item.id: g for g, group in enumerate(instance.groups) for info in group.members}
    terms: list[tuple[int, int]] = []
    offset = CHANGE * sum(1 for m in published.meetings if m.id not in {instance.slots[s].key for s in slots})
    for s, slot in enumerate(instance.slots):
        meeting = meetings.get(slots.get(s, ""))
        if meeting is None:
            terms.append((pm.placed[s], CHANGE))  # added
            continue
        published_option = next((o for o, x in enumerate(slot.options)
                                 if x.day == meeting.date and x.start == meeting.start), None)
        # Moved or dropped: not held at its published time.
        offset += CHANGE
        if published_option is not None:
            terms.append((pm.x[s][published_option], -CHANGE))
        # Working days moved, when still held.
        shift = pm.day_terms(s)
        target = instance.workday(meeting.date)

        def days_moved(values: Mapping[int, int], s: int = s, shift: list[tuple[int, int]] = shift,
                       target: int = target) -> int:
            return abs(sum(values[v] * c for v, c in shift) - target) if values[pm.placed[s]] else 0

        moved = builder.define(builder.new_int(0, 400), days_moved)
        builder.at_least([*shift, (moved, 1)], target, enforce=(pm.placed[s],))
        builder.at_least([(v, -c) for v, c in shift] + [(moved, 1)], -target, enforce=(pm.placed[s],))
        terms.append((moved, 1))
        # A room changed.
        room = pm.room.get((s, meeting.room or ""))
        if meeting.room is not None and instance.scenario.rooms:
            terms.append((pm.placed[s], CHANGE))
            if room is not None:
                terms.append((room, -CHANGE))
        # Leaders added or removed: attendance follows the time.
        attending = frozenset(meeting.attendees) & leaders
        terms += [(x, CHANGE * len(attending ^ option.leaders)) for x, option in zip(pm.x[s], slot.options,
                                                                                       strict=True)]
        # Items moved out or deferred.
        counts: Counter[int] = Counter()
        for item_id in meeting.items:
            if item_id in group_of:
                counts[group_of[item_id]] += 1
            elif (item_id, s) in pm.z:
                offset += CHANGE
                terms.append((pm.z[(item_id, s)], -CHANGE))
            else:
                offset += CHANGE  # it can no longer be heard there
        for g, published_count in counts.items():
            heard = [(v, 1) for (group, slot_index, _day), v in pm.count.items() if group == g and slot_index == s]

            def moved_out(values: Mapping[int, int], heard: list[tuple[int, int]] = heard,
                          published_count: int = published_count) -> int:
                return max(0, published_count - sum(values[v] for v, _ in heard))

            out = builder.define(builder.new_int(0, published_count), moved_out)
            builder.at_least([*heard, (out, 1)], published_count)
            terms.append((out, CHANGE))
    for attendance in published.commitment_attendance:
        literal = pm.attend.get((attendance.commitment, attendance.attendee))
        if literal is not None:
            offset += CHANGE
            terms.append((literal, -CHANGE))
    return terms, offset


def replan(scenario: Scenario, published: Plan, since: date | None = None, *, time_limit: float = 20.0,
           seed: int = 0, lang: Lang = "zh", log: Callable[[str], None] | None = None,
           today: date | None = None) -> Result:
    """The least-change plan of `published`'s period under `scenario` as it is now (module docstring)."""
    began = time.perf_counter()
    say = log or (lambda _message: None)
    period = Period(published.period_from, published.period_to)
    since = max(since or period.start, period.start)
    if today is not None:
        since = max(since, today + timedelta(days=1))
    facts = tuple(m for m in published.meetings if m.held)
    # Days up to today stay in the instance: published meetings there are kept by fixing them (below).
    instance = Instance(scenario, period, facts=facts)
    conflicts = precheck(instance)
    if conflicts:
        return Result(SolverInfo("INFEASIBLE", seconds=time.perf_counter() - began), None, tuple(conflicts))
    movable = replace(published, meetings=tuple(m for m in published.meetings if not m.held))
    base, slots = published_solution(instance, movable)
    model = BuiltModel(instance)
    pm = model.pm
    terms, offset = _change_terms(pm, movable, slots)
    fixed = fixed_outside(pm, base, since, period.end) if since > period.start else {}
    hints = hints_of(pm, base)
    # 1. Fewest and smallest changes.
    fewest = copy_of(pm.builder.proto)
    fewest.clear_objective()
    variables, coefficients = zip(*terms, strict=True) if terms else ((), ())
    fewest.objective.vars.extend(variables)
    fewest.objective.coeffs.extend(coefficients)
    fewest.objective.offset = offset
    for variable, value in fixed.items():
        fix(fewest, variable, value)
    limit = max(0.2, time_limit * FIRST_STAGE_SHARE - (time.perf_counter() - began))
    first = solve(fewest, hints, time_limit=limit, seed=seed)
    say(f"fewest changes: {first.status} {first.objective} (bound {first.bound})")
    if not first.found:
        status = "INFEASIBLE" if first.status == "INFEASIBLE" else first.status
        return Result(SolverInfo(status, seconds=time.perf_counter() - began))
    # 2. The usual objective among plans changing no more.
    best = copy_of(pm.builder.proto)
    for variable, value in fixed.items():
        fix(best, variable, value)
    constraint = best.constraints.add().linear
    constraint.vars.extend(variables)
    constraint.coeffs.extend(coefficients)
    constraint.domain.extend((-(2**62), (first.objective or 0) - offset))
    limit = max(0.2, time_limit - (time.perf_counter() - began))
    second = solve(best, dict(enumerate(first.values)), time_limit=limit, seed=seed)
    say(f"objective: {second.status} {second.objective} (bound {second.bound})")
    answer = second if second.found else first
    prefer = {s: frozenset(m.items) for s, m in ((s, next(x for x in published.meetings if x.id == key))
                                                 for s, key in slots.items())}
    solution = extract(pm, answer, prefer)
    objective = second.objective if second.found else None
    status = second.status if second.found else "FEASIBLE"
    info = SolverInfo(status, objective, second.bound, None, time.perf_counter() - began)
    plan = finish(instance, solution, info, lang)
    if objective is None:
        objective = sum(p.cost for p in plan.penalties)
        info = replace(info, objective=objective)
    gap = None if info.bound is None else max(0.0, (objective - info.bound) / max(1.0, abs(objective)))
    info = replace(info, gap=gap)
    plan = replace(plan, meetings=_notices(instance, published, plan, today), today=today)
    return Result(info, replace(plan, solver=info, revision=published.revision + 1,
                                changes=plan_changes(scenario, published, plan)))


def _notices(instance: Instance, published: Plan, plan: Plan, today: date | None) -> tuple[PlannedMeeting, ...]:
    """A meeting whose day and time the re-plan keeps keeps the notice already sent for it; a moved
    or new one gets a notice of its own, never dated before `today`."""
    before = {m.id: m for m in published.meetings}
    dated = []
    for meeting in plan.meetings:
        old = before.get(meeting.id)
        if old is not None and old.notice_date is not None and (old.date, old.start) == (meeting.date, meeting.start):
            meeting = replace(meeting, notice_date=old.notice_date)
        elif not meeting.held:
            lead = instance.policy.materials_lead_working_days
            meeting = replace(meeting, notice_date=notice_day(instance.calendar, lead, instance.period.start,
                                                              meeting.date, today))
        dated.append(meeting)
    return tuple(dated)
