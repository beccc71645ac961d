"""Shared by the ledger tests: a tiny county over May and June 2024, hand-made plans of it, and a
way to run commands and to compare a ledger file before and after.

The scenario is `test_planner_helpers.tiny_scenario` (Monday-Friday, one office-hours block
10:00-14:00, one standing meeting a month) with June's work added: Y-3 (justice) and Y-4
(finance, needs the thematic pre-study M-1 that its supervisor `dep` convenes in June).
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

from click.testing import CliRunner, Result
from test_planner_helpers import scenario_yaml_data, tiny_scenario, with_items

from govcal.cli import cli
from scheduler.domain import AgendaItem, MeetingRequest, Scenario
from scheduler.plan import Plan, PlannedMeeting, SolverInfo, plan_to_text
from scheduler.scenario import load_scenario

STANDING_ATTENDEES = ("head", "exec", "dep", "office", "justice", "finance")


def ledger_scenario() -> Scenario:
    scenario = with_items(
        tiny_scenario(),
        AgendaItem("Y-3", "关于行政复议案件办理情况的报告", "justice", "exec", submitted=date(2024, 6, 3)),
        AgendaItem("Y-4", "关于设立产业引导基金的请示", "finance", "dep", submitted=date(2024, 6, 3),
                   pre_studied=False),
    )
    thematic = MeetingRequest("M-1", "thematic", "研究产业引导基金专题会议", "dep", ("dep", "finance"), minutes=60,
                              earliest=date(2024, 6, 3), latest=date(2024, 6, 14), for_items=("Y-4",))
    return replace(scenario, meeting_requests=(thematic,))


def write_ledger_scenario(folder: Path, scenario: Scenario | None = None, name: str = "county.yaml") -> Path:
    import yaml

    path = folder / name
    path.write_text(yaml.safe_dump(scenario_yaml_data(scenario or ledger_scenario()), allow_unicode=True,
                                   sort_keys=False), encoding="utf-8")
    return path


def meeting(meeting_id: str, day: date, items: tuple[str, ...] = (), *, start: int = 660, kind: str = "standing",
            request: str | None = None, minutes: int = 180) -> PlannedMeeting:
    attendees = STANDING_ATTENDEES if kind == "standing" else ("dep", "finance")
    presider = "head" if kind == "standing" else "dep"
    return PlannedMeeting(meeting_id, kind, f"会议 {meeting_id}", day, start, start + minutes, "r1", presider,
                          attendees, items, request)


def month_plan(scenario_file: Path, start: date, end: date, *meetings: PlannedMeeting, seconds: float = 0.1) -> Plan:
    """A hand-made plan of `scenario_file` (its name and SHA-256) holding `meetings`."""
    scenario = load_scenario(scenario_file)
    return Plan(scenario.name, start, end, SolverInfo("OPTIMAL", 0, 0, 0.0, seconds), meetings,
                scenario_sha256=scenario.sha256)


def may_plan(scenario_file: Path, **changes: object) -> Plan:
    """May: one standing meeting on Wed 8 May hearing Y-1 and Y-2."""
    plan = month_plan(scenario_file, date(2024, 5, 1), date(2024, 5, 31),
                      meeting("standing-2024-05-1", date(2024, 5, 8), ("Y-1", "Y-2")))
    return replace(plan, **changes)


def write_plan(plan: Plan, path: Path) -> Path:
    path.write_text(plan_to_text(plan), encoding="utf-8")
    return path


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def file_state(path: Path) -> tuple[bytes, tuple[str, ...]]:
    """The ledger's bytes and which of its sidecar files exist: equal before and after means untouched."""
    sidecars = tuple(p.name for p in sorted(path.parent.glob(path.name + "*")) if p != path)
    return path.read_bytes(), sidecars


def dump(path: Path) -> list[str]:
    """The ledger's whole content as SQL text (what `sqlite3 .dump` prints)."""
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()
