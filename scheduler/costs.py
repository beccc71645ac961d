"""The one cost formula of govcal's soft rules, and the penalties of a finished plan.

Every soft cost is computed here and nowhere else: the CP-SAT objective (`scheduler.cpsat`), the
finishing step (`scheduler.finish`) and the checker (`scheduler.check`) all call these functions.
What each caller supplies are the *facts* (when an item was ready, which requests are in scope,
how many standing meetings a month must hold): the planner reads them from its instance, the
checker works them out itself, so a wrong reading in either shows up as objectives that differ.

Costs are the office's preferences, not the rules' words, and cite no article (DESIGN §1), except
the three an article itself states: the office director standing in at the congress (Art. 49
特殊情况下), study sessions about two months apart (Art. 50 一般两个月), and county leaders at a
unit's county-wide meeting (Art. 47 一般不出席). Weights are `policy.weights` (`scheduler.domain.Weights`):

- wait: weight x priority weight x working days from an item's ready day to its meeting; a deferred
  item that could have been heard waits at least to the working day after the period;
- deadline_miss: an item heard after its deadline, or deferred when its deadline falls in the period;
- defer_ready: weight x priority weight for a deferred item that could have been heard;
- preferred_absent: a preferred leader of a requested meeting who cannot come;
- exec_presides: a standing meeting the executive deputy presides by commission;
- standing_too_close: each pair of standing meetings fewer than `standing_min_gap` working days apart;
- extra_meeting: each standing meeting of a month, or plenary meeting of a year, beyond the minimum;
- late_in_window: per working day a requested meeting sits after its window's first working day;
- reject_request: a request left unplaced: the weight plus the most that placing it could cost, so
  rejecting a placeable request never pays;
- stand_in (Art. 49), study_spacing (Art. 50), leader_at_county_wide (Art. 47), as above.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations, pairwise

from scheduler.domain import AgendaItem, MeetingRequest, Room, Weights
from scheduler.plan import Message, Penalty, Plan, PlannedMeeting

# Working days per month, to turn `study_every_months` into a target gap (Art. 50: about two months):
# mainland China has about 250 working days a year.
WORKING_DAYS_PER_MONTH = 21
# Articles of the soft costs an article itself states; the others cite none.
SOFT_ARTICLES = {"stand_in": ("49",), "study_spacing": ("50",), "leader_at_county_wide": ("47",)}


# ----- the formulas -------------------------------------------------------------------------------


def heard_cost(weights: Weights, item: AgendaItem, ready_workday: int, day: date, day_workday: int) -> int:
    """Hearing `item` on `day`: its priority-weighted wait, and the deadline if missed."""
    cost = weights.wait * item.priority_weight * max(0, day_workday - ready_workday)
    if item.deadline is not None and day > item.deadline:
        cost += weights.deadline_miss
    return cost


def deferred_cost(weights: Weights, item: AgendaItem, ready_workday: int | None, period_end: date,
                  end_workday: int) -> int:
    """Deferring `item` past the period; `ready_workday` None when it could not be heard in it at all."""
    cost = weights.deadline_miss if item.deadline is not None and item.deadline <= period_end else 0
    if ready_workday is not None:
        waited = max(0, end_workday + 1 - ready_workday)
        cost += (weights.defer_ready + weights.wait * waited) * item.priority_weight
    return cost


def hearing_saving(weights: Weights, item: AgendaItem, day: date, day_workday: int, period_end: date,
                   end_workday: int) -> int:
    """What hearing a hearable item on `day` saves over deferring it. It does not depend on the item's
    ready day (both costs count the wait from it), which lets the model count interchangeable items
    per meeting instead of placing each (`scheduler.instance.ItemGroup`)."""
    saving = (weights.defer_ready + weights.wait * (end_workday + 1 - day_workday)) * item.priority_weight
    if item.deadline is not None and item.deadline <= period_end:
        saving += weights.deadline_miss
    if item.deadline is not None and day > item.deadline:
        saving -= weights.deadline_miss
    return saving


def option_cost(weights: Weights, *, late_days: int = 0, preferred_absent: int = 0, exec_presides: bool = False,
                county_wide_leaders: int = 0) -> int:
    """What holding a meeting at one time with these attendees costs."""
    return (weights.late_in_window * max(0, late_days) + weights.preferred_absent * preferred_absent
            + (weights.exec_presides if exec_presides else 0) + weights.leader_at_county_wide * county_wide_leaders)


def county_wide_guests(request: MeetingRequest, attendees: Iterable[str], leaders: Iterable[str],
                       heads: Mapping[str, str]) -> list[str]:
    """Art. 47: 县政府领导同志一般不出席部门的工作会议，兼任部门负责同志的参加本部门会议除外 — the county
    leaders among a county-wide meeting's attendees, but for one who heads the holding unit (`heads_unit`)."""
    leader_set = set(leaders)
    return [who for who in attendees if who in leader_set and heads.get(who) != request.unit]


def room_preference(rooms: Iterable[Room], kind: str) -> list[str]:
    """The rooms a meeting of `kind` may use, best first: those kept `for` its kind, then the open ones,
    each by capacity (a small meeting in a small room). Rooms kept for other kinds are not listed."""
    usable = [r for r in rooms if r.takes(kind)]
    return [r.id for r in sorted(usable, key=lambda r: (kind not in r.for_kinds, r.capacity, r.id))]


def room_fit_cost(weights: Weights, rooms: Iterable[Room], kind: str, room: str | None) -> int:
    """`room_fit` for each room preferred over the one a meeting takes (the office's preference, no article);
    a room too small for it costs nothing more, since the meeting cannot take it anyway."""
    order = room_preference(rooms, kind)
    return weights.room_fit * order.index(room) if room in order else 0


def reject_cost(weights: Weights, request: MeetingRequest, window_workdays: int, leaders: int) -> int:
    """Leaving a request unplaced: more than any placing of it could cost (late in its window, every
    preferred leader absent, every leader of a county-wide meeting present); `leaders` counts its
    required and preferred leaders."""
    worst = option_cost(weights, late_days=max(0, window_workdays - 1), preferred_absent=len(request.preferred),
                        county_wide_leaders=leaders if request.kind == "county_wide" else 0)
    return weights.reject_request + worst


def study_gap_target(every_months: int) -> int:
    return every_months * WORKING_DAYS_PER_MONTH


def study_spacing_cost(weights: Weights, gap_workdays: int, every_months: int) -> int:
    return weights.study_spacing * abs(gap_workdays - study_gap_target(every_months))


# ----- the penalties of a plan ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CostFacts:
    """What the cost of a plan depends on besides the plan, as the caller reads the scenario.

    `ready` maps each pending item to its ready working day, or None when it cannot be heard in the
    period; `requests` maps each request in scope to (its window's first working day, its reject cost);
    `standing_lower` / `plenary_lower` are the minimum counts per month ("2024-05") / year ("2024");
    `study_windows` lists the Art. 50 windows (first, last day) the period touches, in order, and
    `study_before` the working day of the last session held before the period with the index of the
    window whose sessions follow it; `name` turns a leader id into the name a clerk reads.
    """

    weights: Weights
    period_end: date
    workday: Callable[[date], int]
    head: str
    items: Mapping[str, AgendaItem]
    ready: Mapping[str, int | None]
    requests: Mapping[str, tuple[MeetingRequest, int, int]]
    standing_lower: Mapping[str, int] = field(default_factory=dict)
    plenary_lower: Mapping[str, int] = field(default_factory=dict)
    standing_min_gap: int = 5
    study_every_months: int = 0
    study_windows: tuple[tuple[date, date], ...] = ()
    study_before: tuple[int, int] | None = None
    leaders: frozenset[str] = frozenset()
    name: Callable[[str], str] = str
    heads: Mapping[str, str] = field(default_factory=dict)  # leader -> the unit they head concurrently
    rooms: tuple[Room, ...] = ()


def plan_penalties(plan: Plan, facts: CostFacts) -> list[Penalty]:
    """Every nonzero cost term of `plan`, in a stable order; their sum is the plan's objective."""
    found: list[Penalty] = []
    for term in (_item_terms, _request_terms, _presider_terms, _standing_gap_terms, _extra_meeting_terms,
                 _study_spacing_terms, _stand_in_terms, _room_terms):
        found.extend(p for p in term(plan, facts) if p.cost)
    return found


def _penalty(rule: str, cost: int, key: str, **args: object) -> Penalty:
    return Penalty(rule, cost, Message.of(key, **args), SOFT_ARTICLES.get(rule, ()))


def _item_terms(plan: Plan, facts: CostFacts) -> Iterable[Penalty]:
    weights = facts.weights
    heard = {item: m for m in plan.meetings for item in m.items}
    end_workday = facts.workday(facts.period_end)
    for item_id, ready in facts.ready.items():
        item = facts.items[item_id]
        meeting = heard.get(item_id)
        if meeting is not None and ready is not None:
            days = max(0, facts.workday(meeting.date) - ready)
            yield _penalty("wait", weights.wait * item.priority_weight * days, "pen.wait", item=item_id, days=days,
                           weight=item.priority_weight)
            if item.deadline is not None and meeting.date > item.deadline:
                yield _penalty("deadline_miss", weights.deadline_miss, "pen.deadline_heard", item=item_id,
                               deadline=item.deadline)
            continue
        if item.deadline is not None and item.deadline <= facts.period_end:
            yield _penalty("deadline_miss", weights.deadline_miss, "pen.deadline_deferred", item=item_id,
                           deadline=item.deadline)
        if ready is not None:
            days = max(0, end_workday + 1 - ready)
            yield _penalty("wait", weights.wait * item.priority_weight * days, "pen.wait_deferred", item=item_id,
                           days=days, weight=item.priority_weight)
            yield _penalty("defer_ready", weights.defer_ready * item.priority_weight, "pen.defer_ready", item=item_id)


def _request_terms(plan: Plan, facts: CostFacts) -> Iterable[Penalty]:
    weights = facts.weights
    held = {m.request: m for m in plan.meetings if m.request}
    for request_id, (request, earliest_workday, rejected) in facts.requests.items():
        meeting = held.get(request_id)
        if meeting is None:
            yield _penalty("reject_request", rejected, "pen.reject_request", request=request_id)
            continue
        days = max(0, facts.workday(meeting.date) - earliest_workday)
        yield _penalty("late_in_window", weights.late_in_window * days, "pen.late_in_window", meeting=meeting.title,
                       days=days)
        for who in request.preferred:
            if who in facts.leaders and who not in meeting.attendees:
                yield _penalty("preferred_absent", weights.preferred_absent, "pen.preferred_absent",
                               who=facts.name(who), meeting=meeting.title)
        if request.kind == "county_wide":
            for who in county_wide_guests(request, meeting.attendees, facts.leaders, facts.heads):
                yield _penalty("leader_at_county_wide", weights.leader_at_county_wide,
                               "pen.leader_at_county_wide", who=facts.name(who), meeting=meeting.title)


def _room_terms(plan: Plan, facts: CostFacts) -> Iterable[Penalty]:
    for m in plan.meetings:
        cost = room_fit_cost(facts.weights, facts.rooms, m.kind, m.room)
        if cost:
            name = next((r.name for r in facts.rooms if r.id == m.room), m.room)
            yield _penalty("room_fit", cost, "pen.room_fit", meeting=m.title, room=name)


def _presider_terms(plan: Plan, facts: CostFacts) -> Iterable[Penalty]:
    for m in plan.meetings:
        if m.kind == "standing" and m.presider != facts.head:
            yield _penalty("exec_presides", facts.weights.exec_presides, "pen.exec_presides", meeting=m.title)


def _standing(plan: Plan) -> list[PlannedMeeting]:
    return sorted((m for m in plan.meetings if m.kind == "standing"), key=lambda m: (m.date, m.start, m.id))


def _standing_gap_terms(plan: Plan, facts: CostFacts) -> Iterable[Penalty]:
    for first, second in combinations(_standing(plan), 2):
        days = abs(facts.workday(second.date) - facts.workday(first.date))
        if days < facts.standing_min_gap:
            yield _penalty("standing_too_close", facts.weights.standing_too_close, "pen.standing_too_close",
                           first=first.title, second=second.title, days=days)


def _extra_meeting_terms(plan: Plan, facts: CostFacts) -> Iterable[Penalty]:
    """Planned standing (not ad hoc) and plenary meetings beyond each month's / year's minimum."""
    groups: dict[tuple[str, str], list[PlannedMeeting]] = {}
    for meeting in sorted(plan.meetings, key=lambda m: (m.date, m.start, m.id)):
        if meeting.request is not None:
            continue
        if meeting.kind == "standing":
            groups.setdefault(("standing", f"{meeting.date.year:04d}-{meeting.date.month:02d}"), []).append(meeting)
        elif meeting.kind == "plenary":
            groups.setdefault(("plenary", str(meeting.date.year)), []).append(meeting)
    for (kind, key), meetings in groups.items():
        lower = (facts.standing_lower if kind == "standing" else facts.plenary_lower).get(key, 0)
        for m in meetings[lower:]:
            yield _penalty("extra_meeting", facts.weights.extra_meeting, "pen.extra_meeting", meeting=m.title)


def study_window_index(windows: tuple[tuple[date, date], ...], day: date) -> int | None:
    return next((k for k, (first, last) in enumerate(windows) if first <= day <= last), None)


def _study_spacing_terms(plan: Plan, facts: CostFacts) -> Iterable[Penalty]:
    """Art. 50: every pair of study sessions in consecutive two-month windows (and the last session
    before the period with those in the period's first window) about `study_every_months` apart."""
    if facts.study_every_months <= 0 or not facts.study_windows:
        return
    by_window: dict[int, list[PlannedMeeting]] = {}
    for m in plan.meetings:
        if m.kind == "study":
            k = study_window_index(facts.study_windows, m.date)
            if k is not None:
                by_window.setdefault(k, []).append(m)
    if facts.study_before is not None:
        before, k_after = facts.study_before
        for m in by_window.get(k_after, ()):
            gap = facts.workday(m.date) - before
            yield _penalty("study_spacing", study_spacing_cost(facts.weights, gap, facts.study_every_months),
                           "pen.study_spacing_history", meeting=m.title, days=gap)
    for k, k_next in pairwise(range(len(facts.study_windows))):
        for first in by_window.get(k, ()):
            for second in by_window.get(k_next, ()):
                gap = facts.workday(second.date) - facts.workday(first.date)
                yield _penalty("study_spacing", study_spacing_cost(facts.weights, gap, facts.study_every_months),
                               "pen.study_spacing", first=first.title, second=second.title, days=gap)


def _stand_in_terms(plan: Plan, facts: CostFacts) -> Iterable[Penalty]:
    for attendance in plan.commitment_attendance:
        if attendance.stand_in:
            yield _penalty("stand_in", facts.weights.stand_in, "pen.stand_in", commitment=attendance.commitment)
