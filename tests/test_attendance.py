"""Who attends: unit heads as people (Art. 44), who must be at each kind of meeting (Art. 41, 42, 44, 46,
50), citations as the text says, and the rules of Art. 41, 43, 46 and 47 on conveners, consensus, ad hoc
plenary meetings, concurrent posts and video meetings. Tiny hand-checkable scenarios
(`test_planner_helpers`: Monday to Friday, 10:00-14:00, hourly grain) and one-field edits of the shared
plan fixtures (`plan_fixtures`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook
from plan_fixtures import congress_plan, congress_scenario
from test_planner_helpers import MAY, THREE_DAYS, tiny_scenario, with_items

from govcal.exports.notice import notice_content
from govcal.exports.xlsx import plan_workbook
from govcal.render import render_plan
from govcal.view import attendee_names
from scheduler.check import check_plan
from scheduler.domain import Absence, AgendaItem, Leader, MeetingRequest, Policy, Room
from scheduler.errors import InputError
from scheduler.period import Period
from scheduler.plan import PlannedMeeting, Result
from scheduler.rules import RULES
from scheduler.scenario import scenario_from_mapping, scenario_to_mapping
from scheduler.solve import plan


def solved(scenario, period=THREE_DAYS) -> Result:
    result = plan(scenario, period, time_limit=10)
    assert result.plan is not None, result
    report = check_plan(scenario, result.plan)
    assert report.clean, [v.render("en") for v in report.violations]
    assert report.objective == result.objective
    return result


def found(scenario, edited) -> set[tuple[str, tuple[str, ...]]]:
    return {(v.rule, v.articles) for v in check_plan(scenario, edited).violations}


def problems(scenario) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as raised:
        scenario_from_mapping(scenario_to_mapping(scenario))
    return [(p.path, p.key) for p in raised.value.problems]


def edit(plan, meeting_id: str, **changes):
    return replace(plan, meetings=tuple(replace(m, **changes) if m.id == meeting_id else m for m in plan.meetings))


def county_wide(convener: str = "finance", required: tuple[str, ...] = ("finance",), **changes) -> MeetingRequest:
    request = MeetingRequest("M-5", "county_wide", "全县财政工作会议", convener, unit="finance", required=required,
                             minutes=120, earliest=date(2024, 5, 6), latest=date(2024, 5, 6))
    return replace(request, **changes)


# ----- 1. unit heads as people (Art. 44) ---------------------------------------------------------------


def test_a_unit_reporting_an_item_is_not_at_its_own_county_wide_meeting_at_the_same_time():
    # Finance reports Y-1 (ready 3 May) and holds its county-wide meeting on Monday 6 May; any 120-minute
    # time that morning overlaps a standing meeting then, so Y-1 is heard another day.
    scenario = tiny_scenario(meeting_requests=(county_wide(),))
    result = solved(scenario)
    own = next(m for m in result.plan.meetings if m.request == "M-5")
    hearing = next(m for m in result.plan.meetings if "Y-1" in m.items)
    assert own.date == date(2024, 5, 6) and hearing.date != own.date
    # One edit of the real plan: the standing meeting moved onto the county-wide meeting's morning.
    clash = edit(result.plan, hearing.id, date=own.date, start=own.start, end=own.start + hearing.end - hearing.start)
    assert ("no_double_booking", ()) in found(scenario, clash)


def test_a_reporting_unit_is_busy_for_its_own_items_turn_only():
    # A standing meeting 10:00-12:15: opening 15 minutes, Y-1 (finance, 60) 10:15-11:15, Y-2 (justice, 60)
    # 11:15-12:15. Finance's county-wide meeting at 12:00 does not clash; at 11:00 it does.
    scenario = with_items(tiny_scenario(), AgendaItem("Y-9", "关于统计的请示", "finance", "dep", minutes=60,
                                                      submitted=date(2024, 5, 1)))
    standing = PlannedMeeting("standing-2024-05-1", "standing", "县政府第1次常务会议", date(2024, 5, 8), 600, 735,
                              "r1", "head", ("head", "exec", "dep", "office", "justice", "finance"), ("Y-9", "Y-2"))
    own = PlannedMeeting("M-5", "county_wide", "全县财政工作会议", date(2024, 5, 8), 720, 840, None, "finance",
                         ("finance",), (), "M-5")
    base = replace(solved(scenario).plan, meetings=(standing, own))
    later = {v.rule for v in check_plan(scenario, base).violations}
    earlier = {v.rule for v in check_plan(scenario, edit(base, "M-5", start=660, end=780)).violations}
    assert "no_double_booking" not in later and "no_double_booking" in earlier


def test_a_unit_head_on_leave_is_no_blocker_and_every_view_says_the_deputy_goes():
    away = Absence("finance", date(2024, 5, 6), date(2024, 5, 8), "sick")
    scenario = tiny_scenario(absences=(away,))
    result = solved(scenario)
    hearing = next(m for m in result.plan.meetings if "Y-1" in m.items)
    assert "finance" in hearing.attendees and hearing.unit_heads_away == ("finance",)
    assert attendee_names(hearing, ("finance",), scenario, "zh") == "县财政局（负责人请假，副职参加）"
    assert "deputy attends" in attendee_names(hearing, ("finance",), scenario, "en")
    # The terminal view, the workbook and the notice all name the unit that way.
    marked = "县财政局（负责人请假，副职参加）"
    assert marked in render_plan(result.plan, scenario, "zh", width=200)
    schedule = load_workbook(BytesIO(plan_workbook(result.plan, scenario, "zh"))).worksheets[0]
    assert any(marked in str(cell.value) for row in schedule.iter_rows() for cell in row if cell.value)
    notice = notice_content(hearing, result.plan, scenario, "zh")
    assert any(marked in section.text for section in notice.sections)


# ----- 2. who must be there: one-field edits of a real plan ------------------------------------------------


@pytest.mark.parametrize(("meeting", "leaving", "rule"), [
    ("standing-2024-05-1", "dep-edu", ("standing_members", ("42",))),       # a deputy (Art. 42)
    ("standing-2024-05-1", "office", ("standing_members", ("42",))),        # the office director (Art. 42)
    ("standing-2024-05-1", "finance", ("reporting_unit", ("44",))),         # Y-031's reporting unit
    ("standing-2024-05-1", "justice", ("justice_attends", ("43",))),        # the justice bureau (Art. 43)
    ("M-07", "agri", ("request_units", ("46",))),                            # a thematic meeting's unit
    ("M-12", "finance", ("request_units", ("46",))),                         # a head office meeting's unit
])
def test_check_names_who_is_missing_from_each_kind_of_meeting(meeting, leaving, rule):
    scenario, original = congress_scenario(), congress_plan()
    assert check_plan(scenario, original).clean
    attendees = next(m.attendees for m in original.meetings if m.id == meeting)
    edited = edit(original, meeting, attendees=tuple(x for x in attendees if x != leaving))
    assert rule in found(scenario, edited)


# ----- 3. citations as the text says -------------------------------------------------------------------------

# Written from the rules' text: which article each rule id rests on; facts and local policy cite none.
ARTICLES = {
    "working_time": (), "room": (), "staff_seat": ("44",), "no_double_booking": (), "on_leave": ("61",),
    "standing_count": ("42",), "plenary_count": ("41",), "study_every": ("50",), "presider": ("6", "42"),
    "presider_plenary": ("41",), "presider_study": ("50",), "presider_thematic": ("46",),
    "presider_county_wide": ("47",), "standing_members": ("42",), "plenary_members": ("41",),
    "study_members": ("50",), "reporting_unit": ("44",), "request_units": ("46",), "item_supervisor": ("43",),
    "item_ready": ("43",), "item_consensus": ("43",), "item_time": (), "justice_attends": ("43",),
    "request_window": (), "head_office": ("46",), "county_wide_limit": ("47",), "accounted": (),
    "congress_attendance": ("49",), "wait": (), "deadline_miss": (), "defer_ready": (), "preferred_absent": (),
    "exec_presides": (), "standing_too_close": (), "extra_meeting": (), "late_in_window": (),
    "reject_request": (), "stand_in": ("49",), "study_spacing": ("50",), "leader_at_county_wide": ("47",),
    "room_fit": (),
}


def test_every_rule_cites_the_article_the_text_supports():
    assert {r.id: r.articles for r in RULES} == {r.id: ARTICLES.get(r.id, "missing from the table") for r in RULES}


def test_a_presider_check_cites_its_meeting_kinds_article():
    scenario, original = congress_scenario(), congress_plan()
    assert ("presider_thematic", ("46",)) in found(scenario, edit(original, "M-07", presider="exec"))
    assert ("head_office", ("46",)) in found(scenario, edit(original, "M-12", presider="exec"))
    assert ("presider", ("6", "42")) in found(scenario, edit(original, "standing-2024-05-1", presider="dep-agri"))


# ----- 5. the rules of Art. 41, 43, 46, 47 ---------------------------------------------------------------------


def test_43_every_item_waits_for_consensus_whatever_its_matters():
    disputed = AgendaItem("Y-3", "关于统计口径的请示", "finance", "dep", submitted=date(2024, 5, 1), consensus=False)
    scenario = with_items(tiny_scenario(), disputed)
    result = solved(scenario)
    deferral = next(d for d in result.plan.deferred if d.item == "Y-3")
    assert deferral.rule_ids == ("item_consensus",) and deferral.rules == ("43",)
    (meeting,) = result.plan.meetings
    heard = replace(edit(result.plan, meeting.id, items=(*meeting.items, "Y-3")),
                    deferred=tuple(d for d in result.plan.deferred if d.item != "Y-3"))
    assert ("item_consensus", ("43",)) in found(scenario, heard)


def thematic(convener: str, required: tuple[str, ...], **flags) -> MeetingRequest:
    return MeetingRequest("M-3", "thematic", "研究统计工作专题会议", convener, required=required, minutes=60,
                          earliest=date(2024, 5, 6), latest=date(2024, 5, 8), **flags)


def test_46_a_deputy_convenes_by_portfolio_or_by_commission():
    # finance is the deputy's portfolio; justice is the executive deputy's.
    scenario_from_mapping(scenario_to_mapping(tiny_scenario(meeting_requests=(thematic("dep", ("finance",)),))))
    scenario_from_mapping(scenario_to_mapping(tiny_scenario(
        meeting_requests=(thematic("dep", ("justice",), commissioned=True),))))
    assert problems(tiny_scenario(meeting_requests=(thematic("dep", ("justice",)),))) == [
        ("meeting_requests[0].convener", "scenario.convener_portfolio")]


def test_46_a_decision_meeting_needs_the_heads_consent_and_the_head_needs_no_commission():
    deciding = thematic("dep", ("finance",), decision=True)
    assert problems(tiny_scenario(meeting_requests=(deciding,))) == [
        ("meeting_requests[0].head_consent", "scenario.decision_consent")]
    scenario_from_mapping(scenario_to_mapping(tiny_scenario(meeting_requests=(replace(deciding, head_consent=True),))))
    assert ("meeting_requests[0].commissioned", "scenario.commissioned_head") in problems(
        tiny_scenario(meeting_requests=(thematic("head", ("finance",), commissioned=True),)))


def test_41_an_ad_hoc_plenary_is_beyond_the_count_presided_by_the_head_with_every_department():
    ad_hoc = MeetingRequest("M-30", "plenary", "临时全体会议", "head", required=("head",), minutes=120,
                            earliest=date(2024, 5, 6), latest=date(2024, 5, 8))
    item = AgendaItem("Y-5", "关于全县重点工作的报告", "finance", "dep", body="plenary", minutes=30,
                      submitted=date(2024, 5, 1))
    scenario = with_items(tiny_scenario(meeting_requests=(ad_hoc,)), item)
    assert scenario.policy.plenary_per_year == (0, 0)
    result = solved(scenario)
    meeting = next(m for m in result.plan.meetings if m.request == "M-30")
    assert meeting.kind == "plenary" and meeting.presider == "head" and meeting.items == ("Y-5",)
    assert {"head", "exec", "dep", "office", "justice", "finance"} <= set(meeting.attendees)
    # One field off: a department missing breaks Art. 41.
    without = edit(result.plan, "M-30", attendees=tuple(x for x in meeting.attendees if x != "justice"))
    assert ("plenary_members", ("41",)) in found(scenario, without)
    assert problems(tiny_scenario(meeting_requests=(replace(ad_hoc, convener="dep"),))) == [
        ("meeting_requests[0].convener", "scenario.convener_plenary")]


def test_47_a_leader_heading_the_unit_attends_its_meeting_at_no_cost():
    leaders = tuple(replace(x, heads_unit="finance") if x.id == "dep" else x for x in tiny_scenario().leaders)
    scenario = tiny_scenario(leaders=leaders, meeting_requests=(county_wide("dep", ("dep", "finance")),))
    result = solved(scenario)
    assert "dep" in next(m for m in result.plan.meetings if m.request == "M-5").attendees
    assert not [p for p in result.plan.penalties if p.rule == "leader_at_county_wide"]
    named_a_leader = tiny_scenario(leaders=(*tiny_scenario().leaders[:3], Leader("office", "政府办公室主任",
                                                                                 "office_director", heads_unit="dep")))
    assert ("leaders[3].heads_unit", "scenario.unknown_unit") in problems(named_a_leader)


def test_47_a_video_county_wide_meeting_needs_no_room():
    # The only room is kept for standing meetings: a video meeting still goes ahead, in no room.
    kept = (Room("r1", "常务会议室", 20, for_kinds=("standing",)),)
    scenario = tiny_scenario(rooms=kept, meeting_requests=(county_wide(video=True),))
    meeting = next(m for m in solved(scenario).plan.meetings if m.request == "M-5")
    assert meeting.room is None
    in_a_room = tiny_scenario(rooms=kept, meeting_requests=(county_wide(),))
    assert [r.request for r in solved(in_a_room).plan.rejected] == ["M-5"]


def test_a_room_kept_for_an_unknown_kind_is_bad_input():
    scenario = tiny_scenario(rooms=(Room("r1", "常务会议室", 20, for_kinds=("meeting",)),))
    assert problems(scenario) == [("rooms[0].for[0]", "input.bad_enum")]


def test_the_monthly_plan_holds_under_the_stricter_checker(tmp_path):
    # May of the tiny county: the standing meeting with its members, the justice bureau and Y-1's unit.
    result = solved(tiny_scenario(policy=Policy(standing_per_month=(1, 1), plenary_per_year=(0, 0),
                                                study_every_months=12)), MAY)
    assert [m.kind for m in result.plan.meetings] == ["standing"]


# ----- 4. explanations naming the real cause ------------------------------------------------------------------


def conflicts_of(scenario, period=MAY) -> list[tuple[str, tuple[str, ...], str]]:
    result = plan(scenario, period, time_limit=5)
    assert result.plan is None
    return [(c.detail.key, c.articles, c.detail.render("zh")) for c in result.conflicts]


def test_a_standing_meeting_without_seats_names_the_room_and_the_seats():
    # Four leaders, the justice bureau, one reporting unit's head and its staff member: 7 seats; the room has 5.
    (conflict,) = conflicts_of(tiny_scenario(rooms=(Room("r1", "常务会议室", 5),)))
    assert conflict[:2] == ("conflict.standing_seats", ("44", "42"))
    assert "7个座位" in conflict[2] and "常务会议室只有5个座位" in conflict[2]


def test_seats_are_reserved_only_for_items_that_can_go_to_the_meeting():
    # A November item with two units would need 8 seats; May's meeting needs 7 and the room has 7.
    november = AgendaItem("Y-11", "关于冬季供暖的请示", "finance", "dep", attending_units=("justice",),
                          submitted=date(2024, 11, 4))
    scenario = with_items(tiny_scenario(rooms=(Room("r1", "常务会议室", 7),)), november)
    assert [m.kind for m in solved(scenario, MAY).plan.meetings] == ["standing"]


def study_only(**changes):
    return tiny_scenario(policy=Policy(standing_per_month=(0, 0), plenary_per_year=(0, 0), study_every_months=1),
                         agenda=(), **changes)


def test_a_study_session_that_cannot_be_held_names_the_heads_absence_or_the_room():
    head_away = study_only(absences=(Absence("head", date(2024, 5, 1), date(2024, 5, 31), "visit"),))
    (conflict,) = conflicts_of(head_away)
    assert conflict[:2] == ("conflict.study_head_away", ("50",)) and "县长" in conflict[2]
    (conflict,) = conflicts_of(study_only(rooms=(Room("r1", "小会议室", 5),)))
    assert conflict[:2] == ("conflict.study_seats", ("50",)) and "6个座位" in conflict[2]


def test_a_full_agenda_is_local_policy_and_cites_no_article():
    long_items = [AgendaItem(f"Y-{k}", "关于专项工作的请示", "finance", "dep", minutes=90, submitted=date(2024, 5, 1))
                  for k in range(3, 6)]
    result = solved(with_items(tiny_scenario(), *long_items))
    full = [d for d in result.plan.deferred if d.reason.key == "defer.full"]
    assert full and all(d.rules == () and d.rule_ids == ("item_time",) for d in full)


# ----- Art. 41: the year's plenary minimum, held by December --------------------------------------------------


def plenary_year(**changes):
    return tiny_scenario(policy=Policy(standing_per_month=(0, 0), plenary_per_year=(1, 1), study_every_months=0),
                         agenda=(), **changes)


def test_41_december_alone_must_hold_the_years_plenary_and_october_is_reminded():
    scenario = plenary_year()
    result = solved(scenario, Period(date(2024, 12, 1), date(2024, 12, 31)))
    (meeting,) = result.plan.meetings
    assert meeting.kind == "plenary" and meeting.presider == "head"
    assert ("plenary_count", ("41",)) in found(scenario, replace(result.plan, meetings=()))
    october = plan(scenario, Period(date(2024, 10, 1), date(2024, 10, 31)), time_limit=5)
    assert october.plan is not None and october.plan.meetings == ()
    assert [n.key for n in october.notes] == ["note.plenary_due"]
    assert "12月底前" in october.notes[0].render("zh")


# ----- 7. rooms by purpose --------------------------------------------------------------------------------------


def test_rooms_by_purpose_the_standing_room_for_standing_meetings_and_no_auditorium_for_a_small_one():
    rooms = (Room("hall", "大礼堂", 260), Room("r1", "常务会议室", 20, for_kinds=("standing",)),
             Room("r2", "第二会议室", 12))
    study = MeetingRequest("M-3", "thematic", "研究统计工作专题会议", "dep", required=("dep", "finance"), minutes=60,
                           earliest=date(2024, 5, 6), latest=date(2024, 5, 8))
    scenario = tiny_scenario(rooms=rooms, meeting_requests=(study,))
    result = solved(scenario)
    rooms_taken = {m.kind: m.room for m in result.plan.meetings}
    assert rooms_taken == {"standing": "r1", "thematic": "r2"}
    # One field off: the thematic meeting in the auditorium costs (no article); in the standing room it breaks
    # the room's purpose.
    report = check_plan(scenario, edit(result.plan, "M-3", room="hall"))
    assert report.clean and [(p.rule, p.rules) for p in report.penalties if p.rule == "room_fit"] == [("room_fit", ())]
    assert report.objective > result.objective
    assert ("room", ()) in found(scenario, edit(result.plan, "M-3", room="r1"))


def test_a_request_no_room_seats_names_the_seats_and_the_largest_room():
    big = MeetingRequest("M-8", "thematic", "研究财政工作专题会议", "dep",
                         required=("dep", "exec", "finance", "justice"), minutes=60, earliest=date(2024, 5, 6),
                         latest=date(2024, 5, 8))
    scenario = tiny_scenario(rooms=(Room("r1", "常务会议室", 20, for_kinds=("standing",)), Room("r2", "小会议室", 3)),
                             meeting_requests=(big,))
    (rejection,) = solved(scenario).plan.rejected
    assert rejection.reason.key == "reject.no_room" and rejection.rules == ()
    assert rejection.reason.render("zh") == ("没有能容纳4人（应到和拟邀人员）的会议室："
                                             "可用的最大会议室小会议室只有3个座位")
