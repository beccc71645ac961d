"""Turning chosen meetings into a Plan: titles, attendees, running order, reasons and penalties.

Shared by the CP-SAT planner (`scheduler.solve`) and the greedy baseline (`scheduler.baseline`), so
both describe a plan the same way. Pure Python: it never imports ortools.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from scheduler import explain
from scheduler.domain import AgendaItem
from scheduler.i18n import Lang, t
from scheduler.model.data import PlanningData, delegation, running_order
from scheduler.objective import penalties
from scheduler.period import history_count
from scheduler.plan import Plan, PlannedMeeting, SolverInfo


@dataclass(frozen=True, slots=True)
class HeldMeeting:
    """One held slot as a search chose it: the slot and option indices, its room and its items."""

    slot: int
    option: int
    room: str | None
    items: tuple[str, ...]


def assemble_plan(data: PlanningData, held: Iterable[HeldMeeting], info: SolverInfo, lang: Lang) -> Plan:
    """Meetings in time order with titles, attendees and items in running order; then `finish_plan`."""
    scenario = data.scenario
    numbering: dict[tuple[str, int], int] = {}
    meetings = []
    for meeting in sorted(held, key=lambda h: (data.slots[h.slot].options[h.option].day,
                                               data.slots[h.slot].options[h.option].start, data.slots[h.slot].key)):
        slot, option = data.slots[meeting.slot], data.slots[meeting.slot].options[meeting.option]
        agenda = running_order([scenario.item(i) for i in meeting.items])
        title = slot.request.title if slot.request else meeting_title(data, slot.kind, option.day, numbering, lang)
        meetings.append(PlannedMeeting(
            id=slot.key, kind=slot.kind, title=title, date=option.day, start=option.start, end=option.end,
            room=meeting.room, presider=option.presider,
            attendees=meeting_attendees(data, meeting.slot, meeting.option, agenda),
            items=tuple(i.id for i in agenda), request=slot.request.id if slot.request else None))
    return finish_plan(data, tuple(meetings), info, lang)


def finish_plan(data: PlanningData, meetings: tuple[PlannedMeeting, ...], info: SolverInfo, lang: Lang) -> Plan:
    """A plan of `meetings`: every other pending item deferred and request rejected, with reasons,
    and the penalties of `scheduler.objective`."""
    scenario = data.scenario
    draft = Plan(scenario.name, data.period.start, data.period.end, info, meetings)
    heard = {i for m in meetings for i in m.items}
    deferred = tuple(explain.deferral(data, item_info, draft, lang)
                     for item_id, item_info in data.items.items() if item_id not in heard)
    placed = {m.request for m in meetings if m.request}
    rejected = tuple(explain.rejection(data, s, draft, lang) for s, slot in enumerate(data.slots)
                     if slot.request is not None and slot.request.id not in placed)
    draft = replace(draft, deferred=deferred, rejected=rejected)
    return replace(draft, penalties=tuple(penalties(data, draft, lang)))


def meeting_title(data: PlanningData, kind: str, day: date, numbering: dict[tuple[str, int], int],
                  lang: Lang) -> str:
    """县政府第N次常务会议: N counts this year's meetings of the kind in history, then in this plan."""
    key = (kind, day.year)
    if key not in numbering:
        numbering[key] = history_count(data.scenario, kind, date(day.year, 1, 1), day - timedelta(days=1))
    numbering[key] += 1
    return t(f"title.{kind}", lang, n=numbering[key])


def meeting_attendees(data: PlanningData, s: int, o: int, agenda: list[AgendaItem]) -> tuple[str, ...]:
    """Leaders who attend (scenario order), then units sitting through, then the items' delegations."""
    slot, option = data.slots[s], data.slots[s].options[o]
    if slot.request is not None:
        required, preferred, _ = data.request_parties(slot.request)
        leaders = [x for x in (*required, *preferred) if x in option.leaders]
    else:
        leaders = [x for x in data.leader_ids if x in option.leaders]
    units = list(slot.units)
    for item in agenda:
        units.extend(sorted(delegation(item), key=lambda u: (u != item.unit, u)))
    return tuple(dict.fromkeys((*leaders, *units)))
