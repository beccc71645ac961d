"""The greedy planner: the baseline the CP-SAT planner is measured against, its first hint, and its
fallback when a search is cut short with nothing better.

One constructive pass over the same `Instance` the model reads, never revising a choice:

0. congress standing committee meetings (Art. 49): a deputy, the one with the fewest items to
   supervise first, else the office director as stand-in, is booked for each;
1. standing meetings (Art. 42) and plenary meetings (Art. 41): one at a time, each at the free time
   whose agenda saves most for what it costs (items ready by then whose supervising leader attends,
   packed by priority; the executive deputy presiding costs, Art. 6, 42), while a meeting pays for
   itself or the month's (year's) minimum asks for it;
2. meeting requests (Art. 42 ad hoc, 46, 47, 50), earliest window first (the longest first among
   equal windows), each at its cheapest free time over all days and rooms (earliest on ties): its
   required leaders free, its preferred leaders there when free and left out otherwise (at a cost);
   then a repair: a request still unplaced takes the place of one placed in its window, which moves
   to another free time, when both then fit; then each placed request in turn moves to a cheaper
   free time (or brings back a preferred leader now free), until none does;
3. a study session of the planner's own in every enforced Art. 50 window no study request covers;
4. agenda items by priority, then readiness, then id, each into the earliest held meeting that
   takes it (its body, ready, supervisor attending, pre-study meeting held in time, minutes left,
   worth hearing; Art. 43); a meeting beyond the month's minimum that hears nothing is dropped.

A time is free when none of its attending leaders is booked then (Art. 61), a room that seats it
is free, and a unit's county-wide meetings stay within the yearly limit (Art. 47).
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from scheduler.costs import room_preference
from scheduler.domain import Scenario
from scheduler.finish import finish
from scheduler.i18n import Lang
from scheduler.instance import CongressMeeting, Instance, ItemInfo, Option, Slot, county_wide_held
from scheduler.period import Period
from scheduler.plan import Plan, SolverInfo
from scheduler.solution import HeldMeeting, Solution

REPAIR_TRIES = 30  # placed requests tried for moving aside, per request left unplaced
IMPROVING_PASSES = 3  # passes moving placed requests to cheaper times


@dataclass(slots=True)
class Placement:
    slot: int
    option: int
    room: str | None
    items: list[str] = field(default_factory=list)
    minutes_used: int = 0
    attending: frozenset[str] = frozenset()
    absent: tuple[str, ...] = ()


def people(option: Option, slot: Slot) -> frozenset[str]:
    """Who a slot held at `option` occupies: its attending leaders and the units sitting through it."""
    return option.leaders | frozenset(slot.units)


class Timetable:
    """Who and which room is taken when, as meetings are placed (Art. 61; one meeting per room)."""

    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        self._people: dict[tuple[str, date], list[tuple[int, int]]] = defaultdict(list)
        self._rooms: dict[tuple[str, date], list[tuple[int, int]]] = defaultdict(list)

    @staticmethod
    def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in taken)

    def free(self, person: str, day: date, start: int, end: int) -> bool:
        return not self._overlaps(self._people.get((person, day), []), start, end)

    def people_free(self, option: Option, slot: Slot) -> bool:
        """The option's leaders and the units sitting through the slot are free then (Art. 44, 61)."""
        return all(self.free(who, option.day, option.start, option.end) for who in people(option, slot))

    def free_room(self, option: Option, slot: Slot) -> tuple[bool, str | None]:
        """(found, room): the smallest free room seating the option; (True, None) when it needs none."""
        rooms = self.instance.slot_rooms(slot, option.seats)
        if rooms == [None]:
            return True, None
        free = [r for r in rooms if r is not None
                and not self._overlaps(self._rooms.get((r, option.day), []), option.start, option.end)]
        if not free:
            return False, None
        order = room_preference(self.instance.scenario.rooms, slot.kind)
        return True, min(free, key=lambda r: (order.index(r) if r in order else len(order), r))

    def book(self, people: frozenset[str], day: date, start: int, end: int, room: str | None = None) -> None:
        for who in people:
            self._people[(who, day)].append((start, end))
        if room is not None:
            self._rooms[(room, day)].append((start, end))

    def unbook(self, people: frozenset[str], day: date, start: int, end: int, room: str | None = None) -> None:
        for who in people:
            self._people[(who, day)].remove((start, end))
        if room is not None:
            self._rooms[(room, day)].remove((start, end))


class GreedyPlanner:
    """One pass of the greedy steps (module docstring) over an instance."""

    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        self.timetable = Timetable(instance)
        self.placements: dict[int, Placement] = {}
        self.attendance: list[tuple[str, str]] = []
        self._county_wide: dict[tuple[str, int], int] = {}
        self._order: dict[int, list[int]] = {}  # a request's options by their own cost, then time
        self._hearable_by_slot: dict[int, list[ItemInfo]] = {}

    # ----- one meeting ------------------------------------------------------------------------------
    def _county_wide_unit(self, s: int) -> str | None:
        request = self.instance.slots[s].request
        return None if request is None or request.kind != "county_wide" else request.unit or request.convener

    def _county_wide_count(self, unit: str, year: int) -> int:
        if (unit, year) not in self._county_wide:
            self._county_wide[(unit, year)] = county_wide_held(self.instance.scenario, unit, year)
        return self._county_wide[(unit, year)]

    def _allowed(self, s: int, option: Option) -> tuple[bool, str | None]:
        unit = self._county_wide_unit(s)
        if unit is not None and self._county_wide_count(unit, option.day.year) >= \
                self.instance.policy.county_wide_per_unit_per_year:
            return False, None
        slot = self.instance.slots[s]
        optional = slot.preferred if slot.chooses_preferred else ()
        if not all(self.timetable.free(who, option.day, option.start, option.end)
                   for who in people(option, slot) if who not in optional):
            return False, None
        return self.timetable.free_room(option, slot)

    def _attending(self, s: int, option: Option) -> frozenset[str]:
        """Who attends slot `s` held at `option`: everyone free then, except that a request's preferred
        leader already booked elsewhere is left out (a preferred attendee is a choice)."""
        slot = self.instance.slots[s]
        if not slot.chooses_preferred:
            return option.leaders
        return frozenset(who for who in option.leaders if who not in slot.preferred
                         or self.timetable.free(who, option.day, option.start, option.end))

    def _price(self, s: int, option: Option) -> int:
        """The option's cost with the preferred leaders the timetable leaves out."""
        slot = self.instance.slots[s]
        left_out = option.leaders - self._attending(s, option)
        return option.cost + sum(self.instance.drop_cost(slot, who) for who in left_out)

    def place(self, s: int, order: list[int]) -> bool:
        """Hold slot `s` at the first allowed option of `order`."""
        slot = self.instance.slots[s]
        for o in order:
            option = slot.options[o]
            allowed, room = self._allowed(s, option)
            if allowed:
                attending = self._attending(s, option)
                booked = attending | frozenset(slot.units)
                self.timetable.book(booked, option.day, option.start, option.end, room)
                self.placements[s] = Placement(s, o, room, attending=booked,
                                               absent=tuple(sorted(option.leaders - attending)))
                unit = self._county_wide_unit(s)
                if unit is not None:
                    self._county_wide[(unit, option.day.year)] += 1
                return True
        return False

    def unplace(self, s: int) -> Placement:
        """Take slot `s`'s meeting out of the timetable again."""
        placement = self.placements.pop(s)
        option = self.option_of(placement)
        self.timetable.unbook(placement.attending, option.day, option.start, option.end, placement.room)
        unit = self._county_wide_unit(s)
        if unit is not None:
            self._county_wide[(unit, option.day.year)] -= 1
        return placement

    def option_of(self, placement: Placement) -> Option:
        return self.instance.slots[placement.slot].options[placement.option]

    # ----- step 0: congress meetings ----------------------------------------------------------------
    def attend_congress(self) -> None:
        """Art. 49: the deputy with the fewest hearable items to supervise, else the office director."""
        load: dict[str, int] = defaultdict(int)
        for info in self.instance.items.values():
            if info.hearable:
                load[info.item.supervisor] += 1
        for congress in self.instance.congress:
            person = self._congress_attendee(congress, load)
            if person is not None:
                self.attendance.append((congress.commitment, person))
                self.timetable.book(frozenset((person,)), congress.day, congress.start, congress.end)

    def _congress_attendee(self, congress: CongressMeeting, load: dict[str, int]) -> str | None:
        if congress.fixed is not None:
            return congress.fixed
        free = [d for d in congress.deputies if self.timetable.free(d, congress.day, congress.start, congress.end)]
        if free:
            order = {d: k for k, d in enumerate(self.instance.leader_ids)}
            return min(free, key=lambda d: (load[d], order[d]))
        return congress.stand_in

    # ----- step 1: standing and plenary meetings ----------------------------------------------------
    def place_internal_meetings(self) -> None:
        """Art. 41, 42: each group's meetings, one at a time at the time whose agenda saves most (items
        ready by then whose supervising leader attends, packed by priority), as long as a meeting saves
        more than it costs or the group's minimum asks for it."""
        for groups in (self.instance.standing_groups, self.instance.plenary_groups):
            for lower, indices in groups.values():
                if not indices:
                    continue
                chosen: list[Option] = []
                picks: list[tuple[int, str | None]] = []
                for rank in range(len(indices)):
                    best = self._best_time(indices[0], chosen, extra=rank >= lower)
                    if best is None:
                        break
                    o, room, gain = best
                    if rank >= lower and gain <= 0:
                        break
                    option = self.instance.slots[indices[0]].options[o]
                    self.timetable.book(people(option, self.instance.slots[indices[0]]), option.day, option.start,
                                        option.end, room)
                    chosen.append(option)
                    picks.append((o, room))
                # The group's slots share their times: the earliest meeting takes the first slot.
                options = self.instance.slots[indices[0]].options
                for s, (o, room) in zip(indices, sorted(picks, key=lambda pick: (options[pick[0]].day,
                                                                                   options[pick[0]].start)),
                                        strict=False):
                    self.placements[s] = Placement(s, o, room, attending=people(options[o], self.instance.slots[s]))

    def _best_time(self, s: int, chosen: list[Option], extra: bool) -> tuple[int, str | None, int] | None:
        """(option, room, what holding it adds) of the slot's best free time on a day none of `chosen`
        takes; None when no time is free."""
        instance = self.instance
        weights = instance.weights
        options = instance.slots[s].options
        before = self._agenda_value(s, chosen)
        best: tuple[int, str | None, int] | None = None
        taken_days = {o.day for o in chosen}
        for o, option in enumerate(options):
            if option.day in taken_days:
                continue
            allowed, room = self._allowed(s, option)
            if not allowed:
                continue
            gain = self._agenda_value(s, [*chosen, option]) - before - option.cost
            gain -= weights.extra_meeting if extra else 0
            if any(abs(option.workday - other.workday) < instance.policy.standing_min_gap for other in chosen) and \
                    instance.slots[s].kind == "standing":
                gain -= weights.standing_too_close
            if best is None or gain > best[2]:
                best = (o, room, gain)
        return best

    def _agenda_value(self, s: int, meetings: list[Option]) -> int:
        """What hearing items at `meetings` (of slot `s`'s kind) saves, packed as `assign_items` packs them."""
        if not meetings:
            return 0
        instance = self.instance
        slot = instance.slots[s]
        room_left = [slot.agenda_minutes] * len(meetings)
        order = sorted(range(len(meetings)), key=lambda k: (meetings[k].day, meetings[k].start))
        value = 0
        for info in self._hearable(s):
            for k in order:
                option = meetings[k]
                if room_left[k] >= info.item.minutes and option.day >= info.ready and \
                        info.item.supervisor in option.leaders:
                    saving = instance.saving(info.item, option.day, option.workday)
                    if saving > 0:
                        room_left[k] -= info.item.minutes
                        value += saving
                        break
        return value

    def _hearable(self, s: int) -> list[ItemInfo]:
        """Items the slot may hear without waiting for a pre-study meeting, by priority and readiness
        (worked out once per slot: every time tried for it asks)."""
        if s not in self._hearable_by_slot:
            found = [info for info in self.instance.items.values()
                     if info.hearable and info.thematic is None and s in info.slots]
            self._hearable_by_slot[s] = sorted(found, key=lambda i: (i.item.priority, i.ready, i.item.id))
        return self._hearable_by_slot[s]

    # ----- steps 2 and 3: requests and study sessions -----------------------------------------------
    def place_requests(self) -> None:
        slots = self.instance.slots
        by_window = sorted((slot.request.earliest, slot.request.latest, -slot.minutes, slot.request.id, s)
                           for s, slot in enumerate(slots) if slot.request is not None)
        for *_, s in by_window:
            self._place_request(s)
        for *_, s in by_window:
            if s not in self.placements and slots[s].options:
                self._repair(s)
        self._improve_requests([s for *_, s in by_window])

    def _improve_requests(self, order: list[int]) -> None:
        """Move each placed request to its cheapest free time while that lowers its cost, for a few
        passes (each move strictly lowers the plan's cost)."""
        for _ in range(IMPROVING_PASSES):
            improved = False
            for s in order:
                placement = self.placements.get(s)
                if placement is None or (not placement.absent and self.option_of(placement).cost
                                         == self.instance.slots[s].options[self._by_cost(s)[0]].cost):
                    continue  # nothing cheaper exists
                old = self.unplace(s)
                before = self.option_of(old).cost + sum(self.instance.drop_cost(self.instance.slots[s], who)
                                                         for who in old.absent)
                self._place_request(s)
                if self._price(s, self.option_of(self.placements[s])) < before:
                    improved = True
                else:
                    self.unplace(s)
                    self._restore(old)
            if not improved:
                return

    def _place_request(self, s: int) -> bool:
        """Hold request `s` at its cheapest free time (earliest on ties). Options are tried by their own
        cost; leaving out a preferred leader only adds to it, so the first found free one at a price no
        more than the next option's cost ends the search."""
        slot = self.instance.slots[s]
        options = slot.options
        adds = all(self.instance.drop_cost(slot, who) >= 0 for who in slot.preferred)
        best: tuple[tuple[int, date, int], int] | None = None
        for o in self._by_cost(s):
            option = options[o]
            if best is not None and adds and option.cost > best[0][0]:
                break
            if self._allowed(s, option)[0]:
                key = (self._price(s, option), option.day, option.start)
                if best is None or key < best[0]:
                    best = (key, o)
        return best is not None and self.place(s, [best[1]])

    def _by_cost(self, s: int) -> list[int]:
        if s not in self._order:
            options = self.instance.slots[s].options
            self._order[s] = sorted(range(len(options)), key=lambda o: (options[o].cost, options[o].day,
                                                                       options[o].start))
        return self._order[s]

    def _repair(self, s: int) -> None:
        """Place request `s` by moving elsewhere one placed request whose meeting lies in `s`'s window
        and shares a leader or a room it could use (the first `REPAIR_TRIES` of them)."""
        slots = self.instance.slots
        days = {o.day for o in slots[s].options}
        needed = frozenset().union(*(o.leaders for o in slots[s].options)) - frozenset(
            slots[s].preferred if slots[s].chooses_preferred else ())
        rooms = {r for o in slots[s].options for r in self.instance.slot_rooms(slots[s], o.seats)}
        movable = [r for r, p in sorted(self.placements.items())
                   if slots[r].request is not None and self.option_of(p).day in days
                   and (p.attending & needed or p.room in rooms)]
        for r in movable[:REPAIR_TRIES]:
            moved = self.unplace(r)
            if self._place_request(s):
                if self._place_request(r):
                    return
                self.unplace(s)
            self._restore(moved)

    def _restore(self, placement: Placement) -> None:
        option = self.option_of(placement)
        self.timetable.book(placement.attending, option.day, option.start, option.end, placement.room)
        self.placements[placement.slot] = placement
        unit = self._county_wide_unit(placement.slot)
        if unit is not None:
            self._county_wide[(unit, option.day.year)] += 1

    def place_study_sessions(self) -> None:
        instance = self.instance
        for window in instance.windows:
            own = instance.study_slot.get(window.key)
            if own is None:
                continue
            covered = any(window.first <= self.option_of(p).day <= window.last for p in self.placements.values()
                          if instance.slots[p.slot].kind == "study" and instance.slots[p.slot].request is not None)
            if not covered:
                self.place(own, list(range(len(instance.slots[own].options))))

    # ----- step 4: agenda items ---------------------------------------------------------------------
    def _takes(self, placement: Placement, info: ItemInfo) -> bool:
        instance = self.instance
        slot, option = instance.slots[placement.slot], self.option_of(placement)
        if placement.slot not in info.slots or placement.minutes_used + info.item.minutes > slot.agenda_minutes:
            return False
        if option.day < info.ready or info.item.supervisor not in option.leaders or \
                not instance.worth_hearing(info.item, option.day, option.workday):
            return False
        # Art. 44: its reporting units are not sitting through another meeting then.
        if not all(self.timetable.free(u, option.day, option.start, option.end)
                   for u in instance.busy_units(info.item) - set(slot.units)):
            return False
        if info.thematic is None:
            return True
        thematic = self.placements.get(instance.request_slot(info.thematic) or -1)
        return thematic is not None and \
            option.workday >= self.option_of(thematic).workday + instance.policy.materials_lead_working_days

    def assign_items(self) -> None:
        meetings = sorted((p for p in self.placements.values() if self.instance.slots[p.slot].takes_items),
                          key=lambda p: (self.option_of(p).day, self.option_of(p).start, p.slot))
        hearable = [info for info in self.instance.items.values() if info.hearable and info.slots]
        for info in sorted(hearable, key=lambda i: (i.item.priority, i.ready, i.item.id)):
            target = next((p for p in meetings if self._takes(p, info)), None)
            if target is not None:
                target.items.append(info.item.id)
                target.minutes_used += info.item.minutes

    def drop_idle_extras(self) -> None:
        """A standing or plenary meeting beyond its group's minimum that hears nothing is not held; the
        group's remaining meetings move up to its first slots (a group's slots share their times)."""
        for groups in (self.instance.standing_groups, self.instance.plenary_groups):
            for lower, indices in groups.values():
                kept = [self.placements.pop(s) for s in indices if s in self.placements]
                kept = [p for rank, p in enumerate(kept) if rank < lower or p.items]
                for s, placement in zip(indices, kept, strict=False):
                    placement.slot = s
                    self.placements[s] = placement

    def solution(self) -> Solution:
        meetings = tuple(HeldMeeting(p.slot, p.option, p.room, tuple(p.items), p.absent)
                         for p in sorted(self.placements.values(), key=lambda p: p.slot))
        return Solution(meetings, tuple(self.attendance))


def greedy_solution(instance: Instance) -> Solution:
    """The greedy steps on an instance (module docstring)."""
    planner = GreedyPlanner(instance)
    planner.attend_congress()
    planner.place_internal_meetings()
    planner.place_requests()
    planner.place_study_sessions()
    planner.assign_items()
    planner.drop_idle_extras()
    return planner.solution()


def greedy_plan(scenario: Scenario, period: Period, lang: Lang = "zh") -> Plan:
    """Plan `period` greedily (the baseline of benchmarks and tests), through the same finishing step;
    its objective is the sum of its penalties."""
    began = time.perf_counter()
    instance = Instance(scenario, period)
    plan = finish(instance, greedy_solution(instance), SolverInfo("FEASIBLE"), lang)
    objective = sum(p.cost for p in plan.penalties)
    return replace(plan, solver=SolverInfo("FEASIBLE", objective, seconds=time.perf_counter() - began,
                                           planner="greedy"))
