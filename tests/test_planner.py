"""The planner on tiny hand-checkable instances: known optima, reasons, infeasibility, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import date

from test_planner_helpers import MAY, THREE_DAYS, away, congress, tiny_scenario, with_items

from scheduler.check import check_plan
from scheduler.domain import AgendaItem, MeetingRequest, Policy
from scheduler.plan import Result, plan_to_json
from scheduler.solve import plan


def solved(scenario, period=THREE_DAYS, **options) -> Result:
    result = plan(scenario, period, time_limit=10, **options)
    assert result.plan is not None, result
    report = check_plan(scenario, result.plan)
    assert report.clean, [v.detail for v in report.violations]
    assert report.objective == result.objective
    return result


def test_known_optimum_waits_for_the_second_item():
    # Hearing both on Wed 8 May: Y-1 waits 3 working days x priority weight 2 = 6, one meeting
    # beyond the (zero) lower bound = 15; any earlier day defers Y-2 for 80. The meeting lasts its
    # two 20-minute items and the 15-minute opening allowance.
    result = solved(tiny_scenario())
    assert result.status == "OPTIMAL"
    assert result.objective == 21
    (meeting,) = result.plan.meetings
    assert (meeting.kind, meeting.date, meeting.presider) == ("standing", date(2024, 5, 8), "head")
    assert meeting.start in (600, 660) and meeting.end == meeting.start + 15 + 40
    assert meeting.items == ("Y-1", "Y-2")
    assert meeting.room == "r1"
    assert {"head", "exec", "dep", "office", "justice", "finance"} == set(meeting.attendees)
    assert sorted((p.rule, p.cost) for p in result.plan.penalties) == [("extra_meeting", 15), ("wait", 6)]


def test_executive_deputy_presides_when_the_head_is_away():
    result = solved(tiny_scenario(absences=(away("head", date(2024, 5, 8), date(2024, 5, 8)),)))
    (meeting,) = result.plan.meetings
    assert (meeting.date, meeting.presider) == (date(2024, 5, 8), "exec")
    assert "head" not in meeting.attendees
    assert result.objective == 21 + 30


def test_item_whose_supervisor_is_away_is_deferred_with_article_43():
    result = solved(tiny_scenario(absences=(away("dep", date(2024, 5, 6), date(2024, 5, 8)),)))
    assert [m.items for m in result.plan.meetings] == [("Y-2",)]
    (deferral,) = result.plan.deferred
    assert deferral.item == "Y-1" and deferral.rules == ("43",) and deferral.rule_ids == ("item_supervisor",)
    assert "分管领导" in deferral.reason.render("zh")


def test_item_without_consensus_on_funds_is_never_heard():
    scenario = tiny_scenario()
    blocked = replace(scenario.agenda[0], consensus=False)
    result = solved(replace(scenario, agenda=(blocked, scenario.agenda[1])), lang="en")
    (deferral,) = result.plan.deferred
    assert deferral.rule_ids == ("item_consensus",) and "consensus" in deferral.reason.render("en")
    # No cost for deferring what may not be heard: Y-2 alone on the 8th, one meeting (15).
    assert result.objective == 15


def test_item_follows_its_thematic_meeting_and_the_materials_lead():
    thematic = MeetingRequest("M-1", "thematic", "研究预算调整专题会议", "dep", required=("dep", "finance"), minutes=60,
                              earliest=date(2024, 5, 6), latest=date(2024, 5, 7), for_items=("Y-3",))
    item = AgendaItem("Y-3", "关于项目建设的请示", "finance", "dep", submitted=date(2024, 5, 2), pre_studied=False,
                      matters=("projects",))
    result = solved(replace(with_items(tiny_scenario(), item), meeting_requests=(thematic,)))
    meetings = {m.id: m for m in result.plan.meetings}
    assert meetings["M-1"].date == date(2024, 5, 6)
    standing = next(m for m in result.plan.meetings if m.kind == "standing")
    assert "Y-3" in standing.items and standing.date == date(2024, 5, 8)


def test_running_order_puts_more_units_first_and_staffing_last():
    staffing = AgendaItem("Y-0", "关于干部任免的请示", "justice", "exec", submitted=date(2024, 5, 1),
                          matters=("staffing",), attending_units=("finance",), minutes=20)
    result = solved(with_items(tiny_scenario(), staffing))
    (meeting,) = result.plan.meetings
    assert meeting.items[-1] == "Y-0"


def test_head_and_executive_deputy_away_all_month_is_infeasible_naming_articles_6_and_42():
    scenario = tiny_scenario(absences=(away("head", date(2024, 5, 1), date(2024, 5, 31)),
                                       away("exec", date(2024, 5, 1), date(2024, 5, 31))))
    result = plan(scenario, MAY, time_limit=5)
    assert result.status == "INFEASIBLE" and result.plan is None
    assert {"6", "42"} <= {a for c in result.conflicts for a in c.articles}


def test_congress_day_with_every_deputy_engaged_elsewhere_gets_the_office_director_as_stand_in():
    # Art. 49: 特殊情况下，可委托政府办公室主任参加 — a cost, said in the plan, citing the article.
    elsewhere = replace(congress(date(2024, 5, 15), ()), id="other", kind="superior", attendees=("exec", "dep"))
    result = solved(tiny_scenario(commitments=(congress(date(2024, 5, 15)), elsewhere)), MAY)
    (attendance,) = result.plan.commitment_attendance
    assert (attendance.commitment, attendance.attendee, attendance.stand_in) == ("npc-1", "office", True)
    assert [(p.rule, p.cost, p.rules) for p in result.plan.penalties if p.rule == "stand_in"] == [("stand_in", 50,
                                                                                                    ("49",))]
    assert all(m.date != date(2024, 5, 15) or "office" not in m.attendees for m in result.plan.meetings)


def test_congress_day_with_no_deputy_and_no_office_director_is_infeasible_naming_both():
    elsewhere = replace(congress(date(2024, 5, 15), ()), id="other", kind="superior",
                        attendees=("exec", "dep", "office"))
    result = plan(tiny_scenario(commitments=(congress(date(2024, 5, 15)), elsewhere)), MAY, time_limit=5)
    assert result.status == "INFEASIBLE"
    (conflict,) = result.conflicts
    assert conflict.articles == ("49",)
    assert "副县长" in conflict.detail.render("zh") and "政府办公室主任" in conflict.detail.render("zh")


def test_solver_proven_conflict_is_traced_to_its_rules():
    # The presiders are both free only on the congress day, and a standing meeting would take
    # every deputy: Art. 42 (a standing meeting this month) against Art. 49.
    absences = (away("head", date(2024, 5, 1), date(2024, 5, 31)), away("exec", date(2024, 5, 1), date(2024, 5, 14)),
                away("exec", date(2024, 5, 16), date(2024, 5, 31)))
    result = plan(tiny_scenario(absences=absences, commitments=(congress(date(2024, 5, 15)),)), MAY, time_limit=5)
    assert result.status == "INFEASIBLE"
    articles = {a for c in result.conflicts for a in c.articles}
    assert {"42", "49"} <= articles


def test_whole_month_holds_its_standing_meeting_even_without_items():
    scenario = tiny_scenario(agenda=())
    result = solved(scenario, MAY)
    assert [m.kind for m in result.plan.meetings] == ["standing"]
    assert result.objective == 0


def test_policy_zero_switches_standing_meetings_off():
    request = MeetingRequest("M-9", "county_head_office", "县长办公会议", "head", required=("head",), minutes=60,
                             earliest=date(2024, 5, 7), latest=date(2024, 5, 8))
    scenario = tiny_scenario(policy=Policy(standing_per_month=(0, 0), plenary_per_year=(0, 0), study_every_months=12),
                             meeting_requests=(request,))
    result = solved(scenario, MAY)
    assert [m.id for m in result.plan.meetings] == ["M-9"]
    assert result.plan.meetings[0].date == date(2024, 5, 7)
    assert {d.rule_ids for d in result.plan.deferred} == {("standing_count",)}


def test_county_wide_limit_rejects_with_article_47():
    from scheduler.domain import HistoryEvent

    request = MeetingRequest("M-5", "county_wide", "全县财政工作会议", "dep", unit="finance", required=("dep",),
                             minutes=60, earliest=date(2024, 5, 6), latest=date(2024, 5, 8))
    scenario = tiny_scenario(meeting_requests=(request,),
                             history=(HistoryEvent("county_wide", date(2024, 2, 20), unit="finance"),))
    result = solved(scenario)
    (rejection,) = result.plan.rejected
    assert rejection.rules == ("47",) and "2024" in rejection.reason.render("zh")


def test_same_input_and_seed_give_the_same_plan():
    def document(seed: int) -> dict:
        data = plan_to_json(plan(tiny_scenario(), MAY, time_limit=5, seed=seed).plan)
        data["solver"].pop("seconds")
        return data

    assert document(3) == document(3)


def test_a_multi_month_period_rolls_months_and_checks_clean():
    scenario = with_items(tiny_scenario(), AgendaItem("Y-7", "关于六月事项的请示", "finance", "dep",
                                                      submitted=date(2024, 6, 3)))
    period = replace(MAY, end=date(2024, 6, 30))
    result = solved(scenario, period)
    months = sorted({m.date.month for m in result.plan.meetings if m.kind == "standing"})
    assert months == [5, 6]
    assert not result.plan.deferred


def test_rolling_months_never_hear_an_item_whose_thematic_meeting_was_refused():
    thematic = MeetingRequest("M-1", "thematic", "研究项目专题会议", "dep", required=("dep",), minutes=60,
                              earliest=date(2024, 5, 6), latest=date(2024, 5, 10), for_items=("Y-3",))
    item = AgendaItem("Y-3", "关于项目建设的请示", "finance", "dep", submitted=date(2024, 5, 2), pre_studied=False)
    scenario = replace(with_items(tiny_scenario(), item), meeting_requests=(thematic,),
                       absences=(away("dep", date(2024, 5, 6), date(2024, 5, 10)),))
    result = solved(scenario, replace(MAY, end=date(2024, 6, 30)))
    assert [r.request for r in result.plan.rejected] == ["M-1"]
    assert "Y-3" in {d.item for d in result.plan.deferred}


def test_an_item_that_has_waited_long_is_still_heard_not_deferred():
    # Ready in early February: hearing it on 8 May costs dozens of waiting days, yet deferring it
    # would cost those days and more (it waits at least past the period), so it is heard.
    old = AgendaItem("Y-0", "关于二月事项的请示", "finance", "dep", submitted=date(2024, 2, 1))
    result = solved(with_items(tiny_scenario(), old))
    assert "Y-0" in result.plan.meetings[0].items and not result.plan.deferred


def test_item_ready_after_the_last_meeting_is_not_blamed_on_its_supervisor():
    # Head and executive deputy are away from 21 May, so May's one standing meeting comes earlier;
    # Y-3 (supervised by the deputy, who is free all month) is ready only on Wed 29 May.
    late = AgendaItem("Y-3", "关于农村道路养护的请示", "finance", "dep", submitted=date(2024, 5, 27))
    presiders_away = tuple(away(who, date(2024, 5, 21), date(2024, 5, 31)) for who in ("head", "exec"))
    result = solved(with_items(tiny_scenario(absences=presiders_away), late), MAY)
    (meeting,) = result.plan.meetings
    assert meeting.date < date(2024, 5, 21)
    (deferral,) = result.plan.deferred
    assert deferral.item == "Y-3" and deferral.rule_ids == ("item_ready", "standing_count")
    assert "分管领导" not in deferral.reason.render("zh") and "材料送达" in deferral.reason.render("zh")


def test_the_model_is_the_same_in_every_process():
    # Same input and seed must give the same plan from one run of govcal to the next, so the model
    # may not depend on Python's per-process string hashing (the order of a frozenset of leaders).
    script = ("import hashlib\n"
              "from scheduler.scenario import load_scenario\n"
              "from scheduler.period import month_period\n"
              "from scheduler.instance import Instance\n"
              "from scheduler.cpsat import build_model\n"
              "proto = build_model(Instance(load_scenario(), month_period('2024-03'))).builder.proto\n"
              "print(hashlib.sha256(str(proto).encode()).hexdigest())\n")
    digests = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(hash_seed)}).stdout
               for hash_seed in (1, 2, 3)}
    assert len(digests) == 1
