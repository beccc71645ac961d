"""Everyday mistakes through the command line (DESIGN §5): each gets one clear message naming the
file or option and what is wrong, in the chosen language, exit 2, no traceback, nothing written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
