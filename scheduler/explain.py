"""Explanations a clerk understands: why no plan exists, why an item waits, why a request is refused.

Infeasibility is explained in two steps. `precheck` looks for the common, precise causes before
any solving (e.g. the county head and the executive deputy both away all month -> Art. 6, 42).
If the solver still proves the period infeasible, `from_assumptions` maps the assumption literals
of `solver.SufficientAssumptionsForInfeasibility()` back to their rule families and articles.
Deferrals and rejections are explained against the finished plan, most specific cause first.
"""

from __future__ import annotations

from datetime import date

from scheduler.i18n import Lang
from scheduler.model.data import ItemInfo, PlanningData
from scheduler.period import history_count
from scheduler.plan import Conflict, Deferral, Message, Plan, PlannedMeeting, Rejection
from scheduler.rules import articles_of


def _conflict(rule_ids: tuple[str, ...], key: str, lang: Lang, **params: object) -> Conflict:
    return Conflict(rule_ids[0], articles_of(rule_ids), Message.of(key, **params))


def _month_label(group: str, lang: Lang) -> Message:
    year, month = group.split("-")
    return Message.of("fmt.month", year=int(year), month=int(month))


def precheck(data: PlanningData, lang: Lang = "zh") -> list[Conflict]:
    """Lower bounds that no plan can meet, with the precise reason (no solver needed)."""
    conflicts: list[Conflict] = []
    standing_low = data.scenario.policy.standing_per_month[0]
    if data.justice is None and standing_low > 0 and any(data.period.covers_month(*m) for m in data.period.months()):
        conflicts.append(_conflict(("justice_attends",), "conflict.justice", lang))
    for group, (lower, indices) in data.standing_groups.items():
        options = data.slots[indices[0]].options if indices else []
        if lower <= len({o.day for o in options}):
            continue
        if not _presider_free_somewhere(data, group):
            conflicts.append(_conflict(("presider", "standing_count"), "conflict.presider", lang,
                                       month=_month_label(group, lang), need=lower))
        else:
            conflicts.append(_conflict(("standing_count",), "conflict.standing_count", lang,
                                       month=_month_label(group, lang), need=lower))
    for group, (lower, indices) in data.plenary_groups.items():
        options = data.slots[indices[0]].options if indices else []
        if lower > len({o.day for o in options}):
            conflicts.append(_conflict(("plenary_count", "presider"), "conflict.plenary_count", lang,
                                       year=group, need=lower))
    for window in data.windows:
        own = data.study_slot.get(window.key)
        if own is None or data.slots[own].options:
            continue
        if not any(slot.kind == "study" and slot.request is not None and any(
                window.first <= o.day <= window.last for o in slot.options) for slot in data.slots):
            conflicts.append(_conflict(("study_every", "presider"), "conflict.study", lang,
                                       first=window.first, last=window.last))
    for npc in data.npc_days:
        if not npc.free_deputies:
            conflicts.append(_conflict(("deputy_free",), "conflict.deputy_free", lang, date=npc.day,
                                       commitment=npc.commitment_id))
    return conflicts


def _presider_free_somewhere(data: PlanningData, group: str) -> bool:
    """Whether the head or the executive deputy is free for a standing meeting on some day of the month."""
    head = data.scenario.county_head.id
    executive = data.scenario.executive_deputy
    candidates = {head, executive.id} if executive else {head}
    minutes = data.policy.standing_minutes
    for day in data.days:
        if f"{day.year:04d}-{day.month:02d}" != group:
            continue
        for start in data.calendar.start_times(minutes):
            if candidates & data.free_leaders(day, start, start + minutes):
                return True
    return False


_ASSUMPTION_KEYS = {
    "standing_count": ("conflict.standing_count", ("standing_count", "presider", "no_double_booking")),
    "plenary_count": ("conflict.plenary_count", ("plenary_count", "presider", "no_double_booking")),
    "study_every": ("conflict.study", ("study_every", "presider", "no_double_booking")),
    "deputy_free": ("conflict.deputy_free", ("deputy_free", "no_double_booking")),
}


def from_assumptions(data: PlanningData, groups: list[tuple[str, str]], lang: Lang = "zh") -> list[Conflict]:
    """Conflicts for the (rule family, group) assumptions the solver found sufficient for infeasibility."""
    conflicts: list[Conflict] = []
    for rule_id, group in groups:
        key, rule_ids = _ASSUMPTION_KEYS[rule_id]
        if rule_id == "standing_count":
            params = {"month": _month_label(group, lang), "need": data.standing_groups[group][0]}
        elif rule_id == "plenary_count":
            params = {"year": group, "need": data.plenary_groups[group][0]}
        elif rule_id == "study_every":
            window = next(w for w in data.windows if w.key == group)
            params = {"first": window.first, "last": window.last}
        else:
            npc = next(n for n in data.npc_days if n.commitment_id == group)
            params = {"date": npc.day, "commitment": npc.commitment_id}
        conflicts.append(_conflict(rule_ids, key, lang, **params))
    return conflicts


# ----- deferrals and rejections --------------------------------------------------------------------

_BLOCKER_RULES = {
    "defer.consensus": ("item_consensus",),
    "defer.no_thematic": ("item_ready",),
    "defer.thematic_later": ("item_ready",),
    "defer.not_ready": ("item_ready",),
}


def deferral(data: PlanningData, info: ItemInfo, plan: Plan, lang: Lang = "zh") -> Deferral:
    """Why a pending item is not on any agenda of `plan`, most specific cause first (Art. 43, 41/42)."""
    item = info.item
    count_rule = "standing_count" if item.body == "standing" else "plenary_count"
    body = Message.of(f"kind.{item.body}")
    params: dict[str, object] = {"body": body}
    if info.blocker is not None:
        key, rule_ids = info.blocker, _BLOCKER_RULES[info.blocker]
        params["lead"] = data.policy.materials_lead_working_days
    elif not any(slot.kind == item.body for slot in data.slots):
        key, rule_ids = "defer.no_meeting", (count_rule,)
    elif _supervisor_missing(data, info, plan):
        key, rule_ids = "defer.supervisor_away", ("item_supervisor",)
        params["leader"] = data.scenario.name_of(item.supervisor)
    elif not _held_after_ready(info, plan):
        key, rule_ids = "defer.after_last_meeting", ("item_ready", count_rule)
    elif info.thematic is not None and not _thematic_in_time(data, info, plan):
        key, rule_ids = "defer.thematic_unplaced", ("item_ready", "request_window")
        params["request"] = info.thematic
    else:
        key, rule_ids = "defer.full", (count_rule,)
    return Deferral(item.id, Message.of(key, **params), articles_of(rule_ids), rule_ids)


def _held_after_ready(info: ItemInfo, plan: Plan) -> list[PlannedMeeting]:
    """The plan's meetings of the item's body on or after its ready day."""
    return [m for m in plan.meetings if m.kind == info.item.body and m.date >= info.ready]


def _supervisor_missing(data: PlanningData, info: ItemInfo, plan: Plan) -> bool:
    """Whether the supervising leader is what kept the item off every agenda (Art. 43): absent from each
    held meeting of its body once it is ready, or, when none is held then, free for none of the times
    such a meeting could have been held (an option lists a leader only when free, Art. 61). Meetings
    that all came before the item was ready are not the supervisor's doing."""
    held = _held_after_ready(info, plan)
    if held:
        return all(info.item.supervisor not in m.attendees for m in held)
    later = [o for slot in data.slots if slot.kind == info.item.body for o in slot.options if o.day >= info.ready]
    return bool(later) and all(info.item.supervisor not in o.leaders for o in later)


def _thematic_in_time(data: PlanningData, info: ItemInfo, plan: Plan) -> bool:
    thematic = next((m for m in plan.meetings if m.request == info.thematic), None)
    if thematic is None:
        return False
    lead = data.policy.materials_lead_working_days
    return any(m.kind == info.item.body and data.workday(m.date) >= data.workday(thematic.date) + lead
               for m in plan.meetings)


def rejection(data: PlanningData, slot_index: int, plan: Plan, lang: Lang = "zh") -> Rejection:
    """Why a meeting request is not placed: Art. 47 limit, nobody free together, no room, or no time left."""
    slot = data.slots[slot_index]
    request = slot.request
    assert request is not None
    params: dict[str, object] = {}
    start, end = max(request.earliest, data.period.start), min(request.latest, data.period.end)
    days = [d for d in data.days if start <= d <= end]
    if request.kind == "county_wide" and _county_wide_full(data, request.unit or request.convener, days, plan):
        unit = request.unit or request.convener
        key, rule_ids = "reject.county_wide_limit", ("county_wide_limit",)
        params = {"unit": data.scenario.name_of(unit), "year": days[0].year if days else start.year,
                  "limit": data.policy.county_wide_per_unit_per_year}
    elif not days:
        key, rule_ids = "reject.outside", ("request_window",)
    elif not slot.options and not _required_free_together(data, slot_index, days):
        key, rule_ids = "reject.unavailable", ("request_window", "no_double_booking")
    elif not slot.options:
        key, rule_ids = "reject.no_room", ("room",)
    else:
        key, rule_ids = "reject.busy", ("request_window", "no_double_booking")
    return Rejection(request.id, Message.of(key, **params), articles_of(rule_ids),
                     rule_ids)


def _county_wide_full(data: PlanningData, unit: str, days: list[date], plan: Plan) -> bool:
    limit = data.policy.county_wide_per_unit_per_year
    for year in sorted({d.year for d in days}):
        held = history_count(data.scenario, "county_wide", date(year, 1, 1), date(year, 12, 31), unit)
        placed = sum(1 for m in plan.meetings if m.kind == "county_wide" and m.date.year == year and m.request and
                     (data.scenario.request(m.request).unit or data.scenario.request(m.request).convener) == unit)
        if held + placed < limit:
            return False
    return True


def _required_free_together(data: PlanningData, slot_index: int, days: list[date]) -> bool:
    slot = data.slots[slot_index]
    assert slot.request is not None
    required, _, _ = data.request_parties(slot.request)
    for day in days:
        for start in data.calendar.start_times(slot.minutes):
            if set(required) <= data.free_leaders(day, start, start + slot.minutes):
                return True
    return False
