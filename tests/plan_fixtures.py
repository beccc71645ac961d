"""Small hand-made scenarios and plans for the export and terminal-view tests (May 2024, Labour Day).

- `small_scenario` / `small_plan`: two meetings (a thematic pre-study, a standing meeting with two
  items), a deferred item, a rejected request, absences and one congress commitment.
- `congress_scenario` / `congress_plan`: the same with two congress standing-committee meetings
  whose attendees the plan names (Art. 49): a deputy at one, the office director standing in at the
  other; leader e-mail addresses, commitment places, and a county head office meeting with preferred
  attendees.
"""


from __future__ import annotations

from dataclasses import replace
from datetime import date

from scheduler.domain import (
    Absence,
    AgendaItem,
    CalendarSpec,
    Commitment,
    Leader,
    LocalHoliday,
    MeetingRequest,
    Room,
    Scenario,
    Unit,
)
from scheduler.plan import CommitmentAttendance, Deferral, Message, Plan, PlannedMeeting, Rejection, SolverInfo


def small_scenario() -> Scenario:
    return Scenario(
        name="测试县人民政府 2024",
        calendar=CalendarSpec(local_holidays=(LocalHoliday(date(2024, 5, 20), "测试节"),)),
        leaders=(
            Leader("head", "县长", "county_head"),
            Leader("exec", "常务副县长", "executive_deputy"),
            Leader("dep-agri", "副县长", "deputy", "农业农村"),
            Leader("dep-edu", "副县长", "deputy", "教育"),
            Leader("office", "政府办公室主任", "office_director"),
        ),
        units=(
            Unit("justice", "县司法局", "department", "exec"),
            Unit("finance", "县财政局", "department", "exec"),
            Unit("agri", "县农业农村局", "department", "dep-agri"),
            Unit("audit", "县审计局", "department", "exec"),
        ),
        rooms=(Room("r1", "常务会议室", 40), Room("r2", "第二会议室", 20)),
        absences=(
            Absence("head", date(2024, 5, 13), date(2024, 5, 17), "trip", "赴州开会"),
            Absence("dep-edu", date(2024, 5, 22), date(2024, 5, 22), "leave", half="pm"),
        ),
        commitments=(Commitment("npc-5", "县人大常委会会议", date(2024, 5, 28), 600, 780,
                                "npc_standing_committee", ("dep-agri",)),),
        agenda=(
            AgendaItem("Y-031", "关于调整2024年县级财政预算的请示", "finance", "exec", minutes=20,
                       submitted=date(2024, 4, 25), matters=("funds",), attending_units=("audit",)),
            AgendaItem("Y-040", "关于畜牧业补贴发放办法的请示", "agri", "dep-agri", minutes=30,
                       submitted=date(2024, 4, 28), attending_units=("finance", "audit")),
            AgendaItem("Y-044", "关于县城学校布局调整的请示", "finance", "dep-edu", minutes=25,
                       submitted=date(2024, 5, 2)),
        ),
        meeting_requests=(
            MeetingRequest("M-07", "thematic", "研究畜牧业补贴专题会议", "dep-agri", ("dep-agri", "agri", "finance"),
                           minutes=60, earliest=date(2024, 5, 6), latest=date(2024, 5, 24), for_items=("Y-040",)),
            MeetingRequest("M-09", "county_wide", "全县财政工作会议", "exec", ("exec", "finance"),
                           minutes=120, earliest=date(2024, 5, 6), latest=date(2024, 5, 31), unit="finance"),
        ),
    )


def small_plan() -> Plan:
    return Plan(
        scenario="测试县人民政府 2024",
        period_from=date(2024, 5, 1),
        period_to=date(2024, 5, 31),
        solver=SolverInfo("OPTIMAL", 87, 87, 0.0, 0.42),
        meetings=(
            PlannedMeeting("M-07", "thematic", "研究畜牧业补贴专题会议", date(2024, 5, 8), 960, 1020, "r2", "dep-agri",
                           ("dep-agri", "agri", "finance"), (), "M-07"),
            PlannedMeeting("standing-2024-05-1", "standing", "县政府第5次常务会议", date(2024, 5, 21), 600, 780, "r1",
                           "head", ("head", "exec", "dep-agri", "dep-edu", "office", "justice", "finance", "agri",
                                    "audit"), ("Y-031", "Y-040")),
        ),
        deferred=(Deferral("Y-044", Message.text("分管领导不能出席本月常务会议"), ("43",), ("item_supervisor",)),),
        rejected=(Rejection("M-09", Message.text("该单位今年已召开全县性会议"), ("47",), ("county_wide_limit",)),),
    )


def congress_scenario() -> Scenario:
    scenario = small_scenario()
    leaders = tuple(replace(leader, email=f"{leader.id}@wuqia.example.gov.cn") if leader.id in ("head", "dep-agri")
                    else leader for leader in scenario.leaders)
    return replace(
        scenario,
        leaders=leaders,
        commitments=(
            Commitment("npc-5", "县人大常委会会议", date(2024, 5, 28), 600, 780, "npc_standing_committee",
                       location="县人大常委会会议室"),
            Commitment("npc-6", "县人大常委会会议（审议决算）", date(2024, 5, 30), 960, 1110,
                       "npc_standing_committee", location="县人大常委会会议室"),
        ),
        meeting_requests=(*scenario.meeting_requests,
                          MeetingRequest("M-12", "county_head_office", "县长办公会议：研究城区供热保障有关问题", "head",
                                         ("head", "exec", "finance"), ("office", "audit"), minutes=90,
                                         earliest=date(2024, 5, 6), latest=date(2024, 5, 24))),
    )


def congress_plan() -> Plan:
    plan = small_plan()
    return replace(
        plan,
        meetings=(
            *plan.meetings,
            PlannedMeeting("M-12", "county_head_office", "县长办公会议：研究城区供热保障有关问题", date(2024, 5, 9),
                           600, 690, "r2", "head", ("head", "exec", "office", "finance", "audit"), (), "M-12"),
        ),
        commitment_attendance=(CommitmentAttendance("npc-5", "office", True),
                               CommitmentAttendance("npc-6", "dep-edu", False)),
    )
