"""The independent checker: a plan (hand-edited or not) against every hard rule, and its recomputed cost.

It never imports ortools. It shares with the planner only the *facts* of the instance
(`scheduler.model.data`: who is away when, when an item is ready, seats) and the cost terms
(`scheduler.objective`), and re-derives every rule from the plan itself. Each violation names
its rule and articles; the meetings and items involved are listed for tools.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations

from scheduler.domain import Scenario, fmt_minutes
from scheduler.i18n import Lang, t
from scheduler.model.data import PlanningData, seats_needed
from scheduler.objective import penalties
from scheduler.period import Period, history_count, month_bounds, plenary_bounds, standing_bounds
from scheduler.plan import Penalty, Plan, PlannedMeeting
from scheduler.rules import cite_suffix, rule


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    articles: tuple[str, ...]
    detail: str
    meetings: tuple[str, ...] = ()
    items: tuple[str, ...] = ()

    def render(self, lang: Lang = "zh") -> str:
        return self.detail + cite_suffix(self.articles, lang)


@dataclass(frozen=True, slots=True)
class CheckReport:
    violations: tuple[Violation, ...]
    penalties: tuple[Penalty, ...]
    objective: int

    @property
    def clean(self) -> bool:
        return not self.violations


class _Checker:
    def __init__(self, scenario: Scenario, plan: Plan, lang: Lang) -> None:
        self.scenario = scenario
        self.plan = plan
        self.lang = lang
        self.period = Period(plan.period_from, plan.period_to)
        self.data = PlanningData(scenario, self.period)
        self.calendar = self.data.calendar
        self.found: list[Violation] = []

    def fail(self, rule_id: str, key: str, meetings: tuple[str, ...] = (), items: tuple[str, ...] = (),
             **params: object) -> None:
        self.found.append(Violation(rule_id, rule(rule_id).articles, t(key, self.lang, **params), meetings, items))

    def name(self, party: str) -> str:
        return self.scenario.name_of(party)

    # ----- one meeting ---------------------------------------------------------------------------
    def expected_minutes(self, meeting: PlannedMeeting) -> int | None:
        policy = self.scenario.policy
        if meeting.request is not None:
            request = next((r for r in self.data.requests if r.id == meeting.request), None)
            return request.minutes if request else None
        return {"standing": policy.standing_minutes, "plenary": policy.plenary_minutes,
                "study": policy.study_minutes}.get(meeting.kind)

    def check_time(self, m: PlannedMeeting) -> None:
        """Working day inside the period, one office-hours block, on the grain (working_time)."""
        if not self.period.contains(m.date):
            self.fail("working_time", "check.outside_period", (m.id,), meeting=m.title, date=m.date)
        if not self.calendar.is_working_day(m.date):
            self.fail("working_time", "check.not_working_day", (m.id,), meeting=m.title, date=m.date)
        if self.calendar.block_of(m.start, m.end) is None or m.end <= m.start:
            self.fail("working_time", "check.outside_hours", (m.id,), meeting=m.title, start=fmt_minutes(m.start),
                      end=fmt_minutes(m.end))
        if m.start % self.calendar.grain:
            self.fail("working_time", "check.off_grain", (m.id,), meeting=m.title, start=fmt_minutes(m.start),
                      grain=self.calendar.grain)
        expected = self.expected_minutes(m)
        if expected is not None and m.end - m.start != expected:
            self.fail("working_time", "check.bad_length", (m.id,), meeting=m.title, minutes=m.end - m.start,
                      expected=expected)

    def check_room(self, m: PlannedMeeting) -> None:
        if not self.scenario.rooms:
            return
        room = next((r for r in self.scenario.rooms if r.id == m.room), None)
        if room is None:
            self.fail("room", "check.room_unknown", (m.id,), meeting=m.title, room=m.room)
            return
        items = [self.scenario.item(i) for i in m.items if i in self.data.items]
        always = frozenset({self.data.justice}) if m.kind == "standing" and self.data.justice else frozenset()
        seats = seats_needed(m.attendees, items, always)
        if seats > room.capacity:
            self.fail("room", "check.room_small", (m.id,), room=room.name, capacity=room.capacity, meeting=m.title,
                      seats=seats)

    def check_attendees(self, m: PlannedMeeting) -> None:
        """Nobody booked while absent or at a commitment (Art. 61)."""
        for who in m.attendees:
            if who in self.scenario.leader_ids and not self.data.availability.free(who, m.date, m.start, m.end):
                self.fail("no_double_booking", "check.unavailable", (m.id,), who=self.name(who), date=m.date,
                          meeting=m.title)

    def check_presider(self, m: PlannedMeeting) -> None:
        """Art. 6, 42: the head presides; a standing meeting falls to the executive deputy when the head
        is away; a request's convener presides it (a study session: the head, Art. 50)."""
        head = self.scenario.county_head.id
        executive = self.scenario.executive_deputy
        if m.request is not None:
            request = next((r for r in self.data.requests if r.id == m.request), None)
            expected = {self.data.request_presider(request)} if request else {m.presider}
        elif m.kind == "standing" and executive is not None and \
                not self.data.availability.free(head, m.date, m.start, m.end):
            expected = {executive.id}
        else:
            expected = {head}
        if m.presider not in expected or m.presider not in m.attendees:
            self.fail("presider", "check.presider", (m.id,), meeting=m.title,
                      expected="、".join(self.name(x) for x in sorted(expected)), actual=self.name(m.presider))

    def check_items(self, m: PlannedMeeting) -> None:
        """Art. 43: body, consensus, supervisor attending, readiness (thematic meeting and materials lead),
        minutes; the justice bureau at a standing meeting."""
        if m.kind == "standing" and (self.data.justice is None or self.data.justice not in m.attendees):
            self.fail("justice_attends", "check.justice_absent", (m.id,), meeting=m.title)
        lead = self.scenario.policy.materials_lead_working_days
        total = 0
        for item_id in m.items:
            info = self.data.items.get(item_id)
            if info is None:
                self.fail("accounted", "check.unknown_item", (m.id,), (item_id,), item=item_id)
                continue
            item = info.item
            total += item.minutes
            if item.body != m.kind:
                self.fail("item_ready", "check.item_body", (m.id,), (item_id,), item=item_id, meeting=m.title,
                          body=t(f"kind.{item.body}", self.lang))
            if item.blocked_by_consensus:
                self.fail("item_consensus", "check.item_consensus", (m.id,), (item_id,), item=item_id, meeting=m.title)
            if item.supervisor not in m.attendees:
                self.fail("item_supervisor", "check.item_supervisor", (m.id,), (item_id,), item=item_id,
                          leader=self.name(item.supervisor), meeting=m.title)
            if info.ready is None or m.date < info.ready or info.blocker in ("defer.not_ready",):
                self.fail("item_ready", "check.item_not_ready", (m.id,), (item_id,), item=item_id, meeting=m.title,
                          ready=info.ready)
            elif info.blocker in ("defer.no_thematic", "defer.thematic_later") or (
                    info.thematic is not None and not self._thematic_before(info.thematic, m, lead)):
                self.fail("item_ready", "check.item_thematic", (m.id,), (item_id,), item=item_id, meeting=m.title)
        if total > m.end - m.start:
            self.fail("item_time", "check.item_time", (m.id,), meeting=m.title, minutes=total, length=m.end - m.start)

    def _thematic_before(self, request_id: str, m: PlannedMeeting, lead: int) -> bool:
        thematic = next((x for x in self.plan.meetings if x.request == request_id), None)
        return thematic is not None and self.data.workday(m.date) >= self.data.workday(thematic.date) + lead

    def check_request(self, m: PlannedMeeting) -> None:
        """Art. 46: inside its window, with every required leader."""
        if m.request is None:
            return
        request = next((r for r in self.data.requests if r.id == m.request), None)
        if request is None:
            self.fail("accounted", "check.unknown_request", (m.id,), request=m.request)
            return
        if not request.earliest <= m.date <= request.latest:
            self.fail("request_window", "check.request_window", (m.id,), meeting=m.title, earliest=request.earliest,
                      latest=request.latest)
        required, _, _ = self.data.request_parties(request)
        for who in required:
            if who not in m.attendees:
                self.fail("request_window", "check.request_required", (m.id,), meeting=m.title, who=self.name(who))

    # ----- across meetings -----------------------------------------------------------------------
    def check_overlaps(self) -> None:
        """Nobody in two meetings at once (Art. 61); a room holds one meeting at a time."""
        by_day: dict[date, list[PlannedMeeting]] = defaultdict(list)
        for m in self.plan.meetings:
            by_day[m.date].append(m)
        leaders = self.scenario.leader_ids
        for day, meetings in by_day.items():
            for a, b in combinations(meetings, 2):
                if not (a.start < b.end and b.start < a.end):
                    continue
                for who in sorted(set(a.attendees) & set(b.attendees) & leaders):
                    self.fail("no_double_booking", "check.double_booked", (a.id, b.id), who=self.name(who), date=day,
                              first=a.title, second=b.title)
                if a.room is not None and a.room == b.room:
                    self.fail("room", "check.room_double", (a.id, b.id), room=a.room, date=day, first=a.title,
                              second=b.title)

    def check_counts(self) -> None:
        """Art. 41, 42, 50 counts (history included) and Art. 47 per unit and year."""
        for year, month in self.period.months():
            lower, upper = standing_bounds(self.scenario, self.period, year, month)
            first, last = month_bounds(year, month)
            count = sum(1 for m in self.plan.meetings if m.kind == "standing" and first <= m.date <= last)
            if not lower <= count <= upper:
                held = history_count(self.scenario, "standing", first, last)
                low, high = self.scenario.policy.standing_per_month
                self.fail("standing_count", "check.standing_count", month=f"{year}-{month:02d}", count=count + held,
                          low=low, high=high)
        for year in self.period.years():
            lower, upper = plenary_bounds(self.scenario, self.period, year)
            count = sum(1 for m in self.plan.meetings if m.kind == "plenary" and m.date.year == year)
            if not lower <= count <= upper:
                held = history_count(self.scenario, "plenary", date(year, 1, 1), date(year, 12, 31))
                low, high = self.scenario.policy.plenary_per_year
                self.fail("plenary_count", "check.plenary_count", year=year, count=count + held, low=low, high=high)
        for window in self.data.windows:
            held = sum(1 for m in self.plan.meetings if m.kind == "study" and window.first <= m.date <= window.last)
            if window.enforced and window.held + held == 0:
                self.fail("study_every", "check.study_missing", first=window.first, last=window.last)
        limit = self.scenario.policy.county_wide_per_unit_per_year
        placed: Counter[tuple[str, int]] = Counter()
        for m in self.plan.meetings:
            request = next((r for r in self.data.requests if r.id == m.request), None)
            if m.kind == "county_wide" and request is not None:
                placed[(request.unit or request.convener, m.date.year)] += 1
        for (unit, year), count in placed.items():
            total = count + history_count(self.scenario, "county_wide", date(year, 1, 1), date(year, 12, 31), unit)
            if total > limit:
                self.fail("county_wide_limit", "check.county_wide_limit", unit=self.name(unit), year=year, count=total,
                          limit=limit)

    def check_deputy_free(self) -> None:
        """Art. 49: during a congress standing committee meeting a deputy who could attend is in no meeting."""
        for npc in self.data.npc_days:
            busy = {who for m in self.plan.meetings if m.date == npc.day and m.start < npc.end and npc.start < m.end
                    for who in m.attendees}
            if not set(npc.free_deputies) - busy:
                self.fail("deputy_free", "check.deputy_free", date=npc.day)

    def check_accounting(self) -> None:
        """DESIGN §4: every pending item and every request of the period appears exactly once."""
        items = Counter(i for m in self.plan.meetings for i in m.items)
        items.update(d.item for d in self.plan.deferred)
        for item_id in self.data.items:
            if items[item_id] != 1:
                key = "check.unaccounted" if items[item_id] == 0 else "check.twice"
                self.fail("accounted", key, items=(item_id,), what=item_id, count=items[item_id])
        for item_id in set(items) - set(self.data.items):
            if item_id in (d.item for d in self.plan.deferred):
                self.fail("accounted", "check.unknown_item", items=(item_id,), item=item_id)
        requests = Counter(m.request for m in self.plan.meetings if m.request)
        requests.update(r.request for r in self.plan.rejected)
        in_scope = {r.id for r in self.data.requests}
        for request_id in sorted(in_scope):
            if requests[request_id] != 1:
                key = "check.unaccounted" if requests[request_id] == 0 else "check.twice"
                self.fail("accounted", key, what=request_id, count=requests[request_id])
        for request_id in sorted(set(r.request for r in self.plan.rejected) - in_scope):
            self.fail("accounted", "check.unknown_request", request=request_id)

    def run(self) -> CheckReport:
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
            self.check_items(m)
            self.check_request(m)
        self.check_overlaps()
        self.check_counts()
        self.check_deputy_free()
        self.check_accounting()
        found = tuple(penalties(self.data, self.plan, self.lang))
        return CheckReport(tuple(self.found), found, sum(p.cost for p in found))


def check_plan(scenario: Scenario, plan: Plan, lang: Lang = "zh") -> CheckReport:
    """Every hard-rule violation of `plan` under `scenario`, and its recomputed objective."""
    return _Checker(scenario, plan, lang).run()
