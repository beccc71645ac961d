"""The hard rules of the CP-SAT model, one function per rule family, each naming its article.

Rules that concern one meeting alone are already folded into its options by
`scheduler.model.data` (working day, one office-hours block and the grain; a room that seats it;
required attendees and a presider free, Art. 6, 42, 46, 61; the justice bureau among a standing
meeting's attendees, Art. 43 — without a justice bureau no standing meeting can be held). The
functions below tie meetings together. Lower bounds are guarded by assumption literals so an
infeasible period is explained by the rules that clash.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from itertools import pairwise

from ortools.sat.python import cp_model

from scheduler.model.data import Option
from scheduler.model.variables import PlanModel
from scheduler.period import history_count

Entry = tuple[int, int, int, cp_model.IntVar, Option]  # start, end, slot, literal, option


def _entries_by_day(pm: PlanModel) -> dict[date, list[Entry]]:
    by_day: dict[date, list[Entry]] = defaultdict(list)
    for s, slot in enumerate(pm.data.slots):
        for o, option in enumerate(slot.options):
            by_day[option.day].append((option.start, option.end, s, pm.x[s][o], option))
    return by_day


def _at_most_one_per_leader(model: cp_model.CpModel, covering: list[Entry], seen: set[tuple[int, ...]]) -> None:
    """For every leader attending options of two slots that cover one instant: at most one of them."""
    by_leader: dict[str, list[Entry]] = defaultdict(list)
    for entry in covering:
        for leader in sorted(entry[4].leaders):  # sorted: a frozenset's order changes with the hash seed
            by_leader[leader].append(entry)
    for entries in by_leader.values():
        if len({e[2] for e in entries}) < 2:
            continue  # one slot: its options are already exclusive
        signature = tuple(sorted(e[3].Index() for e in entries))
        if signature not in seen:
            seen.add(signature)
            model.AddAtMostOne(e[3] for e in entries)


def _covering_sets(entries: list[Entry]) -> Iterable[list[Entry]]:
    """Entries covering each distinct start instant of a day: two intervals overlap iff one's start
    lies inside the other, so these instants suffice."""
    for instant in sorted({e[0] for e in entries}):
        covering = [e for e in entries if e[0] <= instant < e[1]]
        if len({e[2] for e in covering}) >= 2:
            yield covering


def add_no_double_booking(pm: PlanModel) -> None:
    """Nobody is in two meetings at once (Art. 61).

    Absences and commitments were removed when options were built (a leader attends an option
    only when free); here overlapping options of different slots sharing a leader exclude each other.
    """
    for entries in _entries_by_day(pm).values():
        seen: set[tuple[int, ...]] = set()
        for covering in _covering_sets(entries):
            _at_most_one_per_leader(pm.model, covering, seen)


def add_rooms(pm: PlanModel) -> None:
    """A held meeting sits in one room that seats it, and a room holds one meeting at a time.

    The room is its own choice (optional intervals per room and a no-overlap each) rather than
    part of the time options, which keeps the time-indexed part small.
    """
    data, model = pm.data, pm.model
    if not data.scenario.rooms:
        return
    by_room: dict[str, list[cp_model.IntervalVar]] = defaultdict(list)
    capacity = {r.id: r.capacity for r in data.scenario.rooms}
    for s, slot in enumerate(data.slots):
        rooms = [(room_id, lit) for (index, room_id), lit in pm.room.items() if index == s]
        model.Add(sum(lit for _, lit in rooms) == pm.placed[s])
        for room_id, lit in rooms:
            fitting = [pm.x[s][o] for o, option in enumerate(slot.options) if option.seats <= capacity[room_id]]
            if len(fitting) < len(slot.options):
                model.Add(lit <= sum(fitting))
            by_room[room_id].append(model.NewOptionalFixedSizeIntervalVar(
                pm.start[s], slot.minutes, lit, f"in[{slot.key},{room_id}]"))
    for intervals in by_room.values():
        if len(intervals) > 1:
            model.AddNoOverlap(intervals)


def _ordered_group(pm: PlanModel, indices: list[int]) -> None:
    """Symmetry breaking: slot k+1 only if slot k is held, and on a later day."""
    for earlier, later in pairwise(indices):
        pm.model.AddImplication(pm.placed[later], pm.placed[earlier])
        pm.model.Add(pm.day[later] >= pm.day[earlier] + 1).OnlyEnforceIf(pm.placed[later])


def _lower_bound(pm: PlanModel, rule_id: str, group: str, indices: list[int], lower: int) -> None:
    if lower > 0:
        pm.model.Add(sum(pm.placed[s] for s in indices) >= lower).OnlyEnforceIf(pm.assumption(rule_id, group))


def add_standing_count(pm: PlanModel) -> None:
    """Art. 42: one to two standing meetings a month (policy), history counted; upper bound by the
    number of slots, lower bound for months wholly inside the period (`scheduler.period`)."""
    for group, (lower, indices) in pm.data.standing_groups.items():
        _ordered_group(pm, indices)
        _lower_bound(pm, "standing_count", group, indices, lower)


def add_plenary_count(pm: PlanModel) -> None:
    """Art. 41: one to two plenary meetings a year, presided by the head; the lower bound only when
    the period covers the whole year."""
    for group, (lower, indices) in pm.data.plenary_groups.items():
        _ordered_group(pm, indices)
        _lower_bound(pm, "plenary_count", group, indices, lower)


def add_study_sessions(pm: PlanModel) -> None:
    """Art. 50: a study session, presided by the head, in every enforced window without one in history.

    A study request placed inside the window satisfies it; otherwise the planner's own study slot
    is held — exactly when no request is, so the plan holds no needless session.
    """
    data = pm.data
    study_requests = [s for s, slot in enumerate(data.slots) if slot.kind == "study" and slot.request is not None]
    for window in data.windows:
        own = data.study_slot.get(window.key)
        if own is None:
            continue
        inside = []
        for s in study_requests:
            lits = [pm.x[s][o] for o, option in enumerate(data.slots[s].options)
                    if window.first <= option.day <= window.last]
            if lits:
                inside.append(sum(lits))
        pm.model.Add(pm.placed[own] + sum(inside) >= 1).OnlyEnforceIf(pm.assumption("study_every", window.key))
        for held in inside:
            pm.model.Add(pm.placed[own] + held <= 1)


def add_items(pm: PlanModel) -> None:
    """Art. 43: an item goes to at most one meeting of its body, which its supervising leader attends,
    once ready (submitted, studied at its thematic meeting placed before it, plus the materials lead
    in working days); never without consensus on funds, projects, staffing or rewards (such items get
    no variable); the items' minutes fit the meeting."""
    data, model = pm.data, pm.model
    lead = data.policy.materials_lead_working_days
    by_slot: dict[int, list[tuple[int, cp_model.IntVar]]] = defaultdict(list)
    for item_id, info in data.items.items():
        choices = [pm.z[(item_id, s)] for s in info.slots]
        if not choices:
            continue
        model.AddAtMostOne(choices)
        thematic = data.request_slot(info.thematic) if info.thematic else None
        for s in info.slots:
            chosen = pm.z[(item_id, s)]
            days = data.item_days(info, s)
            model.Add(sum(pm.v[(item_id, s, day)] for day in days) == chosen)
            for day, fitting in days.items():
                model.Add(pm.v[(item_id, s, day)] <= sum(pm.x[s][o] for o in fitting))
            by_slot[s].append((info.item.minutes, chosen))
            if info.thematic is not None:
                if thematic is None:
                    model.Add(chosen == 0)
                    continue
                model.AddImplication(chosen, pm.placed[thematic])
                model.Add(pm.day[s] >= pm.day[thematic] + lead).OnlyEnforceIf(chosen)
    for s, items in by_slot.items():
        model.Add(sum(m * z for m, z in items) <= data.slots[s].minutes * pm.placed[s])


def add_item_dominance(pm: PlanModel) -> None:
    """Symmetry breaking among interchangeable agenda items (Art. 43 leaves the choice to the office).

    Two items of one body with the same minutes, priority, supervising leader, deadline and thematic
    meeting differ only in their ready day, and neither hearing's saving over deferring nor the days
    worth hearing depend on it (`PlanningData.worth_hearing`). So the earlier-ready item may go
    wherever the later one may, and swapping them leaves every cost unchanged: some optimal plan hears
    the later one only when it hears the earlier one too. Demanding that (ties by id) keeps an optimum
    and spares the search every permutation of equal items.
    """
    data, model = pm.data, pm.model
    classes: dict[tuple[object, ...], list[tuple[int, str]]] = defaultdict(list)
    for item_id, info in data.items.items():
        if info.slots:
            item = info.item
            key = (item.body, item.minutes, item.priority_weight, item.supervisor, item.deadline, info.thematic)
            classes[key].append((info.ready_workday, item_id))
    for members in classes.values():
        for (_, earlier), (_, later) in pairwise(sorted(members)):
            model.Add(sum(pm.z[(later, s)] for s in data.items[later].slots)
                      <= sum(pm.z[(earlier, s)] for s in data.items[earlier].slots))


def add_county_wide_limit(pm: PlanModel) -> None:
    """Art. 47: a unit holds at most `county_wide_per_unit_per_year` county-wide meetings a calendar
    year, counting those in history; surplus requests are rejected."""
    data = pm.data
    limit = data.policy.county_wide_per_unit_per_year
    by_unit_year: dict[tuple[str, int], list[cp_model.IntVar]] = defaultdict(list)
    for s, slot in enumerate(data.slots):
        if slot.kind != "county_wide" or slot.request is None:
            continue
        unit = slot.request.unit or slot.request.convener
        for o, option in enumerate(slot.options):
            by_unit_year[(unit, option.day.year)].append(pm.x[s][o])
    for (unit, year), lits in by_unit_year.items():
        held = history_count(data.scenario, "county_wide", date(year, 1, 1), date(year, 12, 31), unit)
        pm.model.Add(sum(lits) <= max(0, limit - held))


def add_deputy_free(pm: PlanModel) -> None:
    """Art. 49: during a congress standing committee meeting at least one deputy (executive or not)
    who could attend it is booked into no planned meeting."""
    data, model = pm.data, pm.model
    by_day = _entries_by_day(pm)
    for npc in data.npc_days:
        guard = pm.assumption("deputy_free", npc.commitment_id)
        if not npc.free_deputies:
            model.AddBoolOr([]).OnlyEnforceIf(guard)
            continue
        busy = []
        for deputy in npc.free_deputies:
            taken = [e[3] for e in by_day.get(npc.day, ())
                     if deputy in e[4].leaders and e[0] < npc.end and npc.start < e[1]]
            if not taken:
                break  # this deputy can never be booked then: the rule holds whatever is planned
            flag = model.NewBoolVar(f"busy[{deputy},{npc.commitment_id}]")
            for lit in taken:
                model.AddImplication(lit, flag)
            busy.append(flag)
        else:
            model.Add(sum(busy) <= len(busy) - 1).OnlyEnforceIf(guard)


RULE_FAMILIES = (add_no_double_booking, add_rooms, add_standing_count, add_plenary_count, add_study_sessions,
                 add_items, add_item_dominance, add_county_wide_limit, add_deputy_free)
