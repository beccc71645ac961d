"""What every plan output shows, computed once: names, dates, items in running order, absences, weeks.

The terminal view, the workbook, the iCalendar files and the month picture all read a plan through
these helpers, so a meeting's attendees or an item's supervising leader read the same everywhere.
Names come from the scenario; fixed words come from the ``ui.`` catalogue (govcal.messages).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from wcwidth import wcwidth

import govcal.messages  # noqa: F401  (registers the ui. entries)
from scheduler.calendar import WorkCalendar, calendar_for
from scheduler.domain import Absence, AgendaItem, Commitment, Scenario, fmt_minutes
from scheduler.i18n import Lang, t
from scheduler.plan import CommitmentAttendance, Plan, PlannedMeeting
from scheduler.rules import cite_articles
from scheduler.rules import kind_name as planner_kind_name
from scheduler.scenario import scenario_calendar

# ----- text width --------------------------------------------------------------------------


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal or a spreadsheet cell: CJK characters count two."""
    return sum(max(wcwidth(character), 0) for character in text)


# ----- words -------------------------------------------------------------------------------


def kind_name(kind: str, lang: Lang) -> str:
    """The planner's name of a meeting kind (scheduler.rules), capitalised as a label in English."""
    name = planner_kind_name(kind, lang)
    return name[:1].upper() + name[1:]


def weekday_name(day: date, lang: Lang) -> str:
    return t(f"ui.weekday.{day.isoweekday()}", lang)


def format_date(day: date, lang: Lang) -> str:
    """``5月14日`` / ``14 May``: the year is in every title, so cells stay short."""
    return t("ui.date", lang, month=day.month, day=day.day, month_name=t(f"ui.month.{day.month}", lang))


def format_date_span(first: date, last: date, lang: Lang) -> str:
    if first == last:
        return format_date(first, lang)
    return t("ui.date_span", lang, first=format_date(first, lang), last=format_date(last, lang))


def month_title(year: int, month: int, lang: Lang) -> str:
    return t("ui.month_title", lang, year=year, month=month, month_name=t(f"ui.month.{month}", lang))


def time_span(start: int, end: int) -> str:
    return f"{fmt_minutes(start)}-{fmt_minutes(end)}"


def join_names(names: Iterable[str], lang: Lang) -> str:
    return ("、" if lang == "zh" else ", ").join(names)


# ----- names from the scenario ---------------------------------------------------------------


def party_name(scenario: Scenario, party_id: str) -> str:
    """A leader's title or a unit's name; leaders who share a title (two 副县长) get their portfolio
    (副县长（农业农村）), or their id when they have none (`Scenario.name_of`)."""
    return scenario.name_of(party_id)


def party_names(party_ids: Iterable[str], scenario: Scenario, lang: Lang) -> str:
    """Leader titles and unit names in the given order (unknown ids are shown as they are)."""
    return join_names((party_name(scenario, party) for party in party_ids), lang)


def attendee_names(meeting: PlannedMeeting, party_ids: Iterable[str], scenario: Scenario, lang: Lang) -> str:
    """`party_names`, a unit whose head is on leave marked: its deputy head attends (Art. 44 可指定副职参加)."""
    return join_names((t("ui.deputy_attends", lang, name=party_name(scenario, party))
                       if party in meeting.unit_heads_away else party_name(scenario, party)
                       for party in party_ids), lang)


def safe_id(party_id: str) -> str:
    """An id usable as a mail local part or a file name: anything but ASCII letters, digits, . _ - becomes _."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", party_id)


def preferred_parties(meeting: PlannedMeeting, scenario: Scenario) -> frozenset[str]:
    """Attendees the meeting's request only prefers (尽量到会); everyone else is required."""
    request = next((r for r in scenario.meeting_requests if r.id == meeting.request), None)
    return frozenset(request.preferred) if request is not None else frozenset()


def room_name(room_id: str | None, scenario: Scenario) -> str:
    if room_id is None:
        return ""
    return next((room.name for room in scenario.rooms if room.id == room_id), room_id)


def item_of(scenario: Scenario, item_id: str) -> AgendaItem | None:
    """The scenario's agenda item, or None for an id a hand-edited plan invented."""
    return next((item for item in scenario.agenda if item.id == item_id), None)


def request_title(scenario: Scenario, request_id: str) -> str:
    return next((r.title for r in scenario.meeting_requests if r.id == request_id), request_id)


def hosting_units(meeting: PlannedMeeting, scenario: Scenario) -> tuple[str, ...]:
    """Unit ids that organise a meeting (承办单位).

    A county-wide meeting is held by its unit (Art. 47); a requested meeting is organised by the
    units it requires; a meeting with agenda items by the units reporting them, in running order.
    """
    request = next((r for r in scenario.meeting_requests if r.id == meeting.request), None)
    if request is not None:
        if request.unit:
            return (request.unit,)
        return tuple(party for party in request.required if party in scenario.unit_ids)
    units: list[str] = []
    for item_id in meeting.items:
        item = item_of(scenario, item_id)
        if item is not None and item.unit not in units:
            units.append(item.unit)
    return tuple(units)


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One agenda item as the 议题清单 prints it."""

    number: int
    id: str
    title: str
    unit: str
    supervisor: str
    attending_units: str
    minutes: int | None


def item_rows(meeting: PlannedMeeting, scenario: Scenario, lang: Lang) -> list[ItemRow]:
    """The meeting's items in running order, with names from the scenario."""
    rows = []
    for number, item_id in enumerate(meeting.items, start=1):
        item = item_of(scenario, item_id)
        if item is None:
            rows.append(ItemRow(number, item_id, item_id, "", "", "", None))
            continue
        rows.append(ItemRow(
            number, item.id, item.title, party_name(scenario, item.unit), party_name(scenario, item.supervisor),
            party_names(item.attending_units, scenario, lang), item.minutes,
        ))
    return rows


def item_title(scenario: Scenario, item_id: str) -> str:
    item = item_of(scenario, item_id)
    return item.title if item is not None else item_id


# ----- the plan's period ------------------------------------------------------------------------


def plan_calendar(plan: Plan, scenario: Scenario) -> WorkCalendar:
    """The working-day calendar covering the plan's period (holidays, make-up days).

    Usually the scenario's shared calendar; a plan may also cover a year none of the scenario's
    dates mention, and then gets its own (which raises CalendarRangeError beyond the data).
    """
    calendar = scenario_calendar(scenario)
    if calendar.covers(plan.period_from) and calendar.covers(plan.period_to):
        return calendar
    return calendar_for(scenario.calendar, (plan.period_from.year, plan.period_to.year))


def meetings_in_order(plan: Plan) -> list[PlannedMeeting]:
    return sorted(plan.meetings, key=lambda m: (m.date, m.start, m.end, m.id))


def absences_in_period(plan: Plan, scenario: Scenario) -> list[Absence]:
    """Absences that overlap the plan's period, by first day and then by who."""
    found = [a for a in scenario.absences if a.start <= plan.period_to and a.end >= plan.period_from]
    return sorted(found, key=lambda a: (a.start, a.end, a.who))


def commitments_in_period(plan: Plan, scenario: Scenario) -> list[Commitment]:
    found = [c for c in scenario.commitments if plan.period_from <= c.date <= plan.period_to]
    return sorted(found, key=lambda c: (c.date, c.start, c.id))


# ----- who attends a fixed commitment (Art. 49) -------------------------------------------------


def commitment_attendance(plan: Plan, commitment_id: str) -> CommitmentAttendance | None:
    """The plan's answer to who attends a congress standing-committee meeting (Art. 49), if it has one."""
    return next((a for a in plan.commitment_attendance if a.commitment == commitment_id), None)


def commitment_attendees(plan: Plan, commitment: Commitment) -> tuple[str, ...]:
    """The commitment's attendees from the scenario, then the one the plan sends (Art. 49)."""
    attendance = commitment_attendance(plan, commitment.id)
    if attendance is None or attendance.attendee in commitment.attendees:
        return commitment.attendees
    return (*commitment.attendees, attendance.attendee)


def is_stand_in(plan: Plan, commitment: Commitment, party_id: str) -> bool:
    """Whether `party_id` attends `commitment` as the office director commissioned in a deputy's place."""
    attendance = commitment_attendance(plan, commitment.id)
    return attendance is not None and attendance.stand_in and attendance.attendee == party_id


def commitment_people(plan: Plan, commitment: Commitment, scenario: Scenario, lang: Lang) -> str:
    """The commitment's attendees by name; a stand-in reads 委托政府办公室主任参加（第四十九条）."""
    return join_names((t("ui.commitment.stand_in", lang, name=party_name(scenario, party),
                         basis=cite_articles(("49",), lang))
                       if is_stand_in(plan, commitment, party) else party_name(scenario, party)
                       for party in commitment_attendees(plan, commitment)), lang)


def leader_role(plan: Plan, commitment: Commitment, leader_id: str, lang: Lang) -> str:
    """出席, or 受委托出席（第四十九条） for the office director standing in (a leader's own calendar)."""
    if is_stand_in(plan, commitment, leader_id):
        return t("ui.role.stand_in", lang, basis=cite_articles(("49",), lang))
    return t("ui.role.attendee", lang)


def absence_text(absence: Absence, scenario: Scenario, lang: Lang, *, with_note: bool = True) -> str:
    """``县长外出（赴州开会）`` / ``县长: Trip (赴州开会)``; without the note where space is short."""
    kind = t(f"ui.absence.{absence.kind}", lang)
    who = party_name(scenario, absence.who)
    if absence.note and with_note:
        return t("ui.absence.row_note", lang, who=who, kind=kind, note=absence.note)
    return t("ui.absence.row", lang, who=who, kind=kind)


def absence_time(absence: Absence, lang: Lang) -> str:
    return t(f"ui.half.{absence.half}", lang) if absence.half else t("ui.all_day", lang)


def clip(first: date, last: date, plan: Plan) -> tuple[date, date]:
    """[first, last] cut to the plan's period."""
    return max(first, plan.period_from), min(last, plan.period_to)


@dataclass(frozen=True, slots=True)
class Week:
    number: int  # 1-based within the plan
    first: date  # Monday, or the period's first day
    last: date  # Sunday, or the period's last day


def weeks(plan: Plan) -> list[Week]:
    """Monday-to-Sunday weeks of the plan's period, the first and last cut to the period."""
    found: list[Week] = []
    monday = plan.period_from - timedelta(days=plan.period_from.weekday())
    while monday <= plan.period_to:
        first, last = clip(monday, monday + timedelta(days=6), plan)
        found.append(Week(len(found) + 1, first, last))
        monday += timedelta(days=7)
    return found


def months(plan: Plan) -> list[tuple[int, int]]:
    """(year, month) of every month the plan's period touches."""
    found: list[tuple[int, int]] = []
    year, month = plan.period_from.year, plan.period_from.month
    while (year, month) <= (plan.period_to.year, plan.period_to.month):
        found.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def takes_part(meeting: PlannedMeeting, party_id: str) -> bool:
    return party_id == meeting.presider or party_id in meeting.attendees


def holiday_label(day: date, calendar: WorkCalendar, lang: Lang) -> str | None:
    """The holiday's name on `day` in `lang`, or None.

    Statutory holidays come from `chinese_calendar` under English names that carry their Chinese
    ones; local holidays are scenario names and stay as the scenario has them.
    """
    name = calendar.holiday_name(day)
    return None if name is None else holiday_name_in(name, lang)


def projected_mark(years: Iterable[int], lang: Lang) -> str:
    """The mark a projected year's month carries wherever it is shown (its statutory days computed,
    make-up working days unknown); "" when none of `years` is projected."""
    listed = sorted(set(years))
    if not listed:
        return ""
    return t("ui.projected_mark", lang, years=("、" if lang == "zh" else ", ").join(map(str, listed)))


def projected_years_of(plan: Plan) -> list[int]:
    """The years of the plan's period whose statutory days were projected when it was made."""
    return [int(year) for year, basis in plan.calendar_basis if basis == "projected"]


def holiday_name_in(name: str, lang: Lang) -> str:
    """A statutory festival's name (as `chinese_calendar` spells it, which carries the Chinese one)
    in `lang`; any other name (a notice's, a local holiday's) as the scenario has it."""
    if lang == "en":
        return name
    from chinese_calendar.constants import Holiday

    from scheduler.holidays import SPRING_EVE

    if name == SPRING_EVE:
        return "除夕"
    return next((holiday.chinese for holiday in Holiday if holiday.value == name), name)


def day_flag(day: date, calendar: WorkCalendar, lang: Lang) -> str | None:
    """What sets a day apart on a printed calendar: its holiday's name or 调休上班; None on ordinary days."""
    return holiday_label(day, calendar, lang) or (t("ui.day.makeup", lang) if calendar.is_makeup_day(day) else None)


def day_kind(day: date, calendar: WorkCalendar, lang: Lang) -> str:
    """The holiday's name, 调休上班, 工作日 or 休息日 for one day."""
    return day_flag(day, calendar, lang) or t("ui.day.working" if calendar.is_working_day(day) else "ui.day.rest",
                                              lang)
