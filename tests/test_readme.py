"""The README's examples run as written (docs as tests).

Each `govcal ...` line between the readme-examples markers is run in order through click's
CliRunner in a scratch folder, so relative outputs (out/, big.yaml) land there; paths into
scenarios/ are resolved against the repository.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcal.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def readme_examples() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- readme-examples -->\s*```sh\n(.*?)```", text, re.S)
    assert block, "README has lost its examples block"
    return [line.strip() for line in block.group(1).splitlines() if line.strip().startswith("govcal ")]


def test_readme_lists_examples_of_every_command() -> None:
    commands = {shlex.split(line)[1] for line in readme_examples()}
    assert {"scenario", "plan", "check", "simulate", "whatif"} <= commands


def test_readme_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for line in readme_examples():
        words = [str(ROOT / w) if w.startswith("scenarios/") else w for w in shlex.split(line)[1:]]
        result = runner.invoke(cli, words, catch_exceptions=False)
        assert result.exit_code == 0, f"{line}\n{result.output}"
    assert (tmp_path / "out" / "2024-05" / "plan.xlsx").is_file()
    assert (tmp_path / "out" / "2024-05" / "ics").is_dir()
    _the_illness_moves_only_what_it_touches(tmp_path)
    _january_plans_on_decembers_record(tmp_path)


def _the_illness_moves_only_what_it_touches(folder: Path) -> None:
    """The cycle's re-plan after the executive deputy falls ill (10-21 June): he attends nothing in
    those days, nothing before --since changed, and the office's workbook gained the leave and the
    recorded history as rows, everything else as it was (drop-down lists included)."""
    from openpyxl import load_workbook

    from scheduler.scenario import load_scenario

    edited, original = load_scenario(folder / "county.xlsx"), load_scenario()
    assert edited.absences[:-1] == original.absences and edited.absences[-1].note == "住院"
    assert edited.agenda == original.agenda and edited.history[:len(original.history)] == original.history
    assert len(edited.history) > len(original.history)
    assert load_workbook(folder / "county.xlsx")["议题"].data_validations.dataValidation
    published = json.loads((folder / "out" / "cycle-06" / "plan.json").read_text(encoding="utf-8"))
    replanned = json.loads((folder / "out" / "cycle-06-r2" / "plan.json").read_text(encoding="utf-8"))
    ill = [m["id"] for m in replanned["meetings"] if "2024-06-10" <= m["date"] <= "2024-06-21" and
           "exec" in m["attendees"]]
    assert ill == []
    before = [m for m in published["meetings"] if m["date"] < "2024-06-04" and m["id"] != "standing-2024-06-1"]
    assert all(m in replanned["meetings"] for m in before)
    assert replanned["revision"] == 2 and replanned["changes"]


def _january_plans_on_decembers_record(folder: Path) -> None:
    """The second cycle: January 2027 (projected) planned on December 2026's record after one relink:
    Q-102 is pending again, Q-101 (decided, followed up) is gone, standing meetings start at 第1次."""
    january = json.loads((folder / "out" / "2027-01" / "plan.json").read_text(encoding="utf-8"))
    assert january["period"]["from"] == "2027-01-01" and january["calendar_basis"] == {"2027": "projected"}
    heard = {i for m in january["meetings"] for i in m["items"]} | {d["item"] for d in january["deferred"]}
    assert "Q-102" in heard and "Q-101" not in heard
    assert min(m["number"] for m in january["meetings"] if m["kind"] == "standing") == 1
