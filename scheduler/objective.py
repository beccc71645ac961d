"""The planner's soft objective as plain Python: one function per cost term, over a finished plan.

The CP-SAT model (`scheduler.model.objective`) builds exactly these terms as linear
expressions; the checker calls `penalties` to recompute a plan's cost without the solver, and a
test asserts both agree. Weights are `scenario.policy.weights` (`scheduler.domain.Weights`):

- wait: weight x priority weight x working days from the item's ready day to its meeting (Art. 43);
  a deferred item that could have been heard waits at least to the working day after the period,
  so hearing a ready item is always cheaper than deferring it, however long it has waited;
- deadline_miss: an item heard after its deadline, or deferred when the deadline falls in the period;
- defer_ready: weight x priority weight for a deferred item that could have been heard in the period
  (consensus reached, studied or its thematic meeting requested in the period, ready by the period's end);
- preferred_absent: a preferred leader of a request who cannot come (Art. 44);
- exec_presides: a standing meeting presided by the executive deputy (Art. 6, 42);
- standing_too_close: each pair of standing meetings fewer than `standing_min_gap` working days apart;
- extra_meeting: each standing meeting of a month, or plenary meeting of a year, beyond the lower bound
  the period must meet (Art. 47's spirit: no more meetings than the load needs);
- late_in_window: per working day a request is held after its earliest (working) day (Art. 46);
- reject_request: a meeting request left unplaced.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from scheduler.i18n import Lang
from scheduler.model.data import PlanningData
from scheduler.plan import Message, Penalty, Plan, PlannedMeeting


def penalties(data: PlanningData, plan: Plan, lang: Lang = "zh") -> list[Penalty]:
    """Every nonzero cost term of `plan`, in a stable order."""
    found: list[Penalty] = []
    for term in (_item_terms, _request_terms, _presider_terms, _standing_gap_terms, _extra_meeting_terms):
        found.extend(p for p in term(data, plan, lang) if p.cost)
    return found


def total(data: PlanningData, plan: Plan) -> int:
    return sum(p.cost for p in penalties(data, plan))


def _heard(plan: Plan) -> dict[str, PlannedMeeting]:
    return {item: m for m in plan.meetings for item in m.items}


def _item_terms(data: PlanningData, plan: Plan, lang: Lang) -> list[Penalty]:
    weights = data.policy.weights
    heard = _heard(plan)
    found: list[Penalty] = []
    for item_id, info in data.items.items():
        item = info.item
        meeting = heard.get(item_id)
        if meeting is not None:
            days = max(0, data.workday(meeting.date) - info.ready_workday)
            found.append(Penalty("wait", weights.wait * item.priority_weight * days,
                                 Message.of("pen.wait", item=item_id, days=days, weight=item.priority_weight)))
            if item.deadline is not None and meeting.date > item.deadline:
                found.append(Penalty("deadline_miss", weights.deadline_miss,
                                     Message.of("pen.deadline_heard", item=item_id, deadline=item.deadline)))
            continue
        if item.deadline is not None and item.deadline <= data.period.end:
            found.append(Penalty("deadline_miss", weights.deadline_miss,
                                 Message.of("pen.deadline_deferred", item=item_id, deadline=item.deadline)))
        if info.blocker is None:
            days = data.deferred_wait(info)
            found.append(Penalty("wait", weights.wait * item.priority_weight * days,
                                 Message.of("pen.wait_deferred", item=item_id, days=days, weight=item.priority_weight)))
            found.append(Penalty("defer_ready", weights.defer_ready * item.priority_weight,
                                 Message.of("pen.defer_ready", item=item_id)))
    return found


def _request_terms(data: PlanningData, plan: Plan, lang: Lang) -> list[Penalty]:
    weights = data.policy.weights
    held = {m.request: m for m in plan.meetings if m.request}
    found: list[Penalty] = []
    for slot in data.slots:
        if slot.request is None:
            continue
        meeting = held.get(slot.request.id)
        if meeting is None:
            found.append(Penalty("reject_request", weights.reject_request,
                                 Message.of("pen.reject_request", request=slot.request.id)))
            continue
        days = max(0, data.workday(meeting.date) - slot.earliest_workday)
        found.append(Penalty("late_in_window", weights.late_in_window * days,
                             Message.of("pen.late_in_window", meeting=meeting.title, days=days)))
        for who in slot.preferred:
            if who not in meeting.attendees:
                found.append(Penalty("preferred_absent", weights.preferred_absent,
                                     Message.of("pen.preferred_absent", who=data.scenario.name_of(who),
                                       meeting=meeting.title)))
    return found


def _presider_terms(data: PlanningData, plan: Plan, lang: Lang) -> list[Penalty]:
    head = data.scenario.county_head.id
    return [Penalty("exec_presides", data.policy.weights.exec_presides,
                    Message.of("pen.exec_presides", meeting=m.title))
            for m in plan.meetings if m.kind == "standing" and m.presider != head]


def _standing_gap_terms(data: PlanningData, plan: Plan, lang: Lang) -> list[Penalty]:
    gap = data.policy.standing_min_gap
    standing = sorted((m for m in plan.meetings if m.kind == "standing"), key=lambda m: (m.date, m.start, m.id))
    found: list[Penalty] = []
    for first, second in combinations(standing, 2):
        days = abs(data.workday(second.date) - data.workday(first.date))
        if days < gap:
            found.append(Penalty("standing_too_close", data.policy.weights.standing_too_close,
                                 Message.of("pen.standing_too_close", first=first.title, second=second.title,
                                            days=days)))
    return found


def _extra_meeting_terms(data: PlanningData, plan: Plan, lang: Lang) -> list[Penalty]:
    """Meetings beyond each group's lower bound, the latest ones named."""
    weight = data.policy.weights.extra_meeting
    groups: dict[tuple[str, str], list[PlannedMeeting]] = {}
    for meeting in sorted(plan.meetings, key=lambda m: (m.date, m.start, m.id)):
        if meeting.kind == "standing":
            groups.setdefault(("standing", f"{meeting.date.year:04d}-{meeting.date.month:02d}"), []).append(meeting)
        elif meeting.kind == "plenary":
            groups.setdefault(("plenary", str(meeting.date.year)), []).append(meeting)
    lower = Counter({("standing", key): low for key, (low, _) in data.standing_groups.items()})
    lower.update({("plenary", key): low for key, (low, _) in data.plenary_groups.items()})
    return [Penalty("extra_meeting", weight, Message.of("pen.extra_meeting", meeting=m.title))
            for key, meetings in groups.items() for m in meetings[lower[key]:]]
