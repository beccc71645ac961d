"""A greedy baseline planner: the yardstick the CP-SAT planner is measured against (issue 3, Benchmark).

`greedy_plan` builds one plan constructively, never revising a choice, on the same instance layer
the model reads (`scheduler.model.data.PlanningData`: the same options, readiness and availability),
so both planners see exactly the same rules:

1. standing meetings (Art. 42) and plenary meetings (Art. 41): each month's (year's) required
   number, at the first free day and time, preferring one the county head presides (Art. 6, 42);
   one meeting when the group has ready items but no lower bound, and a second from mid-group on
   when the ready items need more minutes than one meeting holds;
2. meeting requests (Art. 46, 47, 50), earliest window first, each at its earliest free slot;
3. a study session of the planner's own in every enforced Art. 50 window no study request covers;
4. agenda items by priority, then readiness, then id, each into the earliest held meeting that takes
   it (its body, ready, supervisor attending, thematic meeting held in time, minutes left; Art. 43).

A slot is free when none of its attending leaders is in an overlapping meeting (Art. 61), a room
that seats it is free, a unit's county-wide meetings stay within the yearly limit (Art. 47), and a
deputy stays free for every congress standing committee meeting (Art. 49).
Everything not placed is deferred or rejected with the planner's own reasons, and the penalties listed,
by the planner's plan assembly (`scheduler.assemble`). The plan states no objective of its own:
the checker recomputes it, exactly as for the planner's plans.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from scheduler.assemble import HeldMeeting, assemble_plan
from scheduler.domain import Scenario
from scheduler.i18n import Lang
from scheduler.model.data import ItemInfo, NpcDay, Option, PlanningData
from scheduler.period import Period, month_bounds
from scheduler.plan import Plan, SolverInfo

# What a greedy plan reports as its solver: a feasible construction with no objective or bound.
GREEDY_STATUS = "FEASIBLE"


@dataclass(slots=True)
class Placement:
    """A slot the greedy holds: its chosen option and room, and the items it hears so far."""

    slot: int
    option: int
    room: str | None
    items: list[str] = field(default_factory=list)
    minutes_used: int = 0


class Timetable:
    """Who and which room is taken when, as meetings are placed (Art. 61; one meeting per room)."""

    def __init__(self, data: PlanningData) -> None:
        self.data = data
        self._leaders: dict[tuple[str, date], list[tuple[int, int]]] = defaultdict(list)
        self._rooms: dict[tuple[str, date], list[tuple[int, int]]] = defaultdict(list)
        self._capacity = {room.id: room.capacity for room in data.scenario.rooms}
        self._npc_by_day: dict[date, list[NpcDay]] = defaultdict(list)
        for npc in data.npc_days:
            self._npc_by_day[npc.day].append(npc)

    @staticmethod
    def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in taken)

    def leaders_free(self, option: Option) -> bool:
        return not any(self._overlaps(self._leaders.get((who, option.day), []), option.start, option.end)
                       for who in option.leaders)

    def free_room(self, option: Option, wanted: str | None) -> tuple[bool, str | None]:
        """(found, room): the smallest free room seating the option; with no rooms in the scenario, (True, None)."""
        rooms = self.data.rooms_for(option.seats, wanted)
        if rooms == [None]:
            return True, None
        free = [r for r in rooms if r is not None
                and not self._overlaps(self._rooms.get((r, option.day), []), option.start, option.end)]
        if not free:
            return False, None
        return True, min(free, key=lambda r: (self._capacity[r], r))

    def keeps_deputy_free(self, option: Option) -> bool:
        """Art. 49: after booking `option`, some deputy who could attend each congress meeting still can."""
        for npc in self._npc_by_day.get(option.day, ()):
            if not (option.start < npc.end and npc.start < option.end):
                continue
            still_free = [d for d in npc.free_deputies if d not in option.leaders
                          and not self._overlaps(self._leaders.get((d, npc.day), []), npc.start, npc.end)]
            if npc.free_deputies and not still_free:
                return False
        return True

    def book(self, option: Option, room: str | None) -> None:
        for who in option.leaders:
            self._leaders[(who, option.day)].append((option.start, option.end))
        if room is not None:
            self._rooms[(room, option.day)].append((option.start, option.end))


class GreedyPlanner:
    """One pass of the four greedy steps (module docstring) over a `PlanningData` instance."""

    def __init__(self, data: PlanningData) -> None:
        self.data = data
        self.timetable = Timetable(data)
        self.placements: dict[int, Placement] = {}
        self._request_slot = {slot.request.id: s for s, slot in enumerate(data.slots) if slot.request is not None}
        self._county_wide: dict[tuple[str, int], int] = defaultdict(int)
        for event in data.scenario.history:
            if event.kind == "county_wide" and event.unit:
                self._county_wide[(event.unit, event.date.year)] += 1

    # ----- placing one meeting --------------------------------------------------------------------
    def _county_wide_unit(self, slot_index: int) -> str | None:
        request = self.data.slots[slot_index].request
        if request is None or request.kind != "county_wide":
            return None
        return request.unit or request.convener

    def _allowed(self, slot_index: int, option: Option) -> tuple[bool, str | None]:
        """(allowed, room) for holding the slot with `option` given everything placed so far."""
        unit = self._county_wide_unit(slot_index)
        if unit is not None and \
                self._county_wide[(unit, option.day.year)] >= self.data.policy.county_wide_per_unit_per_year:
            return False, None
        if not self.timetable.leaders_free(option) or not self.timetable.keeps_deputy_free(option):
            return False, None
        return self.timetable.free_room(option, self.data.slots[slot_index].room)

    def place_first(self, slot_index: int, earliest: date | None = None, presider: str | None = None) -> bool:
        """Hold the slot at its first allowed option on or after `earliest`, presided by `presider` if given."""
        for o, option in enumerate(self.data.slots[slot_index].options):
            if (earliest is not None and option.day < earliest) or (presider is not None and
                                                                     option.presider != presider):
                continue
            allowed, room = self._allowed(slot_index, option)
            if allowed:
                self.timetable.book(option, room)
                self.placements[slot_index] = Placement(slot_index, o, room)
                unit = self._county_wide_unit(slot_index)
                if unit is not None:
                    self._county_wide[(unit, option.day.year)] += 1
                return True
        return False

    def option_of(self, placement: Placement) -> Option:
        return self.data.slots[placement.slot].options[placement.option]

    # ----- step 1: standing and plenary meetings --------------------------------------------------
    def _group_span(self, kind: str, group: str) -> tuple[date, date]:
        if kind == "standing":
            first, last = month_bounds(*map(int, group.split("-")))
        else:
            first, last = date(int(group), 1, 1), date(int(group), 12, 31)
        return max(first, self.data.period.start), min(last, self.data.period.end)

    def _ready_minutes(self, body: str, first: date, last: date) -> int:
        """Minutes of the body's hearable items that become ready in [first, last] (or before the period)."""
        floor = date.min if first == self.data.period.start else first
        return sum(info.item.minutes for info in self.data.items.values()
                   if info.blocker is None and info.item.body == body and info.ready is not None
                   and floor <= info.ready <= last)

    def place_internal_meetings(self) -> None:
        """Art. 41, 42: each group's lower bound, or as many meetings (up to two) as its ready items need."""
        head = self.data.scenario.county_head.id
        for kind, groups in (("standing", self.data.standing_groups), ("plenary", self.data.plenary_groups)):
            for group, (lower, indices) in groups.items():
                if not indices:
                    continue
                first, last = self._group_span(kind, group)
                load = self._ready_minutes(kind, first, last)
                meeting_minutes = self.data.slots[indices[0]].minutes
                by_load = 0 if load == 0 else 1 if load <= meeting_minutes else 2
                middle = date.fromordinal((first.toordinal() + last.toordinal()) // 2)
                previous: date | None = None
                for slot_index in indices[:max(lower, by_load)]:
                    if previous is None:
                        tries = [first]
                    else:  # a later day, from mid-group if possible (the model orders a group's slots so too)
                        after = date.fromordinal(previous.toordinal() + 1)
                        tries = [max(middle, after), after]
                    if not any(self._place_preferring(slot_index, earliest, head) for earliest in tries):
                        break
                    previous = self.option_of(self.placements[slot_index]).day

    def _place_preferring(self, slot_index: int, earliest: date, head: str) -> bool:
        """The first option the head presides; failing that, the first option (the executive deputy, Art. 6)."""
        return self.place_first(slot_index, earliest, head) or self.place_first(slot_index, earliest)

    # ----- steps 2 and 3: requests and study sessions ----------------------------------------------
    def place_requests(self) -> None:
        """Art. 46, 47, 50: requests by window (earliest, latest, id), each at its earliest free slot."""
        by_window = sorted((slot.request.earliest, slot.request.latest, slot.request.id, s)
                           for s, slot in enumerate(self.data.slots) if slot.request is not None)
        for *_, slot_index in by_window:
            self.place_first(slot_index)

    def place_study_sessions(self) -> None:
        """Art. 50: the planner's own study session in each enforced window no placed study request covers."""
        for window in self.data.windows:
            own = self.data.study_slot.get(window.key)
            if own is None:
                continue
            covered = any(self.data.slots[p.slot].kind == "study" and
                          window.first <= self.option_of(p).day <= window.last
                          for p in self.placements.values() if self.data.slots[p.slot].request is not None)
            if not covered:
                self.place_first(own)

    # ----- step 4: agenda items ----------------------------------------------------------------------
    def _takes(self, placement: Placement, info: ItemInfo) -> bool:
        """Art. 43: the meeting's body, ready by its day, supervisor attending, thematic meeting held in
        time, minutes left; and not a day on which hearing costs more than deferring (the model's pruning)."""
        data = self.data
        slot, option = data.slots[placement.slot], self.option_of(placement)
        if slot.kind != info.item.body or placement.minutes_used + info.item.minutes > slot.minutes:
            return False
        if not data.item_fits(info, option) or not data.worth_hearing(info, option.day):
            return False
        if info.thematic is None:
            return True
        thematic = self.placements.get(self._request_slot.get(info.thematic, -1))
        return thematic is not None and \
            option.workday >= self.option_of(thematic).workday + data.policy.materials_lead_working_days

    def assign_items(self) -> None:
        """Items by priority (1 first), readiness, id, each into the earliest meeting that takes it."""
        meetings = sorted((p for p in self.placements.values() if self.data.slots[p.slot].request is None),
                          key=lambda p: (self.option_of(p).day, self.option_of(p).start, p.slot))
        hearable = [info for info in self.data.items.values() if info.blocker is None and info.ready is not None]
        for info in sorted(hearable, key=lambda i: (i.item.priority, i.ready, i.item.id)):
            target = next((p for p in meetings if self._takes(p, info)), None)
            if target is not None:
                target.items.append(info.item.id)
                target.minutes_used += info.item.minutes

    # ----- the plan --------------------------------------------------------------------------------
    def to_plan(self, seconds: float, lang: Lang) -> Plan:
        """Meetings in time order with the planner's titles and attendee lists; the rest deferred or rejected
        with reasons (`scheduler.assemble`)."""
        held = [HeldMeeting(p.slot, p.option, p.room, tuple(p.items)) for p in self.placements.values()]
        return assemble_plan(self.data, held, SolverInfo(GREEDY_STATUS, None, None, None, seconds), lang)


def run_greedy(data: PlanningData) -> GreedyPlanner:
    """The four greedy steps on an instance; `placements` then maps each held slot to its option,
    room and items (usable as a CP-SAT solution hint: it breaks no hard rule)."""
    planner = GreedyPlanner(data)
    planner.place_internal_meetings()
    planner.place_requests()
    planner.place_study_sessions()
    planner.assign_items()
    return planner


def greedy_plan(scenario: Scenario, period: Period, lang: Lang = "zh") -> Plan:
    """Plan `period` greedily (module docstring); the plan's objective is left to the checker."""
    began = time.perf_counter()
    planner = run_greedy(PlanningData(scenario, period))
    return planner.to_plan(time.perf_counter() - began, lang)
