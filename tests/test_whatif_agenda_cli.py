"""`govcal whatif agenda` end to end on the small county; `govcal whatif` without it is unchanged."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from whatif_agenda_fixtures import MONTH_TIME_LIMIT, whatif_data

from govcal.cli import cli


@pytest.fixture(scope="module")
def scenario_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("whatif") / "county.yaml"
    path.write_text(yaml.safe_dump(whatif_data(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_json_alone_on_stdout_plots_and_kept_plans_that_govcal_check_passes(scenario_file: Path,
                                                                             tmp_path: Path) -> None:
    out, kept = tmp_path / "out", tmp_path / "kept"
    result = CliRunner().invoke(cli, ["whatif", "agenda", "--scenario", str(scenario_file), "--load", "2,1",
                                      "--months", "2", "--reps", "1", "--jobs", "1", "--seed", "4",
                                      "--month-time-limit", str(MONTH_TIME_LIMIT), "--format", "json",
                                      "--out", str(out), "--keep-plans", str(kept)])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["format"] == "govcal.whatif.agenda/1" and [x["load"] for x in document["loads"]] == [1.0, 2.0]
    assert sorted(p.name for p in out.iterdir()) == ["backlog-by-month.png", "load-curves.png",
                                                     "meetings-per-month.png", "whatif-agenda.json"]
    assert json.loads((out / "whatif-agenda.json").read_text(encoding="utf-8")) == document
    assert all((out / name).stat().st_size > 10_000 for name in ("load-curves.png", "backlog-by-month.png"))
    files = sorted(str(p.relative_to(kept)) for p in kept.rglob("*") if p.is_file())
    assert files == [f"load-{load}/rep-1/{month}.{ext}" for load in (1, 2) for month in ("2024-04", "2024-05")
                     for ext in ("json", "yaml")]
    for month in ("2024-04", "2024-05"):  # a sample, checked the way a user would
        folder = kept / "load-2" / "rep-1"
        checked = CliRunner().invoke(cli, ["check", str(folder / f"{month}.json"), "--scenario",
                                           str(folder / f"{month}.yaml")])
        assert checked.exit_code == 0, checked.output
    validated = CliRunner().invoke(cli, ["scenario", "validate", str(kept / "load-2" / "rep-1" / "2024-05.yaml")])
    assert validated.exit_code == 0, validated.output


def test_table_in_english_ends_with_the_verdict(scenario_file: Path) -> None:
    result = CliRunner().invoke(cli, ["whatif", "agenda", "--scenario", str(scenario_file), "--load", "1",
                                      "--months", "1", "--reps", "1", "--jobs", "1", "--lang", "en",
                                      "--month-time-limit", str(MONTH_TIME_LIMIT)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Agenda-load what-if: 测试县 2024, 1 months from 2024-04")
    assert "breaking point" in result.stdout.splitlines()[-1]


@pytest.mark.parametrize(("arguments", "where"), [
    (["--dask", "nowhere"], "--dask"),
    (["--months", "0"], "--months"),
    (["--load", "1,x"], "--load"),
    (["--months", "1000"], "--months"),  # past the last year the calendar reaches (2099)
])
def test_bad_options_exit_2_naming_the_option(scenario_file: Path, arguments: list[str], where: str) -> None:
    result = CliRunner().invoke(cli, ["whatif", "agenda", "--scenario", str(scenario_file), "--reps", "1",
                                      *arguments])
    assert result.exit_code == 2 and where in result.stderr and "Traceback" not in result.output


def test_bad_flow_agenda_exits_2_with_its_field_path(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(whatif_data(pre_study_share=2), allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(cli, ["whatif", "agenda", "--scenario", str(bad), "--lang", "en"])
    assert result.exit_code == 2
    assert "flow.agenda.pre_study_share" in result.stderr and "between 0 and 1" in result.stderr


def test_dask_missing_is_a_clear_message(scenario_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if the extra were not installed
    result = CliRunner().invoke(cli, ["whatif", "agenda", "--scenario", str(scenario_file), "--months", "1",
                                      "--reps", "1", "--dask", "local", "--lang", "en"])
    assert result.exit_code == 2 and "pip install 'govcal[cluster]'" in result.stderr


def test_whatif_without_a_subcommand_is_still_the_document_flow_sweep() -> None:
    result = CliRunner().invoke(cli, ["whatif", "--load", "1", "--reps", "1", "--jobs", "1", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["format"] == "govcal.whatif/1"
    assert "agenda" in CliRunner().invoke(cli, ["whatif", "--help"]).stdout
