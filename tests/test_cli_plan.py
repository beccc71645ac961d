"""`govcal plan` and `govcal check` end to end: outputs, files and exit codes (DESIGN §5)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner, Result
from test_planner_helpers import away, scenario_yaml_data, tiny_scenario

from govcal.cli import cli
from scheduler.plan import Result as PlanResult
from scheduler.plan import SolverInfo


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def tiny_file(write_scenario, **changes) -> str:
    return str(write_scenario(scenario_yaml_data(tiny_scenario(**changes))))


def test_json_output_is_the_plan_alone_and_checks_clean(write_scenario, tmp_path: Path):
    scenario = tiny_file(write_scenario)
    result = run("plan", "--scenario", scenario, "--from", "2024-05-06", "--to", "2024-05-08", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["format"] == "govcal.plan/1"
    assert document["solver"]["objective"] == 21
    assert [m["date"] for m in document["meetings"]] == ["2024-05-08"]
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(result.stdout, encoding="utf-8")
    checked = run("check", str(plan_file), "--scenario", scenario)
    assert checked.exit_code == 0, checked.output
    assert "21" in checked.stdout


def test_table_output_and_out_folder(write_scenario, tmp_path: Path):
    scenario = tiny_file(write_scenario)
    out = tmp_path / "out"
    result = run("plan", "--scenario", scenario, "--month", "2024-05", "--out", str(out), "--ics-per-leader",
                 "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "2024" in result.stdout
    assert json.loads((out / "plan.json").read_text(encoding="utf-8"))["format"] == "govcal.plan/1"
    assert any(p.suffix == ".ics" for p in out.rglob("*"))
    assert not [p for p in out.iterdir() if p.name.startswith(".govcal-")]


def test_infeasible_month_exits_1_naming_articles(write_scenario):
    scenario = tiny_file(write_scenario, absences=(away("head", date(2024, 5, 1), date(2024, 5, 31)),
                                                   away("exec", date(2024, 5, 1), date(2024, 5, 31))))
    result = run("plan", "--scenario", scenario, "--month", "2024-05", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["solver"]["status"] == "INFEASIBLE"
    assert {"6", "42"} <= {a for c in document["conflicts"] for a in c["articles"]}
    assert "第六条" in result.stderr and "第四十二条" in result.stderr


def test_bad_input_exits_2_without_traceback(write_scenario):
    scenario = tiny_file(write_scenario)
    for args in (("--month", "2024-13"), ("--from", "2024-05-09", "--to", "2024-05-01"), ("--month", "2150-01"),
                 ("--from", "2024-05-01")):
        result = run("plan", "--scenario", scenario, *args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output


def test_a_month_outside_the_calendar_data_names_the_option_given(write_scenario):
    scenario = tiny_file(write_scenario)
    by_month = run("plan", "--scenario", scenario, "--month", "2150-01", "--lang", "en")
    assert by_month.exit_code == 2 and by_month.output.startswith("--month: 2150-01-01")
    by_range = run("plan", "--scenario", scenario, "--from", "2024-12-01", "--to", "2150-01-01", "--lang", "en")
    assert by_range.exit_code == 2 and by_range.output.startswith("--to: 2150-01-01")


def test_no_plan_within_the_time_limit_exits_3(write_scenario, monkeypatch):
    import scheduler.solve

    monkeypatch.setattr(scheduler.solve, "plan", lambda *a, **k: PlanResult(SolverInfo("UNKNOWN", seconds=0.1)))
    result = run("plan", "--scenario", tiny_file(write_scenario), "--month", "2024-05")
    assert result.exit_code == 3


def test_check_reports_a_hand_edited_plan_with_its_article(write_scenario, tmp_path: Path):
    scenario = tiny_file(write_scenario)
    planned = run("plan", "--scenario", scenario, "--from", "2024-05-06", "--to", "2024-05-08", "--format", "json")
    document = json.loads(planned.stdout)
    document["meetings"][0]["date"] = "2024-05-11"  # a Saturday
    document["meetings"][0]["attendees"].remove("dep")  # Y-1's supervisor no longer attends
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = run("check", str(edited), "--scenario", scenario)
    assert result.exit_code == 1
    assert "第四十三条" in result.stdout and "2024-05-11" in result.stdout
    english = run("check", str(edited), "--scenario", scenario, "--lang", "en")
    assert "Art. 43" in english.stdout


def test_check_rejects_malformed_plan_json_with_a_field_path(write_scenario, tmp_path: Path):
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"format": "govcal.plan/1", "period": {"from": "2024-05-01"}, "meetings": []}),
                      encoding="utf-8")
    result = run("check", str(broken), "--scenario", tiny_file(write_scenario))
    assert result.exit_code == 2
    assert "period.to" in result.stderr


def test_default_scenario_month_is_reproducible_and_checks_clean(tmp_path: Path):
    first = run("plan", "--month", "2024-03", "--format", "json", "--seed", "5")
    second = run("plan", "--month", "2024-03", "--format", "json", "--seed", "5")
    assert first.exit_code == second.exit_code == 0, first.stderr
    documents = [json.loads(r.stdout) for r in (first, second)]
    for document in documents:
        document["solver"].pop("seconds")
    assert documents[0] == documents[1]
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(first.stdout, encoding="utf-8")
    assert run("check", str(plan_file)).exit_code == 0
