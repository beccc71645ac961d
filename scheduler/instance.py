"""The planning instance of one period: everything a solver reads, worked out once from scenario + period.

Solver-neutral and pure Python: the CP-SAT solver (`scheduler.cpsat`), the greedy planner
(`scheduler.greedy`), the finishing step (`scheduler.finish`) and the explanations
(`scheduler.explain`) read it; the checker (`scheduler.check`) does not, it reads the scenario itself.

Meetings the planner may hold are `Slot`s: standing meetings up to the month's upper bound
(Art. 42), plenary meetings (Art. 41), a study session for each enforced Art. 50 window that
history does not already satisfy, and every meeting request whose window meets the period and
that was not held yet (Art. 42 ad hoc standing, 46, 47, 50). Each slot has `Option`s: a working
day and a start inside one office-hours block at which the required leaders and a presider are
free and some room seats it, with the leaders who attend then and what that time costs.

Attendance follows the time, it is not chosen: members of a standing / plenary / study meeting and
preferred leaders of a request attend exactly when they are free (not absent, not at a fixed
commitment, Art. 61). Unit heads' absences never block (Art. 44: a deputy head goes instead); they
are reported. Agenda items (Art. 43) get their ready day: submitted, studied first (pre-studied, a
pre-study meeting recorded as held, or its requested meeting placed earlier in this plan — never
assumed from a past window), plus the materials lead in working days; items that cannot be heard
in the period carry a `Blocker` naming the reason and its rules.

A preferred leader of a request is a choice, not a duty: an option's `leaders` are those who may
attend then (the required leaders and the preferred ones who are free), its cost counts them all
present, and a solver may leave a free preferred leader out at `Instance.drop_cost` (the preferred
absence, less what the leader's presence would have cost).

Reductions that keep models small without changing what is optimal:
- standing, plenary and study meetings start every `DEFAULT_START_STEP` minutes (plus each block's
  last start), not every grain: their costs depend on the day, not the hour. Requested meetings start
  on every grain: they share rooms and people with each other, and an hourly grid leaves dense weeks
  without room for all of them;
- a standing meeting's options reserve its longest length (`standing_minutes`); the finished plan
  gives it the length its agenda needs (items + `standing_opening_minutes`), which never clashes;
- hearable items that differ only in their ready day form an `ItemGroup`: hearing any of them on a
  day saves the same (`scheduler.costs.hearing_saving`), so a solver counts how many of a group each
  meeting hears, and the earliest-ready ones are heard;
- an item is offered only the days on which hearing it saves something over deferring it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from scheduler.calendar import CN_YEARS, FREE_YEARS, CalendarRangeError, WorkCalendar, calendar_for
from scheduler.costs import CostFacts, county_wide_guests, hearing_saving, option_cost, reject_cost
from scheduler.cycle import advance, facts_as_history
from scheduler.domain import AgendaItem, MeetingRequest, Scenario
from scheduler.period import Period, month_bounds
from scheduler.plan import PlannedMeeting

# Minutes between candidate starts of standing, plenary and study meetings. Their costs depend on
# the day, not the hour, so offering every 15-minute grain only multiplies the model; hourly starts
# (and the last start of each block) keep every half-day and most commitments reachable. 0 or the
# grain: every grain. Requested meetings always start on every grain.
DEFAULT_START_STEP = 60
# Who stands in for the deputies at a congress standing committee meeting (Art. 49), and who may.
DEPUTY_ROLES = ("executive_deputy", "deputy")


# ----- who is free when -------------------------------------------------------------------------------


class Availability:
    """When each leader is busy (absences incl. half days, and fixed commitments, Art. 61), and when
    each unit head is away (Art. 44: not a blocker, a deputy head attends; reported)."""

    def __init__(self, scenario: Scenario, calendar: WorkCalendar, facts: tuple[PlannedMeeting, ...] = ()) -> None:
        # (person, day) -> [(start, end, commitment id or None for an absence or a meeting held)]
        self._busy: dict[tuple[str, date], list[tuple[int, int, str | None]]] = defaultdict(list)
        for meeting in facts:
            for who in dict.fromkeys((meeting.presider, *meeting.attendees)):
                self._busy[(who, meeting.date)].append((meeting.start, meeting.end, None))
        for absence in scenario.absences:
            span = calendar.half_span(absence.half)
            for ordinal in range(absence.start.toordinal(), absence.end.toordinal() + 1):
                self._busy[(absence.who, date.fromordinal(ordinal))].append((*span, None))
        for commitment in scenario.commitments:
            for who in commitment.attendees:
                self._busy[(who, commitment.date)].append((commitment.start, commitment.end, commitment.id))

    def free(self, who: str, day: date, start: int, end: int, ignore: str | None = None) -> bool:
        """Not absent and at no commitment (other than `ignore`) overlapping [start, end)."""
        return all(end <= a or b <= start or (ignore is not None and source == ignore)
                   for a, b, source in self._busy.get((who, day), ()))

    def free_set(self, people: tuple[str, ...], day: date, start: int, end: int) -> frozenset[str]:
        return frozenset(x for x in people if self.free(x, day, start, end))


def delegation(item: AgendaItem) -> frozenset[str]:
    """Units an item brings to its meeting: the reporting unit and its attending units (Art. 44)."""
    return frozenset((item.unit, *item.attending_units))


def seats_needed(sitting: int, items: list[AgendaItem], sitting_units: frozenset[str] = frozenset()) -> int:
    """Seats a meeting needs: `sitting` people who stay through it, plus the largest item delegation
    with the one staff member its reporting unit may bring (Art. 44: 除议题主要汇报单位负责人可带一名
    工作人员外…不得带工作人员). Units come for their own item in turn (列席), so delegations share seats."""
    return sitting + max((len(delegation(i) - sitting_units) + 1 for i in items), default=0)


# ----- the count rules -----------------------------------------------------------------------------------


def history_count(scenario: Scenario, kind: str, first: date, last: date) -> int:
    """Events of `kind` in `history` dated within [first, last]."""
    return sum(1 for h in scenario.history if h.kind == kind and first <= h.date <= last)


def held_requests(scenario: Scenario) -> dict[str, date]:
    """Requested meetings recorded as held, with the day (the first, if recorded twice)."""
    held: dict[str, date] = {}
    for event in sorted(scenario.history, key=lambda e: e.date):
        if event.kind == "held" and event.request:
            held.setdefault(event.request, event.date)
    return held


def county_wide_held(scenario: Scenario, unit: str, year: int) -> int:
    """Art. 47: county-wide meetings `unit` held in `year`: typed into history, or requested and held."""
    unit_of = {r.id: r.unit or r.convener for r in scenario.meeting_requests if r.kind == "county_wide"}
    return sum(1 for h in scenario.history if h.date.year == year and (
        (h.kind == "county_wide" and h.unit == unit) or (h.kind == "held" and unit_of.get(h.request or "") == unit)))


def standing_bounds(scenario: Scenario, period: Period, year: int, month: int) -> tuple[int, int]:
    """(lower, upper) standing meetings to place in this month of the period (Art. 42), history counted.

    The lower bound is a promise about the whole month, so it holds only when the month lies wholly
    inside the period; ad hoc standing meetings (requests) are beyond the count."""
    low, high = scenario.policy.standing_per_month
    held = history_count(scenario, "standing", *month_bounds(year, month))
    return (max(0, low - held) if period.covers_month(year, month) else 0), max(0, high - held)


def plenary_bounds(scenario: Scenario, period: Period, year: int) -> tuple[int, int]:
    """(lower, upper) plenary meetings to place in this year of the period (Art. 41). A year that has not
    held its minimum must hold it by its end: the lower bound applies in a period (or step) covering
    December, whatever came before."""
    low, high = scenario.policy.plenary_per_year
    held = history_count(scenario, "plenary", date(year, 1, 1), date(year, 12, 31))
    lower = max(0, low - held) if period.covers_month(year, 12) else 0
    return lower, max(0, high - held)


@dataclass(frozen=True, slots=True)
class StudyWindow:
    """One aligned window of `study_every_months` months (Art. 50): Jan-Feb, Mar-Apr, ... for 2."""

    first: date
    last: date
    enforced: bool  # its last month lies wholly inside the period
    held: int       # study sessions already in history inside the window

    @property
    def key(self) -> str:
        return f"{self.first.year:04d}-{self.first.month:02d}"


def study_window_span(every: int, day: date) -> tuple[date, date]:
    start_month = ((day.month - 1) // every) * every + 1
    end_month = min(12, start_month + every - 1)
    return month_bounds(day.year, start_month)[0], month_bounds(day.year, end_month)[1]


def study_windows(scenario: Scenario, period: Period) -> list[StudyWindow]:
    """The Art. 50 windows the period touches; none when `study_every_months` is 0 (switched off)."""
    every = scenario.policy.study_every_months
    if every <= 0:
        return []
    windows: dict[date, StudyWindow] = {}
    for year, month in period.months():
        first, last = study_window_span(every, date(year, month, 1))
        if first not in windows:
            windows[first] = StudyWindow(first, last, period.covers_month(last.year, last.month),
                                         history_count(scenario, "study", first, last) + sum(
                                             1 for r, day in held_requests(scenario).items()
                                             if first <= day <= last and _request_kind(scenario, r) == "study"))
    return list(windows.values())


def _request_kind(scenario: Scenario, request_id: str) -> str | None:
    return next((r.kind for r in scenario.meeting_requests if r.id == request_id), None)


def study_sessions_held(scenario: Scenario) -> list[date]:
    """Days of study sessions in history: typed as `study`, or study requests recorded as held."""
    days = [h.date for h in scenario.history if h.kind == "study"]
    days += [day for r, day in held_requests(scenario).items() if _request_kind(scenario, r) == "study"]
    return sorted(days)


# ----- the instance's records -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Option:
    """One way to hold a slot: day, start and end (the time it reserves), who attends, who presides,
    the seats it needs at most, and what this time costs (`scheduler.costs.option_cost`)."""

    day: date
    start: int
    end: int
    leaders: frozenset[str]
    presider: str
    workday: int  # working-day index of `day` (differences are working days)
    seats: int
    cost: int = 0


@dataclass
class Slot:
    """A meeting the planner may hold."""

    key: str
    kind: str
    minutes: int                      # the time its options reserve
    options: list[Option]
    request: MeetingRequest | None = None
    group: str = ""                   # "2024-05" for standing, "2024" for plenary, window key for study
    units: tuple[str, ...] = ()       # units sitting through the meeting
    preferred: tuple[str, ...] = ()   # preferred leaders of a request
    room: str | None = None           # the room a request asks for
    agenda_minutes: int = 0           # minutes its agenda may take (0: it hears no items)
    earliest_workday: int = 0         # requests: working-day index of the window's first working day
    reject_cost: int = 0              # requests: the cost of leaving it unplaced
    roomless: bool = False            # held by video: it needs no room (Art. 47)

    @cached_property
    def by_day(self) -> dict[date, list[int]]:
        """Option indices grouped by day, in day order."""
        found: dict[date, list[int]] = defaultdict(list)
        for index, option in enumerate(self.options):
            found[option.day].append(index)
        return dict(found)

    @property
    def takes_items(self) -> bool:
        return self.agenda_minutes > 0

    @property
    def chooses_preferred(self) -> bool:
        """A request whose preferred leaders attend by choice (an ad hoc standing or plenary meeting has its
        members attend whenever they are free, like any standing or plenary meeting)."""
        return self.request is not None and self.kind not in ("standing", "plenary") and bool(self.preferred)


@dataclass(frozen=True, slots=True)
class Blocker:
    """Why an item cannot be heard in the period at all: a reason's catalogue key, its rules, and the
    request it concerns (the missing pre-study meeting), if any."""

    key: str
    rule_ids: tuple[str, ...]
    request: str | None = None


@dataclass(slots=True)
class ItemInfo:
    """An agenda item's facts for this period (Art. 43)."""

    item: AgendaItem
    ready: date | None                # first day it may be heard (None: beyond the calendar)
    ready_workday: int
    thematic: str | None = None       # a requested pre-study meeting in this period it must follow
    blocker: Blocker | None = None
    slots: list[int] = field(default_factory=list)  # slot indices it may go to

    @property
    def hearable(self) -> bool:
        return self.blocker is None


@dataclass(slots=True)
class ItemGroup:
    """Hearable items that differ only in their ready day (and id): same body, minutes, priority,
    supervising leader and deadline, and no pre-study meeting to wait for in this plan."""

    key: tuple[object, ...]
    members: list[ItemInfo]           # in ready order, ties by id
    slots: list[int] = field(default_factory=list)

    @property
    def sample(self) -> AgendaItem:
        return self.members[0].item

    def ready_by(self, workday: int) -> int:
        """How many members are ready by the working day `workday`."""
        return sum(1 for m in self.members if m.ready_workday <= workday)


@dataclass(frozen=True, slots=True)
class CongressMeeting:
    """A congress standing committee meeting the government must attend (Art. 49): who already
    attends it (`fixed`), else the deputies free for it and the office director as stand-in."""

    commitment: str
    day: date
    start: int
    end: int
    fixed: str | None
    deputies: tuple[str, ...]
    stand_in: str | None

    @property
    def candidates(self) -> tuple[str, ...]:
        if self.fixed is not None:
            return (self.fixed,)
        return (*self.deputies, *((self.stand_in,) if self.stand_in else ()))


# ----- the instance -------------------------------------------------------------------------------------


def planning_calendar(scenario: Scenario, period: Period) -> WorkCalendar:
    """A calendar over the period's years, reaching back to the earliest pending submission and the
    last study session held (the Art. 50 spacing counts from it), where the data know them."""
    known = CN_YEARS if scenario.calendar.region == "CN" else FREE_YEARS
    pending = scenario.pending_items(period.end)
    years = [period.start.year, *(i.submitted.year for i in pending)]
    held = [d for d in study_sessions_held(scenario) if d < period.start]
    if held:
        years.append(held[-1].year)
    return calendar_for(scenario.calendar, (max(min(years), known.start), period.end.year))


class Instance:
    """Scenario + period -> slots, options, item readiness and groups, congress meetings: a solver's input."""

    def __init__(self, scenario: Scenario, period: Period, *, whole: Period | None = None,
                 start_step: int = DEFAULT_START_STEP, calendar: WorkCalendar | None = None,
                 facts: tuple[PlannedMeeting, ...] = (), today: date | None = None) -> None:
        # Meetings held as recorded stay outside the model: their counts and heard items are history
        # (`scheduler.cycle.facts_as_history`), their people are busy then, their ids are taken.
        self.facts = tuple(sorted(facts, key=lambda m: (m.date, m.start, m.id)))
        self.today = today
        scenario = advance(scenario, facts_as_history(self.facts))
        self.scenario = scenario
        self.period = period
        self.whole = whole or period  # the user's period when this is one step of it (yearly lower bounds)
        self.policy = scenario.policy
        self.weights = scenario.policy.weights
        self.start_step = start_step
        self.calendar = calendar or planning_calendar(scenario, period)
        self.availability = Availability(scenario, self.calendar, self.facts)
        # Nothing new is placed on or before today.
        self.days = [d for d in self.calendar.working_days(period.start, period.end) if today is None or d > today]
        self.end_workday = self.workday(period.end)
        self.leader_ids = tuple(x.id for x in scenario.leaders)
        self.head = scenario.county_head.id
        executive = scenario.executive_deputy
        self.executive = executive.id if executive else None
        justice = scenario.justice_unit
        self.justice = justice.id if justice else None
        self.held = held_requests(scenario)
        self.pending = scenario.pending_items(period.end)
        self.requests = tuple(r for r in scenario.meeting_requests
                              if r.earliest <= period.end and r.latest >= period.start and r.id not in self.held)
        self.windows = study_windows(scenario, period)
        self._free_cache: dict[tuple[date, int, int], frozenset[str]] = {}
        self.slots: list[Slot] = []
        self.standing_groups: dict[str, tuple[int, list[int]]] = {}
        self.plenary_groups: dict[str, tuple[int, list[int]]] = {}
        self.study_slot: dict[str, int | None] = {}
        # Seats are reserved for the largest delegation among the items that can go to a meeting of the
        # body in this period: pending, agreed, and their materials in by its end (Art. 43, 44).
        hearable = [i for i in self.pending if not i.blocked_by_consensus
                    and (ready := self.ready_day(max(i.submitted, self.calendar.first))) is not None
                    and ready <= period.end]
        self._largest = {body: max((len(delegation(i)) for i in hearable if i.body == body), default=0)
                         for body in ("standing", "plenary")}
        self.sitting: dict[str, int] = {}  # seats a standing / plenary / study meeting needs beside its leaders
        self._build_standing_slots()
        self._build_plenary_slots()
        self._build_study_slots()
        self._build_request_slots()
        self.contended = self._contended_units()
        self.items = {i.id: self._item_info(i) for i in self.pending}
        self._link_items()
        self.groups = self._group_items()
        self.congress = self._congress_meetings()

    # ----- helpers ----------------------------------------------------------------------------------
    def workday(self, day: date) -> int:
        """Working-day index: the difference of two indices is the working days between them."""
        return self.calendar.working_days_between(self.calendar.first, day)

    def free_leaders(self, day: date, start: int, end: int) -> frozenset[str]:
        key = (day, start, end)
        found = self._free_cache.get(key)
        if found is None:
            found = self._free_cache[key] = self.availability.free_set(self.leader_ids, day, start, end)
        return found

    def start_times(self, minutes: int, every_grain: bool = False) -> list[int]:
        """Candidate starts: grain-aligned, every `start_step` minutes from each block's first start
        (every grain when `every_grain`), plus the block's last possible start (so a meeting can end
        with the block)."""
        every = self.calendar.start_times(minutes)
        if every_grain:
            return every
        step = max(self.start_step, self.calendar.grain)
        chosen: list[int] = []
        for block_start, block_end in self.calendar.blocks:
            inside = [s for s in every if block_start <= s and s + minutes <= block_end]
            if inside:
                chosen.extend(s for s in inside if (s - inside[0]) % step == 0)
                if inside[-1] not in chosen:
                    chosen.append(inside[-1])
        return chosen

    def rooms_for(self, seats: int, wanted: str | None = None, kind: str | None = None) -> list[str | None]:
        """Rooms seating `seats` (the one `wanted`, if named) and taking meetings of `kind` (a room kept
        `for` other kinds does not); with no rooms in the scenario, meetings need no room (None)."""
        if not self.scenario.rooms:
            return [None]
        return [r.id for r in self.scenario.rooms if r.capacity >= seats and (wanted is None or r.id == wanted)
                and (kind is None or r.takes(kind))]

    def slot_rooms(self, slot: Slot, seats: int) -> list[str | None]:
        """The rooms a slot's meeting may sit in with `seats` needed; [None] when it needs none."""
        return [None] if slot.roomless else self.rooms_for(seats, slot.room, slot.kind)

    def _options(self, days: list[date], minutes: int, required: tuple[str, ...], presiders: tuple[str, ...],
                 members: tuple[str, ...], sitting_extra: int, *, kind: str, room: str | None = None,
                 roomless: bool = False, cost: Callable[[int, frozenset[str], str], int] | None = None,
                 every_grain: bool = False) -> list[Option]:
        """Every (day, start) where the required leaders and a presider are free and a room seats the
        attending `members` plus `sitting_extra` seats. `presiders` in order of preference; one that is
        not a leader (a unit holding its county-wide meeting) is always there (Art. 44). `cost(day,
        start, leaders, presider)` prices each option."""
        options: list[Option] = []
        members_set = frozenset(members)
        leaders = frozenset(self.leader_ids)
        for day in days:
            workday = self.workday(day)
            for start in self.start_times(minutes, every_grain):
                end = start + minutes
                free = self.free_leaders(day, start, end)
                if not all(x in free for x in required):
                    continue
                presider = next((p for p in presiders if p in free or p not in leaders), None)
                if presider is None:
                    continue
                attending = free & members_set
                seats = len(attending) + sitting_extra
                if roomless or self.rooms_for(seats, room, kind):
                    price = cost(workday, attending, presider) if cost is not None else 0
                    options.append(Option(day, start, end, attending, presider, workday, seats, price))
        return options

    def _presiders(self, kind: str) -> tuple[str, ...]:
        """Art. 42 / 6: the head presides a standing meeting, or by commission the executive deputy (the
        natural choice when the head is away; offered only then, since it only adds a cost).
        Art. 41, 50: the head presides plenary meetings and study sessions."""
        if kind == "standing" and self.executive is not None:
            return (self.head, self.executive)
        return (self.head,)

    def _standing_price(self, _workday: int, _leaders: frozenset[str], presider: str) -> int:
        return option_cost(self.weights, exec_presides=presider != self.head)

    # ----- slots ------------------------------------------------------------------------------------
    def _slot_keys(self, prefix: str, kind: str, first: date, last: date, count: int) -> list[str]:
        """`count` slot ids `prefix-N`, numbered on from the meetings the typed history holds in
        [first, last] and skipping the ids of meetings kept as facts (a re-plan then finds the
        published meetings under the ids they were published with)."""
        taken = {m.id for m in self.facts}
        number = history_count(self.scenario, kind, first, last) - sum(
            1 for m in self.facts if m.kind == kind and m.request is None and first <= m.date <= last)
        keys: list[str] = []
        while len(keys) < count:
            number += 1
            if f"{prefix}-{number}" not in taken:
                keys.append(f"{prefix}-{number}")
        return keys

    def _build_standing_slots(self) -> None:
        policy = self.policy
        if policy.standing_per_month[1] == 0 or self.justice is None:
            return
        sitting = 1 + self._largest["standing"] + 1  # the justice bureau, the largest delegation and its staff
        self.sitting["standing"] = sitting
        for year, month in self.period.months():
            lower, upper = standing_bounds(self.scenario, self.period, year, month)
            first, last = month_bounds(year, month)
            days = [d for d in self.days if first <= d <= last]
            options = self._options(days, policy.standing_minutes, (), self._presiders("standing"), self.leader_ids,
                                    sitting, kind="standing", cost=self._standing_price)
            group = f"{year:04d}-{month:02d}"
            keys = self._slot_keys(f"standing-{group}", "standing", first, last, upper)
            indices = []
            for key in keys:
                indices.append(len(self.slots))
                self.slots.append(Slot(key, "standing", policy.standing_minutes,
                                       options, group=group, units=(self.justice,),
                                       agenda_minutes=policy.standing_minutes - policy.standing_opening_minutes))
            self.standing_groups[group] = (lower, indices)

    def _build_plenary_slots(self) -> None:
        policy = self.policy
        if policy.plenary_per_year[1] == 0:
            return
        departments = tuple(u.id for u in self.scenario.units if u.kind == "department")
        sitting = len(departments) + self._largest["plenary"] + 1
        self.sitting["plenary"] = sitting
        for year in self.period.years():
            lower, upper = plenary_bounds(self.scenario, self.period, year)
            days = [d for d in self.days if d.year == year]
            options = self._options(days, policy.plenary_minutes, (), self._presiders("plenary"), self.leader_ids,
                                    sitting, kind="plenary")
            keys = self._slot_keys(f"plenary-{year}", "plenary", date(year, 1, 1), date(year, 12, 31), upper)
            indices = []
            for key in keys:
                indices.append(len(self.slots))
                self.slots.append(Slot(key, "plenary", policy.plenary_minutes,
                                       options, group=str(year), units=departments,
                                       agenda_minutes=policy.plenary_minutes))
            self.plenary_groups[str(year)] = (lower, indices)

    def _build_study_slots(self) -> None:
        """Art. 50: a session of the planner's own for each enforced window without one in history
        (held only when no study request is placed in the window); leaders and the heads of every
        department and unit attend, so the room seats them all."""
        units = tuple(u.id for u in self.scenario.units)
        self.sitting["study"] = len(units)
        for window in self.windows:
            if not window.enforced or window.held:
                self.study_slot[window.key] = None
                continue
            days = [d for d in self.days if window.first <= d <= window.last]
            options = self._options(days, self.policy.study_minutes, (), self._presiders("study"), self.leader_ids,
                                    len(units), kind="study")
            self.study_slot[window.key] = len(self.slots)
            self.slots.append(Slot(f"study-{window.key}", "study", self.policy.study_minutes, options,
                                   group=window.key, units=units))

    def request_parties(self, request: MeetingRequest) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(required leaders, preferred leaders, units sitting through) of a request.

        The convener attends (a unit convening its county-wide meeting sits through it); the head
        presides a county head office meeting, a study session and an ad hoc plenary (Art. 46, 50, 41);
        a study session's attendees are the leaders and the heads of every unit, a plenary's the
        leaders and every department head; a standing meeting has the justice bureau (Art. 43)."""
        leaders = self.scenario.leader_ids
        required = [request.convener] if request.convener in leaders else []
        if request.kind in ("study", "county_head_office", "plenary"):
            required.insert(0, self.head)
        required += [x for x in request.required if x in leaders]
        preferred = [x for x in request.preferred if x in leaders and x not in required]
        units = [x for x in (*request.required, *request.preferred) if x not in leaders]
        if request.kind == "county_wide" and request.unit and request.unit not in units:
            units.insert(0, request.unit)
        if request.kind == "study":
            units += [u.id for u in self.scenario.units]
        if request.kind == "plenary":
            units = [u.id for u in self.scenario.units if u.kind == "department"] + units
        if request.kind == "standing" and self.justice:
            units.insert(0, self.justice)
        return tuple(dict.fromkeys(required)), tuple(dict.fromkeys(preferred)), tuple(dict.fromkeys(units))

    def request_presiders(self, request: MeetingRequest) -> tuple[str, ...]:
        """Art. 46: the convener of a thematic or county-wide meeting presides it, the head a county
        head office meeting; Art. 50: the head a study session; Art. 42: an ad hoc standing meeting the
        head, or by commission the executive deputy."""
        if request.kind == "standing":
            return self._presiders("standing") if request.convener == self.head else (request.convener,)
        if request.kind in ("study", "county_head_office", "plenary"):
            return (self.head,)
        return (request.convener,)

    def _build_request_slots(self) -> None:
        for request in self.requests:
            required, preferred, units = self.request_parties(request)
            start = max(request.earliest, self.period.start)
            end = min(request.latest, self.period.end)
            days = [d for d in self.days if start <= d <= end]
            # Lateness counts from the window's first working day; a window reaching back before the
            # calendar counts from the calendar's first day.
            earliest = self.workday(self.calendar.next_working_day(max(request.earliest, self.calendar.first)))
            standing = request.kind == "standing"
            internal = request.kind in ("standing", "plenary")  # their members attend and they hear items
            members = self.leader_ids if internal else required + preferred
            sitting = len(units) + (self._largest[request.kind] + 1 if internal else 0)
            roomless = request.kind == "county_wide" and request.video

            def price(workday: int, leaders: frozenset[str], presider: str, request: MeetingRequest = request,
                      preferred: tuple[str, ...] = preferred, earliest: int = earliest) -> int:
                guests = county_wide_guests(request, leaders, leaders, self.scenario.heads) \
                    if request.kind == "county_wide" else []
                return option_cost(self.weights, late_days=workday - earliest,
                                   preferred_absent=sum(1 for p in preferred if p not in leaders),
                                   exec_presides=request.kind == "standing" and presider != self.head,
                                   county_wide_leaders=len(guests))

            options = self._options(days, request.minutes, required, self.request_presiders(request), members,
                                    sitting, kind=request.kind, room=request.room, roomless=roomless, cost=price,
                                    every_grain=True)
            try:
                latest = self.workday(self.calendar.next_working_day(request.latest, inclusive=True)
                                      if request.latest <= self.calendar.last else self.calendar.last)
            except CalendarRangeError:
                latest = self.end_workday
            window = max(1, latest - earliest + 1)
            self.slots.append(Slot(
                request.id, request.kind, request.minutes, options, request=request, units=units, preferred=preferred,
                room=request.room, earliest_workday=earliest, roomless=roomless,
                agenda_minutes=(request.minutes - self.policy.standing_opening_minutes if standing
                                else request.minutes if internal else 0),
                reject_cost=reject_cost(self.weights, request, window,
                                        len(required) + len(preferred))))

    def drop_cost(self, slot: Slot, person: str) -> int:
        """What leaving out a preferred leader who is free costs over having them attend: the preferred
        absence, less what a county leader at a county-wide meeting costs (Art. 47; not one who heads
        the holding unit)."""
        weights = self.weights
        guest = slot.request is not None and slot.kind == "county_wide" and bool(
            county_wide_guests(slot.request, (person,), self.leader_ids, self.scenario.heads))
        return weights.preferred_absent - (weights.leader_at_county_wide if guest else 0)

    def _contended_units(self) -> frozenset[str]:
        """Units sitting through a requested meeting that may overlap a standing or plenary meeting: a
        unit reporting an item there is busy for its turn (Art. 44: a unit head is one person). Only a
        meeting with no leader required can: every leader free then attends a standing or plenary
        meeting, so a meeting with a required leader never overlaps one (`add_no_double_booking`)."""
        return frozenset(u for slot in self.slots if slot.request is not None
                         and not self.request_parties(slot.request)[0] for u in slot.units)

    def busy_units(self, item: AgendaItem) -> frozenset[str]:
        """The units of an item's delegation that another meeting of this plan may also want."""
        return delegation(item) & self.contended

    def request_slot(self, request_id: str) -> int | None:
        return self._request_slots.get(request_id)

    @cached_property
    def _request_slots(self) -> dict[str, int]:
        return {slot.request.id: s for s, slot in enumerate(self.slots) if slot.request is not None}

    # ----- items ------------------------------------------------------------------------------------
    def ready_day(self, after: date) -> date | None:
        """The day materials have reached everyone: `materials_lead_working_days` after `after` (Art. 43)."""
        lead = self.policy.materials_lead_working_days
        try:
            return self.calendar.add_working_days(after, lead) if lead > 0 else self.calendar.next_working_day(after)
        except CalendarRangeError:
            return None

    def _item_info(self, item: AgendaItem) -> ItemInfo:
        """Art. 43: consensus on funds, projects, staffing and rewards; studied first at a meeting its
        supervising leader convenes — pre-studied, or recorded as held, or requested in this period
        (then it must be placed before the item's meeting) — never assumed from a past window; and the
        materials lead after submission or the pre-study meeting."""
        ready = self.ready_day(max(item.submitted, self.calendar.first))
        info = ItemInfo(item, ready, self.workday(ready) if ready else 1 << 30)
        if item.blocked_by_consensus:
            info.blocker = Blocker("defer.consensus", ("item_consensus",))
        elif not item.pre_studied:
            self._prestudy(info)
        if info.blocker is None and (info.ready is None or info.ready > self.period.end):
            info.blocker = Blocker("defer.not_ready", ("item_ready",))
        return info

    def _prestudy(self, info: ItemInfo) -> None:
        item = info.item
        requests = [r for r in self.scenario.meeting_requests if r.kind == "thematic" and item.id in r.for_items]
        held = [self.held[r.id] for r in requests if r.id in self.held]
        if held:
            studied = self.ready_day(min(held))
            if studied is None:
                info.blocker = Blocker("defer.not_ready", ("item_ready",))
            elif info.ready is not None and studied > info.ready:
                info.ready, info.ready_workday = studied, self.workday(studied)
            return
        in_period = [r for r in requests if r in self.requests]
        if in_period:
            info.thematic = min(in_period, key=lambda r: (r.earliest, r.id)).id
        elif any(r.earliest > self.period.end for r in requests):
            later = min((r for r in requests if r.earliest > self.period.end), key=lambda r: (r.earliest, r.id))
            info.blocker = Blocker("defer.thematic_later", ("item_ready",), later.id)
        elif requests:
            missed = max(requests, key=lambda r: (r.latest, r.id))
            info.blocker = Blocker("defer.prestudy_missing", ("item_ready",), missed.id)
        else:
            info.blocker = Blocker("defer.no_thematic", ("item_ready",))

    def worth_hearing(self, item: AgendaItem, day: date, workday: int | None = None) -> bool:
        """Hearing the item on `day` saves something over deferring it (`scheduler.costs.hearing_saving`)."""
        return self.saving(item, day, workday) > 0

    def saving(self, item: AgendaItem, day: date, workday: int | None = None) -> int:
        return hearing_saving(self.weights, item, day, self.workday(day) if workday is None else workday,
                              self.period.end, self.end_workday)

    def item_days(self, info: ItemInfo, slot_index: int) -> dict[date, list[int]]:
        """Days (with their option indices) on which the item may be heard in this slot: ready by
        then, its supervising leader attending (Art. 43), and worth hearing."""
        days: dict[date, list[int]] = {}
        slot = self.slots[slot_index]
        for day, indices in slot.by_day.items():
            if info.ready is None or day < info.ready or not self.worth_hearing(info.item, day,
                                                                               slot.options[indices[0]].workday):
                continue
            fitting = [o for o in indices if info.item.supervisor in slot.options[o].leaders]
            if fitting:
                days[day] = fitting
        return days

    def _link_items(self) -> None:
        for index, slot in enumerate(self.slots):
            if not slot.takes_items:
                continue
            for info in self.items.values():
                if info.hearable and info.item.body == slot.kind and info.item.minutes <= slot.agenda_minutes and \
                        self.item_days(info, index):
                    info.slots.append(index)

    def _group_items(self) -> list[ItemGroup]:
        """Hearable items with no pre-study meeting to wait for in this plan, grouped by what their
        hearing saves and where they may go (`ItemGroup`)."""
        groups: dict[tuple[object, ...], ItemGroup] = {}
        for info in sorted(self.items.values(), key=lambda i: (i.ready_workday, i.item.id)):
            if not info.hearable or info.thematic is not None or not info.slots:
                continue
            item = info.item
            key = (item.body, item.minutes, item.priority_weight, item.supervisor, item.deadline,
                   self.busy_units(item))
            group = groups.setdefault(key, ItemGroup(key, [], sorted(info.slots)))
            group.members.append(info)
            group.slots = sorted(set(group.slots) | set(info.slots))
        return list(groups.values())

    @cached_property
    def individual_items(self) -> list[ItemInfo]:
        """Hearable items that wait for a pre-study meeting placed in this plan: placed one by one."""
        return [i for i in self.items.values() if i.hearable and i.thematic is not None and i.slots]

    # ----- Art. 49 ----------------------------------------------------------------------------------
    def _congress_meetings(self) -> list[CongressMeeting]:
        roles = {x.id: x.role for x in self.scenario.leaders}
        deputies = tuple(x for x in self.leader_ids if roles[x] in DEPUTY_ROLES)
        director = self.scenario.office_director
        found = []
        for c in self.scenario.commitments:
            if c.kind != "npc_standing_committee" or not self.period.contains(c.date):
                continue
            listed = [x for x in c.attendees if roles.get(x) in (*DEPUTY_ROLES, "office_director")]
            fixed = next((x for x in listed if roles[x] in DEPUTY_ROLES), listed[0] if listed else None)
            free = tuple(d for d in deputies if self.availability.free(d, c.date, c.start, c.end, c.id))
            stand_in = director.id if director and self.availability.free(director.id, c.date, c.start, c.end,
                                                                          c.id) else None
            found.append(CongressMeeting(c.id, c.date, c.start, c.end, fixed, free, stand_in))
        return found

    def is_stand_in(self, who: str) -> bool:
        director = self.scenario.office_director
        return director is not None and who == director.id

    # ----- the costs' facts -------------------------------------------------------------------------
    def cost_facts(self) -> CostFacts:
        """What `scheduler.costs.plan_penalties` needs, as this instance reads the scenario."""
        every = self.policy.study_every_months
        windows = tuple((w.first, w.last) for w in self.windows)
        before = None
        held = [d for d in study_sessions_held(self.scenario) if d < self.period.start]
        if every > 0 and held and self.calendar.covers(held[-1]):
            # The last session held pairs with the sessions of the window right after its own.
            after = study_window_span(every, held[-1])[1] + timedelta(days=1)
            following = next((k for k, (first, _) in enumerate(windows) if first == after), None)
            if following is not None:
                before = (self.workday(held[-1]), following)
        return CostFacts(
            weights=self.weights, period_end=self.period.end, workday=self.workday, head=self.head,
            items={i: info.item for i, info in self.items.items()},
            ready={i: (info.ready_workday if info.hearable else None) for i, info in self.items.items()},
            requests={s.request.id: (s.request, s.earliest_workday, s.reject_cost) for s in self.slots if s.request},
            standing_lower={g: low for g, (low, _) in self.standing_groups.items()},
            plenary_lower={g: low for g, (low, _) in self.plenary_groups.items()},
            standing_min_gap=self.policy.standing_min_gap, study_every_months=every, study_windows=windows,
            study_before=before, leaders=frozenset(self.leader_ids), name=self.scenario.name_of,
            heads=self.scenario.heads, rooms=self.scenario.rooms)

