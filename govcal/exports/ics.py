"""iCalendar (RFC 5545) files of a plan: one VEVENT per meeting and per fixed commitment, in Asia/Shanghai time.

Attendees a meeting request only prefers are ``ROLE=OPT-PARTICIPANT``, everyone else
``REQ-PARTICIPANT``; a leader's own address is used when the scenario gives one (``email``), else a
reserved ``.invalid`` address that names the leader or unit and can never receive mail.

Every value is derived from the plan and the scenario, never from the wall clock, so two runs give
byte-identical files; a published revision carries its number (SEQUENCE) and its publishing time
(DTSTAMP). A meeting's UID comes from the scenario and the meeting's identity (its
request, or the planner's meeting id such as ``standing-2024-05-1``), never from its date or
time: importing a revised plan that moves a meeting updates the event instead of duplicating it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneStandard, vCalAddress, vText

from govcal import __version__
from govcal.view import (
    absence_text,
    absences_in_period,
    commitment_attendees,
    commitment_people,
    commitments_in_period,
    item_rows,
    kind_name,
    meetings_in_order,
    party_name,
    preferred_parties,
    room_name,
    safe_id,
    takes_part,
)
from scheduler.domain import Absence, Commitment, Scenario
from scheduler.i18n import Lang, t
from scheduler.plan import Plan, PlannedMeeting

TZID = "Asia/Shanghai"
SHANGHAI = ZoneInfo(TZID)  # the IANA data come with icalendar's tzdata dependency
PRODID = f"-//govcal//govcal {__version__}//ZH"
# RFC 2606 reserves .invalid: the addresses identify people and units but can never receive mail.
MAIL_DOMAIN = "govcal.invalid"


def scenario_slug(scenario_name: str) -> str:
    """A stable ASCII label for a scenario: its Latin words and digits plus a short hash of the full name.

    Chinese names have few ASCII characters, so the hash keeps two scenarios apart.
    """
    words = re.findall(r"[a-z0-9]+", scenario_name.lower())
    digest = hashlib.sha256(scenario_name.encode("utf-8")).hexdigest()[:8]
    return "-".join([*words, digest])


def address(party_id: str, scenario: Scenario, slug: str) -> str:
    """The leader's own address when the scenario gives one, else a reserved one that names the party."""
    email = next((leader.email for leader in scenario.leaders if leader.id == party_id and leader.email), None)
    return f"mailto:{email}" if email else f"mailto:{safe_id(party_id)}@{slug}.{MAIL_DOMAIN}"


def meeting_uid(meeting: PlannedMeeting, slug: str) -> str:
    """Scenario + meeting kind + request (or the planner's slot id such as ``standing-2024-05-1``).

    Neither date nor time enters it, so the UID stays when a revised plan moves the meeting.
    """
    identity = meeting.request or meeting.id
    if not identity.startswith(f"{meeting.kind}-"):
        identity = f"{meeting.kind}-{identity}"
    return f"{identity}@{slug}.{MAIL_DOMAIN}"


def shanghai_timezone() -> Timezone:
    """VTIMEZONE for Asia/Shanghai: UTC+8 with no daylight saving since 1991."""
    standard = TimezoneStandard()
    standard.add("DTSTART", datetime(1991, 9, 15, 0, 0))
    standard.add("TZOFFSETFROM", timedelta(hours=8))
    standard.add("TZOFFSETTO", timedelta(hours=8))
    standard.add("TZNAME", "CST")
    zone = Timezone()
    zone.add("TZID", TZID)
    zone.add_component(standard)
    return zone


def plan_stamp(plan: Plan) -> datetime:
    """DTSTAMP: when the plan was published; for a plan never published, midnight UTC of its first
    day plus a minute per revision, so that reruns give identical files and a re-plan stamps later."""
    if plan.published_at is not None:
        return plan.published_at.astimezone(UTC)
    return datetime.combine(plan.period_from, time(0, 0), tzinfo=UTC) + timedelta(minutes=plan.revision)


def at(day: date, minutes: int) -> datetime:
    return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=SHANGHAI)


def participant(party_id: str, scenario: Scenario, slug: str, role: str | None = None) -> vCalAddress:
    """An ORGANIZER or ATTENDEE value naming a leader (a person) or a unit (a group)."""
    value = vCalAddress(address(party_id, scenario, slug))
    value.params["CN"] = vText(party_name(scenario, party_id))
    value.params["CUTYPE"] = vText("INDIVIDUAL" if party_id in scenario.leader_ids else "GROUP")
    if role:
        value.params["ROLE"] = vText(role)
    return value


def meeting_description(meeting: PlannedMeeting, scenario: Scenario, lang: Lang) -> str:
    lines = [t("ui.ics.presider", lang, name=party_name(scenario, meeting.presider))]
    rows = item_rows(meeting, scenario, lang)
    if rows:
        lines.append(t("ui.ics.items", lang))
        lines += [t("ui.ics.item_line", lang, number=row.number, title=row.title, unit=row.unit or row.id,
                    minutes=row.minutes if row.minutes is not None else "?") for row in rows]
    return "\n".join(lines)


def meeting_event(meeting: PlannedMeeting, plan: Plan, scenario: Scenario, slug: str, lang: Lang) -> Event:
    event = Event()
    event.add("UID", meeting_uid(meeting, slug))
    event.add("DTSTAMP", plan_stamp(plan))
    # Each published revision raises SEQUENCE, so calendar programs take it as an update (RFC 5545).
    event.add("SEQUENCE", plan.revision)
    event.add("DTSTART", at(meeting.date, meeting.start))
    event.add("DTEND", at(meeting.date, meeting.end))
    event.add("SUMMARY", meeting.title)
    if meeting.room:
        event.add("LOCATION", room_name(meeting.room, scenario))
    event.add("DESCRIPTION", meeting_description(meeting, scenario, lang))
    event.add("CATEGORIES", [kind_name(meeting.kind, lang)])
    event.add("ORGANIZER", participant(meeting.presider, scenario, slug))
    preferred = preferred_parties(meeting, scenario)
    for party in meeting.attendees:
        event.add("ATTENDEE", participant(party, scenario, slug,
                                          "OPT-PARTICIPANT" if party in preferred else "REQ-PARTICIPANT"))
    event.add("TRANSP", "OPAQUE")
    return event


def absence_event(absence: Absence, plan: Plan, scenario: Scenario, slug: str, lang: Lang) -> Event:
    """An all-day, transparent event: it shows the absence without blocking anyone's free/busy time."""
    event = Event()
    event.add("UID", f"absence-{absence.who}-{absence.start.isoformat()}@{slug}.{MAIL_DOMAIN}")
    event.add("DTSTAMP", plan_stamp(plan))
    event.add("SEQUENCE", 0)
    event.add("DTSTART", absence.start)
    event.add("DTEND", absence.end + timedelta(days=1))  # DTEND of an all-day event is exclusive
    event.add("SUMMARY", absence_text(absence, scenario, lang))
    event.add("TRANSP", "TRANSPARENT")
    return event


def commitment_event(commitment: Commitment, plan: Plan, scenario: Scenario, slug: str, lang: Lang) -> Event:
    """A fixed commitment (a congress standing-committee meeting, ...) at its place, with who attends it;
    an office director standing in for a deputy is marked as such (Art. 49)."""
    event = Event()
    event.add("UID", f"commitment-{commitment.id}@{slug}.{MAIL_DOMAIN}")
    event.add("DTSTAMP", plan_stamp(plan))
    event.add("SEQUENCE", 0)
    event.add("DTSTART", at(commitment.date, commitment.start))
    event.add("DTEND", at(commitment.date, commitment.end))
    event.add("SUMMARY", commitment.title)
    if commitment.location:
        event.add("LOCATION", commitment.location)
    people = commitment_people(plan, commitment, scenario, lang)
    if people:
        event.add("DESCRIPTION", t("ui.ics.attendees", lang, names=people))
    for party in commitment_attendees(plan, commitment):
        event.add("ATTENDEE", participant(party, scenario, slug, "REQ-PARTICIPANT"))
    event.add("TRANSP", "OPAQUE")
    return event


def calendar_bytes(plan: Plan, scenario: Scenario, lang: Lang, meetings: Iterable[PlannedMeeting],
                   absences: Iterable[Absence] = (), commitments: Iterable[Commitment] = ()) -> bytes:
    slug = scenario_slug(plan.scenario)
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    calendar.add("X-WR-CALNAME", t("ui.ics.calendar_name", lang, scenario=plan.scenario))
    calendar.add("X-WR-TIMEZONE", TZID)
    calendar.add_component(shanghai_timezone())
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, plan, scenario, slug, lang))
    for commitment in commitments:
        calendar.add_component(commitment_event(commitment, plan, scenario, slug, lang))
    for absence in absences:
        calendar.add_component(absence_event(absence, plan, scenario, slug, lang))
    return calendar.to_ical()


def plan_ics(plan: Plan, scenario: Scenario, lang: Lang = "zh") -> bytes:
    """The whole plan: one event per meeting, and the period's fixed commitments."""
    return calendar_bytes(plan, scenario, lang, meetings_in_order(plan),
                          commitments=commitments_in_period(plan, scenario))


def leader_ics(plan: Plan, scenario: Scenario, leader_id: str, lang: Lang = "zh") -> bytes:
    """One leader's calendar: the meetings they preside or attend, the commitments they attend (the one
    the plan sends them to, Art. 49, included), and their absences as all-day events."""
    meetings = [m for m in meetings_in_order(plan) if takes_part(m, leader_id)]
    commitments = [c for c in commitments_in_period(plan, scenario) if leader_id in commitment_attendees(plan, c)]
    absences = [a for a in absences_in_period(plan, scenario) if a.who == leader_id]
    return calendar_bytes(plan, scenario, lang, meetings, absences, commitments)


def leader_file_name(leader_id: str) -> str:
    return f"{safe_id(leader_id)}.ics"
