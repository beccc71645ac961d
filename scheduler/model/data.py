"""The planning instance: everything the CP-SAT model reads, precomputed from scenario + period.

Pure Python (no ortools), so the independent checker shares the *facts* (who is available
when, when an item is ready, which rooms seat a meeting) without sharing the model.

Meetings the planner may hold are `Slot`s: standing meetings (up to the month's upper bound,
Art. 42), plenary meetings (Art. 41), a study session for each enforced Art. 50 window that
history does not already satisfy, and every meeting request whose window meets the period
(Art. 46, 47, 50). Each slot has a list of `Option`s: a working day and a grain-aligned start
inside one office-hours block for which some room seats it, with the leaders who attend then.

Attendance is decided by the time, not chosen: leaders of a standing / plenary / study
meeting and preferred leaders of a request attend exactly when they are free (not absent,
not at a commitment); the model then forbids overlapping meetings sharing an attendee.
Unit heads' absences never block (Art. 44: a deputy head goes instead).

Two reductions keep the model small without changing what is optimal among the offered times:
starts are offered every `DEFAULT_START_STEP` minutes (plus each block's last start) rather than
on every grain, and an item is offered only the days on which hearing it costs no more than
deferring it (`PlanningData.item_days`; exact, since deferring is always allowed).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from scheduler.calendar import CN_YEARS, FREE_YEARS, CalendarRangeError, WorkCalendar, calendar_for
from scheduler.domain import AgendaItem, MeetingRequest, Scenario
from scheduler.period import (
    Period,
    StudyWindow,
    history_count,
    month_bounds,
    plenary_bounds,
    standing_bounds,
    study_windows,
)

# Minutes between candidate starts. Costs depend on the day, not the hour, so offering every
# 15-minute grain only multiplies the model; hourly starts (and the last start of each block)
# keep every half-day and most commitments reachable. 0 or the grain: every grain.
DEFAULT_START_STEP = 60


class Availability:
    """When each leader is busy: absences (incl. half days) and commitments, per day (Art. 61)."""

    def __init__(self, scenario: Scenario, calendar: WorkCalendar) -> None:
        # (leader, day) -> [(start, end, commitment id or None for an absence)]
        self._busy: dict[tuple[str, date], list[tuple[int, int, str | None]]] = defaultdict(list)
        leaders = scenario.leader_ids
        for absence in scenario.absences:
            if absence.who not in leaders:
                continue  # a unit head away: a deputy attends (Art. 44)
            span = calendar.half_span(absence.half)
            day = absence.start
            while day <= absence.end:
                self._busy[(absence.who, day)].append((*span, None))
                day = date.fromordinal(day.toordinal() + 1)
        for commitment in scenario.commitments:
            for who in commitment.attendees:
                if who in leaders:
                    self._busy[(who, commitment.date)].append((commitment.start, commitment.end, commitment.id))

    def free(self, leader: str, day: date, start: int, end: int, ignore: str | None = None) -> bool:
        """Not absent and at no commitment (other than `ignore`) overlapping [start, end)."""
        return all(end <= a or b <= start or (ignore is not None and source == ignore)
                   for a, b, source in self._busy.get((leader, day), ()))

    def free_set(self, leaders: tuple[str, ...], day: date, start: int, end: int) -> frozenset[str]:
        return frozenset(x for x in leaders if self.free(x, day, start, end))


def delegation(item: AgendaItem) -> frozenset[str]:
    """Units an item brings to its meeting: the reporting unit and its attending units (Art. 44)."""
    return frozenset((item.unit, *item.attending_units))


def seats_needed(attendees: tuple[str, ...] | frozenset[str], items: list[AgendaItem],
                 always_units: frozenset[str] = frozenset()) -> int:
    """Seats a meeting needs: everyone who sits through it plus the largest single item delegation.

    Units attend for their own item in turn (列席, Art. 44), so item delegations share seats;
    `always_units` (the justice bureau at a standing meeting, Art. 43) stay the whole meeting.
    """
    visiting = set().union(*(delegation(i) for i in items)) - always_units if items else set()
    fixed = {a for a in attendees if a not in visiting}
    largest = max((len(delegation(i) - fixed) for i in items), default=0)
    return len(fixed) + largest


@dataclass(frozen=True, slots=True)
class Option:
    """One way to hold a slot: day, start and end, the leaders who attend and who presides.

    The room is a separate choice of the model; an option exists only if some room seats it.
    """

    day: date
    start: int
    end: int
    leaders: frozenset[str]
    presider: str
    workday: int  # working-day index of `day` (differences are working days)
    seats: int    # an upper bound of the seats it needs (see `seats_needed`)


@dataclass(slots=True)
class Slot:
    """A meeting the planner may hold."""

    key: str
    kind: str
    minutes: int
    options: list[Option]
    request: MeetingRequest | None = None
    group: str = ""                   # "2024-05" for standing, "2024" for plenary, window key for study
    units: tuple[str, ...] = ()       # units sitting through the meeting
    preferred: tuple[str, ...] = ()   # preferred leaders of a request (absence costs)
    earliest_workday: int = 0         # requests: working-day index of the window's first working day
    room: str | None = None           # the room a request asks for, if any
    _by_day: dict[date, list[int]] | None = None

    def options_by_day(self) -> dict[date, list[int]]:
        """Option indices grouped by day, in day order."""
        if self._by_day is None:
            self._by_day = defaultdict(list)
            for index, option in enumerate(self.options):
                self._by_day[option.day].append(index)
        return self._by_day


@dataclass(slots=True)
class ItemInfo:
    """An agenda item's readiness facts for this period (Art. 43)."""

    item: AgendaItem
    ready: date | None                # first day it may be heard (None: not within the calendar)
    ready_workday: int
    thematic: str | None = None       # id of a thematic request inside the period it must follow
    blocker: str | None = None        # why it cannot be heard at all in this period (a reasons key)
    slots: list[int] = field(default_factory=list)  # slot indices it may go to


@dataclass(frozen=True, slots=True)
class NpcDay:
    """A congress standing committee meeting and the deputies who could attend it (Art. 49)."""

    commitment_id: str
    day: date
    start: int
    end: int
    free_deputies: tuple[str, ...]


class PlanningData:
    """Scenario + period -> slots, options, item readiness: the only input of the CP-SAT model."""

    def __init__(self, scenario: Scenario, period: Period, calendar: WorkCalendar | None = None,
                 start_step: int = DEFAULT_START_STEP, whole: Period | None = None) -> None:
        self.scenario = scenario
        self.whole = whole or period  # the user's period when this is one step of it (yearly lower bounds)
        self.start_step = start_step
        self.period = period
        self.policy = scenario.policy
        self.calendar = calendar or planning_calendar(scenario, period)
        self.availability = Availability(scenario, self.calendar)
        self.days = self.calendar.working_days(period.start, period.end)
        self.leader_ids = tuple(x.id for x in scenario.leaders)
        justice = scenario.justice_unit
        self.justice = justice.id if justice else None
        self.pending = scenario.pending_items(period.end)
        self.requests = tuple(r for r in scenario.meeting_requests
                              if r.earliest <= period.end and r.latest >= period.start)
        self.windows: list[StudyWindow] = study_windows(scenario, period)
        self._free_cache: dict[tuple[date, int, int], frozenset[str]] = {}
        self.slots: list[Slot] = []
        self.standing_groups: dict[str, tuple[int, list[int]]] = {}
        self.plenary_groups: dict[str, tuple[int, list[int]]] = {}
        self.study_slot: dict[str, int | None] = {}
        self._build_internal_slots()
        self._build_request_slots()
        self.items = {i.id: self._item_info(i) for i in self.pending}
        self._link_items()
        self.npc_days = self._npc_days()

    # ----- helpers ----------------------------------------------------------------------------
    def workday(self, day: date) -> int:
        """Working-day index: the difference of two indices is the working days between them."""
        return self.calendar.working_days_between(self.calendar.first, day)

    def free_leaders(self, day: date, start: int, end: int) -> frozenset[str]:
        key = (day, start, end)
        found = self._free_cache.get(key)
        if found is None:
            found = self._free_cache[key] = self.availability.free_set(self.leader_ids, day, start, end)
        return found

    def start_times(self, minutes: int) -> list[int]:
        """Candidate starts: grain-aligned, every `start_step` minutes from each block's first start,
        plus the block's last possible start (so a meeting can end with the block)."""
        every = self.calendar.start_times(minutes)
        step = max(self.start_step, self.calendar.grain)
        chosen: list[int] = []
        for block_start, block_end in self.calendar.blocks:
            inside = [s for s in every if block_start <= s and s + minutes <= block_end]
            if inside:
                chosen.extend(s for s in inside if (s - inside[0]) % step == 0)
                if inside[-1] not in chosen:
                    chosen.append(inside[-1])
        return chosen

    def rooms_for(self, seats: int, wanted: str | None = None) -> list[str | None]:
        """Rooms seating `seats`; with no rooms in the scenario, meetings need no room (None)."""
        if not self.scenario.rooms:
            return [None]
        return [r.id for r in self.scenario.rooms if r.capacity >= seats and (wanted is None or r.id == wanted)]

    def _options(self, days: list[date], minutes: int, required: tuple[str, ...], presiders: tuple[str, ...],
                 members: tuple[str, ...], seats_extra: int, room: str | None = None) -> list[Option]:
        """Every (day, start) where the required leaders and one presider are free and a room seats it.

        `presiders` in order of preference; `members` attend when free; seats = attending
        leaders + `seats_extra`.
        """
        options: list[Option] = []
        member_set = frozenset(members)
        for day in days:
            workday = self.workday(day)
            for start in self.start_times(minutes):
                end = start + minutes
                free = self.free_leaders(day, start, end)
                if not all(x in free for x in required):
                    continue
                presider = next((p for p in presiders if p in free or p not in self.leader_ids), None)
                if presider is None:
                    continue
                leaders = free & member_set
                seats = len(leaders) + seats_extra
                if self.rooms_for(seats, room):
                    options.append(Option(day, start, end, leaders, presider, workday, seats))
        return options

    # ----- slots ------------------------------------------------------------------------------
    def _presiders(self, kind: str) -> tuple[str, ...]:
        """Art. 6, 42: the head presides; a standing meeting falls to the executive deputy when the head is away."""
        head = self.scenario.county_head.id
        executive = self.scenario.executive_deputy
        if kind == "standing" and executive is not None:
            return (head, executive.id)
        return (head,)

    def _largest_delegation(self, body: str, fixed: frozenset[str]) -> int:
        return max((len(delegation(i) - fixed) for i in self.pending if i.body == body), default=0)

    def _build_internal_slots(self) -> None:
        policy = self.policy
        everyone = self.leader_ids
        standing_units = (self.justice,) if self.justice else ()
        if policy.standing_per_month[1] > 0 and self.justice:
            extra = len(standing_units) + self._largest_delegation("standing", frozenset(standing_units))
            for year, month in self.period.months():
                lower, upper = standing_bounds(self.scenario, self.period, year, month)
                first, last = month_bounds(year, month)
                days = [d for d in self.days if first <= d <= last]
                options = self._options(days, policy.standing_minutes, (), self._presiders("standing"), everyone,
                                        extra)
                group = f"{year:04d}-{month:02d}"
                held = history_count(self.scenario, "standing", first, last)
                indices = []
                for rank in range(upper):
                    indices.append(len(self.slots))
                    self.slots.append(Slot(f"standing-{group}-{held + rank + 1}", "standing", policy.standing_minutes,
                                           options, group=group, units=standing_units))
                self.standing_groups[group] = (lower, indices)
        departments = tuple(u.id for u in self.scenario.units if u.kind == "department")
        if policy.plenary_per_year[1] > 0:
            extra = len(departments) + self._largest_delegation("plenary", frozenset(departments))
            for year in self.period.years():
                lower, upper = plenary_bounds(self.scenario, self.period, year, self.whole)
                days = [d for d in self.days if d.year == year]
                options = self._options(days, policy.plenary_minutes, (), self._presiders("plenary"), everyone,
                                        extra)
                held = history_count(self.scenario, "plenary", date(year, 1, 1), date(year, 12, 31))
                indices = []
                for rank in range(upper):
                    indices.append(len(self.slots))
                    self.slots.append(Slot(f"plenary-{year}-{held + rank + 1}", "plenary", policy.plenary_minutes,
                                           options, group=str(year), units=departments))
                self.plenary_groups[str(year)] = (lower, indices)
        for window in self.windows:
            if not window.enforced or window.held:
                self.study_slot[window.key] = None
                continue
            days = [d for d in self.days if window.first <= d <= window.last]
            options = self._options(days, policy.study_minutes, (), self._presiders("study"), everyone, 0)
            self.study_slot[window.key] = len(self.slots)
            self.slots.append(Slot(f"study-{window.key}", "study", policy.study_minutes, options,
                                   group=window.key))

    def request_parties(self, request: MeetingRequest) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(required leaders, preferred leaders, units) of a request; a study session needs the head (Art. 50)."""
        leaders = self.scenario.leader_ids
        required = [request.convener] if request.convener in leaders else []
        if request.kind == "study":
            required.append(self.scenario.county_head.id)
        required += [x for x in request.required if x in leaders]
        preferred = [x for x in request.preferred if x in leaders and x not in required]
        units = [x for x in (*request.required, *request.preferred) if x not in leaders]
        if request.kind == "county_wide" and request.unit and request.unit not in units:
            units.insert(0, request.unit)
        return tuple(dict.fromkeys(required)), tuple(dict.fromkeys(preferred)), tuple(dict.fromkeys(units))

    def request_presider(self, request: MeetingRequest) -> str:
        return self.scenario.county_head.id if request.kind == "study" else request.convener

    def _build_request_slots(self) -> None:
        for request in self.requests:
            required, preferred, units = self.request_parties(request)
            start = max(request.earliest, self.period.start)
            end = min(request.latest, self.period.end)
            days = [d for d in self.days if start <= d <= end]
            presider = self.request_presider(request)
            options = self._options(days, request.minutes, required, (presider,), required + preferred, len(units),
                                    request.room)
            # Lateness counts from the window's first working day (the calendar covers the period's
            # years and the one before the earliest pending submission; earlier windows count from its start).
            earliest = self.calendar.next_working_day(max(request.earliest, self.calendar.first))
            self.slots.append(Slot(request.id, request.kind, request.minutes, options, request=request,
                                   units=units, preferred=preferred, room=request.room,
                                   earliest_workday=self.workday(earliest)))

    def request_slot(self, request_id: str) -> int | None:
        return next((i for i, s in enumerate(self.slots) if s.request and s.request.id == request_id), None)

    # ----- items ------------------------------------------------------------------------------
    def ready_day(self, after: date) -> date | None:
        """The day materials have reached everyone: `materials_lead_working_days` after `after` (Art. 43)."""
        lead = self.policy.materials_lead_working_days
        try:
            return self.calendar.add_working_days(after, lead) if lead > 0 else self.calendar.next_working_day(after)
        except CalendarRangeError:
            return None

    def _item_info(self, item: AgendaItem) -> ItemInfo:
        submitted = max(item.submitted, self.calendar.first)
        ready = self.ready_day(submitted)
        info = ItemInfo(item, ready, self.workday(ready) if ready else 1 << 30)
        if item.blocked_by_consensus:
            info.blocker = "defer.consensus"
        elif not item.pre_studied:
            thematic = next((r for r in self.scenario.meeting_requests
                             if r.kind == "thematic" and item.id in r.for_items), None)
            if thematic is None:
                info.blocker = "defer.no_thematic"
            elif thematic.latest < self.period.start:
                # Its window ended before the period: the office plans months in order, so it was held.
                held = self.ready_day(thematic.latest)
                if ready is not None and held is not None and held > ready:
                    info.ready, info.ready_workday = held, self.workday(held)
            elif thematic.earliest > self.period.end:
                info.blocker = "defer.thematic_later"
            else:
                info.thematic = thematic.id
        if info.blocker is None and (info.ready is None or info.ready > self.period.end):
            info.blocker = "defer.not_ready"
        return info

    def _link_items(self) -> None:
        for index, slot in enumerate(self.slots):
            if slot.kind not in ("standing", "plenary"):
                continue
            for info in self.items.values():
                if info.blocker is None and info.item.body == slot.kind and self.item_days(info, index):
                    info.slots.append(index)

    def item_fits(self, info: ItemInfo, option: Option) -> bool:
        """Ready by the day and the supervising leader attends (Art. 43)."""
        return option.day >= info.ready and info.item.supervisor in option.leaders

    def item_days(self, info: ItemInfo, slot_index: int) -> dict[date, list[int]]:
        """Days (with their fitting option indices) on which the item may be heard in this slot.

        Days where hearing costs more than deferring are left out: deferring is always allowed and
        frees agenda time, and no other cost term depends on the item, so such a day can never be
        part of an optimal plan (an exact pruning, not a heuristic).
        """
        days: dict[date, list[int]] = {}
        slot = self.slots[slot_index]
        for day, indices in slot.options_by_day().items():
            if day < info.ready or not self.worth_hearing(info, day):
                continue
            fitting = [o for o in indices if info.item.supervisor in slot.options[o].leaders]
            if fitting:
                days[day] = fitting
        return days

    def deferred_wait(self, info: ItemInfo) -> int:
        """Working days a deferred item waits at least: from ready to the working day after the period."""
        return max(0, self.workday(self.period.end) + 1 - info.ready_workday)

    def worth_hearing(self, info: ItemInfo, day: date) -> bool:
        weights, item = self.policy.weights, info.item
        deadline_in_period = item.deadline is not None and item.deadline <= self.period.end
        defer_cost = (weights.defer_ready + weights.wait * self.deferred_wait(info)) * item.priority_weight + (
            weights.deadline_miss if deadline_in_period else 0)
        hear_cost = weights.wait * item.priority_weight * (self.workday(day) - info.ready_workday)
        if item.deadline is not None and day > item.deadline:
            hear_cost += weights.deadline_miss
        return hear_cost <= defer_cost

    # ----- Art. 49 ----------------------------------------------------------------------------
    def _npc_days(self) -> list[NpcDay]:
        deputies = tuple(x.id for x in self.scenario.deputies)
        found = []
        for commitment in self.scenario.commitments:
            if commitment.kind != "npc_standing_committee" or not self.period.contains(commitment.date):
                continue
            free = tuple(d for d in deputies
                         if self.availability.free(d, commitment.date, commitment.start, commitment.end, commitment.id))
            found.append(NpcDay(commitment.id, commitment.date, commitment.start, commitment.end, free))
        return found


def planning_calendar(scenario: Scenario, period: Period) -> WorkCalendar:
    """A calendar over the period's years, reaching back to the earliest pending submission it knows."""
    known = CN_YEARS if scenario.calendar.region == "CN" else FREE_YEARS
    pending = scenario.pending_items(period.end)
    first = min([period.start.year, *(i.submitted.year for i in pending)])
    return calendar_for(scenario.calendar, (max(first, known.start), period.end.year))


def running_order(items: list[AgendaItem]) -> list[AgendaItem]:
    """Art. 43 practice: items involving more units first, personnel (staffing) matters last;
    ties by priority then id."""
    return sorted(items, key=lambda i: ("staffing" in i.matters, -len(delegation(i)), i.priority, i.id))
