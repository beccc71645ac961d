"""Problem data: validated, immutable records of one scenario (DESIGN §3).

Nothing here knows about CP-SAT or SimPy. `scheduler.scenario` builds these from YAML
and guarantees the invariants documented on each class; code downstream may rely on them.
Times of day are minutes after midnight (``int``) so that models and checkers share one
arithmetic; dates are ``datetime.date``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

# Enumerations of the v1 scenario contract. Tuples keep their documented order for messages.
ROLES = ("county_head", "executive_deputy", "deputy", "office_director")
UNIT_KINDS = ("department", "township")
# Art. 61 names the kinds of absence: 出访 visit, 出差 trip, 学习 study, 培训 training, 休假 leave.
# `sick` (病假) joins them: leave of another kind, reported like the others.
ABSENCE_KINDS = ("visit", "trip", "study", "training", "leave", "sick", "other")
HALVES = ("am", "pm")
BODIES = ("standing", "plenary")
# Matters Art. 43 ¶2 names where disagreement is usual (the generators draw missing consensus for these);
# every item without consensus waits, whatever its matters (Art. 43 ¶1).
CONSENSUS_MATTERS = frozenset({"funds", "projects", "staffing", "rewards"})
MATTERS = ("funds", "projects", "staffing", "rewards", "normative", "other")
# `standing`: an ad hoc standing meeting (Art. 42 如有需要可临时召开), placed beyond the monthly count.
# `plenary`: an ad hoc plenary meeting (Art. 41 也可根据实际情况临时召开), placed beyond the yearly count.
REQUEST_KINDS = ("thematic", "county_head_office", "study", "county_wide", "standing", "plenary")
# `held`: a requested meeting that was held (names its request), e.g. an item's pre-study (Art. 43).
HISTORY_KINDS = ("county_wide", "plenary", "standing", "study", "decided", "held")
COMMITMENT_KINDS = ("npc_standing_committee", "cppcc", "superior", "inspection", "other")
MEETING_KINDS = ("standing", "plenary", "study", "thematic", "county_head_office", "county_wide")


def fmt_minutes(minutes: int) -> str:
    """Minutes after midnight as ``HH:MM``."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True, slots=True)
class Leader:
    """A member of the county government's leadership (Art. 4-6)."""

    id: str
    title: str
    role: str
    domain: str | None = None
    email: str | None = None  # for calendar invitations (ICS); optional
    heads_unit: str | None = None  # a unit this leader heads concurrently (兼任, Art. 47)


@dataclass(frozen=True, slots=True)
class Unit:
    """A government department or township; `supervisor` is the leader in charge (分管领导)."""

    id: str
    name: str
    kind: str
    supervisor: str


@dataclass(frozen=True, slots=True)
class Room:
    """A meeting room; `for_kinds` (the file's `for`) keeps it for those meeting kinds only."""

    id: str
    name: str
    capacity: int
    for_kinds: tuple[str, ...] = ()

    def takes(self, kind: str) -> bool:
        return not self.for_kinds or kind in self.for_kinds


@dataclass(frozen=True, slots=True)
class Office:
    """The county government's general office, which issues the meeting notices."""

    name: str = "县人民政府办公室"
    doc_prefix: str = ""
    contact: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class Absence:
    """Leave or a trip of a leader or a unit head, reported in advance (Art. 61).

    Inclusive dates. ``half`` restricts a one-day absence to the morning (the first
    office-hours block) or the afternoon (the later blocks).
    """

    who: str
    start: date
    end: date
    kind: str = "leave"
    note: str = ""
    half: str | None = None


@dataclass(frozen=True, slots=True)
class Commitment:
    """A fixed event already on calendars; it blocks its attendees for its span."""

    id: str
    title: str
    date: date
    start: int
    end: int
    kind: str = "other"
    attendees: tuple[str, ...] = ()
    location: str = ""


@dataclass(frozen=True, slots=True)
class HistoryEvent:
    """Something that already happened: a meeting held (counts toward the count rules and numbering),
    an item decided (no longer pending), a requested meeting held (`request`; a pre-study makes its
    items ready, Art. 43; a county-wide one counts toward its unit's yearly limit, Art. 47)."""

    kind: str
    date: date
    unit: str | None = None
    item: str | None = None
    request: str | None = None


@dataclass(frozen=True, slots=True)
class LocalHoliday:
    date: date
    name: str


@dataclass(frozen=True, slots=True)
class NoticeHoliday:
    """One holiday span of a State Council notice, inclusive: every day in it is off."""

    start: date
    end: date
    name: str


@dataclass(frozen=True, slots=True)
class HolidayNotice:
    """The State Council's holiday notice for one year as the office enters it: it replaces the
    calendar package's data and the projection for that year (`scheduler.holidays`)."""

    year: int
    holidays: tuple[NoticeHoliday, ...] = ()
    workdays: tuple[date, ...] = ()  # make-up working days (调休), usually weekend days


@dataclass(frozen=True, slots=True)
class CalendarSpec:
    """How working days and office hours are determined.

    region ``CN``: mainland statutory holidays and make-up working days, plus local holidays; a
    year's statutory days come from `notices`, else the calendar package, else a projection.
    region ``none``: every weekday in ``weekdays`` (1 = Monday) works, minus local holidays.
    """

    region: str = "CN"
    weekdays: tuple[int, ...] = (1, 2, 3, 4, 5)
    local_holidays: tuple[LocalHoliday, ...] = ()
    office_hours: tuple[tuple[int, int], ...] = ((600, 840), (960, 1170))
    grain_minutes: int = 15
    notices: tuple[HolidayNotice, ...] = ()


@dataclass(frozen=True, slots=True)
class Weights:
    """Weights of the soft rules in the planner's objective (see `scheduler.rules`)."""

    wait: int = 1                  # per priority-weighted working day from ready to meeting
    deadline_miss: int = 200       # an item heard after, or deferred past, its deadline
    defer_ready: int = 40          # per priority weight, a ready item left for later
    preferred_absent: int = 5      # a preferred attendee who cannot come
    exec_presides: int = 30        # the executive deputy presides although the head could (by commission)
    standing_too_close: int = 20   # two standing meetings closer than `standing_min_gap` working days
    extra_meeting: int = 15        # a meeting more than the load needs
    late_in_window: int = 1        # per working day a request is placed after its earliest date
    reject_request: int = 100      # a meeting request left unplaced (plus what placing it could cost)
    stand_in: int = 50             # the office director attends a congress meeting for a deputy (Art. 49)
    study_spacing: int = 1         # per working day two consecutive study sessions are off `study_every_months`
    leader_at_county_wide: int = 20  # a county leader among a county-wide meeting's attendees (Art. 47)
    room_fit: int = 2              # per room preferred over the one taken (kept for the kind, then smaller)


@dataclass(frozen=True, slots=True)
class Policy:
    """The rules' numbers; defaults are the rules' own (Art. 41, 42, 43, 45, 47, 50, 52, 54)."""

    standing_per_month: tuple[int, int] = (1, 2)
    plenary_per_year: tuple[int, int] = (1, 2)
    study_every_months: int = 2
    county_wide_per_unit_per_year: int = 1
    standing_minutes: int = 180
    plenary_minutes: int = 120
    study_minutes: int = 120
    materials_lead_working_days: int = 2  # local policy: the rules say only 会前送达 (Art. 43)
    issue_within_working_days: int = 7
    cosign_reply_working_days: int = 7
    filing_within_days: int = 30
    standing_min_gap: int = 5
    # Local policy: a standing meeting lasts its items' minutes plus this allowance (opening, the
    # justice bureau's legality remarks, closing), up to `standing_minutes`.
    standing_opening_minutes: int = 15
    weights: Weights = field(default_factory=Weights)


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """An agenda item (议题) requested in writing by a unit for a standing or plenary meeting (Art. 43)."""

    id: str
    title: str
    unit: str
    supervisor: str
    body: str = "standing"
    minutes: int = 20
    submitted: date = date(1970, 1, 1)
    pre_studied: bool = True
    consensus: bool = True
    matters: tuple[str, ...] = ("other",)
    attending_units: tuple[str, ...] = ()
    deadline: date | None = None
    priority: int = 2

    @property
    def needs_consensus(self) -> bool:
        """Whether its matters are those Art. 43 ¶2 names (funds, projects, staffing, rewards)."""
        return bool(CONSENSUS_MATTERS.intersection(self.matters))

    @property
    def blocked_by_consensus(self) -> bool:
        """Art. 43 ¶1: every item is first agreed (形成一致意见) before it goes to a meeting."""
        return not self.consensus

    @property
    def priority_weight(self) -> int:
        """Priority 1 weighs 3, 2 weighs 2, 3 weighs 1."""
        return 4 - self.priority


@dataclass(frozen=True, slots=True)
class MeetingRequest:
    """A meeting to place on calendars (Art. 46, 47, 50)."""

    id: str
    kind: str
    title: str
    convener: str
    required: tuple[str, ...] = ()
    preferred: tuple[str, ...] = ()
    minutes: int = 60
    earliest: date = date(1970, 1, 1)
    latest: date = date(1970, 1, 1)
    unit: str | None = None
    for_items: tuple[str, ...] = ()
    room: str | None = None
    commissioned: bool = False  # thematic: the head commissioned this deputy (Art. 46)
    decision: bool = False      # thematic: a decision-making meeting, which needs the head's consent (Art. 46)
    head_consent: bool = False
    video: bool = False         # county-wide: held by video, so no room (Art. 47)


def _frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True, slots=True)
class Scenario:
    """One county's planning problem. Ids are unique across the whole scenario."""

    name: str
    calendar: CalendarSpec
    leaders: tuple[Leader, ...]
    units: tuple[Unit, ...] = ()
    rooms: tuple[Room, ...] = ()
    absences: tuple[Absence, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    history: tuple[HistoryEvent, ...] = ()
    policy: Policy = field(default_factory=Policy)
    agenda: tuple[AgendaItem, ...] = ()
    meeting_requests: tuple[MeetingRequest, ...] = ()
    flow: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    office: Office = field(default_factory=Office)
    version: int = 1
    source: str = "<memory>"
    sha256: str = ""  # of the file's bytes the scenario was read from ("" when built in memory)

    def __post_init__(self) -> None:
        object.__setattr__(self, "flow", _frozen_mapping(self.flow))

    # Lookups. Built on demand: the scenario is small and these are not on hot paths.
    def leader(self, leader_id: str) -> Leader:
        return next(x for x in self.leaders if x.id == leader_id)

    def unit(self, unit_id: str) -> Unit:
        return next(x for x in self.units if x.id == unit_id)

    def item(self, item_id: str) -> AgendaItem:
        return next(x for x in self.agenda if x.id == item_id)

    def request(self, request_id: str) -> MeetingRequest:
        return next(x for x in self.meeting_requests if x.id == request_id)

    def room(self, room_id: str) -> Room:
        return next(x for x in self.rooms if x.id == room_id)

    @property
    def leader_ids(self) -> frozenset[str]:
        return frozenset(x.id for x in self.leaders)

    @property
    def unit_ids(self) -> frozenset[str]:
        return frozenset(x.id for x in self.units)

    def name_of(self, party_id: str) -> str:
        """A person-readable name for a leader or unit id (the id itself if unknown); leaders who share a
        title (two 副县长) get their portfolio, 副县长（农业农村）, so every name tells one person."""
        for leader in self.leaders:
            if leader.id == party_id:
                if sum(other.title == leader.title for other in self.leaders) > 1:
                    return f"{leader.title}（{leader.domain or leader.id}）"
                return leader.title
        for unit in self.units:
            if unit.id == party_id:
                return unit.name
        return party_id

    @property
    def heads(self) -> dict[str, str]:
        """Leader id -> the unit that leader heads concurrently (兼任, Art. 47)."""
        return {x.id: x.heads_unit for x in self.leaders if x.heads_unit}

    def leaders_with_role(self, role: str) -> tuple[Leader, ...]:
        return tuple(x for x in self.leaders if x.role == role)

    @property
    def county_head(self) -> Leader:
        return self.leaders_with_role("county_head")[0]

    @property
    def executive_deputy(self) -> Leader | None:
        found = self.leaders_with_role("executive_deputy")
        return found[0] if found else None

    @property
    def office_director(self) -> Leader | None:
        found = self.leaders_with_role("office_director")
        return found[0] if found else None

    @property
    def deputies(self) -> tuple[Leader, ...]:
        """Executive deputy and deputies: the leaders Art. 49 asks to keep one of free."""
        return tuple(x for x in self.leaders if x.role in ("executive_deputy", "deputy"))

    @property
    def justice_unit(self) -> Unit | None:
        """The justice bureau (司法局), which attends standing meetings (Art. 43)."""
        for unit in self.units:
            if unit.id == "justice" or "司法" in unit.name:
                return unit
        return None

    @property
    def decided_items(self) -> frozenset[str]:
        return frozenset(h.item for h in self.history if h.kind == "decided" and h.item)

    def pending_items(self, period_end: date) -> tuple[AgendaItem, ...]:
        """Items submitted by `period_end` and not yet decided (DESIGN §4)."""
        decided = self.decided_items
        return tuple(i for i in self.agenda if i.submitted <= period_end and i.id not in decided)

    def absences_of(self, party_id: str) -> tuple[Absence, ...]:
        return tuple(a for a in self.absences if a.who == party_id)
