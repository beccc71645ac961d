"""`govcal plan --out DIR` on the default scenario writes the exports and the notices beside plan.json and
lists every file it wrote."""

from __future__ import annotations

from pathlib import Path

import docx
from click.testing import CliRunner
from icalendar import Calendar
from openpyxl import load_workbook

from govcal.cli import cli
from scheduler.plan import read_plan
from scheduler.scenario import load_scenario


def test_plan_out_writes_plan_json_xlsx_ics_png_notices(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["plan", "--month", "2024-05", "--out", str(out), "--ics-per-leader",
                                      "--time-limit", "10", "--seed", "1"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "calendar.png", "ics", "notices", "plan.ics", "plan.json", "plan.xlsx"]
    plan = read_plan(str(out / "plan.json"))
    events = Calendar.from_ical((out / "plan.ics").read_bytes()).walk("VEVENT")
    assert len(events) == len(plan.meetings) > 0
    assert load_workbook(out / "plan.xlsx").sheetnames[:4] == ["领导活动安排表", "议题清单", "暂缓议题", "未安排会议"]
    assert (out / "calendar.png").read_bytes().startswith(b"\x89PNG")
    leaders = {leader.id for leader in load_scenario(None).leaders}
    assert {p.stem for p in (out / "ics").glob("*.ics")} == leaders
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no scratch folder left behind
    noticed = {m.id for m in plan.meetings if m.kind != "county_wide"}
    assert noticed and {p.stem for p in (out / "notices").glob("*.docx")} == noticed
    for path in (out / "notices").glob("standing-*.docx"):
        meeting = plan.meeting(path.stem)
        title = docx.Document(str(path)).paragraphs[1].text
        assert title == f"关于召开{meeting.title}的通知"
    # Standard error lists every file written, each once.
    files = sorted(p for p in out.rglob("*") if p.is_file())
    listed = [line for line in result.stderr.splitlines() if line.startswith("已写入")]
    assert sorted(listed) == sorted(f"已写入 {p}" for p in files)
