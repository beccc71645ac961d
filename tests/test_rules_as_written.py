"""The rules as written (issue 8): one tiny hand-checkable scenario per point, planner and checker alike.

Each test names the article and the words of the rules it pins (../shared/rules/…zh.txt). The
tiny calendar works Monday to Friday, 10:00-14:00 (`test_planner_helpers`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from test_planner_helpers import MAY, THREE_DAYS, away, congress, tiny_scenario, with_items

from scheduler.check import check_plan
from scheduler.domain import AgendaItem, HistoryEvent, MeetingRequest, Policy, Room
from scheduler.errors import InputError
from scheduler.plan import Result
from scheduler.rules import RULES
from scheduler.scenario import scenario_from_mapping, scenario_to_mapping
from scheduler.solve import plan


def solved(scenario, period=THREE_DAYS) -> Result:
    """A plan that checks clean, with the checker's objective equal to the solver's."""
    result = plan(scenario, period, time_limit=10)
    assert result.plan is not None, result
    report = check_plan(scenario, result.plan)
    assert report.clean, [v.render("en") for v in report.violations]
    assert report.objective == result.objective
    return result


def violations(scenario, edited) -> set[tuple[str, tuple[str, ...]]]:
    return {(v.rule, v.articles) for v in check_plan(scenario, edited).violations}


def problems(scenario) -> list[tuple[str, str]]:
    """The loader's problems with a scenario (as the YAML file would give them): (field path, message key)."""
    with pytest.raises(InputError) as raised:
        scenario_from_mapping(scenario_to_mapping(scenario))
    return [(p.path, p.key) for p in raised.value.problems]


# ----- 1. Art. 49: 特殊情况下，可委托政府办公室主任参加 ---------------------------------------------


def test_49_a_free_deputy_attends_the_congress_meeting_and_is_booked_for_it():
    result = solved(tiny_scenario(commitments=(congress(date(2024, 5, 7)),)))
    (attendance,) = result.plan.commitment_attendance
    assert attendance.attendee in ("exec", "dep") and not attendance.stand_in
    assert all(attendance.attendee not in m.attendees for m in result.plan.meetings if m.date == date(2024, 5, 7))


def test_49_the_checker_flags_a_stand_in_when_a_meeting_takes_them_and_a_missing_attendee():
    scenario = tiny_scenario(commitments=(congress(date(2024, 5, 8)),))
    result = solved(scenario)
    (meeting,) = result.plan.meetings
    (attendance,) = result.plan.commitment_attendance
    clash = replace(result.plan, meetings=(replace(meeting, date=date(2024, 5, 8), start=600, end=655),),
                    commitment_attendance=(replace(attendance, attendee="head", stand_in=False),))
    assert ("congress_attendance", ("49",)) in violations(scenario, clash)
    assert ("congress_attendance", ("49",)) in violations(scenario, replace(result.plan, commitment_attendance=()))


# ----- 2. Art. 46: 县长主持召开县长办公会议 -------------------------------------------------------------


def head_office(convener: str = "head") -> MeetingRequest:
    return MeetingRequest("M-7", "county_head_office", "县长办公会议", convener, required=("dep",), minutes=60,
                          earliest=date(2024, 5, 6), latest=date(2024, 5, 8))


def test_46_a_county_head_office_meeting_convened_by_a_deputy_is_bad_input_naming_46():
    found = problems(tiny_scenario(meeting_requests=(head_office("dep"),)))
    assert ("meeting_requests[0].convener", "scenario.convener_county_head_office") in found


def test_46_the_head_presides_and_when_away_all_window_the_request_is_rejected_citing_46():
    result = solved(tiny_scenario(meeting_requests=(head_office(),)))
    held = next(m for m in result.plan.meetings if m.request == "M-7")
    assert held.presider == "head" and "head" in held.attendees
    away_all = tiny_scenario(meeting_requests=(head_office(),), absences=(away("head", date(2024, 5, 6),
                                                                                 date(2024, 5, 8)),))
    (rejection,) = solved(away_all).plan.rejected
    assert (rejection.request, rejection.rules) == ("M-7", ("46",))


def test_46_the_checker_refuses_a_deputy_presiding_the_heads_office_meeting():
    scenario = tiny_scenario(meeting_requests=(head_office(),))
    result = solved(scenario)
    meetings = tuple(replace(m, presider="dep") if m.request == "M-7" else m for m in result.plan.meetings)
    assert ("head_office", ("46",)) in violations(scenario, replace(result.plan, meetings=meetings))


# ----- 3, 4. Art. 43: 应先由政府分管领导召集有关部门进行专题研究 -------------------------------------------


def prestudy(convener: str = "dep", earliest: date = date(2024, 5, 6), latest: date = date(2024, 5, 6)):
    return MeetingRequest("M-1", "thematic", "研究项目专题会议", convener, required=(convener, "finance"), minutes=60,
                          earliest=earliest, latest=latest, for_items=("Y-3",))


NEEDS_STUDY = AgendaItem("Y-3", "关于项目建设的请示", "finance", "dep", submitted=date(2024, 4, 1), pre_studied=False,
                         matters=("projects",))


def test_43_a_pre_study_convened_by_someone_else_than_the_supervisor_is_bad_input_naming_43():
    scenario = replace(with_items(tiny_scenario(), NEEDS_STUDY), meeting_requests=(prestudy("exec"),))
    assert ("meeting_requests[0].for_items[0]", "scenario.prestudy_convener") in problems(scenario)


def test_43_a_pre_study_whose_window_passed_unheld_is_never_assumed():
    # M-1's window was in April; nothing records it as held: Y-3 waits, naming the meeting and Art. 43.
    april = prestudy(earliest=date(2024, 4, 8), latest=date(2024, 4, 12))
    scenario = replace(with_items(tiny_scenario(), NEEDS_STUDY), meeting_requests=(april,))
    result = solved(scenario)
    deferral = next(d for d in result.plan.deferred if d.item == "Y-3")
    assert deferral.rules == ("43",) and "M-1" in deferral.reason.render("zh")
    assert "分管领导" in deferral.reason.render("zh") and deferral.reason.key == "defer.prestudy_missing"
    # The checker agrees: hearing Y-3 anyway breaks Art. 43.
    (meeting,) = result.plan.meetings
    heard = replace(result.plan, meetings=(replace(meeting, items=(*meeting.items, "Y-3")),),
                    deferred=tuple(d for d in result.plan.deferred if d.item != "Y-3"))
    assert ("item_ready", ("43",)) in violations(scenario, heard)


def test_43_a_pre_study_recorded_as_held_makes_the_item_ready():
    april = prestudy(earliest=date(2024, 4, 8), latest=date(2024, 4, 12))
    scenario = replace(with_items(tiny_scenario(), NEEDS_STUDY), meeting_requests=(april,),
                       history=(HistoryEvent("held", date(2024, 4, 10), request="M-1"),))
    result = solved(scenario)
    assert "Y-3" in {i for m in result.plan.meetings for i in m.items}


def test_43_a_pre_study_in_the_plan_comes_first_with_the_materials_lead():
    scenario = replace(with_items(tiny_scenario(), NEEDS_STUDY), meeting_requests=(prestudy(),))
    result = solved(scenario)
    study = next(m for m in result.plan.meetings if m.request == "M-1")
    hearing = next(m for m in result.plan.meetings if "Y-3" in m.items)
    assert (study.date, hearing.date) == (date(2024, 5, 6), date(2024, 5, 8))


# ----- 5, 6. Art. 42: 如有需要可临时召开; 由县长或委托分管常务工作的副县长召集和主持 ----------------------


def test_42_an_ad_hoc_standing_meeting_is_beyond_the_monthly_count_and_takes_items():
    ad_hoc = MeetingRequest("M-20", "standing", "临时常务会议（防汛）", "head", required=("head", "dep"), minutes=90,
                            earliest=date(2024, 5, 6), latest=date(2024, 5, 6))
    result = solved(tiny_scenario(meeting_requests=(ad_hoc,)), MAY)
    standing = [m for m in result.plan.meetings if m.kind == "standing"]
    assert len(standing) == 2  # the month's one (policy 1-1) and the ad hoc one
    ad_hoc_meeting = next(m for m in standing if m.request == "M-20")
    assert ad_hoc_meeting.items and "justice" in ad_hoc_meeting.attendees
    assert ad_hoc_meeting.number is not None


def test_42_the_checker_accepts_the_executive_deputy_presiding_by_commission_at_a_cost():
    scenario = tiny_scenario()
    result = solved(scenario)
    (meeting,) = result.plan.meetings
    assert meeting.presider == "head" and "head" in meeting.attendees
    commissioned = replace(result.plan, meetings=(replace(meeting, presider="exec"),))
    report = check_plan(scenario, commissioned)
    assert report.clean
    assert [(p.rule, p.rules) for p in report.penalties if p.rule == "exec_presides"] == [("exec_presides", ())]
    assert report.objective == result.objective + scenario.policy.weights.exec_presides


# ----- 7. Art. 50: 学习活动由县长主持，县政府领导同志及各部门、单位负责人参加; 一般两个月安排一次 -----------


def study_scenario(**changes):
    return tiny_scenario(policy=Policy(standing_per_month=(0, 0), plenary_per_year=(0, 0), study_every_months=1),
                         agenda=(), **changes)


def test_50_a_study_session_seats_every_unit_head_and_the_leaders():
    result = solved(study_scenario(), MAY)
    (session,) = result.plan.meetings
    assert session.kind == "study" and session.presider == "head"
    assert {"justice", "finance", "head", "exec", "dep", "office"} <= set(session.attendees)
    # One field off the real plan: a unit missing from the study session breaks Art. 50.
    without = replace(result.plan, meetings=(replace(session, attendees=tuple(
        x for x in session.attendees if x != "finance")),))
    assert violations(study_scenario(), without) == {("study_members", ("50",))}
    # A room seating the leaders but not the unit heads cannot hold it: Art. 50 cannot be met.
    small = study_scenario(rooms=(Room("r1", "小会议室", 5),))
    assert {"50"} <= {a for c in plan(small, MAY, time_limit=5).conflicts for a in c.articles}


def test_50_sessions_about_two_months_apart_are_a_soft_cost_citing_50():
    # The March-April session was held on 30 April; the May-June one goes about two months (42
    # working days) later, not the next day, and any distance from that costs, citing Art. 50.
    scenario = tiny_scenario(policy=Policy(standing_per_month=(0, 0), plenary_per_year=(0, 0), study_every_months=2),
                             agenda=(), history=(HistoryEvent("study", date(2024, 4, 30)),))
    result = solved(scenario, replace(MAY, end=date(2024, 6, 30)))
    (session,) = result.plan.meetings
    assert session.date >= date(2024, 6, 24)
    assert all(p.rules == ("50",) for p in result.plan.penalties if p.rule == "study_spacing")


def test_50_zero_switches_study_sessions_off():
    scenario = tiny_scenario(policy=Policy(standing_per_month=(0, 0), plenary_per_year=(0, 0), study_every_months=0),
                             agenda=())
    assert scenario_from_mapping(scenario_to_mapping(scenario)).policy.study_every_months == 0
    assert solved(scenario, MAY).plan.meetings == ()


# ----- 8. Art. 44: 除议题主要汇报单位负责人可带一名工作人员外 --------------------------------------------------


def test_44_the_room_seats_the_reporting_units_staff_member():
    # Leaders 4 + justice + Y-1's delegation (finance) = 6; its staff member makes 7.
    scenario = tiny_scenario(rooms=(Room("r1", "常务会议室", 6),))
    result = solved(tiny_scenario(rooms=(Room("r1", "常务会议室", 7),)))
    (meeting,) = result.plan.meetings
    assert "Y-1" in meeting.items
    assert ("staff_seat", ("44",)) in violations(scenario, result.plan)


# ----- 9. Art. 47: 一个部门召开全县性会议每年不超过1次; 县政府领导同志一般不出席部门的工作会议 -------------


def county_wide(convener: str, required: tuple[str, ...]) -> MeetingRequest:
    return MeetingRequest("M-5", "county_wide", "全县财政工作会议", convener, unit="finance", required=required,
                          minutes=60, earliest=date(2024, 5, 6), latest=date(2024, 5, 8))


def test_47_the_unit_convenes_its_county_wide_meeting_and_leaders_are_a_cost_citing_47():
    own = solved(tiny_scenario(meeting_requests=(county_wide("finance", ("finance",)),)))
    held = next(m for m in own.plan.meetings if m.request == "M-5")
    assert held.presider == "finance" and not {"head", "exec", "dep", "office"} & set(held.attendees)
    with_leader = solved(tiny_scenario(meeting_requests=(county_wide("dep", ("dep",)),)))
    costs = [p for p in with_leader.plan.penalties if p.rule == "leader_at_county_wide"]
    assert [p.rules for p in costs] == [("47",)]


def test_47_a_deputy_not_supervising_the_unit_cannot_convene_its_county_wide_meeting():
    scenario = tiny_scenario(meeting_requests=(county_wide("exec", ("finance",)),))
    assert ("meeting_requests[0].convener", "scenario.convener_county_wide") in problems(scenario)


# ----- 10. Art. 61: 出访、出差、学习、培训、休假 ----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["visit", "trip", "study", "training", "leave", "sick", "other"])
def test_61_every_kind_of_leave_loads_and_blocks(kind: str):
    absence = replace(away("dep", date(2024, 5, 6), date(2024, 5, 8)), kind=kind)
    scenario = scenario_from_mapping(scenario_to_mapping(tiny_scenario(absences=(absence,))))
    assert scenario.absences[0].kind == kind
    result = solved(scenario)
    assert all("dep" not in m.attendees for m in result.plan.meetings)


# ----- 13. citations ------------------------------------------------------------------------------------


def test_soft_costs_cite_only_what_an_article_says():
    cited = {r.id: r.articles for r in RULES if not r.hard and r.articles}
    assert cited == {"stand_in": ("49",), "study_spacing": ("50",), "leader_at_county_wide": ("47",)}


def test_every_penalty_of_a_plan_cites_its_rules_articles():
    result = solved(tiny_scenario(absences=(away("head", date(2024, 5, 8), date(2024, 5, 8)),)))
    by_id = {r.id: r.articles for r in RULES}
    assert result.plan.penalties and all(p.rules == by_id[p.rule] for p in result.plan.penalties)
