"""`govcal scenario absence`: a leave entered into the scenario file's text, comments and layout kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from govcal.cli import cli
from govcal.scenario_edit import append_to_list
from scheduler.scenario import load_scenario

RECORD = {"who": "exec", "from": date(2024, 6, 10), "to": date(2024, 6, 21), "kind": "leave", "note": "住院"}
LINE = "- {who: exec, from: 2024-06-10, to: 2024-06-21, kind: leave, note: 住院}"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["scenario", "absence", *args])


def test_a_record_goes_after_the_lists_last_record_before_the_comments_that_follow() -> None:
    text = ("name: x  # 县名\nabsences:\n    - {who: head, from: 2024-01-09, to: 2024-01-11, kind: trip}\n"
            "    # 以下为会议\n\ncommitments: []\n")
    assert append_to_list(text, "absences", RECORD) == (
        "name: x  # 县名\nabsences:\n    - {who: head, from: 2024-01-09, to: 2024-01-11, kind: trip}\n"
        f"    {LINE}\n    # 以下为会议\n\ncommitments: []\n")


@pytest.mark.parametrize(("text", "expected"), [
    ("name: x\nabsences: []  # 无\nunits: []\n", f"name: x\nabsences:\n  {LINE}\nunits: []\n"),
    ("name: x\n", f"name: x\nabsences:\n  {LINE}\n"),
    ("absences:\n- who: head\n  from: 2024-01-09\n  to: 2024-01-11\nunits: []\n",
     f"absences:\n- who: head\n  from: 2024-01-09\n  to: 2024-01-11\n{LINE}\nunits: []\n"),
    ("name: x", f"name: x\nabsences:\n  {LINE}\n"),
    ("name: x\r\nabsences:\r\n  - {who: head, from: 2024-01-09, to: 2024-01-11}\r\n",
     f"name: x\r\nabsences:\r\n  - {{who: head, from: 2024-01-09, to: 2024-01-11}}\r\n  {LINE}\r\n"),
])
def test_an_empty_missing_unindented_or_crlf_list(text: str, expected: str) -> None:
    assert append_to_list(text, "absences", RECORD) == expected


def test_a_one_line_flow_list_is_left_to_the_user() -> None:
    with pytest.raises(ValueError):
        append_to_list("absences: [{who: head, from: 2024-01-09, to: 2024-01-11}]\n", "absences", RECORD)


def test_the_command_enters_the_leave_and_the_scenario_loads_with_it(
        write_scenario: Callable[..., Path], tiny_scenario_data: dict[str, Any]) -> None:
    body = yaml.safe_dump(tiny_scenario_data, allow_unicode=True, sort_keys=False)
    source = write_scenario("# 测试县的场景\n" + body)
    result = run(str(source), "--who", "dep-agri", "--from", "2024-05-20", "--to", "2024-05-21", "--note", "住院")
    assert result.exit_code == 0, result.stderr
    assert "副县长" in result.stderr and "5月20日" in result.stderr
    text = source.read_text(encoding="utf-8")
    assert text.startswith("# 测试县的场景\n")
    entered = load_scenario(source).absences[-1]
    assert (entered.who, entered.start, entered.end, entered.kind, entered.note) == \
        ("dep-agri", date(2024, 5, 20), date(2024, 5, 21), "leave", "住院")


def test_bad_input_names_the_field_suggests_the_id_and_writes_nothing(
        write_scenario: Callable[..., Path], tiny_scenario_data: dict[str, Any], tmp_path: Path) -> None:
    source = write_scenario(tiny_scenario_data)
    before = source.read_bytes()
    unknown = run(str(source), "--who", "dep-agir", "--from", "2024-05-20", "--to", "2024-05-21", "--lang", "en")
    assert unknown.exit_code == 2 and "absences[1].who" in unknown.stderr and "dep-agri" in unknown.stderr
    bad_day = run(str(source), "--who", "head", "--from", "2024-05-32", "--to", "2024-05-21", "--lang", "en")
    assert bad_day.exit_code == 2 and "--from" in bad_day.stderr
    backwards = run(str(source), "--who", "head", "--from", "2024-05-22", "--to", "2024-05-21")
    assert backwards.exit_code == 2 and "absences[1]" in backwards.stderr
    existing = tmp_path / "other.yaml"
    existing.write_text("keep me\n", encoding="utf-8")
    refused = run(str(source), "--who", "head", "--from", "2024-05-20", "--to", "2024-05-21", "--out", str(existing))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert source.read_bytes() == before and existing.read_text(encoding="utf-8") == "keep me\n"
    assert "Traceback" not in unknown.output + bad_day.output + backwards.output + refused.output
