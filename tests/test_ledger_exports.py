"""What the ledger adds to the exports: calendars that signal updates (SEQUENCE = revision, DTSTAMP =
publishing time, the same UID), and a workbook with 督办清单 and the rows a re-plan changed."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from icalendar import Calendar
from openpyxl import load_workbook
from plan_fixtures import small_plan, small_scenario
from test_ledger_helpers import may_plan, run, write_ledger_scenario, write_plan

from govcal.exports.ics import plan_ics
from govcal.exports.xlsx import CHANGED_STYLE, plan_workbook
from govcal.ledger.records import FollowUp
from scheduler.cycle import plan_changes


def events(data: bytes) -> dict[str, dict[str, object]]:
    """UID -> SEQUENCE, DTSTAMP and DTSTART of each meeting event (absences and commitments left out)."""
    found = {}
    for event in Calendar.from_ical(data).walk("VEVENT"):
        if "ORGANIZER" not in event:
            continue
        found[str(event["UID"])] = {"sequence": int(event["SEQUENCE"]), "stamp": event["DTSTAMP"].dt,
                                    "start": event["DTSTART"].dt}
    return found


def test_a_revision_keeps_uids_and_raises_sequence_and_stamp():
    first = small_plan()
    moved = replace(first, revision=2, meetings=(first.meetings[0], replace(first.meetings[1], date=date(2024, 5, 22))))
    before, after = events(plan_ics(first, small_scenario())), events(plan_ics(moved, small_scenario()))
    assert before.keys() == after.keys()
    assert {e["sequence"] for e in before.values()} == {0}
    assert {e["sequence"] for e in after.values()} == {2}
    # Never published: a stamp derived from the plan (deterministic), later for a later revision.
    assert {e["stamp"] for e in before.values()} == {datetime(2024, 5, 1, tzinfo=UTC)}
    assert {e["stamp"] for e in after.values()} == {datetime(2024, 5, 1, 0, 2, tzinfo=UTC)}
    # Published: the publishing time.
    published = replace(moved, published_at=datetime(2024, 5, 20, 8, 30, tzinfo=UTC))
    assert {e["stamp"] for e in events(plan_ics(published, small_scenario())).values()} == {
        datetime(2024, 5, 20, 8, 30, tzinfo=UTC)}


def test_publish_out_writes_calendars_with_the_revision_and_publishing_time(tmp_path: Path):
    county = write_ledger_scenario(tmp_path)
    book = tmp_path / "office.db"
    assert run("ledger", "init", "--scenario", county, "--ledger", book).exit_code == 0
    assert run("publish", write_plan(may_plan(county), tmp_path / "may.json"), "--ledger", book).exit_code == 0
    moved = may_plan(county)
    moved = replace(moved, meetings=(replace(moved.meetings[0], date=date(2024, 5, 9)),))
    result = run("publish", write_plan(moved, tmp_path / "moved.json"), "--ledger", book, "--out", tmp_path / "out",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    published_at = re.search(r'"published_at": "([^"]+)"', result.stdout)
    assert published_at is not None
    (event,) = events((tmp_path / "out" / "plan.ics").read_bytes()).values()
    assert event["sequence"] == 2
    assert event["stamp"] == datetime.fromisoformat(published_at.group(1).replace("Z", "+00:00"))
    workbook = load_workbook(tmp_path / "out" / "plan.xlsx")
    assert "变更清单" in workbook.sheetnames and "督办清单" in workbook.sheetnames


def test_workbook_marks_changed_meetings_and_lists_the_changes():
    scenario, published = small_scenario(), small_plan()
    revised = replace(published, revision=2,
                      meetings=(published.meetings[0], replace(published.meetings[1], date=date(2024, 5, 22))))
    revised = replace(revised, changes=plan_changes(scenario, published, revised))
    workbook = load_workbook(io.BytesIO(plan_workbook(revised, scenario, "zh")))
    assert "变更清单" in workbook.sheetnames and "督办清单" not in workbook.sheetnames
    schedule = workbook["领导活动安排表"]
    marked = [row for row in schedule.iter_rows() if row[3].value and "【已变更" in str(row[3].value)]
    assert [row[3].value for row in marked] == ["县政府第5次常务会议【已变更：改期】"]
    assert marked[0][3].style == CHANGED_STYLE
    unchanged = [row for row in schedule.iter_rows() if row[3].value == "研究畜牧业补贴专题会议"]
    assert unchanged and unchanged[0][3].style != CHANGED_STYLE
    rows = [tuple(c.value for c in row) for row in workbook["变更清单"].iter_rows(min_row=3)]
    assert rows[0][:4] == ("县政府第5次常务会议\nstanding-2024-05-1", "改期", "5月21日 10:00-13:00",
                           "5月22日 10:00-13:00")
    assert "县长" in rows[0][4] and "县财政局" in rows[0][4]


def test_workbook_has_a_followup_sheet_when_planning_with_a_ledger():
    scenario, plan = small_scenario(), small_plan()
    followups = [
        FollowUp(1, "Y-031", "finance", "standing-2024-04-1", date(2024, 4, 1), date(2024, 4, 16), date(2024, 4, 30)),
        FollowUp(2, "Y-040", "agri", "standing-2024-04-1", date(2024, 4, 1), date(2024, 4, 16), date(2024, 5, 20), 5),
        FollowUp(3, "Y-044", "audit", "standing-2024-04-1", date(2024, 4, 1), date(2024, 4, 16), date(2024, 6, 30)),
    ]
    workbook = load_workbook(io.BytesIO(plan_workbook(plan, scenario, "zh", followups=followups)))
    sheet = workbook["督办清单"]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=2)]
    assert rows[0] == ("编号", "议题", "责任单位", "决定日期", "办结时限", "状态")
    assert rows[1] == ("1", "Y-031 关于调整2024年县级财政预算的请示", "县财政局", "2024-04-16", "2024-04-30", "已逾期")
    assert [row[5] for row in rows[1:]] == ["已逾期", "本期到期", "未到期"]
    assert "Follow-ups" in load_workbook(io.BytesIO(plan_workbook(plan, scenario, "en", followups=[]))).sheetnames
