"""The meeting notices (会议通知), read back with python-docx: what they say, in which order, how they are
laid out, and the same bytes for the same plan."""

from __future__ import annotations

import io
import time
import types
import zipfile
from dataclasses import replace
from datetime import date

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from plan_fixtures import congress_plan, congress_scenario, small_plan, small_scenario

from govcal.exports.notice import meeting_notice, plan_notices
from scheduler.plan import PlannedMeeting


def read(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def texts(document: Document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def line_starting(document: Document, start: str) -> str:
    return next(text for text in texts(document) if text.startswith(start))


def table_rows(document: Document) -> list[tuple[str, ...]]:
    (table,) = document.tables
    return [tuple(cell.text for cell in row.cells) for row in table.rows]


@pytest.fixture(scope="module")
def standing_zh() -> Document:
    plan = small_plan()
    return read(meeting_notice(plan.meeting("standing-2024-05-1"), plan, small_scenario(), "zh"))


def test_a_notice_for_every_meeting_but_a_units_county_wide_one() -> None:
    assert sorted(plan_notices(congress_plan(), congress_scenario())) == ["M-07.docx", "M-12.docx",
                                                                         "standing-2024-05-1.docx"]
    assert list(plan_notices(replace(small_plan(), meetings=()), small_scenario())) == []


def test_title_number_time_place_presider_and_attendees(standing_zh: Document) -> None:
    lines = texts(standing_zh)
    assert lines[0] == "〔2024〕　　号"  # the clerk fills in the prefix and the number
    assert lines[1] == "关于召开县政府第5次常务会议的通知"
    assert lines[2] == "县人民政府各位领导，各有关单位："
    assert line_starting(standing_zh, "一、") == "一、会议时间：2024年5月21日（星期二）10:00-13:00"
    assert line_starting(standing_zh, "二、") == "二、会议地点：常务会议室"
    assert line_starting(standing_zh, "三、") == "三、主持人：县长"
    assert line_starting(standing_zh, "四、") == (
        "四、出席人员：县长、常务副县长、副县长（农业农村）、副县长（教育）、政府办公室主任")
    assert line_starting(standing_zh, "五、") == "五、列席单位：县司法局、县财政局、县农业农村局、县审计局"


def test_items_in_running_order_with_reporting_units_and_minutes(standing_zh: Document) -> None:
    assert line_starting(standing_zh, "六、") == "六、会议议题"
    assert table_rows(standing_zh) == [
        ("序号", "议题", "汇报单位", "时长\n（分钟）"),
        ("1", "关于调整2024年县级财政预算的请示\n列席：县审计局", "县财政局", "20"),
        ("2", "关于畜牧业补贴发放办法的请示\n列席：县财政局\n列席：县审计局", "县农业农村局", "30"),
    ]
    plan = small_plan()
    reordered = replace(plan.meeting("standing-2024-05-1"), items=("Y-040", "Y-031"))
    rows = table_rows(read(meeting_notice(reordered, plan, small_scenario())))
    assert [row[2] for row in rows[1:]] == ["县农业农村局", "县财政局"]


def test_materials_deadline_on_the_working_day_calendar_and_the_rules_on_deputies_and_staff(
        standing_zh: Document) -> None:
    # Tuesday 21 May; Monday 20 May is the scenario's local holiday, so two working days before the
    # meeting is Thursday 16 May (Art. 43, policy.materials_lead_working_days = 2).
    assert line_starting(standing_zh, "（一）") == (
        "（一）请各议题汇报单位于2024年5月16日（星期四）前将议题材料报送县人民政府办公室，"
        "由县人民政府办公室于会前送达与会人员（第四十三条）。")
    leave = line_starting(standing_zh, "（二）")
    assert "书面请假" in leave and "可指定副职参加" in leave and leave.endswith("（第四十四条）。")
    assert line_starting(standing_zh, "（三）") == (
        "（三）除议题主要汇报单位负责人可带一名工作人员外，其他单位与会人员不得带工作人员（第四十四条）。")
    # Issued with the month's plan, on the last working day before May (Labour Day runs 1-5 May).
    assert texts(standing_zh)[-2:] == ["测试县人民政府办公室", "2024年4月30日"]  # named after the county


def test_a_longer_lead_moves_the_deadline_and_the_date_of_issue() -> None:
    plan, scenario = small_plan(), small_scenario()
    longer = replace(scenario, policy=replace(scenario.policy, materials_lead_working_days=10))
    notice = read(meeting_notice(plan.meeting("standing-2024-05-1"), plan, longer))
    # Ten working days before 21 May, skipping the 20 May holiday, counting Saturday 11 May (调休上班).
    assert "2024年5月7日（星期二）前" in line_starting(notice, "（一）")
    assert texts(notice)[-1] == "2024年4月30日"
    earliest = replace(plan.meeting("standing-2024-05-1"), date=date(2024, 5, 8))
    notice = read(meeting_notice(earliest, plan, scenario))
    assert "2024年5月6日（星期一）前" in line_starting(notice, "（一）")
    assert texts(notice)[-1] == "2024年4月30日"
    first_days = replace(plan.meeting("standing-2024-05-1"), date=date(2024, 5, 7))
    notice = read(meeting_notice(first_days, plan, scenario))
    assert "2024年4月30日（星期二）前" in line_starting(notice, "（一）")
    assert texts(notice)[-1] == "2024年4月29日"  # a working day before the materials are due


def test_a_january_meeting_reaches_back_into_december() -> None:
    plan = replace(small_plan(), period_from=date(2024, 1, 1), period_to=date(2024, 1, 31))
    meeting = replace(plan.meeting("standing-2024-05-1"), date=date(2024, 1, 3))
    notice = read(meeting_notice(meeting, plan, small_scenario()))
    # 1 January is New Year's Day, 30-31 December a weekend: two working days before 3 January is 29 December.
    assert "2023年12月29日（星期五）前" in line_starting(notice, "（一）")
    assert texts(notice)[-1] == "2023年12月28日"


def test_an_empty_standing_meeting_says_why_it_is_held() -> None:
    plan = small_plan()
    empty = replace(plan.meeting("standing-2024-05-1"), items=())
    notice = read(meeting_notice(empty, plan, small_scenario()))
    assert notice.tables == []
    agenda = texts(notice).index("六、会议议题")
    assert texts(notice)[agenda + 1] == "本次会议依照第四十二条关于常务会议每月召开一至两次的规定召开，暂无上会议题。"


def test_county_head_office_meeting_has_no_agenda_and_cites_art_46() -> None:
    plan = congress_plan()
    notice = read(meeting_notice(plan.meeting("M-12"), plan, congress_scenario()))
    assert texts(notice)[1] == "关于召开县长办公会议研究城区供热保障有关问题的通知"
    assert notice.tables == []
    assert not any("会议议题" in text or "第四十四条" in text for text in texts(notice))
    assert any(text.endswith("（第四十六条）。") for text in texts(notice))
    assert line_starting(notice, "五、") == "五、列席单位：县财政局、县审计局"


def test_plenary_notice_lists_member_units_and_cites_art_41_when_empty() -> None:
    plan = small_plan()
    plenary = PlannedMeeting("plenary-2024-1", "plenary", "县政府第1次全体会议", date(2024, 5, 22), 600, 720, "r1",
                             "head", ("head", "exec", "finance", "agri"), (), None, 1)
    notice = read(meeting_notice(plenary, plan, small_scenario()))
    assert line_starting(notice, "五、") == "五、参会单位：县财政局、县农业农村局"
    assert any("第四十一条" in text for text in texts(notice))
    assert not any("工作人员" in text for text in texts(notice))  # the staff rule is the standing meeting's


def test_english_notice() -> None:
    plan = small_plan()
    notice = read(meeting_notice(plan.meeting("standing-2024-05-1"), plan, small_scenario(), "en"))
    assert texts(notice)[1] == "Notice of the meeting: 县政府第5次常务会议"
    assert line_starting(notice, "1. ") == "1. Time: Tuesday, 21 May 2024, 10:00-13:00"
    assert line_starting(notice, "2. ") == "2. Place: 常务会议室"
    assert table_rows(notice)[0] == ("No.", "Item", "Reporting unit", "Minutes")
    assert "Thursday, 16 May 2024" in line_starting(notice, "(1) ")
    assert texts(notice)[-2:] == ["General Office of the County People's Government", "30 April 2024"]


def test_a4_with_government_document_margins_and_fonts_by_name(standing_zh: Document) -> None:
    section = standing_zh.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [37, 35, 28, 26]

    def east_asian_font(style_name: str) -> str:
        return standing_zh.styles[style_name].element.rPr.rFonts.get(qn("w:eastAsia"))

    assert east_asian_font("govcal Notice Title") == "方正小标宋简体"
    assert standing_zh.styles["govcal Notice Title"].font.size.pt == 22
    assert east_asian_font("Normal") == "仿宋_GB2312"
    assert standing_zh.styles["Normal"].font.size.pt == 16
    assert standing_zh.paragraphs[1].style.name == "govcal Notice Title"
    heading_run = next(p for p in standing_zh.paragraphs if p.text.startswith("一、")).runs[0]
    assert heading_run._r.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"


def test_fallback_fonts_are_named_in_the_font_table() -> None:
    plan = small_plan()
    data = meeting_notice(plan.meeting("standing-2024-05-1"), plan, small_scenario())
    font_table = zipfile.ZipFile(io.BytesIO(data)).read("word/fontTable.xml").decode("utf-8")
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>' in font_table
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in font_table


def test_same_plan_same_bytes_on_another_day(monkeypatch: pytest.MonkeyPatch) -> None:
    first = plan_notices(congress_plan(), congress_scenario())
    later = time.time() + 400 * 86400  # zip members are dated with the clock unless rewritten
    monkeypatch.setattr(zipfile, "time", types.SimpleNamespace(time=lambda: later, localtime=time.localtime))
    again = plan_notices(congress_plan(), congress_scenario())
    assert again == first
    archive = zipfile.ZipFile(io.BytesIO(first["standing-2024-05-1.docx"]))
    assert {info.date_time for info in archive.infolist()} == {(2024, 4, 30, 9, 0, 0)}
    assert archive.namelist()[0] == "[Content_Types].xml"
    assert "docProps/thumbnail.jpeg" not in archive.namelist()
    properties = read(first["standing-2024-05-1.docx"]).core_properties
    assert (properties.created.date(), properties.modified.date(), properties.author) == (
        date(2024, 4, 30), date(2024, 4, 30), "govcal")


def grid_columns(document: Document) -> list[int]:
    """The items table's column widths (w:gridCol, twentieths of a point) as written."""
    (table,) = document.tables
    return [int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]


def test_columns_keep_unit_names_whole_and_the_minutes_header_lines_whole() -> None:
    from scheduler.domain import Office
    scenario = small_scenario()
    long_name = "县文化体育广播电视和旅游局"  # 13 characters, the longest unit name of the default county
    scenario = replace(scenario, units=tuple(replace(u, name=long_name) if u.id == "agri" else u
                                             for u in scenario.units), office=Office("乌恰县人民政府办公室", "乌政办",
                                                                                     "王明", "0908-1234567"))
    plan = small_plan()
    notice = read(meeting_notice(plan.meeting("standing-2024-05-1"), plan, scenario, "zh"))
    number, item, unit, minutes = grid_columns(notice)
    em = 14 * 20  # a character of the 14-point table text, in twentieths of a point
    padding = round(4 / 25.4 * 72 * 20)
    assert unit >= 13 * em + padding - 1  # the longest reporting unit's name on one line
    assert minutes >= 4 * em + padding - 1  # （分钟）, the header's longer line
    assert abs(number + item + unit + minutes - round(156 / 25.4 * 72 * 20)) <= 4  # the text block's width
    lines = texts(notice)
    assert lines[0] == "乌政办〔2024〕　　号" and lines[-2] == "乌恰县人民政府办公室"
    assert "联系人：王明　　联系电话：0908-1234567" in lines


def test_thematic_and_study_meetings_get_notices_with_their_subject_and_article() -> None:
    plan, scenario = congress_plan(), congress_scenario()
    thematic = read(meeting_notice(plan.meeting("M-07"), plan, scenario, "zh"))
    assert texts(thematic)[1] == "关于召开研究畜牧业补贴专题会议的通知"
    assert "会议内容：研究畜牧业补贴专题会议" in "".join(texts(thematic))
    assert "（第四十六条）" in "".join(texts(thematic)) and not thematic.tables
    study = PlannedMeeting("study-2024-05", "study", "县政府第3次学习会", date(2024, 5, 22), 960, 1080, "r1", "head",
                           ("head", "exec", "justice", "finance"))
    notice = read(meeting_notice(study, replace(plan, meetings=(*plan.meetings, study)), scenario, "zh"))
    assert "学习主题由县长确定" in "".join(texts(notice)) and "（第五十条）" in "".join(texts(notice))


def test_a_moved_meeting_gets_a_change_notice_and_a_dropped_one_a_cancellation() -> None:
    from scheduler.plan import Change
    plan, scenario = congress_plan(), congress_scenario()
    moved = replace(plan.meeting("M-12"), date=date(2024, 5, 10), notice_date=date(2024, 5, 6))
    revised = replace(plan, meetings=tuple(moved if m.id == "M-12" else m for m in plan.meetings
                                           if m.id != "M-07"), today=date(2024, 5, 6), changes=(
        Change("M-12", "moved", {"date": "2024-05-09", "start": "10:00", "end": "11:30"},
               {"date": "2024-05-10", "start": "10:00", "end": "11:30"}, ("head",)),
        Change("M-07", "dropped", {"date": "2024-05-08", "start": "16:00", "end": "17:00"}, {}, ("dep-agri",))))
    notices = plan_notices(revised, scenario)
    assert {"M-12-moved.docx", "M-07-cancelled.docx"} <= set(notices)
    moved_lines = texts(read(notices["M-12-moved.docx"]))
    assert moved_lines[1] == "关于县长办公会议：研究城区供热保障有关问题改期的通知"
    assert "原定于2024年5月9日（星期四）10:00-11:30召开的" in moved_lines[3]
    assert "改于2024年5月10日（星期五）" in moved_lines[3]
    assert moved_lines[-1] == "2024年5月6日"
    cancelled = texts(read(notices["M-07-cancelled.docx"]))
    assert cancelled[1] == "关于取消研究畜牧业补贴专题会议的通知" and "取消" in cancelled[3]
