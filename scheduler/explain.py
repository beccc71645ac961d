"""Explanations a clerk understands: why no plan exists, why an item waits, why a request is refused.

Infeasibility is explained in two steps. `precheck` finds the common, precise causes before any
solving (the county head and the executive deputy both away all month -> Art. 6, 42; neither a
deputy nor the office director free for a congress meeting -> Art. 49). If the solver still proves
the period infeasible, `from_assumptions` maps the assumption literals it found sufficient back to
their rules and articles. Deferrals and rejections are explained against the finished plan, most
specific cause first. Every explanation is data (`Message` + rule ids); views render it.
"""

from __future__ import annotations

from datetime import date

from scheduler.instance import Instance, ItemInfo, Slot, county_wide_held, history_count
from scheduler.plan import Conflict, Deferral, Message, Plan, PlannedMeeting, Rejection
from scheduler.rules import articles_of


def _conflict(rule_ids: tuple[str, ...], key: str, **args: object) -> Conflict:
    return Conflict(rule_ids[0], articles_of(rule_ids), Message.of(key, **args))


def _month(group: str) -> Message:
    year, month = group.split("-")
    return Message.of("fmt.month", year=int(year), month=int(month))


def precheck(instance: Instance) -> list[Conflict]:
    """Lower bounds and attendances that no plan can meet, with the precise reason (no solver needed)."""
    conflicts: list[Conflict] = []
    standing_low = instance.policy.standing_per_month[0]
    if instance.justice is None and standing_low > 0 and any(instance.period.covers_month(*m)
                                                             for m in instance.period.months()):
        conflicts.append(_conflict(("justice_attends",), "conflict.justice"))
    for group, (lower, indices) in instance.standing_groups.items():
        options = instance.slots[indices[0]].options if indices else []
        if lower <= len({o.day for o in options}):
            continue
        days = [d for d in instance.days if f"{d.year:04d}-{d.month:02d}" == group]
        short = _seats_short(instance, "standing", days) if not options else None
        if not _presider_free_somewhere(instance, group):
            conflicts.append(_conflict(("presider", "standing_count"), "conflict.presider", month=_month(group),
                                       need=lower))
        elif short is not None:
            conflicts.append(_conflict(("staff_seat", "standing_count"), "conflict.standing_seats",
                                       month=_month(group), **short))
        else:
            conflicts.append(_conflict(("standing_count",), "conflict.standing_count", month=_month(group),
                                       need=lower))
    for group, (lower, indices) in instance.plenary_groups.items():
        options = instance.slots[indices[0]].options if indices else []
        if lower > len({o.day for o in options}):
            days = [d for d in instance.days if str(d.year) == group]
            short = _seats_short(instance, "plenary", days) if not options else None
            if short is not None:
                conflicts.append(_conflict(("plenary_members", "plenary_count"), "conflict.plenary_seats", year=group,
                                           **short))
            else:
                conflicts.append(_conflict(("plenary_count", "presider_plenary"), "conflict.plenary_count", year=group,
                                           need=lower))
    for window in instance.windows:
        own = instance.study_slot.get(window.key)
        if own is None or instance.slots[own].options:
            continue
        if not any(slot.kind == "study" and slot.request is not None and any(
                window.first <= o.day <= window.last for o in slot.options) for slot in instance.slots):
            days = [d for d in instance.days if window.first <= d <= window.last]
            short = _seats_short(instance, "study", days)
            if not _free_somewhere(instance, "study", days):
                conflicts.append(_conflict(("study_every", "presider_study"), "conflict.study_head_away",
                                           first=window.first, last=window.last))
            elif short is not None:
                conflicts.append(_conflict(("study_every", "study_members"), "conflict.study_seats",
                                           first=window.first, last=window.last, **short))
            else:
                conflicts.append(_conflict(("study_every", "presider_study"), "conflict.study", first=window.first,
                                           last=window.last))
    for congress in instance.congress:
        if not congress.candidates:
            conflicts.append(_conflict(("congress_attendance",), "conflict.congress", date=congress.day,
                                       commitment=congress.commitment))
    return conflicts


MEETING_MINUTES = {"standing": "standing_minutes", "plenary": "plenary_minutes", "study": "study_minutes"}


def _presider_times(instance: Instance, kind: str, days: list[date]) -> list[frozenset[str]]:
    """The leaders free at each time of `days` at which a presider of `kind` is free (Art. 6, 41, 42, 50)."""
    presiders = {instance.head, instance.executive} - {None} if kind == "standing" else {instance.head}
    minutes = getattr(instance.policy, MEETING_MINUTES[kind])
    found = []
    for day in days:
        for start in instance.start_times(minutes):
            free = instance.free_leaders(day, start, start + minutes)
            if presiders & free:
                found.append(free)
    return found


def _free_somewhere(instance: Instance, kind: str, days: list[date]) -> bool:
    return bool(_presider_times(instance, kind, days))


def _seats_short(instance: Instance, kind: str, days: list[date]) -> dict[str, object] | None:
    """When a presider is free but no room kept for or open to `kind` seats the meeting: the seats it needs
    at its smallest (its leaders free then, and those who sit with them) and the largest such room."""
    if not instance.scenario.rooms:
        return None
    times = _presider_times(instance, kind, days)
    if not times:
        return None
    seats = min(len(free) for free in times) + instance.sitting.get(kind, 0)
    rooms = [r for r in instance.scenario.rooms if r.takes(kind)]
    largest = max(rooms, key=lambda r: (r.capacity, r.id), default=None)
    if largest is not None and largest.capacity >= seats:
        return None
    return {"seats": seats, "room": largest.name if largest else "—", "capacity": largest.capacity if largest else 0}


def _presider_free_somewhere(instance: Instance, group: str) -> bool:
    """Whether the head or the executive deputy is free for a standing meeting on some day of the month."""
    candidates = {instance.head, instance.executive} - {None}
    minutes = instance.policy.standing_minutes
    for day in instance.days:
        if f"{day.year:04d}-{day.month:02d}" != group:
            continue
        for start in instance.calendar.start_times(minutes):
            if candidates & instance.free_leaders(day, start, start + minutes):
                return True
    return False


_ASSUMPTION_KEYS = {
    "standing_count": ("conflict.standing_count", ("standing_count", "presider", "no_double_booking")),
    "plenary_count": ("conflict.plenary_count", ("plenary_count", "presider", "no_double_booking")),
    "study_every": ("conflict.study", ("study_every", "presider", "no_double_booking")),
    "congress": ("conflict.congress_busy", ("congress_attendance", "no_double_booking")),
}


def from_assumptions(instance: Instance, groups: list[tuple[str, str]]) -> list[Conflict]:
    """Conflicts for the (rule family, group) assumptions the solver found sufficient for infeasibility."""
    conflicts: list[Conflict] = []
    for rule_id, group in groups:
        key, rule_ids = _ASSUMPTION_KEYS[rule_id]
        args: dict[str, object]
        if rule_id == "standing_count":
            args = {"month": _month(group), "need": instance.standing_groups[group][0]}
        elif rule_id == "plenary_count":
            args = {"year": group, "need": instance.plenary_groups[group][0]}
        elif rule_id == "study_every":
            window = next(w for w in instance.windows if w.key == group)
            args = {"first": window.first, "last": window.last}
        else:
            congress = next(c for c in instance.congress if c.commitment == group)
            args = {"date": congress.day, "commitment": congress.commitment}
        conflicts.append(_conflict(rule_ids, key, **args))
    return conflicts


def plenary_reminders(instance: Instance, plan: Plan) -> tuple[Message, ...]:
    """Art. 41: a year that has not yet held its minimum of plenary meetings, planned from October on and
    before December (where the minimum is a hard rule): a reminder that it is still due."""
    low = instance.policy.plenary_per_year[0]
    notes = []
    for year in instance.period.years():
        months = [m for y, m in instance.period.months() if y == year]
        if not months or max(months) < 10 or instance.period.covers_month(year, 12):
            continue
        held = history_count(instance.scenario, "plenary", date(year, 1, 1), date(year, 12, 31)) + sum(
            1 for m in plan.meetings if m.kind == "plenary" and m.request is None and m.date.year == year)
        if held < low:
            notes.append(Message.of("note.plenary_due", year=year, count=held, low=low))
    return tuple(notes)


# ----- deferrals and rejections ------------------------------------------------------------------------


def deferral(instance: Instance, info: ItemInfo, meetings: tuple[PlannedMeeting, ...]) -> Deferral:
    """Why a pending item is not on any agenda, most specific cause first (Art. 43; 41/42 for the count)."""
    item = info.item
    count_rule = "standing_count" if item.body == "standing" else "plenary_count"
    args: dict[str, object] = {"body": Message.of(f"kind.{item.body}")}
    rule_ids: tuple[str, ...]
    if info.blocker is not None:
        key, rule_ids = info.blocker.key, info.blocker.rule_ids
        args["lead"] = instance.policy.materials_lead_working_days
        if info.blocker.request is not None:
            args["request"] = _request_label(instance, info.blocker.request)
    elif not any(slot.kind == item.body and slot.options for slot in instance.slots):
        key, rule_ids = "defer.no_meeting", (count_rule,)
    elif _supervisor_missing(instance, info, meetings):
        key, rule_ids = "defer.supervisor_away", ("item_supervisor",)
        args["leader"] = instance.scenario.name_of(item.supervisor)
    elif info.thematic is not None and not _thematic_in_time(instance, info, meetings):
        key, rule_ids = "defer.thematic_unplaced", ("item_ready", "request_window")
        args["request"] = _request_label(instance, info.thematic)
    elif not _held_after_ready(info, meetings):
        key, rule_ids = "defer.after_last_meeting", ("item_ready", count_rule)
    else:
        key, rule_ids = "defer.full", ("item_time",)  # the agenda's length is local policy: no article
    return Deferral(item.id, Message.of(key, **args), articles_of(rule_ids), rule_ids)


def _request_label(instance: Instance, request_id: str) -> str:
    request = next((r for r in instance.scenario.meeting_requests if r.id == request_id), None)
    return f"{request_id}（{request.title}）" if request is not None else request_id


def _held_after_ready(info: ItemInfo, meetings: tuple[PlannedMeeting, ...]) -> list[PlannedMeeting]:
    """The plan's meetings that hear items of the item's body on or after its ready day."""
    return [m for m in meetings if m.kind == info.item.body and info.ready is not None and m.date >= info.ready]


def _supervisor_missing(instance: Instance, info: ItemInfo, meetings: tuple[PlannedMeeting, ...]) -> bool:
    """Whether the supervising leader is what kept the item off every agenda (Art. 43): absent from each
    held meeting of its body once it is ready, or, when none is held then, free for none of the times
    such a meeting could have been held. Meetings all before the item was ready are not the supervisor's doing."""
    held = _held_after_ready(info, meetings)
    if held:
        return all(info.item.supervisor not in m.attendees for m in held)
    later = [o for slot in instance.slots if slot.kind == info.item.body for o in slot.options
             if info.ready is not None and o.day >= info.ready]
    return bool(later) and all(info.item.supervisor not in o.leaders for o in later)


def _thematic_in_time(instance: Instance, info: ItemInfo, meetings: tuple[PlannedMeeting, ...]) -> bool:
    thematic = next((m for m in meetings if m.request == info.thematic), None)
    if thematic is None:
        return False
    lead = instance.policy.materials_lead_working_days
    return any(m.kind == info.item.body and instance.workday(m.date) >= instance.workday(thematic.date) + lead
               for m in meetings)


def rejection(instance: Instance, s: int, meetings: tuple[PlannedMeeting, ...],
              attendance: tuple[tuple[str, str], ...] = ()) -> Rejection:
    """Why a meeting request is not placed: Art. 47's yearly limit, the head unable to hold his office
    meeting (Art. 46), nobody required free together, no room, the search's time limit (the plan
    leaves it a free time, `_fits_alone`), or no time left (it has none, which that check proves)."""
    slot = instance.slots[s]
    request = slot.request
    assert request is not None
    args: dict[str, object] = {}
    start, end = max(request.earliest, instance.period.start), min(request.latest, instance.period.end)
    days = [d for d in instance.days if start <= d <= end]
    unit = request.unit or request.convener
    rule_ids: tuple[str, ...]
    if request.kind == "county_wide" and _county_wide_full(instance, unit, days, meetings):
        key, rule_ids = "reject.county_wide_limit", ("county_wide_limit",)
        args = {"unit": instance.scenario.name_of(unit), "year": days[0].year if days else start.year,
                "limit": instance.policy.county_wide_per_unit_per_year}
    elif not days:
        key, rule_ids = "reject.outside", ("request_window",)
    elif request.kind == "county_head_office" and not _free_in_window(instance, (instance.head,), request.minutes,
                                                                         days):
        key, rule_ids = "reject.head_away", ("head_office",)
    elif not slot.options and not _free_in_window(instance, instance.request_parties(request)[0], request.minutes,
                                                  days):
        key, rule_ids = "reject.unavailable", ("request_window", "no_double_booking")
    elif not slot.options:
        key, rule_ids = "reject.no_room", ("room",)
        args = _request_seats(instance, slot, days)
    elif _fits_alone(instance, s, meetings, attendance):
        # The plan leaves it a free time: the search ran out of time before placing it.
        key, rule_ids = "reject.time_limit", ()
    else:
        key, rule_ids = "reject.busy", ("request_window", "no_double_booking")
    return Rejection(request.id, Message.of(key, **args), articles_of(rule_ids), rule_ids)


def _fits_alone(instance: Instance, s: int, meetings: tuple[PlannedMeeting, ...],
                attendance: tuple[tuple[str, str], ...]) -> bool:
    """Whether request `s` could join the plan as it stands, nothing else moved: a time of its own at
    which everyone who must attend is in no planned meeting nor at a congress meeting for the
    government (preferred leaders may stay away), and a room seating it is free."""
    slot = instance.slots[s]
    optional = frozenset(slot.preferred) if slot.chooses_preferred else frozenset()
    congress = {c.commitment: c for c in instance.congress}
    busy: dict[date, list[tuple[int, int, frozenset[str], str | None]]] = {}
    for m in meetings:
        busy.setdefault(m.date, []).append((m.start, m.end, frozenset(m.attendees), m.room))
    for commitment, person in attendance:
        c = congress.get(commitment)
        if c is not None:
            busy.setdefault(c.day, []).append((c.start, c.end, frozenset((person,)), None))
    for option in slot.options:
        clashing = [b for b in busy.get(option.day, ()) if b[0] < option.end and option.start < b[1]]
        if any(b[2] & ((option.leaders - optional) | frozenset(slot.units)) for b in clashing):
            continue
        rooms = [] if slot.roomless else instance.slot_rooms(slot, option.seats)
        taken = {b[3] for b in clashing}
        if slot.roomless or rooms == [None] or any(room not in taken for room in rooms):
            return True
    return False


def _request_seats(instance: Instance, slot: Slot, days: list[date]) -> dict[str, object]:
    """The seats a request needs at its smallest (its leaders free together, and its units) and the largest
    room it may use (the one it asks for, else any open to its kind)."""
    request = slot.request
    assert request is not None
    required, preferred, units = instance.request_parties(request)
    members = set(required) | set(preferred)
    seats = min((len(instance.free_leaders(day, start, start + request.minutes) & members) + len(units)
                 for day in days for start in instance.start_times(request.minutes)
                 if set(required) <= instance.free_leaders(day, start, start + request.minutes)),
                default=len(members) + len(units))
    rooms = [r for r in instance.scenario.rooms if r.takes(request.kind) and (request.room in (None, r.id))]
    largest = max(rooms, key=lambda r: (r.capacity, r.id), default=None)
    return {"seats": seats, "room": largest.name if largest else "—", "capacity": largest.capacity if largest else 0}


def _county_wide_full(instance: Instance, unit: str, days: list[date], meetings: tuple[PlannedMeeting, ...]) -> bool:
    limit = instance.policy.county_wide_per_unit_per_year
    unit_of = {r.id: r.unit or r.convener for r in instance.scenario.meeting_requests}
    for year in sorted({d.year for d in days}):
        placed = sum(1 for m in meetings if m.kind == "county_wide" and m.date.year == year and
                     unit_of.get(m.request or "") == unit)
        if county_wide_held(instance.scenario, unit, year) + placed < limit:
            return False
    return True


def _free_in_window(instance: Instance, required: tuple[str, ...], minutes: int, days: list[date]) -> bool:
    for day in days:
        for start in instance.calendar.start_times(minutes):
            if set(required) <= instance.free_leaders(day, start, start + minutes):
                return True
    return False
