"""plan.ics and the per-leader files, read back with a real iCalendar parser."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar
from plan_fixtures import congress_plan, congress_scenario, small_plan, small_scenario

from govcal.exports.ics import leader_ics, plan_ics

SHANGHAI = ZoneInfo("Asia/Shanghai")


def events(data: bytes) -> list:
    return [c for c in Calendar.from_ical(data).walk("VEVENT")]


def test_one_event_per_meeting_with_shanghai_times() -> None:
    calendar = Calendar.from_ical(plan_ics(small_plan(), small_scenario()))
    assert calendar["PRODID"].startswith("-//govcal//")
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    found = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(found) == {"研究畜牧业补贴专题会议", "县政府第5次常务会议", "县人大常委会会议"}  # and the commitment
    standing = found["县政府第5次常务会议"]
    assert standing["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert standing.decoded("DTSTART") == datetime(2024, 5, 21, 10, 0, tzinfo=SHANGHAI)
    assert standing.decoded("DTEND") == datetime(2024, 5, 21, 13, 0, tzinfo=SHANGHAI)
    assert str(standing["LOCATION"]) == "常务会议室"


def test_organiser_attendees_and_items_in_running_order() -> None:
    standing = next(e for e in events(plan_ics(small_plan(), small_scenario())) if "常务" in str(e["SUMMARY"]))
    organiser = standing["ORGANIZER"]
    assert organiser.params["CN"] == "县长"
    assert str(organiser).startswith("mailto:head@") and str(organiser).endswith(".govcal.invalid")
    attendees = standing["ATTENDEE"]
    assert len(attendees) == len(small_plan().meeting("standing-2024-05-1").attendees)
    assert {a.params["CN"] for a in attendees} >= {"县司法局", "副县长（农业农村）", "副县长（教育）"}
    description = str(standing["DESCRIPTION"])
    assert description.index("关于调整2024年县级财政预算的请示") < description.index("关于畜牧业补贴发放办法的请示")


def test_two_runs_give_identical_bytes_and_uids() -> None:
    first, second = plan_ics(small_plan(), small_scenario()), plan_ics(small_plan(), small_scenario())
    assert first == second
    assert len({str(e["UID"]) for e in events(first)}) == len(small_plan().meetings) + 1  # + the commitment


def test_a_moved_meeting_keeps_its_uid() -> None:
    plan = small_plan()
    moved_standing = replace(plan.meeting("standing-2024-05-1"), date=date(2024, 5, 23), start=960, end=1140)
    revised = replace(plan, meetings=(plan.meeting("M-07"), moved_standing))
    before = {str(e["UID"]): e.decoded("DTSTART") for e in events(plan_ics(plan, small_scenario()))}
    after = {str(e["UID"]): e.decoded("DTSTART") for e in events(plan_ics(revised, small_scenario()))}
    assert before.keys() == after.keys()
    assert sum(before[uid] != after[uid] for uid in before) == 1


def test_uids_differ_between_scenarios() -> None:
    other = replace(small_plan(), scenario="另一个县 2024")
    uids = {str(e["UID"]) for e in events(plan_ics(small_plan(), small_scenario()))}
    assert uids.isdisjoint(str(e["UID"]) for e in events(plan_ics(other, small_scenario())))


def test_leader_file_holds_only_their_meetings_and_their_absences() -> None:
    plan, scenario = small_plan(), small_scenario()
    head = events(leader_ics(plan, scenario, "head"))
    meetings = [e for e in head if str(e["TRANSP"]) == "OPAQUE"]
    absences = [e for e in head if str(e["TRANSP"]) == "TRANSPARENT"]
    assert [str(e["SUMMARY"]) for e in meetings] == ["县政府第5次常务会议"]
    assert [str(e["SUMMARY"]) for e in absences] == ["县长出差（赴州开会）"]
    assert absences[0].decoded("DTSTART") == date(2024, 5, 13)
    assert absences[0].decoded("DTEND") == date(2024, 5, 18)  # all-day DTEND is exclusive
    agri = [str(e["SUMMARY"]) for e in events(leader_ics(plan, scenario, "dep-agri"))]
    assert agri == ["研究畜牧业补贴专题会议", "县政府第5次常务会议", "县人大常委会会议"]  # npc-5 lists dep-agri


def test_english_words_but_scenario_names() -> None:
    standing = next(e for e in events(plan_ics(small_plan(), small_scenario(), "en")) if "常务" in str(e["SUMMARY"]))
    assert str(standing["DESCRIPTION"]).startswith("Presider: 县长")
    assert "Agenda items in running order:" in str(standing["DESCRIPTION"])


def test_preferred_attendees_are_optional_and_required_ones_required() -> None:
    office_meeting = next(e for e in events(plan_ics(congress_plan(), congress_scenario()))
                          if "县长办公会议" in str(e["SUMMARY"]))
    roles = {a.params["CN"]: a.params["ROLE"] for a in office_meeting["ATTENDEE"]}
    # M-12 requires head, exec and finance and only prefers office and audit.
    assert roles == {"县长": "REQ-PARTICIPANT", "常务副县长": "REQ-PARTICIPANT", "县财政局": "REQ-PARTICIPANT",
                     "政府办公室主任": "OPT-PARTICIPANT", "县审计局": "OPT-PARTICIPANT"}
    standing = next(e for e in events(plan_ics(congress_plan(), congress_scenario())) if "常务" in str(e["SUMMARY"]))
    assert {a.params["ROLE"] for a in standing["ATTENDEE"]} == {"REQ-PARTICIPANT"}  # no request, nobody optional


def test_a_leaders_email_is_their_address_when_given() -> None:
    standing = next(e for e in events(plan_ics(congress_plan(), congress_scenario())) if "常务" in str(e["SUMMARY"]))
    assert str(standing["ORGANIZER"]) == "mailto:head@wuqia.example.gov.cn"
    addresses = {a.params["CN"]: str(a) for a in standing["ATTENDEE"]}
    assert addresses["副县长（农业农村）"] == "mailto:dep-agri@wuqia.example.gov.cn"
    education = addresses["副县长（教育）"]  # no email in the scenario: the reserved address
    assert education.startswith("mailto:dep-edu@") and education.endswith(".invalid")


def test_commitments_carry_their_place_and_attendee_and_keep_stable_uids() -> None:
    plan, scenario = congress_plan(), congress_scenario()
    found = {str(e["UID"]): e for e in events(plan_ics(plan, scenario)) if str(e["UID"]).startswith("commitment-")}
    assert len(found) == 2
    npc5 = next(e for e in found.values() if e.decoded("DTSTART").day == 28)
    assert str(npc5["LOCATION"]) == "县人大常委会会议室"
    assert [a.params["CN"] for a in [npc5["ATTENDEE"]]] == ["政府办公室主任"]
    assert "委托政府办公室主任参加（第四十九条）" in str(npc5["DESCRIPTION"])
    # Moving the commitment keeps its UID.
    moved = replace(scenario, commitments=tuple(replace(c, date=date(2024, 5, 27)) for c in scenario.commitments))
    uids = {str(e["UID"]) for e in events(plan_ics(plan, moved))}
    assert set(found) <= uids


def test_the_attendee_sent_to_a_congress_meeting_has_it_in_their_calendar() -> None:
    plan, scenario = congress_plan(), congress_scenario()
    office = {str(e["SUMMARY"]): e for e in events(leader_ics(plan, scenario, "office"))}
    assert "县人大常委会会议" in office and "县人大常委会会议（审议决算）" not in office
    assert "委托政府办公室主任参加（第四十九条）" in str(office["县人大常委会会议"]["DESCRIPTION"])
    assert str(office["县人大常委会会议"]["TRANSP"]) == "OPAQUE"  # it blocks their time
    education = [str(e["SUMMARY"]) for e in events(leader_ics(plan, scenario, "dep-edu"))]
    assert "县人大常委会会议（审议决算）" in education and "县人大常委会会议" not in education
    english = {str(e["SUMMARY"]): e for e in events(leader_ics(plan, scenario, "office", "en"))}
    assert "commissioned to attend, Art. 49" in str(english["县人大常委会会议"]["DESCRIPTION"])
