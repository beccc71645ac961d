"""The independent checker: a plan, hand-edited or not, against every hard rule, and its recomputed cost.

It never imports ortools, nor the planner's instance: it reads the scenario and the plan itself and
works out on its own who was free when, when each item was ready (pre-study recorded as held, or
placed earlier in this very plan — never assumed), how many meetings each month and year must hold,
and which requests are in scope. Only the cost formula is shared (`scheduler.costs`), so a wrong
reading on either side shows up as an objective that differs from the solver's. Each violation
names its rule and articles, and the meetings and items involved.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations

from scheduler.calendar import CN_YEARS, FREE_YEARS, CalendarRangeError, WorkCalendar, calendar_for
from scheduler.costs import CostFacts, plan_penalties, reject_cost
from scheduler.domain import AgendaItem, MeetingRequest, Scenario, fmt_minutes
from scheduler.i18n import Lang
from scheduler.period import Period, month_bounds
from scheduler.plan import Message, Penalty, Plan, PlannedMeeting
from scheduler.rules import cite_suffix, rule

DEPUTY_ROLES = ("executive_deputy", "deputy")
# The presider check of each meeting kind cites that kind's article (41, 42, 46, 47, 50).
PRESIDER_RULES = {"standing": "presider", "plenary": "presider_plenary", "study": "presider_study",
                  "thematic": "presider_thematic", "county_head_office": "head_office",
                  "county_wide": "presider_county_wide"}


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    articles: tuple[str, ...]
    detail: Message
    meetings: tuple[str, ...] = ()
    items: tuple[str, ...] = ()

    def render(self, lang: Lang = "zh") -> str:
        return self.detail.render(lang) + cite_suffix(self.articles, lang)


@dataclass(frozen=True, slots=True)
class CheckReport:
    violations: tuple[Violation, ...]
    penalties: tuple[Penalty, ...]
    objective: int

    @property
    def clean(self) -> bool:
        return not self.violations


class _Checker:
    """One check of one plan; `run` goes through every rule family."""

    def __init__(self, scenario: Scenario, plan: Plan) -> None:
        self.scenario = scenario
        self.plan = plan
        self.period = Period(plan.period_from, plan.period_to)
        self.policy = scenario.policy
        self.calendar = self._calendar()
        self.leaders = {x.id: x for x in scenario.leaders}
        self.units = {x.id: x for x in scenario.units}
        self.rooms = {x.id: x for x in scenario.rooms}
        self.head = scenario.county_head.id
        executive = scenario.executive_deputy
        self.executive = executive.id if executive else None
        justice = scenario.justice_unit
        self.justice = justice.id if justice else None
        self.requests = {r.id: r for r in scenario.meeting_requests}
        self.held = self._held_requests()
        self.in_scope = {r.id: r for r in scenario.meeting_requests if r.earliest <= self.period.end
                         and r.latest >= self.period.start and r.id not in self.held}
        decided = {h.item for h in scenario.history if h.kind == "decided"}
        self.pending = {i.id: i for i in scenario.agenda if i.submitted <= self.period.end and i.id not in decided}
        self.commitments = {c.id: c for c in scenario.commitments}
        self.found: list[Violation] = []

    # ----- reading the scenario ---------------------------------------------------------------------
    def _calendar(self) -> WorkCalendar:
        known = CN_YEARS if self.scenario.calendar.region == "CN" else FREE_YEARS
        years = [self.period.start.year, *(i.submitted.year for i in self.scenario.agenda
                                           if i.submitted <= self.period.end)]
        years += [h.date.year for h in self.scenario.history if h.date < self.period.start]
        return calendar_for(self.scenario.calendar, (max(min(years), known.start), self.period.end.year))

    def _held_requests(self) -> dict[str, date]:
        held: dict[str, date] = {}
        for event in sorted(self.scenario.history, key=lambda e: e.date):
            if event.kind == "held" and event.request:
                held.setdefault(event.request, event.date)
        return held

    def workday(self, day: date) -> int:
        return self.calendar.working_days_between(self.calendar.first, day)

    def free(self, who: str, day: date, start: int, end: int, ignore: str | None = None) -> bool:
        """Not absent (a half day covers the first office-hours block or the rest) and at no fixed
        commitment other than `ignore` overlapping [start, end) (Art. 61)."""
        return not self.on_leave(who, day, start, end) and not self.at_commitment(who, day, start, end, ignore)

    def on_leave(self, who: str, day: date, start: int, end: int) -> bool:
        for absence in self.scenario.absences:
            if absence.who == who and absence.start <= day <= absence.end:
                boundary = self.calendar.blocks[0][1]
                a, b = {"am": (0, boundary), "pm": (boundary, 24 * 60)}.get(absence.half or "", (0, 24 * 60))
                if a < end and start < b:
                    return True
        return False

    def at_commitment(self, who: str, day: date, start: int, end: int, ignore: str | None = None) -> bool:
        """At a fixed commitment overlapping [start, end), or attending a congress meeting for the
        government as this plan says (Art. 49)."""
        if any(c.date == day and who in c.attendees and c.id != ignore and c.start < end and start < c.end
               for c in self.scenario.commitments):
            return True
        return any(a.attendee == who and (c := self.commitments.get(a.commitment)) is not None and c.id != ignore
                   and c.date == day and c.start < end and start < c.end for a in self.plan.commitment_attendance)

    def name(self, party: str) -> str:
        return self.scenario.name_of(party)

    def ready(self, item: AgendaItem, meeting: PlannedMeeting | None = None) -> tuple[date | None, str | None]:
        """(first day the item may be heard, why it cannot be heard at all) under Art. 43: consensus on
        funds, projects, staffing and rewards; studied first — pre-studied, a pre-study recorded as held,
        or (for `meeting`) its pre-study meeting placed earlier in this plan; for the period as a whole,
        a pre-study requested in it will do — and the materials lead after submission or the pre-study."""
        lead = self.policy.materials_lead_working_days

        def after(day: date) -> date | None:
            try:
                first = max(day, self.calendar.first)
                return self.calendar.add_working_days(first, lead) if lead else self.calendar.next_working_day(first)
            except CalendarRangeError:
                return None

        ready = after(item.submitted)
        if item.blocked_by_consensus:
            return ready, "consensus"
        if not item.pre_studied:
            studies = {r.id for r in self.scenario.meeting_requests if r.kind == "thematic" and item.id in r.for_items}
            held = [day for request, day in self.held.items() if request in studies]
            placed = [m.date for m in self.plan.meetings if m.request in studies and meeting is not None
                      and m.date < meeting.date]
            if held or placed:
                studied = after(min(held or placed))
                ready = max(ready, studied) if ready is not None and studied is not None else None
            elif meeting is not None or not studies & set(self.in_scope):
                return ready, "prestudy"
        if ready is None or ready > self.period.end:
            return ready, "not_ready"
        return ready, None

    def parties(self, request: MeetingRequest) -> tuple[list[str], list[str]]:
        """(required leaders, preferred leaders): the convener, the head for his office meeting and a
        study session (Art. 46, 50), and the leaders the request names."""
        required = [request.convener] if request.convener in self.leaders else []
        if request.kind in ("study", "county_head_office"):
            required.insert(0, self.head)
        required += [x for x in request.required if x in self.leaders]
        preferred = [x for x in request.preferred if x in self.leaders and x not in required]
        return list(dict.fromkeys(required)), list(dict.fromkeys(preferred))

    # ----- recording --------------------------------------------------------------------------------
    def fail(self, rule_id: str, key: str, meetings: tuple[str, ...] = (), items: tuple[str, ...] = (),
             **args: object) -> None:
        self.found.append(Violation(rule_id, rule(rule_id).articles, Message.of(key, **args), meetings, items))

    # ----- one meeting ------------------------------------------------------------------------------
    def check_time(self, m: PlannedMeeting) -> None:
        """Working day inside the period, one office-hours block, on the grain, its length."""
        if not self.period.contains(m.date):
            self.fail("working_time", "check.outside_period", (m.id,), meeting=m.title, date=m.date)
        if not self.calendar.is_working_day(m.date):
            self.fail("working_time", "check.not_working_day", (m.id,), meeting=m.title, date=m.date)
        if m.end <= m.start or self.calendar.block_of(m.start, m.end) is None:
            self.fail("working_time", "check.outside_hours", (m.id,), meeting=m.title, start=fmt_minutes(m.start),
                      end=fmt_minutes(m.end))
        if m.start % self.calendar.grain:
            self.fail("working_time", "check.off_grain", (m.id,), meeting=m.title, start=fmt_minutes(m.start),
                      grain=self.calendar.grain)
        request = self.requests.get(m.request or "")
        expected = request.minutes if request else {"plenary": self.policy.plenary_minutes,
                                                    "study": self.policy.study_minutes}.get(m.kind)
        if expected is not None and m.end - m.start != expected:
            self.fail("working_time", "check.bad_length", (m.id,), meeting=m.title, minutes=m.end - m.start,
                      expected=expected)
        if m.kind == "standing" and request is None and m.end - m.start > self.policy.standing_minutes:
            self.fail("working_time", "check.too_long", (m.id,), meeting=m.title, minutes=m.end - m.start,
                      expected=self.policy.standing_minutes)

    def check_room(self, m: PlannedMeeting) -> None:
        """A room that exists and seats the meeting: those who sit through it, and each item's delegation
        in turn with the one staff member its reporting unit may bring (Art. 44)."""
        request = self.requests.get(m.request or "")
        if not self.scenario.rooms or (m.room is None and request is not None and request.video):
            return  # a county-wide meeting by video needs no room (Art. 47 提倡采用视频会议形式)
        room = self.rooms.get(m.room or "")
        if room is None:
            self.fail("room", "check.room_unknown", (m.id,), meeting=m.title, room=m.room)
            return
        if not room.takes(m.kind):
            self.fail("room", "check.room_kept", (m.id,), meeting=m.title, room=room.name,
                      kinds=", ".join(room.for_kinds))
        items = [self.pending[i] for i in m.items if i in self.pending]
        visiting = set().union(*(frozenset((i.unit, *i.attending_units)) for i in items)) if items else set()
        sitting = {a for a in m.attendees if a not in visiting or a == self.justice}
        if m.kind == "standing" and self.justice:
            sitting.add(self.justice)
        largest = max((len({i.unit, *i.attending_units} - sitting) for i in items), default=-1)
        seats = len(sitting) + largest + 1
        if seats > room.capacity:
            rule_id = "staff_seat" if seats - 1 <= room.capacity and items else "room"
            self.fail(rule_id, "check.room_small", (m.id,), room=room.name, capacity=room.capacity, meeting=m.title,
                      seats=seats)

    def check_attendees(self, m: PlannedMeeting) -> None:
        """No leader booked while on reported leave (Art. 61), nor while at a fixed commitment (a fact:
        nobody is in two places at once). A unit head's leave is no bar: the unit's deputy attends (Art. 44)."""
        for who in m.attendees:
            if who not in self.leaders:
                continue
            if self.on_leave(who, m.date, m.start, m.end):
                self.fail("on_leave", "check.unavailable", (m.id,), who=self.name(who), date=m.date, meeting=m.title)
            elif any(c.date == m.date and who in c.attendees and c.start < m.end and m.start < c.end
                     for c in self.scenario.commitments):
                self.fail("no_double_booking", "check.at_commitment", (m.id,), who=self.name(who), date=m.date,
                          meeting=m.title)

    def members_free(self, m: PlannedMeeting) -> list[str]:
        """The leaders free for the whole of `m`: not on leave, at no commitment (Art. 61, 49)."""
        return [x for x in self.leaders if self.free(x, m.date, m.start, m.end)]

    def check_members(self, m: PlannedMeeting) -> None:
        """Who must be at each kind of meeting, each with its article: a standing meeting's members (head,
        deputies, office director) not on leave (Art. 42); a plenary's leaders and every department head
        (Art. 41); a study session's leaders and the heads of every unit (Art. 50); each item's reporting
        unit and the units it names (Art. 44); a county head office or thematic meeting's required units
        (Art. 46). Units always attend: a head on leave sends the deputy (Art. 44)."""
        present = set(m.attendees)
        request = self.requests.get(m.request or "")
        needed: list[tuple[str, str]] = []
        if m.kind == "standing":
            needed += [("standing_members", x) for x in self.members_free(m)]
        elif m.kind == "plenary":
            needed += [("plenary_members", x) for x in self.members_free(m)]
            needed += [("plenary_members", u.id) for u in self.scenario.units if u.kind == "department"]
        elif m.kind == "study":
            needed += [("study_members", x) for x in self.members_free(m)]
            needed += [("study_members", u.id) for u in self.scenario.units]
        if request is not None:
            rule_id = "request_units" if request.kind in ("thematic", "county_head_office") else "request_window"
            needed += [(rule_id, x) for x in (*request.required, *((request.unit,) if request.unit else ()))
                       if x in self.units]
        for item_id in m.items:
            item = self.pending.get(item_id)
            if item is not None:
                needed += [("reporting_unit", u) for u in (item.unit, *item.attending_units)]
        for rule_id, who in dict.fromkeys(needed):
            if who not in present:
                self.fail(rule_id, "check.member_missing", (m.id,), meeting=m.title, who=self.name(who))

    def unit_spans(self, m: PlannedMeeting) -> dict[str, list[tuple[int, int]]]:
        """When each unit (its head, one person, Art. 44) is at `m`: for its own items' turn at a standing
        or plenary meeting, in running order (a standing meeting's items follow its opening allowance);
        for the whole meeting when it sits through it (the justice bureau at a standing meeting, every
        department at a plenary, every unit at a study session, the units of any other meeting)."""
        items = [self.pending[i] for i in m.items if i in self.pending]
        delegations = {u for i in items for u in (i.unit, *i.attending_units)}
        sitting = set()
        if m.kind == "standing" and self.justice:
            sitting.add(self.justice)
        if m.kind == "plenary":
            sitting |= {u.id for u in self.scenario.units if u.kind == "department"}
        request = self.requests.get(m.request or "")
        if request is not None:
            sitting |= {x for x in (*request.required, *request.preferred) if x in self.units}
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for unit in (x for x in m.attendees if x in self.units):
            if unit in sitting or unit not in delegations:
                spans[unit].append((m.start, m.end))
        at = m.start + (self.policy.standing_opening_minutes if m.kind == "standing" else 0)
        for item in items:
            turn = (min(at, m.end), min(at + item.minutes, m.end))
            at += item.minutes
            for unit in dict.fromkeys((item.unit, *item.attending_units)):
                if unit not in sitting and unit in m.attendees:
                    spans[unit].append(turn)
        return spans

    def check_presider(self, m: PlannedMeeting) -> None:
        """Art. 42, 6: the head presides a standing meeting, or by commission the executive deputy (at any
        time, at a cost); Art. 41, 50: the head presides plenary meetings and study sessions; Art. 46: the
        head his office meeting, the convener a thematic or county-wide meeting."""
        request = self.requests.get(m.request or "")
        if m.kind == "standing" and (request is None or request.convener == self.head):
            expected = {self.head, self.executive} - {None}
        elif request is not None and request.kind in ("thematic", "county_wide", "standing"):
            expected = {request.convener}
        else:
            expected = {self.head}
        present = m.presider in m.attendees or (request is not None and m.presider == request.convener
                                                 and m.presider not in self.leaders)
        if m.presider not in expected or not present:
            rule_id = PRESIDER_RULES.get(m.kind, "presider")
            self.fail(rule_id, "check.presider", (m.id,), meeting=m.title,
                      expected="、".join(self.name(x) for x in sorted(x for x in expected if x)),
                      actual=self.name(m.presider))

    def check_items(self, m: PlannedMeeting) -> None:
        """Art. 43: the body, consensus, the supervising leader attending, readiness (studied first and
        materials sent ahead); the items' minutes fit; the justice bureau at a standing meeting."""
        if m.kind == "standing" and (self.justice is None or self.justice not in m.attendees):
            self.fail("justice_attends", "check.justice_absent", (m.id,), meeting=m.title)
        total = 0
        for item_id in m.items:
            item = self.pending.get(item_id)
            if item is None:
                self.fail("accounted", "check.unknown_item", (m.id,), (item_id,), item=item_id)
                continue
            total += item.minutes
            if item.body != m.kind:
                self.fail("item_ready", "check.item_body", (m.id,), (item_id,), item=item_id, meeting=m.title,
                          body=Message.of(f"kind.{item.body}"))
            if item.blocked_by_consensus:
                self.fail("item_consensus", "check.item_consensus", (m.id,), (item_id,), item=item_id,
                          meeting=m.title)
            if item.supervisor not in m.attendees:
                self.fail("item_supervisor", "check.item_supervisor", (m.id,), (item_id,), item=item_id,
                          leader=self.name(item.supervisor), meeting=m.title)
            ready, blocked = self.ready(item, m)
            if blocked == "prestudy":
                self.fail("item_ready", "check.item_thematic", (m.id,), (item_id,), item=item_id, meeting=m.title)
            elif blocked is None and ready is not None and m.date < ready:
                self.fail("item_ready", "check.item_not_ready", (m.id,), (item_id,), item=item_id, meeting=m.title,
                          ready=ready)
        request = self.requests.get(m.request or "")
        room = m.end - m.start
        if m.kind == "standing":
            room = (request.minutes if request else self.policy.standing_minutes) \
                - self.policy.standing_opening_minutes
            if request is None:
                room = min(room, m.end - m.start - self.policy.standing_opening_minutes)
        if total > room:
            self.fail("item_time", "check.item_time", (m.id,), meeting=m.title, minutes=total, length=room)

    def check_request(self, m: PlannedMeeting) -> None:
        """Inside its window, with every required leader (Art. 46)."""
        if m.request is None:
            return
        request = self.in_scope.get(m.request)
        if request is None:
            self.fail("accounted", "check.unknown_request", (m.id,), request=m.request)
            return
        if not request.earliest <= m.date <= request.latest:
            self.fail("request_window", "check.request_window", (m.id,), meeting=m.title, earliest=request.earliest,
                      latest=request.latest)
        required, _ = self.parties(request)
        for who in required:
            if who not in m.attendees:
                rule_id = "head_office" if request.kind == "county_head_office" and who == self.head \
                    else "request_window"
                self.fail(rule_id, "check.request_required", (m.id,), meeting=m.title, who=self.name(who))

    # ----- across meetings --------------------------------------------------------------------------
    def check_overlaps(self, facts: tuple[PlannedMeeting, ...] = ()) -> None:
        """Nobody in two meetings at once, nor in a meeting while attending a congress meeting for the
        government (Art. 49); a room holds one meeting at a time: facts, citing no article. Two meetings
        held as recorded are not judged against each other: both happened."""
        by_day: dict[date, list[PlannedMeeting]] = defaultdict(list)
        for m in (*self.plan.meetings, *facts):
            by_day[m.date].append(m)
        for day, meetings in by_day.items():
            for a, b in combinations(meetings, 2):
                if not (a.start < b.end and b.start < a.end) or (a.held and b.held):
                    continue
                for who in sorted(set(a.attendees) & set(b.attendees) & set(self.leaders)):
                    self.fail("no_double_booking", "check.double_booked", (a.id, b.id), who=self.name(who), date=day,
                              first=a.title, second=b.title)
                self.check_units_once(a, b)
                if a.room is not None and a.room == b.room:
                    room = self.rooms.get(a.room)
                    self.fail("room", "check.room_double", (a.id, b.id), room=room.name if room else a.room, date=day,
                              first=a.title, second=b.title)
        commitments = {c.id: c for c in self.scenario.commitments}
        for attendance in self.plan.commitment_attendance:
            c = commitments.get(attendance.commitment)
            if c is None:
                continue
            for m in by_day.get(c.date, ()):
                if attendance.attendee in m.attendees and m.start < c.end and c.start < m.end:
                    self.fail("no_double_booking", "check.at_congress", (m.id,), who=self.name(attendance.attendee),
                              meeting=m.title, commitment=c.id)

    def check_units_once(self, a: PlannedMeeting, b: PlannedMeeting) -> None:
        """A unit's head is one person (Art. 44 asks heads to attend in person): never at two overlapping
        meetings at once, counting a reporting unit only for its items' turn (`unit_spans`)."""
        spans_a, spans_b = self.unit_spans(a), self.unit_spans(b)
        for unit in sorted(spans_a.keys() & spans_b.keys()):
            if any(x < y2 and y < x2 for x, x2 in spans_a[unit] for y, y2 in spans_b[unit]):
                self.fail("no_double_booking", "check.double_booked", (a.id, b.id), who=self.name(unit), date=a.date,
                          first=a.title, second=b.title)

    def check_counts(self) -> None:
        """Art. 42 per month, Art. 41 per year, Art. 50 per window (history included; ad hoc standing
        meetings beyond the count), Art. 47 per unit and year."""
        low, high = self.policy.standing_per_month
        for year, month in self.period.months():
            first, last = month_bounds(year, month)
            held = sum(1 for h in self.scenario.history if h.kind == "standing" and first <= h.date <= last)
            count = held + sum(1 for m in self.plan.meetings if m.kind == "standing" and m.request is None
                               and first <= m.date <= last)
            if count > high or (self.period.covers_month(year, month) and count < low):
                self.fail("standing_count", "check.standing_count", month=f"{year}-{month:02d}", count=count, low=low,
                          high=high)
        low, high = self.policy.plenary_per_year
        for year in self.period.years():
            held = sum(1 for h in self.scenario.history if h.kind == "plenary" and h.date.year == year)
            count = held + sum(1 for m in self.plan.meetings if m.kind == "plenary" and m.request is None
                                      and m.date.year == year)
            if count > high or (self.period.covers_month(year, 12) and count < low):
                self.fail("plenary_count", "check.plenary_count", year=year, count=count, low=low, high=high)
        for first, last in self.study_windows():
            if not self.period.covers_month(last.year, last.month):
                continue
            sessions = [d for d in self.study_days() if first <= d <= last]
            sessions += [m.date for m in self.plan.meetings if m.kind == "study" and first <= m.date <= last]
            if not sessions:
                self.fail("study_every", "check.study_missing", first=first, last=last)
        limit = self.policy.county_wide_per_unit_per_year
        unit_of = {r.id: r.unit or r.convener for r in self.scenario.meeting_requests if r.kind == "county_wide"}
        held_count: Counter[tuple[str, int]] = Counter()
        for h in self.scenario.history:
            unit = h.unit if h.kind == "county_wide" else unit_of.get(h.request or "") if h.kind == "held" else None
            if unit:
                held_count[(unit, h.date.year)] += 1
        placed: Counter[tuple[str, int]] = Counter(
            (unit_of[m.request], m.date.year) for m in self.plan.meetings if m.request in unit_of)
        for (unit, year), count in placed.items():
            total = count + held_count[(unit, year)]
            if total > limit:
                self.fail("county_wide_limit", "check.county_wide_limit", unit=self.name(unit), year=year, count=total,
                          limit=limit)

    def study_windows(self) -> list[tuple[date, date]]:
        every = self.policy.study_every_months
        if every <= 0:
            return []
        windows: list[tuple[date, date]] = []
        for year, month in self.period.months():
            start_month = ((month - 1) // every) * every + 1
            span = (month_bounds(year, start_month)[0], month_bounds(year, min(12, start_month + every - 1))[1])
            if span not in windows:
                windows.append(span)
        return windows

    def study_days(self) -> list[date]:
        days = [h.date for h in self.scenario.history if h.kind == "study"]
        days += [d for r, d in self.held.items() if self.requests.get(r) and self.requests[r].kind == "study"]
        return sorted(days)

    def check_congress(self) -> None:
        """Art. 49: every congress standing committee meeting in the period has one attendee for the
        government: a deputy, or in a special case the office director, free then."""
        attending = Counter(a.commitment for a in self.plan.commitment_attendance)
        for attendance in self.plan.commitment_attendance:
            c = next((x for x in self.scenario.commitments if x.id == attendance.commitment), None)
            who = self.leaders.get(attendance.attendee)
            if c is None or who is None or who.role not in (*DEPUTY_ROLES, "office_director") or \
                    not self.free(who.id, c.date, c.start, c.end, c.id) or \
                    attendance.stand_in != (who.role == "office_director"):
                self.fail("congress_attendance", "check.congress_attendee", commitment=attendance.commitment,
                          who=self.name(attendance.attendee))
        for c in self.scenario.commitments:
            if c.kind == "npc_standing_committee" and self.period.contains(c.date) and attending[c.id] != 1:
                self.fail("congress_attendance", "check.congress_missing", date=c.date, commitment=c.id,
                          count=attending[c.id])

    def check_accounting(self) -> None:
        """DESIGN §4: every pending item and every request in scope appears exactly once."""
        items = Counter(i for m in self.plan.meetings for i in m.items)
        items.update(d.item for d in self.plan.deferred)
        for item_id in self.pending:
            if items[item_id] != 1:
                key = "check.unaccounted" if items[item_id] == 0 else "check.twice"
                self.fail("accounted", key, items=(item_id,), what=item_id, count=items[item_id])
        for d in self.plan.deferred:
            if d.item not in self.pending:
                self.fail("accounted", "check.unknown_item", items=(d.item,), item=d.item)
        requests = Counter(m.request for m in self.plan.meetings if m.request)
        requests.update(r.request for r in self.plan.rejected)
        for request_id in sorted(self.in_scope):
            if requests[request_id] != 1:
                key = "check.unaccounted" if requests[request_id] == 0 else "check.twice"
                self.fail("accounted", key, what=request_id, count=requests[request_id])
        for r in self.plan.rejected:
            if r.request not in self.in_scope:
                self.fail("accounted", "check.unknown_request", request=r.request)

    # ----- the cost ---------------------------------------------------------------------------------
    def cost_facts(self) -> CostFacts:
        ready: dict[str, int | None] = {}
        for item_id, item in self.pending.items():
            day, blocked = self.ready(item)
            ready[item_id] = self.workday(day) if blocked is None and day is not None else None
        weights = self.policy.weights
        requests = {}
        for request_id, request in self.in_scope.items():
            earliest = self.workday(self.calendar.next_working_day(max(request.earliest, self.calendar.first)))
            last = min(request.latest, self.calendar.last)
            latest = self.workday(self.calendar.next_working_day(last)) if last >= request.earliest else earliest
            required, preferred = self.parties(request)
            requests[request_id] = (request, earliest, reject_cost(weights, request, max(1, latest - earliest + 1),
                                                                  len(required) + len(preferred)))
        low = self.policy.standing_per_month[0]
        standing_lower = {}
        for year, month in self.period.months():
            first, last = month_bounds(year, month)
            held = sum(1 for h in self.scenario.history if h.kind == "standing" and first <= h.date <= last)
            covered = self.period.covers_month(year, month)
            standing_lower[f"{year:04d}-{month:02d}"] = max(0, low - held) if covered else 0
        plenary_lower = {}
        for year in self.period.years():
            held = sum(1 for h in self.scenario.history if h.kind == "plenary" and h.date.year == year)
            plenary_lower[str(year)] = max(0, self.policy.plenary_per_year[0] - held) \
                if self.period.covers_month(year, 12) else 0
        windows = tuple(self.study_windows())
        before = None
        held_days = [d for d in self.study_days() if d < self.period.start]
        if windows and held_days and self.calendar.covers(held_days[-1]):
            every = self.policy.study_every_months
            last = held_days[-1]
            start_month = ((last.month - 1) // every) * every + 1
            following = month_bounds(last.year, min(12, start_month + every - 1))[1] + timedelta(days=1)
            index = next((k for k, (first, _) in enumerate(windows) if first == following), None)
            if index is not None:
                before = (self.workday(last), index)
        return CostFacts(
            weights=weights, period_end=self.period.end, workday=self.workday, head=self.head,
            items=dict(self.pending), ready=ready, requests=requests, standing_lower=standing_lower,
            plenary_lower=plenary_lower, standing_min_gap=self.policy.standing_min_gap,
            study_every_months=self.policy.study_every_months, study_windows=windows, study_before=before,
            leaders=frozenset(self.leaders), name=self.name, heads=self.scenario.heads,
            rooms=self.scenario.rooms)

    def run(self, facts: tuple[PlannedMeeting, ...] = ()) -> CheckReport:
        """Every rule family over the planned meetings; `facts` (meetings held as recorded) are not
        judged, they only keep others from booking their people and rooms at the same time."""
        # A meeting dated where the calendar has no data breaks the period; nothing else can be said of it.
        outside = [m for m in self.plan.meetings if not self.calendar.covers(m.date)]
        for m in outside:
            self.fail("working_time", "check.outside_period", (m.id,), meeting=m.title, date=m.date)
        self.plan = replace(self.plan, meetings=tuple(m for m in self.plan.meetings if m not in outside))
        for m in self.plan.meetings:
            self.check_time(m)
            self.check_room(m)
            self.check_attendees(m)
            self.check_presider(m)
            self.check_members(m)
            self.check_items(m)
            self.check_request(m)
        self.check_overlaps(facts)
        self.check_counts()
        self.check_congress()
        self.check_accounting()
        found = tuple(plan_penalties(self.plan, self.cost_facts()))
        return CheckReport(tuple(self.found), found, sum(p.cost for p in found))


def check_plan(scenario: Scenario, plan: Plan) -> CheckReport:
    """Every hard-rule violation of `plan` under `scenario` (with the plan's recorded history), and
    its recomputed objective."""
    from scheduler.cycle import advance, facts_as_history

    facts = tuple(m for m in plan.meetings if m.held)
    scenario = advance(scenario, (*plan.recorded_history, *facts_as_history(facts)))
    planned = replace(plan, meetings=tuple(m for m in plan.meetings if not m.held))
    return _Checker(scenario, planned).run(facts)
