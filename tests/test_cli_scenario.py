"""`govcal scenario validate | show | new | generate` through click's test runner."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from govcal.cli import cli
from govcal.view import display_width
from scheduler.scenario import load_scenario, parse_scenario


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["scenario", *args])


def test_validate_ok_prints_one_line_with_counts(write_scenario: Callable[..., Path],
                                                 tiny_scenario_data: dict[str, Any]) -> None:
    file = write_scenario(tiny_scenario_data)
    result = run("validate", str(file))
    assert result.exit_code == 0
    assert result.stdout == f"{file}：有效。领导 4 名，单位 3 个，议题 2 项，会议申请 1 项，请假外出 1 条\n"
    english = run("validate", str(file), "--lang", "en")
    assert english.stdout == (f"{file}: valid. 4 leaders, 3 units, 2 agenda items, 1 meeting requests, "
                              "1 absences\n")


def test_validate_prints_every_problem_and_exits_2(write_scenario: Callable[..., Path],
                                                   tiny_scenario_data: dict[str, Any]) -> None:
    tiny_scenario_data["agenda"][0]["submitted"] = "2024-02-30"
    tiny_scenario_data["units"][0]["supervisor"] = "nobody"
    file = write_scenario(tiny_scenario_data)
    result = run("validate", str(file), "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("units[0].supervisor: no leader with id 'nobody' (leaders)")
    assert lines[1].endswith("agenda[0].submitted: invalid date '2024-02-30', expected a real YYYY-MM-DD date")
    assert "Traceback" not in result.output


def test_validate_warns_about_unknown_fields(write_scenario: Callable[..., Path],
                                            tiny_scenario_data: dict[str, Any]) -> None:
    tiny_scenario_data["rooms"][0]["capacty"] = 40
    result = run("validate", str(write_scenario(tiny_scenario_data)))
    assert result.exit_code == 0
    assert "rooms[0].capacty" in result.stderr and "capacity" in result.stderr
    assert result.stderr.startswith("警告：")


@pytest.mark.parametrize("args", [("validate", "/no/such/file.yaml"), ("show", "/no/such/file.yaml")])
def test_missing_file_is_bad_input_without_traceback(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "/no/such/file.yaml" in result.stderr
    assert "Traceback" not in result.output


def test_show_summarises_and_aligns_chinese(write_scenario: Callable[..., Path],
                                            tiny_scenario_data: dict[str, Any]) -> None:
    result = run("show", str(write_scenario(tiny_scenario_data)))
    assert result.exit_code == 0
    text = result.stdout
    for expected in ("场景：测试县 2024", "办公时段 10:00-14:00、16:00-19:30", "领导（4 名）", "单位（3 个）",
                     "请假与外出（1 条）", "议题（2 项，按提交月份）", "会议申请（1 项）", "standing_minutes: 180"):
        assert expected in text
    # The leaders table: every row's id column starts at the same display column.
    table = text.split("领导（4 名）\n")[1].split("\n\n")[0].splitlines()
    id_columns = {display_width(line[: line.index(leader_id)])
                  for line, leader_id in zip(table[2:], ("head", "exec", "dep-agri", "office"), strict=True)}
    assert len(id_columns) == 1
    months = text.split("议题（2 项，按提交月份）\n")[1].split("\n\n")[0].splitlines()
    assert months[2].split() == ["2024-04", "1", "0", "1"]
    assert months[3].split() == ["2024-05", "1", "0", "1"]


def test_show_in_english(write_scenario: Callable[..., Path], tiny_scenario_data: dict[str, Any]) -> None:
    result = run("show", str(write_scenario(tiny_scenario_data)), "--lang", "en")
    assert result.exit_code == 0
    assert "Leaders (4)" in result.stdout and "County head" in result.stdout
    assert "领导" not in result.stdout


def test_show_defaults_to_the_embedded_scenario() -> None:
    result = run("show")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"场景：{load_scenario().name}（wuqia-2024.yaml）")


def test_new_prints_a_template_that_validates() -> None:
    result = run("new")
    assert result.exit_code == 0
    scenario = parse_scenario(result.stdout, "template.yaml")
    assert scenario.county_head.id == "head"
    assert "# " in result.stdout and "分管领导" in result.stdout and "supervising leader" in result.stdout


def test_the_template_describes_the_rules_as_written() -> None:
    """Issue 8's additions are in the template a clerk starts from: leave kinds of Art. 61, held
    meetings and standing meetings in history, ad hoc standing requests (Art. 42), the office director
    standing in (Art. 49), conveners (Art. 46, 47), study sessions off, the materials lead as a local
    policy, who alone signs (Art. 52), leaders' e-mail."""
    template = run("new").stdout
    for words in ("training 培训", "kind: held", "kind: standing, date", "standing 临时常务会议", "第四十九条",
                  "第四十六条", "第四十七条", "0 为不安排", "本县自定", "head_signs_alone", "email:",
                  "govcal scenario absence"):
        assert words in template, words


def test_new_writes_the_template_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "new.yaml"
    result = run("new", "--out", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert str(out) in result.stderr
    assert run("validate", str(out)).exit_code == 0


GENERATE = ("generate", "--leaders", "6", "--units", "10", "--items-per-month", "4", "--months", "2", "--seed", "7")


def test_generate_is_seeded_and_valid(tmp_path: Path) -> None:
    first, second = run(*GENERATE), run(*GENERATE)
    assert first.exit_code == 0
    assert first.stdout == second.stdout
    scenario = parse_scenario(first.stdout, "generated.yaml")
    assert (len(scenario.leaders), len(scenario.units), len(scenario.agenda)) == (6, 10, 8)
    assert run(*GENERATE[:-1], "8").stdout != first.stdout
    out = tmp_path / "generated.yaml"
    assert run(*GENERATE, "--year", "2025", "--out", str(out)).exit_code == 0
    assert {item.submitted.year for item in load_scenario(out).agenda} == {2025}


def test_generate_rejects_impossible_sizes_without_traceback(tmp_path: Path) -> None:
    out = tmp_path / "never.yaml"
    result = run("generate", "--leaders", "2", "--units", "10", "--items-per-month", "4", "--months", "1",
                 "--seed", "1", "--out", str(out))
    assert result.exit_code == 2
    assert "leaders" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_generate_a_meeting_heavy_week_that_plans_every_request(tmp_path: Path) -> None:
    """`--meeting-week`: the shape of the public meeting-scheduling benchmarks (issue 9), seeded, and
    every request placed when the week is planned."""
    week = ("generate", "--meeting-week", "--seed", "2", "--requests", "12", "--rooms", "2")
    first, second = run(*week), run(*week)
    assert first.exit_code == 0, first.stderr
    assert first.stdout == second.stdout
    scenario = parse_scenario(first.stdout, "week.yaml")
    assert (len(scenario.leaders), len(scenario.rooms), len(scenario.meeting_requests), len(scenario.agenda)) == \
        (20, 2, 12, 0)
    out = tmp_path / "week.yaml"
    out.write_text(first.stdout, encoding="utf-8")
    planned = CliRunner().invoke(cli, ["plan", "--scenario", str(out), "--from", "2024-05-13", "--to", "2024-05-17",
                                       "--format", "json", "--time-limit", "5"])
    assert planned.exit_code == 0, planned.stderr
    document = json.loads(planned.stdout)
    assert len(document["meetings"]) == 12 and document["rejected"] == []


def test_generate_without_meeting_week_needs_the_county_size() -> None:
    result = run("generate", "--seed", "1", "--leaders", "6")
    assert result.exit_code == 2
    assert "--units" in result.stderr and "--meeting-week" in result.stderr


def test_new_does_not_overwrite_a_file_without_force(tmp_path: Path) -> None:
    out = tmp_path / "county.yaml"
    out.write_text("name: 已填写的情景\n", encoding="utf-8")
    refused = run("new", "--out", str(out))
    assert refused.exit_code == 2
    assert refused.stderr == f"{out}: 文件已存在，未作改动；如要覆盖，请加 --force\n"
    assert out.read_text(encoding="utf-8") == "name: 已填写的情景\n"
    english = run("new", "--out", str(out), "--lang", "en")
    assert english.stderr == f"{out}: the file already exists and is left as it is; add --force to overwrite it\n"
    forced = run("new", "--out", str(out), "--force")
    assert forced.exit_code == 0
    assert run("validate", str(out)).exit_code == 0
