"""The embedded default scenario (scenarios/wuqia-2024.yaml): it validates clean, describes Wuqia's
government by role, and gives every rule of DESIGN §1 something to do in 2024."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
import yaml
from test_generate import (
    away_days,
    check_county_wide_duplicate,
    check_dates_in_months,
    check_presider_each_month,
    check_study_every_two_months,
    check_thematic_pre_studies,
    month_spans,
)

from scheduler.domain import Scenario
from scheduler.scenario import default_scenario_path, load_scenario, load_scenario_checked, scenario_calendar

WUQIA_TOWNSHIPS = {"乌恰镇", "康苏镇", "黑孜苇乡", "吉根乡", "托云乡", "巴音库鲁提乡", "膘尔托阔依乡", "波斯坦铁列克乡",
                   "乌鲁克恰提乡", "吾合沙鲁乡", "铁列克乡"}
# Leaders appear by title only: the file carries no personal names.
ROLE_TITLES = {"county_head": "县长", "executive_deputy": "常务副县长", "deputy": "副县长",
               "office_director": "政府办公室主任"}
# A month's standing-meeting items should fit about two 180-minute standing meetings (Art. 42).
MONTHLY_STANDING_MINUTES = 330


@pytest.fixture(scope="module")
def wuqia() -> Scenario:
    scenario, warnings = load_scenario_checked(None)
    assert warnings == (), [w.render("en") for w in warnings]
    return scenario


def test_default_is_the_committed_file_and_plain_yaml() -> None:
    packaged = default_scenario_path().read_text(encoding="utf-8")
    committed = (Path(__file__).parents[1] / "scenarios" / "wuqia-2024.yaml").read_text(encoding="utf-8")
    assert packaged == committed
    assert isinstance(yaml.safe_load(committed), dict)  # any YAML tool reads it, not only govcal's loader
    assert load_scenario().name == "乌恰县人民政府 2024"


def test_government_by_role(wuqia: Scenario) -> None:
    roles = Counter(leader.role for leader in wuqia.leaders)
    assert roles["county_head"] == 1 and roles["executive_deputy"] == 1 and roles["office_director"] == 1
    assert 5 <= roles["deputy"] <= 6
    assert all(leader.title == ROLE_TITLES[leader.role] for leader in wuqia.leaders)
    assert all(leader.domain for leader in wuqia.deputies)


def test_departments_townships_and_the_justice_bureau(wuqia: Scenario) -> None:
    departments = [u for u in wuqia.units if u.kind == "department"]
    townships = [u for u in wuqia.units if u.kind == "township"]
    assert 24 <= len(departments) <= 28
    assert {u.name for u in townships} == WUQIA_TOWNSHIPS
    assert wuqia.justice_unit is not None and wuqia.justice_unit.id == "justice"
    supervised = {u.supervisor for u in wuqia.units}
    assert {d.id for d in wuqia.deputies} <= supervised  # every deputy has a portfolio


def test_regional_festivals_are_days_off(wuqia: Scenario) -> None:
    calendar = scenario_calendar(wuqia)
    assert calendar.holiday_name(date(2024, 4, 10)) == "肉孜节"
    assert not calendar.is_working_day(date(2024, 6, 17))
    assert wuqia.calendar.office_hours == ((600, 840), (960, 1170))


def test_rooms_seat_a_standing_meeting_and_the_county(wuqia: Scenario) -> None:
    # Art. 42 members, the justice bureau (Art. 43) and up to ten reporting or attending units.
    standing = len(wuqia.leaders) + 1 + 10
    assert max(room.capacity for room in wuqia.rooms) >= len(wuqia.leaders) + len(wuqia.units)
    assert any(room.capacity >= standing for room in wuqia.rooms if room.capacity < 100)


def test_a_year_of_agenda_items(wuqia: Scenario) -> None:
    agenda = wuqia.agenda
    assert len(agenda) >= 150
    months = month_spans(wuqia)
    assert [first.month for first, _ in months] == list(range(1, 13))
    check_dates_in_months(wuqia, months)
    assert {m for i in agenda for m in i.matters} == {"funds", "projects", "staffing", "rewards", "normative", "other"}
    assert {i.priority for i in agenda} == {1, 2, 3}
    assert all(10 <= i.minutes <= 40 for i in agenda)
    assert any(i.deadline for i in agenda) and any(i.attending_units for i in agenda)
    assert sum(i.body == "plenary" for i in agenda) >= 2


def test_monthly_load_fits_two_standing_meetings(wuqia: Scenario) -> None:
    minutes: defaultdict[int, int] = defaultdict(int)
    for item in wuqia.agenda:
        if item.body == "standing":
            minutes[item.submitted.month] += item.minutes
    assert all(load < MONTHLY_STANDING_MINUTES for load in minutes.values()), dict(minutes)


def test_shares_without_consensus_and_not_pre_studied(wuqia: Scenario) -> None:
    count = len(wuqia.agenda)
    blocked = [i for i in wuqia.agenda if not i.consensus]
    assert all(i.needs_consensus for i in blocked)  # Art. 43 only bars funds, projects, staffing, rewards
    assert 0.05 <= len(blocked) / count <= 0.11
    assert 0.12 <= sum(not i.pre_studied for i in wuqia.agenda) / count <= 0.2
    check_thematic_pre_studies(wuqia)


def test_meeting_requests_cover_every_kind(wuqia: Scenario) -> None:
    kinds = Counter(r.kind for r in wuqia.meeting_requests)
    assert set(kinds) == {"thematic", "county_head_office", "study", "county_wide"}
    check_study_every_two_months(wuqia, month_spans(wuqia))
    check_county_wide_duplicate(wuqia)
    for request in wuqia.meeting_requests:
        assert 5 <= (request.latest - request.earliest).days <= 60, request.id
    for request in (r for r in wuqia.meeting_requests if r.kind == "county_wide"):
        assert 10 <= len([p for p in request.required if p in wuqia.unit_ids]) <= 16


def test_absences_leave_a_presider_every_month(wuqia: Scenario) -> None:
    check_presider_each_month(wuqia, month_spans(wuqia))
    head_away, exec_away = away_days(wuqia, "head"), away_days(wuqia, "exec")
    assert not head_away & exec_away
    calendar = scenario_calendar(wuqia)
    # A working week with the head away: the executive deputy presides that week's standing meeting.
    assert any(len(calendar.working_days(a.start, a.end)) >= 5 for a in wuqia.absences_of("head"))
    assert any(a.half for a in wuqia.absences)
    assert any(a.who in wuqia.unit_ids for a in wuqia.absences)


def test_congress_meetings_about_every_two_months(wuqia: Scenario) -> None:
    congress = sorted(c.date for c in wuqia.commitments if c.kind == "npc_standing_committee")
    assert len(congress) >= 6
    assert all((later - earlier).days <= 70 for earlier, later in pairwise(congress))


def test_history_is_minimal_and_leaves_the_plenary_to_plan(wuqia: Scenario) -> None:
    assert {h.kind for h in wuqia.history} == {"county_wide", "decided"}
    assert all(h.date.month == 1 for h in wuqia.history)
    assert len(wuqia.pending_items(date(2024, 1, 31))) == sum(i.submitted.month == 1 for i in wuqia.agenda) - 2
