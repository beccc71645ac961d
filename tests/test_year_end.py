"""A scenario is a county, not a year: December is planned, published and recorded, and January
of the next year is planned on the same ledger, with the yearly counts restarting (Art. 41, 42,
47) and study sessions' two-month windows running on (Art. 50); in a year the package lacks, on
the projection or on the notice the office entered."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from govcal.cli import cli
from scheduler.domain import HistoryEvent
from scheduler.instance import county_wide_held, plenary_bounds, study_window_span
from scheduler.period import Period, month_period
from scheduler.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
COUNTY_2026 = ROOT / "scenarios" / "qinghe-2026.yaml"
COUNTY_2027 = ROOT / "scenarios" / "qinghe-2027.yaml"
PROJECTED_NOTE = "2027 年的法定节假日尚无放假通知"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def ok(*args: str) -> Result:
    result = run(*args)
    assert result.exit_code == 0, f"{args}\n{result.output}"
    return result


def plan_json(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "plan.json").read_text(encoding="utf-8"))


# ----- December 2024 -> January 2025 on the default scenario (both years in the package) ----------


def test_december_2024_to_january_2025_on_the_default_scenario(tmp_path: Path) -> None:
    ledger = str(tmp_path / "office.db")
    ok("ledger", "init", "--ledger", ledger)
    ok("plan", "--month", "2024-12", "--ledger", ledger, "--today", "2024-11-30", "--out", str(tmp_path / "12"),
       "--time-limit", "3")
    december = plan_json(tmp_path / "12")
    assert december["calendar_basis"] == {"2024": "data"}
    ok("publish", str(tmp_path / "12" / "plan.json"), "--ledger", ledger)
    first = next(m for m in december["meetings"] if m["kind"] == "standing" and m["items"])
    undecided = first["items"][0]
    ok("record", first["id"], "--held", "--not-decided", undecided, "--ledger", ledger,
       "--today", first["date"])
    ok("record", "--all-held", "--month", "2024-12", "--ledger", ledger, "--today", "2024-12-31")
    january = json.loads(ok("plan", "--month", "2025-01", "--ledger", ledger, "--today", "2024-12-31",
                            "--format", "json", "--time-limit", "3").stdout)
    assert january["calendar_basis"] == {"2025": "data"}
    standing = sorted((m for m in january["meetings"] if m["kind"] == "standing"), key=lambda m: m["date"])
    assert [m["number"] for m in standing] == list(range(1, len(standing) + 1))  # 第N次 starts again
    assert standing[0]["title"] == "县政府第1次常务会议"
    placed = {i for m in january["meetings"] for i in m["items"]} | {d["item"] for d in january["deferred"]}
    assert undecided in placed  # heard but not decided in December: pending in January
    decided = {i for m in december["meetings"] if m["id"] != first["id"] for i in m["items"]}
    assert not decided & placed  # decided in December: gone


# ----- December 2026 -> January 2027 (projected, then with the notice) ----------------------------


@pytest.fixture(scope="module")
def december_recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger of the county's 2026 file with December planned, published and recorded: the first
    standing meeting left Q-102 undecided and opened a follow-up due in January 2027."""
    folder = tmp_path_factory.mktemp("year-end")
    ledger = str(folder / "county.db")
    ok("ledger", "init", "--scenario", str(COUNTY_2026), "--ledger", ledger)
    ok("plan", "--month", "2026-12", "--ledger", ledger, "--today", "2026-11-30", "--out", str(folder / "12"),
       "--time-limit", "5")
    december = plan_json(folder / "12")
    assert december["calendar_basis"] == {"2026": "data"}
    assert next(m["number"] for m in december["meetings"] if m["kind"] == "standing") == 2  # after November's
    ok("publish", str(folder / "12" / "plan.json"), "--ledger", ledger)
    ok("record", "standing-2026-12-1", "--held", "--not-decided", "Q-102", "--follow-up",
       "Q-101:finance:2027-01-29", "--ledger", ledger, "--today", "2026-12-31")
    ok("record", "--all-held", "--month", "2026-12", "--ledger", ledger, "--today", "2026-12-31")
    return folder


def ledger_copy(folder: Path, tmp_path: Path) -> str:
    copy = tmp_path / "county.db"
    shutil.copy(folder / "county.db", copy)
    return str(copy)


def test_follow_ups_run_into_the_projected_year(december_recorded: Path, tmp_path: Path) -> None:
    ledger = ledger_copy(december_recorded, tmp_path)
    result = ok("followups", "--ledger", ledger, "--today", "2026-12-29", "--due-within", "10", "--format", "json")
    (followup,) = json.loads(result.stdout)["followups"]
    # 2026-12-30, 31, then January 2027's working days to the 29th, projected: 元旦 off.
    assert followup["due"] == "2027-01-29" and followup["working_days_left"] == 22
    assert followup["state"] == "open" and result.stderr.count(PROJECTED_NOTE) == 1


def test_january_2027_plans_on_decembers_record_after_one_relink(december_recorded: Path, tmp_path: Path) -> None:
    ledger = ledger_copy(december_recorded, tmp_path)
    refused = run("plan", "--month", "2027-01", "--scenario", str(COUNTY_2027), "--ledger", ledger,
                  "--today", "2026-12-31")
    assert refused.exit_code == 2 and "govcal ledger relink --scenario" in refused.stderr
    ok("ledger", "relink", "--scenario", str(COUNTY_2027), "--ledger", ledger)
    result = ok("plan", "--ledger", ledger, "--today", "2026-12-31", "--out", str(tmp_path / "01"),
                "--time-limit", "5")
    assert result.stderr.count(PROJECTED_NOTE) == 1
    january = plan_json(tmp_path / "01")
    assert january["period"] == {"from": "2027-01-01", "to": "2027-01-31"}  # the month after December's
    assert january["scenario"] == "青河县人民政府 2027" and january["calendar_basis"] == {"2027": "projected"}
    standing = [m for m in january["meetings"] if m["kind"] == "standing"]
    assert standing[0]["number"] == 1
    heard = {i for m in january["meetings"] for i in m["items"]} | {d["item"] for d in january["deferred"]}
    assert {"Q-102", "Q-201", "Q-202"} <= heard and not {"Q-101", "Q-103"} & heard
    assert all(m["date"] not in ("2027-01-01", "2027-01-02", "2027-01-03") for m in january["meetings"])
    strict = run("plan", "--ledger", ledger, "--today", "2026-12-31", "--strict", "--time-limit", "1")
    assert strict.exit_code == 2 and "--strict" in strict.stderr
    followups = json.loads(ok("followups", "--ledger", ledger, "--today", "2027-01-04", "--format",
                              "json").stdout)["followups"]
    assert [f["item"] for f in followups] == ["Q-101"]  # still open


def with_notice(text: str, extra_request: str) -> str:
    """The county's 2027 file with the State Council's notice entered (a make-up Saturday, 9 January)
    and a meeting that can only be held that Saturday."""
    notice = ("  notices:\n    - {year: 2027, holidays: [{from: 2027-01-01, to: 2027-01-03, name: 元旦}],"
              " workdays: [2027-01-09]}\n")
    text = text.replace("  grain_minutes: 15\n", "  grain_minutes: 15\n" + notice, 1)
    return text.rstrip("\n") + "\n" + extra_request


SATURDAY_MEETING = ("  - {id: M-201, kind: thematic, title: 研究春节前保供稳价专题会议, convener: exec,"
                    " required: [exec, finance], minutes: 60, earliest: 2027-01-09, latest: 2027-01-09}\n")


def test_with_the_notice_entered_a_make_up_saturday_hosts_a_meeting(december_recorded: Path,
                                                                      tmp_path: Path) -> None:
    ledger = ledger_copy(december_recorded, tmp_path)
    county = tmp_path / "qinghe.yaml"
    projected = COUNTY_2027.read_text(encoding="utf-8").rstrip("\n") + "\n" + SATURDAY_MEETING
    county.write_text(projected, encoding="utf-8")
    ok("ledger", "relink", "--scenario", str(county), "--ledger", ledger)
    without = json.loads(ok("plan", "--month", "2027-01", "--ledger", ledger, "--today", "2026-12-31",
                            "--format", "json", "--time-limit", "5").stdout)
    assert [r["request"] for r in without["rejected"]] == ["M-201"]  # a Saturday, as projected
    county.write_text(with_notice(COUNTY_2027.read_text(encoding="utf-8"), SATURDAY_MEETING), encoding="utf-8")
    result = ok("plan", "--month", "2027-01", "--ledger", ledger, "--today", "2026-12-31", "--format", "json",
                "--time-limit", "5")
    with_it = json.loads(result.stdout)
    assert with_it["calendar_basis"] == {"2027": "notice"} and PROJECTED_NOTE not in result.stderr
    (saturday,) = [m for m in with_it["meetings"] if m["request"] == "M-201"]
    assert saturday["date"] == "2027-01-09" and not with_it["rejected"]
    calendar = json.loads(ok("calendar", "--scenario", str(county), "--year", "2027", "--format", "json").stdout)
    assert calendar["basis"] == "notice"


def test_a_period_across_31_december_plans(tmp_path: Path) -> None:
    result = ok("plan", "--scenario", str(COUNTY_2027), "--from", "2026-12-21", "--to", "2027-01-08",
                "--format", "json", "--time-limit", "5")
    plan = json.loads(result.stdout)
    assert plan["calendar_basis"] == {"2026": "data", "2027": "projected"}
    assert result.stderr.count(PROJECTED_NOTE) == 1
    numbers = {(m["date"][:4], m["number"]) for m in plan["meetings"] if m["kind"] == "standing"}
    assert all(number == 1 for year, number in numbers if year == "2027")


# ----- yearly counts restart -------------------------------------------------------------------------


def test_yearly_counts_restart_each_calendar_year() -> None:
    scenario = load_scenario(COUNTY_2026)
    from dataclasses import replace

    two = replace(scenario, history=(*scenario.history, HistoryEvent("plenary", date(2026, 6, 1)),
                                     HistoryEvent("county_wide", date(2026, 3, 2), unit="finance")))
    january = month_period("2027-01")
    assert plenary_bounds(two, january, 2026)[1] == 0  # 2026 had its two (Art. 41)
    assert plenary_bounds(two, january, 2027) == (0, 2)  # 2027 starts afresh
    assert (county_wide_held(two, "finance", 2026), county_wide_held(two, "finance", 2027)) == (1, 0)  # Art. 47
    # Study sessions' two-month windows run on across the year end (Art. 50).
    assert study_window_span(2, date(2026, 12, 7)) == (date(2026, 11, 1), date(2026, 12, 31))
    assert study_window_span(2, date(2027, 1, 7)) == (date(2027, 1, 1), date(2027, 2, 28))
    assert Period(date(2026, 12, 21), date(2027, 1, 8)).years() == [2026, 2027]
