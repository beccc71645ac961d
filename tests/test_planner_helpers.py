"""Tiny hand-checkable planning instances shared by the planner, checker and CLI tests.

The calendar works Monday to Friday with no holidays (region none) and one office-hours block,
10:00-14:00, so a 180-minute standing meeting can start at 10:00 or 11:00 only. May 2024 starts
on a Wednesday. Materials reach attendees 2 working days after submission.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from scheduler.domain import (
    Absence,
    AgendaItem,
    CalendarSpec,
    Commitment,
    Leader,
    Policy,
    Room,
    Scenario,
    Unit,
)
from scheduler.period import Period
from scheduler.scenario import scenario_to_mapping

# A three-day period, Monday 6 to Wednesday 8 May 2024: no month lies wholly inside it, so no
# standing meeting is required and every meeting must pay for itself.
THREE_DAYS = Period(date(2024, 5, 6), date(2024, 5, 8))
MAY = Period(date(2024, 5, 1), date(2024, 5, 31))


def tiny_scenario(**changes: Any) -> Scenario:
    """Head, executive deputy, one deputy, office director; justice and finance; one room; two items.

    Y-1 (finance, supervised by the deputy) is submitted on Wed 1 May: ready Fri 3 May.
    Y-2 (justice, supervised by the executive deputy) is submitted on Mon 6 May: ready Wed 8 May.
    """
    scenario = Scenario(
        name="小县 2024",
        calendar=CalendarSpec(region="none", weekdays=(1, 2, 3, 4, 5), office_hours=((600, 840),), grain_minutes=60),
        leaders=(
            Leader("head", "县长", "county_head"),
            Leader("exec", "常务副县长", "executive_deputy"),
            Leader("dep", "副县长", "deputy", "农业农村"),
            Leader("office", "政府办公室主任", "office_director"),
        ),
        units=(Unit("justice", "县司法局", "department", "exec"), Unit("finance", "县财政局", "department", "dep")),
        rooms=(Room("r1", "常务会议室", 20),),
        # A yearly study window ends in December, so no study session is due in May (Art. 50).
        policy=Policy(standing_per_month=(1, 1), plenary_per_year=(0, 0), study_every_months=12),
        agenda=(
            AgendaItem("Y-1", "关于预算调整的请示", "finance", "dep", submitted=date(2024, 5, 1), matters=("funds",)),
            AgendaItem("Y-2", "关于规范性文件备案的请示", "justice", "exec", submitted=date(2024, 5, 6)),
        ),
    )
    return replace(scenario, **changes)


def with_items(scenario: Scenario, *items: AgendaItem) -> Scenario:
    return replace(scenario, agenda=(*scenario.agenda, *items))


def away(who: str, start: date, end: date) -> Absence:
    return Absence(who, start, end, kind="trip")


def congress(day: date, attendees: tuple[str, ...] = ()) -> Commitment:
    """A congress standing committee meeting over the whole office-hours block (Art. 49)."""
    return Commitment("npc-1", "县人大常委会会议", day, 600, 840, kind="npc_standing_committee", attendees=attendees)


def scenario_yaml_data(scenario: Scenario) -> dict[str, Any]:
    """The scenario as a v1 YAML mapping (for the CLI tests' `write_scenario`)."""
    return scenario_to_mapping(scenario)
