"""The finishing step: a solver's `Solution` becomes a `Plan`, whichever solver produced it.

In one pass: meetings in time order with titles, numbers and lengths (a standing meeting lasts its
agenda plus the opening allowance), attendees and items in running order; who attends each congress
meeting (Art. 49); every other pending item deferred and every unplaced request rejected, each with
its reason (`scheduler.explain`); and the penalties (`scheduler.costs.plan_penalties`), whose sum is
the objective the solver reports.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from scheduler.calendar import CalendarRangeError, WorkCalendar
from scheduler.costs import plan_penalties
from scheduler.cycle import standing_held_before
from scheduler.domain import AgendaItem
from scheduler.explain import deferral, rejection
from scheduler.holidays import calendar_basis
from scheduler.i18n import Lang
from scheduler.instance import Instance, delegation, history_count, study_sessions_held
from scheduler.plan import CommitmentAttendance, Message, Plan, PlannedMeeting, SolverInfo
from scheduler.solution import HeldMeeting, Solution


def running_order(items: list[AgendaItem]) -> list[AgendaItem]:
    """Art. 43 practice: items involving more units first, personnel (staffing) matters last;
    ties by priority then id."""
    return sorted(items, key=lambda i: ("staffing" in i.matters, -len(delegation(i)), i.priority, i.id))


def finish(instance: Instance, solution: Solution, solver: SolverInfo, lang: Lang = "zh") -> Plan:
    """The plan of `solution` (module docstring); `solver` is what the search reports."""
    scenario = instance.scenario
    numbering = _Numbering(instance)
    meetings = []
    for held in sorted(solution.meetings, key=lambda h: _when(instance, h)):
        slot, option = instance.slots[held.slot], instance.slots[held.slot].options[held.option]
        agenda = running_order([scenario.item(i) for i in held.items])
        number = numbering.next(slot.kind, option.day)
        title = slot.request.title if slot.request else Message.of(f"title.{slot.kind}", n=number).render(lang)
        meetings.append(PlannedMeeting(
            id=slot.key, kind=slot.kind, title=title, date=option.day, start=option.start,
            end=option.start + _length(instance, held, agenda), room=held.room, presider=option.presider,
            attendees=_attendees(instance, held, agenda), items=tuple(i.id for i in agenda),
            request=slot.request.id if slot.request else None, number=number,
            unit_heads_away=_unit_heads_away(instance, held, agenda),
            notice_date=notice_day(instance.calendar, instance.policy.materials_lead_working_days,
                                   instance.period.start, option.day, instance.today)))
    done = tuple(meetings)
    heard = {i for m in done for i in m.items}
    placed = {m.request for m in done if m.request}
    plan = Plan(
        scenario=scenario.name, period_from=instance.period.start, period_to=instance.period.end, solver=solver,
        meetings=done,
        deferred=tuple(deferral(instance, info, done) for item_id, info in instance.items.items()
                       if item_id not in heard),
        rejected=tuple(rejection(instance, s, done, solution.attendance)
                       for s, slot in enumerate(instance.slots)
                       if slot.request is not None and slot.request.id not in placed),
        commitment_attendance=tuple(CommitmentAttendance(c, p, instance.is_stand_in(p))
                                    for c, p in solution.attendance),
        scenario_sha256=scenario.sha256, today=instance.today,
        calendar_basis=calendar_basis(scenario.calendar, instance.period.start, instance.period.end))
    # Costs weigh the planner's choices; meetings held as recorded are facts and join the plan after.
    penalties = tuple(plan_penalties(plan, instance.cost_facts()))
    kept = tuple(replace(m, held=True) for m in instance.facts)
    return replace(plan, penalties=penalties,
                   meetings=tuple(sorted((*done, *kept), key=lambda m: (m.date, m.start, m.id))))


def notice_day(calendar: WorkCalendar, materials_lead: int, period_start: date, day: date,
               today: date | None = None) -> date:
    """The day a meeting's notice bears: the office sends a period's notices with its plan, on the
    last working day before the period, and in any case a working day before the materials are due
    (`materials_lead` working days before the meeting, Art. 43); never before `today`, the day the plan
    is made as of, and always before the meeting. Where the calendar has no data, calendar days stand in."""

    def back(start: date, working_days: int) -> date:
        try:
            return calendar.add_working_days(start, -working_days)
        except CalendarRangeError:
            return date.fromordinal(start.toordinal() - working_days)

    issued = min(back(period_start, 1), back(back(day, materials_lead), 1))
    if today is not None:
        issued = max(issued, today)
    return min(issued, date.fromordinal(day.toordinal() - 1))


def _when(instance: Instance, held: HeldMeeting) -> tuple[date, int, str]:
    slot = instance.slots[held.slot]
    option = slot.options[held.option]
    return option.day, option.start, slot.key


def _length(instance: Instance, held: HeldMeeting, agenda: list[AgendaItem]) -> int:
    """A standing meeting of the planner's lasts its items plus the opening allowance (local policy);
    every other meeting lasts the time it reserved (the policy's or the request's minutes)."""
    slot = instance.slots[held.slot]
    if slot.kind == "standing" and slot.request is None:
        policy = instance.policy
        return min(policy.standing_minutes, policy.standing_opening_minutes + sum(i.minutes for i in agenda))
    return slot.minutes


def _attendees(instance: Instance, held: HeldMeeting, agenda: list[AgendaItem]) -> tuple[str, ...]:
    """Leaders who attend (scenario order), then units sitting through, then the items' delegations."""
    slot, option = instance.slots[held.slot], instance.slots[held.slot].options[held.option]
    if slot.request is not None and slot.kind not in ("standing", "plenary"):
        required, preferred, _ = instance.request_parties(slot.request)
        leaders = [x for x in (*required, *preferred) if x in option.leaders and x not in held.absent]
    else:
        leaders = [x for x in instance.leader_ids if x in option.leaders]
    units = list(slot.units)
    for item in agenda:
        units.extend(sorted(delegation(item), key=lambda u: (u != item.unit, u)))
    return tuple(dict.fromkeys((*leaders, *units)))


def _unit_heads_away(instance: Instance, held: HeldMeeting, agenda: list[AgendaItem]) -> tuple[str, ...]:
    """Units whose head is away then: a deputy head attends instead, with written leave (Art. 44)."""
    option = instance.slots[held.slot].options[held.option]
    end = option.start + _length(instance, held, agenda)
    units = [u for u in _attendees(instance, held, agenda) if u not in instance.leader_ids]
    return tuple(u for u in units if not instance.availability.free(u, option.day, option.start, end))


class _Numbering:
    """第N次: a standing meeting's ordinal in its year counts those held before it (history, ad hoc
    ones included) and this plan's earlier ones; plenary meetings and study sessions likewise."""

    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        self.seen: Counter[tuple[str, int]] = Counter()

    def next(self, kind: str, day: date) -> int | None:
        scenario = self.instance.scenario
        if kind == "standing":
            before = standing_held_before(scenario, day)
        elif kind == "plenary":
            before = history_count(scenario, "plenary", date(day.year, 1, 1), date.fromordinal(day.toordinal() - 1))
        elif kind == "study":
            before = sum(1 for d in study_sessions_held(scenario) if d.year == day.year and d < day)
        else:
            return None
        self.seen[(kind, day.year)] += 1
        return before + self.seen[(kind, day.year)]
