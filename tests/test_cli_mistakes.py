"""Everyday mistakes through the command line (DESIGN §5): each gets one clear message naming the
file or option and what is wrong, in the chosen language, exit 2, no traceback, nothing written."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from govcal.cli import cli


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def assert_bad_input(result: Result) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""


# ----- files that cannot be read -------------------------------------------------------------------


@pytest.mark.parametrize("command", [("scenario", "validate"), ("plan", "--scenario")])
def test_a_folder_given_as_scenario_is_named_as_such(command: tuple[str, ...], tmp_path: Path) -> None:
    result = run(*command, str(tmp_path))
    assert_bad_input(result)
    assert result.stderr == f"{tmp_path}: 这是一个文件夹，不是文件\n"
    english = run(*command, str(tmp_path), "--lang", "en")
    assert english.stderr == f"{tmp_path}: this is a folder, not a file\n"


def test_a_file_without_read_permission(write_scenario: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    file = write_scenario("version: 1\n")

    def refuse(_self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)  # tests may run as root, who reads anything
    result = run("scenario", "validate", str(file))
    assert_bad_input(result)
    assert result.stderr == f"{file}: 没有读取此文件的权限\n"


def test_a_file_not_in_utf8_names_the_line_and_says_how_to_fix_it(tmp_path: Path) -> None:
    file = tmp_path / "gbk.yaml"
    file.write_bytes("version: 1\nname: 乌恰县\n".encode("gbk"))
    result = run("plan", "--scenario", str(file), "--lang", "en")
    assert_bad_input(result)
    assert result.stderr == f"{file}:2: not UTF-8 text (byte 17 cannot be decoded); save the file as UTF-8\n"


def test_an_empty_scenario_says_it_is_empty(write_scenario: Callable[..., Path]) -> None:
    file = write_scenario("")
    result = run("scenario", "validate", str(file))
    assert_bad_input(result)
    assert result.stderr == f"{file}: 文件是空的，没有任何字段\n"


def test_a_yaml_mistake_reads_in_chinese_through_the_cli(write_scenario: Callable[..., Path]) -> None:
    file = write_scenario("version: 1\nname: 会议: 常务\n")
    result = run("scenario", "validate", str(file))
    assert_bad_input(result)
    assert result.stderr.startswith(f"{file}:2: YAML 格式错误：此处不能出现“字段: 值”")


# ----- warnings (unknown fields) from every command that loads a scenario -------------------------

WARNING_ZH = "agenda[0].dedline: 未知字段“dedline”，已忽略；是否应为“deadline”？"
STRICT_EN = "agenda[0].dedline: unknown field 'dedline' (--strict allows none); did you mean 'deadline'?"
# Each command that loads a scenario, with options that keep it quick and its output JSON.
LOADING_COMMANDS = {
    "plan": ("plan", "--month", "2024-05", "--format", "json"),
    "simulate": ("simulate", "--reps", "2", "--format", "json"),
    "whatif": ("whatif", "--load", "1", "--reps", "2", "--format", "json"),
    "whatif agenda": ("whatif", "agenda", "--load", "1", "--reps", "1", "--months", "1", "--format", "json"),
    "ledger init": ("ledger", "init", "--format", "json"),
}


@pytest.fixture
def misspelt_scenario(write_scenario: Callable[..., Path], tiny_scenario_data: dict[str, Any]) -> Path:
    """The tiny scenario with ``dedline:`` for ``deadline:`` on line 61 of its file."""
    tiny_scenario_data["agenda"][0]["dedline"] = "2024-05-31"
    return write_scenario(tiny_scenario_data)


def with_ledger(args: tuple[str, ...], tmp_path: Path) -> tuple[str, ...]:
    return (*args, "--ledger", str(tmp_path / "ledger.db")) if args[0] == "ledger" else args


@pytest.mark.parametrize("command", LOADING_COMMANDS, ids=list(LOADING_COMMANDS))
def test_every_command_warns_on_stderr_keeping_json_pure(command: str, misspelt_scenario: Path,
                                                         tmp_path: Path) -> None:
    result = run(*with_ledger(LOADING_COMMANDS[command], tmp_path), "--scenario", str(misspelt_scenario))
    assert result.exit_code == 0, result.output
    assert f"警告：{misspelt_scenario}:61: {WARNING_ZH}\n" in result.stderr
    json.loads(result.stdout)  # nothing but the JSON document on standard output


@pytest.mark.parametrize("command", LOADING_COMMANDS, ids=list(LOADING_COMMANDS))
def test_strict_turns_warnings_into_errors(command: str, misspelt_scenario: Path, tmp_path: Path) -> None:
    args = with_ledger(LOADING_COMMANDS[command], tmp_path)
    result = run(*args, "--scenario", str(misspelt_scenario), "--strict", "--lang", "en")
    assert_bad_input(result)
    assert result.stderr == f"{misspelt_scenario}:61: {STRICT_EN}\n"
    assert not (tmp_path / "ledger.db").exists()  # nothing half done


def test_check_and_plan_on_a_ledger_warn_too(misspelt_scenario: Path, tmp_path: Path) -> None:
    scenario = str(misspelt_scenario)
    planned = run("plan", "--scenario", scenario, "--month", "2024-05", "--format", "json")
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(planned.stdout, encoding="utf-8")
    checked = run("check", str(plan_file), "--scenario", scenario)
    assert checked.exit_code == 0, checked.output
    assert WARNING_ZH in checked.stderr and WARNING_ZH not in checked.stdout
    strict = run("check", str(plan_file), "--scenario", scenario, "--strict", "--lang", "en")
    assert_bad_input(strict)
    assert STRICT_EN in strict.stderr
    ledger = str(tmp_path / "ledger.db")
    assert run("ledger", "init", "--scenario", scenario, "--ledger", ledger).exit_code == 0
    on_ledger = run("plan", "--ledger", ledger, "--month", "2024-05", "--format", "json", "--today", "2024-04-30")
    assert on_ledger.exit_code == 0, on_ledger.output
    assert WARNING_ZH in on_ledger.stderr
    json.loads(on_ledger.stdout)
    assert STRICT_EN in run("plan", "--ledger", ledger, "--month", "2024-05", "--strict", "--lang", "en",
                            "--today", "2024-04-30").stderr


def test_validate_strict(misspelt_scenario: Path) -> None:
    assert run("scenario", "validate", str(misspelt_scenario)).exit_code == 0
    strict = run("scenario", "validate", str(misspelt_scenario), "--strict", "--lang", "en")
    assert_bad_input(strict)
    assert strict.stderr == f"{misspelt_scenario}:61: {STRICT_EN}\n"


# ----- a period outside the scenario's year ---------------------------------------------------------


def test_plan_refuses_a_month_beyond_the_calendars_reach_naming_the_limit(
        write_scenario: Callable[..., Path], tiny_scenario_data: dict[str, Any], tmp_path: Path) -> None:
    scenario = str(write_scenario(tiny_scenario_data))
    out = tmp_path / "out"
    result = run("plan", "--scenario", scenario, "--month", "2100-03", "--out", str(out))
    assert_bad_input(result)
    assert result.stderr == "--month: 2100-03-01 超出日历所能推算的范围（1901-01-01 至 2099-12-31）\n"
    assert not out.exists()
    english = run("plan", "--scenario", scenario, "--from", "2099-12-20", "--to", "2100-01-10", "--lang", "en")
    assert_bad_input(english)
    assert english.stderr == "--to: 2100-01-10 is beyond what the calendar can reach (1901-01-01 .. 2099-12-31)\n"


def test_plan_on_a_ledger_and_replan_refuse_it_too(write_scenario: Callable[..., Path],
                                                   tiny_scenario_data: dict[str, Any], tmp_path: Path) -> None:
    ledger = str(tmp_path / "ledger.db")
    assert run("ledger", "init", "--scenario", str(write_scenario(tiny_scenario_data)), "--ledger", ledger
               ).exit_code == 0
    for command in (("plan", "--month", "1900-12"), ("replan", "--month", "1900-12")):
        result = run(*command, "--ledger", ledger, "--lang", "en")
        assert_bad_input(result)
        assert result.stderr.startswith("--month: 1900-12-01 is beyond what the calendar can reach (1901-01-01")
