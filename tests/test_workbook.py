"""The scenario as an Excel workbook: written, read back to the same scenario, and every mistake named by
its cell through the same validation as YAML."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import TINY_SCENARIO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from govcal.cli import cli
from govcal.exports.scenario_xlsx import scenario_workbook
from scheduler import workbook
from scheduler.domain import Scenario
from scheduler.errors import InputError
from scheduler.generate import generate_scenario
from scheduler.scenario import load_scenario, parse_scenario_bytes, scenario_from_mapping, scenario_to_mapping

FILE = "county.xlsx"


def as_workbook(scenario: Scenario) -> bytes:
    return scenario_workbook(scenario_to_mapping(scenario), date(2024, 1, 1))


def same(first: Scenario, second: Scenario) -> bool:
    return replace(first, source="", sha256="") == replace(second, source="", sha256="")


def edited(raw: bytes, edit: Callable[[Any], None]) -> bytes:
    """The workbook after `edit(book)`, as a clerk's spreadsheet program would save it."""
    book = load_workbook(io.BytesIO(raw))
    edit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def problems(raw: bytes, lang: str = "zh") -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_scenario_bytes(raw, FILE)
    return [problem.render(lang) for problem in caught.value.problems]


def row_of(book: Any, sheet: str, record_id: str) -> int:
    return next(cell.row for cell in book[sheet]["A"] if cell.value == record_id)


def column_of(book: Any, sheet: str, field: str) -> str:
    return next(cell.column_letter for cell in book[sheet][workbook.HEADER_ROWS] if cell.value == field)


@pytest.fixture(scope="module")
def tiny() -> Scenario:
    return scenario_from_mapping(TINY_SCENARIO, "tiny.yaml")


@pytest.fixture(scope="module")
def tiny_book(tiny: Scenario) -> bytes:
    return as_workbook(tiny)


# ----- the round trip ------------------------------------------------------------------------------


def test_the_default_scenario_reads_back_the_same_and_hashes_its_own_bytes() -> None:
    scenario = load_scenario()
    raw = as_workbook(scenario)
    back, warnings = parse_scenario_bytes(raw, FILE)
    assert warnings == ()
    assert same(back, scenario)
    assert back.source == FILE
    import hashlib
    assert back.sha256 == hashlib.sha256(raw).hexdigest()


def test_the_same_scenario_gives_the_same_bytes(tiny: Scenario) -> None:
    assert as_workbook(tiny) == as_workbook(tiny)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), leaders=st.integers(4, 9), units=st.integers(3, 12),
       items=st.integers(0, 8), months=st.integers(1, 3))
def test_any_generated_scenario_survives_yaml_to_workbook_to_yaml(seed: int, leaders: int, units: int, items: int,
                                                                  months: int) -> None:
    scenario = generate_scenario(leaders=leaders, units=units, items_per_month=items, months=months, seed=seed)
    back = parse_scenario_bytes(as_workbook(scenario), FILE)[0]
    assert same(back, scenario)
    assert same(scenario_from_mapping(scenario_to_mapping(back)), scenario)


def test_awkward_values_survive(tiny_scenario_data: dict[str, Any]) -> None:
    """Text that looks like a list or a null, ids with separators, flow settings a dotted path cannot spell."""
    data = tiny_scenario_data
    data["name"] = "[试点] 测试县"
    data["units"][1]["id"] = "fin,ance"
    data["agenda"][0]["unit"] = "fin,ance"
    data["history"][0]["unit"] = "fin,ance"
    data["agenda"][1]["attending_units"] = ["fin,ance", "justice"]
    data["absences"][0]["note"] = "null"
    data["flow"] = {"staff": {"office": 3}, "signers": {"normative": ["head", "exec"]}, "odd.key": {}, "x": "~"}
    scenario = scenario_from_mapping(data)
    assert same(parse_scenario_bytes(as_workbook(scenario), FILE)[0], scenario)


def test_text_a_cell_cannot_hold_is_refused_by_field(tiny_scenario_data: dict[str, Any]) -> None:
    tiny_scenario_data["agenda"][0]["title"] = "关于\x01调整预算的请示"
    with pytest.raises(InputError) as caught:
        as_workbook(scenario_from_mapping(tiny_scenario_data))
    assert caught.value.problems[0].path == "agenda[0].title"


def test_the_plan_from_a_workbook_is_the_plan_from_yaml_byte_for_byte(tiny: Scenario) -> None:
    from scheduler.plan import plan_to_text
    from scheduler.solve import plan

    back = parse_scenario_bytes(as_workbook(tiny), FILE)[0]
    from scheduler.period import Period

    period = Period(date(2024, 5, 1), date(2024, 5, 31))
    results = [plan(replace(s, sha256="", source=""), period, time_limit=30, seed=1).plan for s in (tiny, back)]
    texts = [plan_to_text(replace(result, solver=replace(result.solver, seconds=0.0))) for result in results]
    assert texts[0] == texts[1]


# ----- what a person sees ----------------------------------------------------------------------------


def test_sheets_headers_dates_drop_downs_and_frozen_rows(tiny_book: bytes) -> None:
    book = load_workbook(io.BytesIO(tiny_book))
    assert book.sheetnames[:12] == ["基本信息", "节假日", "会议室", "领导", "单位", "请假外出", "固定活动", "已办事项",
                                    "政策", "议题", "会议申请", "流程参数"]
    items = book["议题"]
    assert [c.value for c in items[1]][:3] == ["编号", "议题名称", "汇报单位"]
    assert [c.value for c in items[2]][:3] == ["id", "title", "unit"]
    assert items.freeze_panes == "A3"
    assert "unit" in items["C1"].comment.text
    submitted = items[f"{column_of(book, '议题', 'submitted')}3"]
    assert submitted.is_date and submitted.number_format == "yyyy-mm-dd"
    assert items[f"{column_of(book, '议题', 'pre_studied')}3"].value == "是"
    sources = {str(v.sqref).split(":")[0][:1]: v.formula1 for v in items.data_validations.dataValidation}
    assert sources[column_of(book, "议题", "unit")] == "'单位'!$A$3:$A$50000"
    assert sources[column_of(book, "议题", "body")] == '"standing,plenary"'
    roles = {v.formula1 for v in book["领导"].data_validations.dataValidation}
    assert '"county_head,executive_deputy,deputy,office_director"' in roles
    assert items.column_dimensions["B"].width >= 20  # the titles show
    assert book["编号表"].sheet_state == "hidden"


def test_a_new_field_of_the_contract_gets_a_column(monkeypatch: pytest.MonkeyPatch) -> None:
    """Columns follow the reader's field lists and their types the dataclasses."""
    from scheduler import scenario as spec

    monkeypatch.setattr(spec, "ROOM_FIELDS", (*spec.ROOM_FIELDS, "video"))
    rooms = next(s for s in spec.workbook_layout() if s.name == "会议室")
    assert rooms.columns[-1] == workbook.Column("video", "video", workbook.VALUE)
    assert next(c for c in rooms.columns if c.field == "capacity").kind == workbook.INT


# ----- mistakes in cells -------------------------------------------------------------------------------


def test_every_cell_mistake_at_once_through_the_yaml_rules(tiny_book: bytes) -> None:
    def edit(book: Any) -> None:
        items, units = book["议题"], book["单位"]
        items[f"{column_of(book, '议题', 'submitted')}{row_of(book, '议题', 'Y-1')}"] = "2024-02-30"
        units[f"{column_of(book, '单位', 'supervisor')}{row_of(book, '单位', 'agri')}"] = "dep-agr"
        book["领导"]["A4"] = 101  # a number in an id column

    found = problems(edited(tiny_book, edit))
    assert f"{FILE}: 议题!G3：日期“2024-02-30”无效，应为真实存在的 YYYY-MM-DD 日期" in found
    assert f"{FILE}: 单位!D5：没有编号为“dep-agr”的领导（leaders）；是否应为“dep-agri”？" in found
    assert f"{FILE}: 领导!A4：应为文本" in found
    assert all("!" in line for line in found)


def test_english_and_duplicate_ids_name_cells(tiny_book: bytes) -> None:
    def edit(book: Any) -> None:
        book["单位"]["A5"] = "justice"

    found = problems(edited(tiny_book, edit), "en")
    assert f"{FILE}: 单位!A5: id 'justice' is already used at 单位!A3 (ids are unique across the file)" in found
    assert f"{FILE}: 议题!C4: no unit with id 'agri' (units)" in found


def test_blank_rows_are_skipped_and_text_dates_read(tiny_book: bytes, tiny: Scenario) -> None:
    def edit(book: Any) -> None:
        sheet = book["议题"]
        sheet.insert_rows(4, 3)
        sheet[f"{column_of(book, '议题', 'submitted')}3"] = "2024-04-25"

    assert same(parse_scenario_bytes(edited(tiny_book, edit), FILE)[0], tiny)


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda book: book.remove(book["固定活动"]), "缺少工作表“固定活动”"),
    (lambda book: setattr(book["议题"], "title", "议题清单"), "议题清单：工作表“议题清单”应名为“议题”"),
    (lambda book: book["领导"].cell(1, 2, "姓名"), "领导!B1：表头“姓名”被改动，字段 title 的表头应为“职务”"),
    (lambda book: book["领导"].cell(2, 2, "titel"), "领导!B2：列“titel”不是本表的列；是否应为“title”？"),
    (lambda book: book["单位"].merge_cells("B3:B4"), "单位!B3:B4：合并单元格无法读取"),
    (lambda book: book["单位"].cell(3, 9, "备注"), "单位!I3：此格在各列之外"),
    (lambda book: book["议题"].cell(3, 6, "=10+10"), "议题!F3：公式“=10+10”没有保存计算结果"),
])
def test_a_broken_form_is_named_by_sheet_and_cell(tiny_book: bytes, edit: Callable[[Any], None],
                                                  expected: str) -> None:
    found = problems(edited(tiny_book, edit))
    assert any(expected in line for line in found), found


def test_not_a_workbook_and_an_old_xls() -> None:
    assert problems(b"PK\x03\x04 broken zip") == [
        f"{FILE}: 不是 Excel 工作簿（.xlsx），或文件已损坏；请在 Excel 或 WPS 中另存为 .xlsx"]
    assert "旧版" in problems(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)[0]


def test_a_workbook_over_the_row_limit_is_refused_unread(tiny_book: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbook, "MAX_ROWS", 20)
    assert "超过 20 行" in problems(tiny_book)[0]


# ----- the command line -----------------------------------------------------------------------------


def test_export_then_plan_import_and_validate(tmp_path: Path, write_scenario: Callable[..., Path],
                                              tiny_scenario_data: dict[str, Any]) -> None:
    source = write_scenario(tiny_scenario_data)
    book = tmp_path / FILE
    runner = CliRunner()
    assert runner.invoke(cli, ["scenario", "export", str(source), "--out", str(book)]).exit_code == 0
    assert runner.invoke(cli, ["scenario", "export", str(source), "--out", str(book)]).exit_code == 2  # exists
    validated = runner.invoke(cli, ["scenario", "validate", str(book)])
    assert validated.exit_code == 0, validated.output
    converted = tmp_path / "county.yaml"
    assert runner.invoke(cli, ["scenario", "import", str(book), "--out", str(converted)]).exit_code == 0
    assert same(load_scenario(converted), load_scenario(source))


def test_a_bad_workbook_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / FILE
    bad.write_bytes(b"not a workbook at all")
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(cli, ["scenario", "import", str(bad), "--out", str(out)])
    assert result.exit_code == 2
    assert "不是 Excel 工作簿" in result.stderr
    assert not out.exists()


def test_the_template_workbook_validates(tmp_path: Path) -> None:
    book = tmp_path / "template.xlsx"
    runner = CliRunner()
    assert runner.invoke(cli, ["scenario", "new", "--xlsx", "--out", str(book)]).exit_code == 0
    assert runner.invoke(cli, ["scenario", "validate", str(book)]).exit_code == 0
    assert runner.invoke(cli, ["scenario", "new", "--xlsx"]).exit_code == 2


def test_absence_adds_a_row_and_leaves_the_rest(tmp_path: Path, tiny_book: bytes) -> None:
    book = tmp_path / FILE
    book.write_bytes(tiny_book)
    runner = CliRunner()
    result = runner.invoke(cli, ["scenario", "absence", str(book), "--who", "exec", "--from", "2024-05-20",
                                 "--to", "2024-05-22", "--note", "住院"])
    assert result.exit_code == 0, result.output
    before, after = load_workbook(io.BytesIO(tiny_book)), load_workbook(book)
    for name in before.sheetnames:
        rows = [[c.value for c in row] for row in before[name].iter_rows()]
        if name == "请假外出":
            assert after[name].cell(len(rows) + 1, 1).value == "exec"
            assert after[name].cell(len(rows) + 1, 2).is_date
        assert [[c.value for c in row] for row in after[name].iter_rows()][:len(rows)] == rows
    assert load_scenario(book).absences[-1].note == "住院"
    unknown = runner.invoke(cli, ["scenario", "absence", str(book), "--who", "exce", "--from", "2024-05-20",
                                  "--to", "2024-05-22"])
    assert unknown.exit_code == 2 and "请假外出!A5" in unknown.stderr and "exec" in unknown.stderr
    assert len(load_scenario(book).absences) == 2
