"""plan.xlsx, opened with openpyxl: sheets, headers, known rows, print set-up, determinism."""

from __future__ import annotations

import datetime
import io

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from plan_fixtures import congress_plan, congress_scenario, small_plan, small_scenario

from govcal.exports.xlsx import MAX_SHEET_NAME, PRINT_WIDTH_CHARACTERS, fit_to_page, plan_workbook, unique_sheet_name
from govcal.view import display_width

LEADER_SHEETS = ["县长", "常务副县长", "副县长（农业农村）", "副县长（教育）", "政府办公室主任"]


@pytest.fixture(scope="module")
def workbook_zh():
    return load_workbook(io.BytesIO(plan_workbook(small_plan(), small_scenario(), "zh")))


def values(sheet: Worksheet) -> list[tuple]:
    return [row for row in sheet.iter_rows(values_only=True) if any(cell is not None for cell in row)]


def test_sheets_and_headers(workbook_zh) -> None:
    assert workbook_zh.sheetnames == ["领导活动安排表", "议题清单", "暂缓议题", "未安排会议", *LEADER_SHEETS]
    assert values(workbook_zh["领导活动安排表"])[1] == (
        "日期", "星期", "时间", "会议/活动", "地点", "召集/主持领导", "出席人员", "承办单位")
    assert values(workbook_zh["议题清单"])[1] == ("序号", "议题", "汇报单位", "分管领导", "列席单位", "时长(分钟)")


def test_weekly_schedule_has_a_block_per_week_with_meetings_absences_and_holidays(workbook_zh) -> None:
    rows = values(workbook_zh["领导活动安排表"])
    week_labels = [row[0] for row in rows if str(row[0]).startswith("第") and row[1] is None]
    assert week_labels == ["第1周（5月1日—5月5日）", "第2周（5月6日—5月12日）", "第3周（5月13日—5月19日）",
                           "第4周（5月20日—5月26日）", "第5周（5月27日—5月31日）"]
    standing = next(row for row in rows if row[3] == "县政府第5次常务会议")
    assert standing[:6] == ("5月21日", "星期二", "10:00-13:00", "县政府第5次常务会议", "常务会议室", "县长")
    assert ("5月13日—5月17日", "星期一—星期五", "全天", "县长出差（赴州开会）") in [row[:4] for row in rows]
    assert ("5月1日—5月5日", "星期三—星期日", "全天", "劳动节") in [row[:4] for row in rows]
    assert ("5月11日", "星期六", "全天", "调休上班") in [row[:4] for row in rows]
    assert len(workbook_zh["领导活动安排表"].row_breaks.brk) == 4  # each week prints on its own page


def test_items_in_running_order_and_left_out_with_articles(workbook_zh) -> None:
    rows = values(workbook_zh["议题清单"])
    assert rows[2] == ("县政府第5次常务会议（5月21日 10:00-13:00）", None, None, None, None, None)
    assert rows[3] == (1, "关于调整2024年县级财政预算的请示", "县财政局", "常务副县长", "县审计局", 20)
    assert rows[4][:2] == (2, "关于畜牧业补贴发放办法的请示")
    assert values(workbook_zh["暂缓议题"])[2] == ("Y-044", "关于县城学校布局调整的请示", "县财政局", "副县长（教育）",
                                              "分管领导不能出席本月常务会议", "第四十三条")
    assert values(workbook_zh["未安排会议"])[2] == (
        "M-09", "全县财政工作会议", "全县性会议", "常务副县长", "该单位今年已召开全县性会议", "第四十七条")


def test_leader_sheet_lists_every_day_of_the_month(workbook_zh) -> None:
    rows = values(workbook_zh["县长"])
    days = rows[3:]
    assert len({row[0] for row in days}) == 31
    assert ("5月21日", "星期二", "工作日", "10:00-13:00", "县政府第5次常务会议", "常务会议室", "主持") in days
    assert ("5月14日", "星期二", "工作日", "全天", "县长出差（赴州开会）", None, "不在岗") in days


def test_congress_meetings_show_who_attends_and_a_stand_in_as_such() -> None:
    workbook = load_workbook(io.BytesIO(plan_workbook(congress_plan(), congress_scenario(), "zh")))
    schedule = values(workbook["领导活动安排表"])
    npc5 = next(row for row in schedule if row[3] == "县人大常委会会议")
    assert npc5[:7] == ("5月28日", "星期二", "10:00-13:00", "县人大常委会会议", "县人大常委会会议室", None,
                        "委托政府办公室主任参加（第四十九条）")
    npc6 = next(row for row in schedule if row[3] == "县人大常委会会议（审议决算）")
    assert npc6[6] == "副县长（教育）"
    office = values(workbook["政府办公室主任"])
    assert ("5月28日", "星期二", "工作日", "10:00-13:00", "县人大常委会会议", "县人大常委会会议室",
            "受委托出席（第四十九条）") in office
    education = values(workbook["副县长（教育）"])
    assert ("5月30日", "星期四", "工作日", "16:00-18:30", "县人大常委会会议（审议决算）", "县人大常委会会议室",
            "出席") in education
    assert not any("县人大常委会" in str(row[4]) for row in values(workbook["副县长（农业农村）"]))
    english = load_workbook(io.BytesIO(plan_workbook(congress_plan(), congress_scenario(), "en")))
    assert ("Stands in (Art. 49)" in
            [row[6] for row in values(english["政府办公室主任"]) if row[4] == "县人大常委会会议"])


def test_prints_as_is(workbook_zh) -> None:
    for sheet in workbook_zh.worksheets:
        assert sheet.freeze_panes == "A3"
        assert sheet.print_title_rows == "$1:$2"
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4  # 9 = A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert sheet.oddHeader.center.text == "测试县人民政府 2024"
        assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
        assert sheet["A3"].alignment.wrap_text or sheet["A4"].alignment.wrap_text


def test_every_sheet_fits_a4_landscape_at_full_size(workbook_zh) -> None:
    # 271.6 mm between half-inch margins; a column w characters wide takes about 1.85 w + 1.3 mm.
    for sheet in workbook_zh.worksheets:
        widths = [dimension.width for dimension in sheet.column_dimensions.values() if dimension.width]
        assert sum(1.85 * w + 1.3 for w in widths) <= 271.6, sheet.title
        assert sheet.page_margins.left == sheet.page_margins.right == 0.5
    assert fit_to_page([48, 48, 48, 6]) == [fit_to_page([48, 48, 48, 6])[0]] * 3 + [6]
    assert sum(fit_to_page([48] * 8)) <= PRINT_WIDTH_CHARACTERS and fit_to_page([10, 20]) == [10, 20]


def test_columns_fit_cjk_text_at_double_width(workbook_zh) -> None:
    sheet = workbook_zh["议题清单"]
    assert sheet.column_dimensions["B"].width >= display_width("关于调整2024年县级财政预算的请示")
    assert sheet.column_dimensions["B"].width < 2 * display_width("关于调整2024年县级财政预算的请示")


def test_english_sheets_and_headers() -> None:
    workbook = load_workbook(io.BytesIO(plan_workbook(small_plan(), small_scenario(), "en")))
    assert workbook.sheetnames[:4] == ["Leader schedule", "Agenda items", "Deferred items", "Unscheduled requests"]
    assert values(workbook["Agenda items"])[1] == (
        "No.", "Agenda item", "Reporting unit", "Supervising leader", "Attending units", "Minutes")
    assert values(workbook["Deferred items"])[2][-1] == "Art. 43"


def test_same_plan_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    first = plan_workbook(small_plan(), small_scenario())
    later = datetime.datetime.now() + datetime.timedelta(days=400)  # a run on another day

    class Tomorrow(datetime.datetime):
        @classmethod
        def now(cls, tz: datetime.tzinfo | None = None) -> datetime.datetime:
            return later.replace(tzinfo=tz)

    monkeypatch.setattr(datetime, "datetime", Tomorrow)
    assert plan_workbook(small_plan(), small_scenario()) == first


@pytest.mark.parametrize(("wanted", "expected"), [
    ("a/b:c*d?e[f]g\\h", "a_b_c_d_e_f_g_h"),
    ("很长的名字" * 10, ("很长的名字" * 10)[:MAX_SHEET_NAME]),
])
def test_sheet_names_are_legal(wanted: str, expected: str) -> None:
    assert unique_sheet_name(wanted, set()) == expected


def test_sheet_names_are_unique_ignoring_case() -> None:
    used: set[str] = set()
    names = [unique_sheet_name(name, used) for name in ("Head", "head", "x" * 40, "x" * 40)]
    assert names == ["Head", "head~2", "x" * 31, "x" * 29 + "~2"]
