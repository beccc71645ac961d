"""`govcal simulate` and `govcal whatif` end to end on a generated county-year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcal.cli import cli
from scheduler.generate import generate_scenario_yaml


@pytest.fixture(scope="module")
def scenario_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sim") / "county.yaml"
    path.write_text(generate_scenario_yaml(months=12, seed=2), encoding="utf-8")
    return path


def test_simulate_json_is_the_contract_and_alone_on_stdout(scenario_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["simulate", "--scenario", str(scenario_file), "--reps", "3", "--jobs", "2",
                                      "--format", "json", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["format"] == "govcal.sim/1"
    assert document["reps"] == 3 and document["horizon_days"] == 365 and document["warmup_days"] == 30
    counts = document["documents"]
    assert counts["arrived"] == pytest.approx(counts["completed"] + counts["in_progress"])
    assert [d["rule"] for d in document["deadlines"]] == ["45", "54", "52"]
    assert all(0 <= d["on_time"]["mean"] <= 1 for d in document["deadlines"])
    assert {"office", "justice"} <= set(document["utilisation"])
    # Art. 52: normative documents and meeting decisions are signed by the county head alone.
    assert set(document["signed_by"]["normative"]) == set(document["signed_by"]["decided"]) == {"county_head"}
    low, high = document["signed_by_ci95"]["normative"]["county_head"]
    assert low <= document["signed_by"]["normative"]["county_head"] <= high
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["backlog.png", "cycle-time.png", "on-time.png", "simulation.json"]


def test_simulate_table_in_english(scenario_file: Path) -> None:
    result = CliRunner().invoke(cli, ["simulate", "--scenario", str(scenario_file), "--reps", "2", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Art. 45" in result.stdout and "on time" in result.stdout


def test_whatif_names_the_breaking_point(scenario_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["whatif", "--scenario", str(scenario_file), "--load", "1,3", "--reps", "2",
                                      "--out", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "breaking point" in result.stdout and "x3" in result.stdout
    document = json.loads((tmp_path / "whatif.json").read_text(encoding="utf-8"))
    assert document["breaking_point"]["load"] == 3.0
    assert (tmp_path / "whatif.png").stat().st_size > 0


def test_validate_mmc_command() -> None:
    result = CliRunner().invoke(cli, ["simulate", "--validate", "mmc", "--arrival-rate", "1.5", "--service-rate", "1",
                                      "--servers", "2", "--reps", "3", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["format"] == "govcal.sim.mmc/1" and document["servers"] == 2 and document["rho"] == 0.75


@pytest.mark.parametrize(("arguments", "expected"), [
    (["simulate", "--load", "-1"], "--load"),
    (["whatif", "--load", "1,x"], "--load"),
    (["simulate", "--validate", "mmc", "--servers", "2"], "--arrival-rate"),
])
def test_bad_options_exit_2_without_traceback(scenario_file: Path, arguments: list[str], expected: str) -> None:
    result = CliRunner().invoke(cli, [*arguments, "--scenario", str(scenario_file)])
    assert result.exit_code == 2
    assert expected in result.stderr and "Traceback" not in result.output


def test_bad_flow_section_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    text = generate_scenario_yaml(months=12, seed=2).replace("flow: {}", "flow: {staff: {office: zero}}")
    assert "staff" in text
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["simulate", "--scenario", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "flow.staff.office" in result.stderr and "bad.yaml" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_plan_file_drives_meeting_decisions(scenario_file: Path, tmp_path: Path) -> None:
    from datetime import date

    from scheduler.plan import Plan, PlannedMeeting, SolverInfo, plan_to_json

    meeting = PlannedMeeting("standing-2024-03-1", "standing", "常务会议", date(2024, 3, 12), 600, 780, "r1", "head",
                             items=("Y-1", "Y-2"))
    plan = Plan("生成场景", date(2024, 3, 1), date(2024, 3, 31), SolverInfo("OPTIMAL"), meetings=(meeting,))
    plan_path = tmp_path / "plan.json"
    plan_path.write_text(json.dumps(plan_to_json(plan), ensure_ascii=False), encoding="utf-8")
    arguments = ["simulate", "--scenario", str(scenario_file), "--reps", "2", "--format", "json"]
    with_plan = CliRunner().invoke(cli, [*arguments, "--plan", str(plan_path)])
    assert with_plan.exit_code == 0, with_plan.output
    without = json.loads(CliRunner().invoke(cli, arguments).stdout)
    # March's two rhythm meetings (about 10 documents) give way to the plan's one meeting with 2 items.
    decided = {d["rule"]: d["count"] for d in json.loads(with_plan.stdout)["deadlines"]}["45"]
    assert decided < {d["rule"]: d["count"] for d in without["deadlines"]}["45"]
    broken = CliRunner().invoke(cli, [*arguments, "--plan", str(tmp_path / "missing.json")])
    assert broken.exit_code == 2 and "missing.json" in broken.stderr
