"""The ledger's commands end to end (DESIGN §5, §7): init, publish, record, status, followups,
export, and planning and checking on the record. Reliability (crash, concurrency, migration,
permissions) is in test_ledger_reliability.py; the exports' ledger parts in test_ledger_exports.py."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml
from test_ledger_helpers import (
    dump,
    file_state,
    ledger_scenario,
    may_plan,
    meeting,
    month_plan,
    run,
    write_ledger_scenario,
    write_plan,
)

from scheduler.plan import plan_from_json
from scheduler.scenario import load_scenario, parse_scenario

MAY_END = "2024-05-31"


@pytest.fixture
def county(tmp_path: Path) -> Path:
    return write_ledger_scenario(tmp_path)


@pytest.fixture
def book(tmp_path: Path, county: Path) -> Path:
    path = tmp_path / "office.db"
    result = run("ledger", "init", "--scenario", county, "--ledger", path)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def published_may(tmp_path: Path, county: Path, book: Path) -> Path:
    """The ledger with May's hand-made plan (standing-2024-05-1 on 8 May: Y-1, Y-2) published."""
    result = run("publish", write_plan(may_plan(county), tmp_path / "may.json"), "--ledger", book)
    assert result.exit_code == 0, result.output
    return book


def status(book: Path, today: str = "2024-06-01") -> dict:
    result = run("ledger", "status", "--ledger", book, "--today", today, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def followup_list(book: Path, *args: str) -> dict:
    result = run("followups", "--ledger", book, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def decisions(book: Path) -> set[tuple[str, int]]:
    connection = sqlite3.connect(book)
    try:
        return set(connection.execute("SELECT item, decided FROM decisions").fetchall())
    finally:
        connection.close()


# ----- init and the ledger option ------------------------------------------------------------------


def test_init_makes_an_empty_ledger_of_the_scenario(book: Path):
    found = status(book)
    assert found["scenario"] == "小县 2024"
    assert found["schema"] == 2
    assert found["periods"] == [] and found["unrecorded"] == []
    assert found["followups"] == {"open": 0, "overdue": 0, "closed": 0}


def test_init_without_a_scenario_records_the_embedded_default(tmp_path: Path):
    path = tmp_path / "default.db"
    assert run("ledger", "init", "--ledger", path).exit_code == 0
    assert status(path)["scenario"] == load_scenario(None).name
    exported = run("ledger", "export", "--ledger", path, "--format", "json")
    assert exported.exit_code == 0, exported.output
    assert {"kind": "decided", "date": "2024-01-08", "item": "Y-001"} in json.loads(exported.stdout)["history"]


def test_init_never_overwrites_a_file(book: Path, county: Path):
    before = file_state(book)
    result = run("ledger", "init", "--scenario", county, "--ledger", book)
    assert result.exit_code == 2
    assert "未覆盖" in result.stderr
    assert file_state(book) == before


def test_init_of_a_bad_scenario_makes_no_file(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nname: x\nleaders: []\n", encoding="utf-8")
    result = run("ledger", "init", "--scenario", bad, "--ledger", tmp_path / "x.db")
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == [bad]


def test_a_command_without_a_ledger_says_how_to_give_one(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("GOVCAL_LEDGER", raising=False)
    result = run("ledger", "status")
    assert result.exit_code == 2
    assert "GOVCAL_LEDGER" in result.stderr and "Traceback" not in result.output


def test_the_ledger_may_come_from_the_environment(book: Path):
    result = run("ledger", "status", "--format", "json", "--today", "2024-06-01", env={"GOVCAL_LEDGER": str(book)})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["scenario"] == "小县 2024"


# ----- publish -------------------------------------------------------------------------------------


def test_publish_numbers_revisions_and_an_identical_plan_adds_nothing(tmp_path: Path, county: Path,
                                                                     published_may: Path):
    # The same meetings with other solver figures and texts: nothing new to tell anyone.
    same = may_plan(county, solver=replace(may_plan(county).solver, seconds=9.9, status="FEASIBLE"))
    same = replace(same, meetings=tuple(replace(m, title="Standing meeting") for m in same.meetings))
    before = dump(published_may)
    result = run("publish", write_plan(same, tmp_path / "same.json"), "--ledger", published_may)
    assert result.exit_code == 0, result.output
    assert "相同" in result.stdout and "第1版" in result.stdout
    assert dump(published_may) == before
    # Moved to the next day: revision 2, with the change and whom to tell.
    moved = may_plan(county)
    moved = replace(moved, meetings=(replace(moved.meetings[0], date=date(2024, 5, 9)),))
    result = run("publish", write_plan(moved, tmp_path / "moved.json"), "--ledger", published_may, "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["revision"] == 2 and not document["unchanged"]
    assert [(c["meeting"], c["what"]) for c in document["changes"]] == [("standing-2024-05-1", "moved")]
    assert document["changes"][0]["before"]["date"] == "2024-05-08"
    assert set(document["changes"][0]["notify"]) == {"head", "exec", "dep", "office", "justice", "finance"}
    period = status(published_may)["periods"][0]
    assert (period["revision"], period["revisions"], period["meetings"]) == (2, 2, 1)


def test_publish_prints_the_change_table(tmp_path: Path, county: Path, published_may: Path):
    moved = may_plan(county)
    moved = replace(moved, meetings=(replace(moved.meetings[0], date=date(2024, 5, 9), room="r1", start=600,
                                             end=780),))
    result = run("publish", write_plan(moved, tmp_path / "moved.json"), "--ledger", published_may, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Changes against published revision 1" in result.stdout
    assert "moved" in result.stdout and "8 May 11:00-14:00" in result.stdout and "9 May 10:00-13:00" in result.stdout


@pytest.mark.parametrize("change, key", [
    ({"scenario_sha256": ""}, "SHA-256"),
    ({"scenario": "别的县 2024", "scenario_sha256": "ab" * 32}, "别的县 2024"),
    ({"scenario_sha256": "cd" * 32}, "场景在规划之后已修改"),
    ({"revision": 5}, "第5版"),
])
def test_publish_refuses_a_plan_not_of_this_scenario_or_revision(tmp_path: Path, county: Path, published_may: Path,
                                                                 change: dict, key: str):
    moved = may_plan(county)
    moved = replace(moved, meetings=(replace(moved.meetings[0], date=date(2024, 5, 9)),), **change)
    before = file_state(published_may)
    result = run("publish", write_plan(moved, tmp_path / "other.json"), "--ledger", published_may)
    assert result.exit_code == 2, result.output
    assert key in result.stderr and "other.json" in result.stderr
    assert file_state(published_may) == before


def test_publish_refuses_a_period_overlapping_a_published_one(tmp_path: Path, county: Path, published_may: Path):
    fortnight = month_plan(county, date(2024, 5, 20), date(2024, 6, 7), meeting("standing-2024-06-1", date(2024, 6, 5)))
    before = file_state(published_may)
    result = run("publish", write_plan(fortnight, tmp_path / "f.json"), "--ledger", published_may)
    assert result.exit_code == 2
    assert "2024-05" in result.stderr and "重叠" in result.stderr
    assert file_state(published_may) == before


def test_publish_of_a_plan_made_from_an_edited_scenario_file(tmp_path: Path, county: Path, published_may: Path):
    """The office edits its scenario between months: a plan of the file as it is now is accepted."""
    edited = write_ledger_scenario(tmp_path, replace(ledger_scenario(), absences=()), name="county.yaml")
    assert edited == county
    june = month_plan(county, date(2024, 6, 1), date(2024, 6, 30), meeting("standing-2024-06-1", date(2024, 6, 5)))
    result = run("publish", write_plan(june, tmp_path / "june.json"), "--ledger", published_may)
    assert result.exit_code == 0, result.output
    assert [p["from"] for p in status(published_may)["periods"]] == ["2024-05-01", "2024-06-01"]


# ----- record ---------------------------------------------------------------------------------------


def test_held_decides_every_item_and_a_follow_up_is_created(published_may: Path):
    result = run("record", "standing-2024-05-1", "--held", "--follow-up", "Y-1:finance:2024-05-20:2",
                 "--ledger", published_may, "--today", "2024-05-08", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["decided"] == ["Y-1", "Y-2"] and document["not_decided"] == []
    assert document["date"] == "2024-05-08" and document["start"] == "11:00"
    assert document["followups"] == [{"id": 1, "item": "Y-1", "unit": "finance", "due": "2024-05-20",
                                      "report_every": 2}]
    assert decisions(published_may) == {("Y-1", 1), ("Y-2", 1)}


def test_not_decided_items_stay_on_the_agenda(published_may: Path):
    result = run("record", "standing-2024-05-1", "--held", "--not-decided", "Y-2", "--ledger", published_may)
    assert result.exit_code == 0, result.output
    assert "决定 1 项，未决定 1 项" in result.stdout
    assert decisions(published_may) == {("Y-1", 1), ("Y-2", 0)}


def test_decided_names_the_decided_items_and_the_rest_are_not(published_may: Path):
    result = run("record", "standing-2024-05-1", "--held", "--decided", "Y-2", "--ledger", published_may)
    assert result.exit_code == 0, result.output
    assert decisions(published_may) == {("Y-1", 0), ("Y-2", 1)}


def test_a_cancelled_meeting_decides_nothing(published_may: Path):
    result = run("record", "standing-2024-05-1", "--cancelled", "--ledger", published_may, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "cancelled" in result.stdout
    assert decisions(published_may) == set()
    assert status(published_may)["outcomes"] == {"held": 0, "cancelled": 1, "decided": 0, "not_decided": 0}


def test_all_held_records_the_rest_of_the_month_as_published_up_to_today(published_may: Path):
    """`record --all-held --month M`: the month went as planned; meetings still to come, and those
    recorded already, are left alone, and a month with nothing left to record is bad input."""
    early = run("record", "--all-held", "--month", "2024-05", "--ledger", published_may, "--today", "2024-05-07")
    assert early.exit_code == 2 and "2024-05-07" in early.stderr
    done = run("record", "--all-held", "--month", "2024-05", "--ledger", published_may, "--today", "2024-05-08",
               "--format", "json")
    assert done.exit_code == 0, done.output
    (recorded,) = json.loads(done.stdout)["recorded"]
    assert (recorded["meeting"], recorded["held"], recorded["decided"]) == ("standing-2024-05-1", True, ["Y-1", "Y-2"])
    assert decisions(published_may) == {("Y-1", 1), ("Y-2", 1)}
    again = run("record", "--all-held", "--month", "2024-05", "--ledger", published_may, "--today", "2024-05-31")
    assert again.exit_code == 2 and decisions(published_may) == {("Y-1", 1), ("Y-2", 1)}
    for wrong in (["--all-held"], ["standing-2024-05-1", "--all-held", "--month", "2024-05"],
                  ["--all-held", "--cancelled", "--month", "2024-05"], []):
        refused = run("record", *wrong, "--ledger", published_may)
        assert refused.exit_code == 2 and "--all-held" in refused.stderr, wrong


def test_a_moved_meeting_records_its_day_and_hour(published_may: Path):
    result = run("record", "standing-2024-05-1", "--held", "--date", "2024-05-10", "--start", "10:00",
                 "--ledger", published_may, "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert (document["date"], document["start"]) == ("2024-05-10", "10:00")
    exported = run("ledger", "export", "--ledger", published_may, "--format", "json")
    assert {"kind": "standing", "date": "2024-05-10"} in json.loads(exported.stdout)["history"]


@pytest.mark.parametrize("args, expected", [
    (["standing-2024-05-2", "--held"], "是否应为“standing-2024-05-1”"),
    (["standing-2024-06-1", "--held"], "已发布的计划中没有会议“standing-2024-06-1”"),
    (["standing-2024-05-1", "--held", "--not-decided", "Y-3"], "不在会议 standing-2024-05-1 的议程中"),
    (["standing-2024-05-1", "--held", "--decided", "Y1"], "是否应为“Y-1”"),
    (["standing-2024-05-1", "--held", "--decided", "Y-1", "--not-decided", "Y-1"], "不能既已决定又未决定"),
    (["standing-2024-05-1", "--held", "--follow-up", "Y-1:finance:2024-05-07"], "早于决定日期 2024-05-08"),
    (["standing-2024-05-1", "--held", "--follow-up", "Y-1:finanse:2024-05-20"], "是否应为“finance”"),
    (["standing-2024-05-1", "--held", "--not-decided", "Y-2", "--follow-up", "Y-2:finance:2024-05-20"],
     "不是会议 standing-2024-05-1 决定的事项"),
    (["standing-2024-05-1", "--held", "--follow-up", "Y-1:finance"], "议题:责任单位:办结日期"),
    (["standing-2024-05-1", "--held", "--follow-up", "Y-1:finance:2024-05-20:0"], "正整数"),
    (["standing-2024-05-1", "--held", "--date", "2024-06-03"], "不在计划期间 2024-05 内"),
    (["standing-2024-05-1", "--held", "--date", "2024-05-32"], "2024-05-32"),
    (["standing-2024-05-1", "--held", "--start", "25:00"], "25:00"),
    (["standing-2024-05-1", "--held", "--today", "2024-05-07"], "尚未召开"),
    (["standing-2024-05-1", "--cancelled", "--decided", "Y-1"], "--decided"),
    (["standing-2024-05-1", "--held", "--cancelled"], "--held 或 --cancelled"),
    (["standing-2024-05-1"], "--held 或 --cancelled"),
])
def test_bad_record_exits_2_and_writes_nothing(published_may: Path, args: list[str], expected: str):
    before = file_state(published_may)
    result = run("record", *args, "--ledger", published_may)
    assert result.exit_code == 2, result.output
    assert expected in result.stderr
    assert "Traceback" not in result.output
    assert file_state(published_may) == before


def test_a_request_published_in_two_months_is_recorded_with_month(tmp_path: Path, county: Path, book: Path):
    """M-1 placed in May's plan (never held) and again in June's: which one is meant must be said."""
    for start, end, day in ((date(2024, 5, 1), date(2024, 5, 31), date(2024, 5, 27)),
                            (date(2024, 6, 1), date(2024, 6, 30), date(2024, 6, 3))):
        plan = month_plan(county, start, end, meeting("M-1", day, kind="thematic", request="M-1", minutes=60))
        assert run("publish", write_plan(plan, tmp_path / f"{start}.json"), "--ledger", book).exit_code == 0
    before = file_state(book)
    ambiguous = run("record", "M-1", "--held", "--ledger", book)
    assert ambiguous.exit_code == 2
    assert "2024-05, 2024-06" in ambiguous.stderr and "--month" in ambiguous.stderr
    assert file_state(book) == before
    result = run("record", "M-1", "--held", "--month", "2024-06", "--ledger", book, "--format", "json")
    assert result.exit_code == 0, result.output
    assert (json.loads(result.stdout)["period"], json.loads(result.stdout)["date"]) == ("2024-06", "2024-06-03")
    exported = json.loads(run("ledger", "export", "--ledger", book, "--format", "json").stdout)["history"]
    assert {"kind": "held", "date": "2024-06-03", "request": "M-1"} in exported


def test_a_cancelled_meeting_a_later_revision_lists_again_is_recorded_anew(tmp_path: Path, county: Path,
                                                                          published_may: Path):
    """Cancelled on its day, then re-planned under the same id in revision 2: it is to be held again,
    so it is past without an outcome until recorded, and recording it replaces the cancellation."""
    assert run("record", "standing-2024-05-1", "--cancelled", "--ledger", published_may).exit_code == 0
    assert status(published_may, "2024-05-20")["unrecorded"] == []
    again = may_plan(county)
    again = replace(again, meetings=(replace(again.meetings[0], date=date(2024, 5, 15)),))
    assert run("publish", write_plan(again, tmp_path / "again.json"), "--ledger", published_may).exit_code == 0
    late = status(published_may, "2024-05-20")
    assert [m["meeting"] for m in late["unrecorded"]] == ["standing-2024-05-1"]
    assert late["periods"][0]["recorded"] == 0
    result = run("record", "standing-2024-05-1", "--held", "--ledger", published_may, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["date"] == "2024-05-15"
    after = status(published_may, "2024-05-20")
    assert after["outcomes"] == {"held": 1, "cancelled": 0, "decided": 2, "not_decided": 0}
    assert run("record", "standing-2024-05-1", "--cancelled", "--ledger", published_may).exit_code == 2


def test_an_outcome_is_recorded_once(published_may: Path):
    assert run("record", "standing-2024-05-1", "--held", "--ledger", published_may).exit_code == 0
    before = dump(published_may)
    again = run("record", "standing-2024-05-1", "--cancelled", "--ledger", published_may)
    assert again.exit_code == 2
    assert "已于" in again.stderr
    assert dump(published_may) == before


def test_several_problems_are_reported_at_once(published_may: Path):
    result = run("record", "standing-2024-05-1", "--held", "--decided", "Y-9",
                 "--follow-up", "Y-1:nobody:2024-05-01", "--ledger", published_may, "--lang", "en")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3, lines
    assert any(line.startswith("--decided:") for line in lines)
    assert sum(line.startswith("--follow-up:") for line in lines) == 2


# ----- follow-ups -------------------------------------------------------------------------------------


@pytest.fixture
def with_followups(published_may: Path) -> Path:
    """Y-1 due Mon 13 May (reports every 2 working days), Y-2 due Fri 24 May, decided Wed 8 May."""
    result = run("record", "standing-2024-05-1", "--held", "--follow-up", "Y-1:finance:2024-05-13:2",
                 "--follow-up", "Y-2:justice:2024-05-24", "--ledger", published_may)
    assert result.exit_code == 0, result.output
    return published_may


def test_followups_are_overdue_due_soon_or_open_in_working_days(with_followups: Path):
    # Thu 9 May: 13 May is 2 working days away (Fri 10, Mon 13): due soon within 3; 24 May is 11 away.
    found = followup_list(with_followups, "--today", "2024-05-09")
    assert [(f["item"], f["state"], f["working_days_left"]) for f in found["followups"]] == [
        ("Y-1", "due_soon", 2), ("Y-2", "open", 11)]
    assert (found["followups"][0]["next_report"], found["followups"][0]["report_late"]) == ("2024-05-10", False)
    assert followup_list(with_followups, "--today", "2024-05-13")["followups"][0]["report_late"]
    # Within 1 working day only Fri 10 May counts.
    assert [f["state"] for f in followup_list(with_followups, "--today", "2024-05-09", "--due-within", "1")
            ["followups"]] == ["open", "open"]
    # Tue 14 May: Y-1 is overdue.
    late = followup_list(with_followups, "--today", "2024-05-14", "--overdue")
    assert [(f["item"], f["state"], f["working_days_left"]) for f in late["followups"]] == [("Y-1", "overdue", -1)]
    assert status(with_followups, "2024-05-14")["followups"] == {"open": 2, "overdue": 1, "closed": 0}


def test_followups_table_in_chinese_and_english(with_followups: Path):
    chinese = run("followups", "--ledger", with_followups, "--today", "2024-05-09")
    assert chinese.exit_code == 0, chinese.output
    assert "临近到期" in chinese.stdout and "县财政局" in chinese.stdout and "关于预算调整的请示" in chinese.stdout
    english = run("followups", "--ledger", with_followups, "--today", "2024-05-09", "--lang", "en")
    assert "due soon" in english.stdout and "Owner unit" in english.stdout


def test_a_followup_reports_and_closes_with_a_note(with_followups: Path):
    reported = run("followup", "report", "1", "--note", "资金已拨付一半", "--date", "2024-05-10",
                   "--ledger", with_followups)
    assert reported.exit_code == 0, reported.output
    found = followup_list(with_followups, "--today", "2024-05-10")["followups"][0]
    assert (found["reports"], found["last_report"], found["next_report"]) == (1, "2024-05-10", "2024-05-14")
    closed = run("followup", "close", "1", "--note", "已办结", "--ledger", with_followups, "--today", "2024-05-13",
                 "--format", "json")
    assert closed.exit_code == 0, closed.output
    assert json.loads(closed.stdout)["closed_on"] == "2024-05-13"
    assert [f["item"] for f in followup_list(with_followups, "--today", "2024-05-14")["followups"]] == ["Y-2"]
    before = file_state(with_followups)
    for args in (["close", "1"], ["close", "7"], ["report", "1"], ["close", "2", "--date", "2024-05-01"]):
        again = run("followup", *args, "--ledger", with_followups)
        assert again.exit_code == 2, args
    assert file_state(with_followups) == before


# ----- status and export ----------------------------------------------------------------------------------


def test_status_names_past_meetings_without_an_outcome(published_may: Path):
    assert status(published_may, "2024-05-08")["unrecorded"] == []  # its day has not passed
    late = status(published_may, "2024-05-09")
    assert [m["meeting"] for m in late["unrecorded"]] == ["standing-2024-05-1"]
    table = run("ledger", "status", "--ledger", published_may, "--today", "2024-05-09")
    assert "standing-2024-05-1" in table.stdout and "govcal record" in table.stdout
    assert run("record", "standing-2024-05-1", "--held", "--ledger", published_may).exit_code == 0
    after = status(published_may, "2024-05-09")
    assert after["unrecorded"] == []
    assert after["periods"][0]["recorded"] == 1
    assert after["outcomes"] == {"held": 1, "cancelled": 0, "decided": 2, "not_decided": 0}


def test_export_pasted_over_the_history_block_gives_the_ledger_state(tmp_path: Path, county: Path,
                                                                     published_may: Path):
    assert run("record", "standing-2024-05-1", "--held", "--not-decided", "Y-2", "--ledger", published_may
               ).exit_code == 0
    exported = run("ledger", "export", "--ledger", published_may)
    assert exported.exit_code == 0, exported.output
    text = county.read_text(encoding="utf-8")
    pasted = re.sub(r"^history:.*?(?=^\w)", exported.stdout, text, count=1, flags=re.S | re.M)
    assert pasted != text
    edited = tmp_path / "pasted.yaml"
    edited.write_text(pasted, encoding="utf-8")
    assert run("scenario", "validate", edited).exit_code == 0
    scenario = parse_scenario(pasted, "pasted.yaml")
    expected = {(e.kind, e.date, e.item) for e in ledger_scenario().history} | {
        ("standing", date(2024, 5, 8), None), ("decided", date(2024, 5, 8), "Y-1")}
    assert {(e.kind, e.date, e.item) for e in scenario.history} == expected
    assert yaml.safe_load(exported.stdout)["history"][-1] == {"kind": "decided", "date": date(2024, 5, 8),
                                                               "item": "Y-1"}


def test_outcomes_of_items_the_scenario_no_longer_names_are_left_out(tmp_path: Path, county: Path,
                                                                   published_may: Path):
    """Next year's scenario drops last year's decided items: the record of them changes no plan, and
    the exported history block must still be valid for that scenario."""
    assert run("record", "standing-2024-05-1", "--held", "--ledger", published_may).exit_code == 0
    trimmed = replace(ledger_scenario(), agenda=tuple(i for i in ledger_scenario().agenda if i.id != "Y-1"))
    write_ledger_scenario(tmp_path, trimmed, name=county.name)
    exported = run("ledger", "export", "--ledger", published_may, "--format", "json")
    assert exported.exit_code == 0, exported.output
    items = [e.get("item") for e in json.loads(exported.stdout)["history"]]
    assert "Y-2" in items and "Y-1" not in items
    yaml_block = run("ledger", "export", "--ledger", published_may).stdout
    text = county.read_text(encoding="utf-8")
    pasted = re.sub(r"^history:.*?(?=^\w)", yaml_block, text, count=1, flags=re.S | re.M)
    assert parse_scenario(pasted, "pasted.yaml").decided_items == {"Y-2"}


# ----- planning and checking on the record ---------------------------------------------------------------


@pytest.fixture
def planned_may(tmp_path: Path, county: Path, book: Path) -> Path:
    """May planned with the ledger by the solver (one standing meeting: Y-1, Y-2) and published."""
    result = run("plan", "--month", "2024-05", "--ledger", book, "--format", "json", "--today", "2024-04-30")
    assert result.exit_code == 0, result.output
    (tmp_path / "may.json").write_text(result.stdout, encoding="utf-8")
    assert run("publish", tmp_path / "may.json", "--ledger", book).exit_code == 0
    return book


def test_plan_on_the_record_drops_decided_items_and_numbers_meetings_on(tmp_path: Path, county: Path,
                                                                        planned_may: Path):
    assert run("record", "standing-2024-05-1", "--held", "--not-decided", "Y-2", "--ledger", planned_may
               ).exit_code == 0
    result = run("plan", "--ledger", planned_may, "--format", "json", "--today", "2024-05-31")  # June, after May
    assert result.exit_code == 0, result.output
    june = json.loads(result.stdout)
    assert june["period"] == {"from": "2024-06-01", "to": "2024-06-30"}
    heard = {i for m in june["meetings"] for i in m["items"]} | {d["item"] for d in june["deferred"]}
    assert "Y-1" not in heard and {"Y-2", "Y-3", "Y-4"} <= heard
    standing = [m for m in june["meetings"] if m["kind"] == "standing"]
    assert standing[0]["title"] == "县政府第2次常务会议"
    assert june["recorded_history"] == [{"kind": "standing", "date": "2024-05-08"},
                                        {"kind": "decided", "date": "2024-05-08", "item": "Y-1"}]
    assert june["scenario_sha256"] == load_scenario(county).sha256 and june["revision"] == 0
    # `check` sees the same state through recorded_history: clean; without it Y-1 is unaccounted for.
    plan_file = tmp_path / "june.json"
    plan_file.write_text(result.stdout, encoding="utf-8")
    assert run("check", plan_file, "--scenario", county).exit_code == 0
    stripped = dict(june)
    stripped.pop("recorded_history")
    plan_file.write_text(json.dumps(stripped, ensure_ascii=False), encoding="utf-8")
    assert run("check", plan_file, "--scenario", county).exit_code == 1


def test_plan_names_a_published_meeting_with_no_outcome_and_keeps_its_items(planned_may: Path):
    result = run("plan", "--month", "2024-06", "--ledger", planned_may, "--format", "json", "--today", "2024-05-31")
    assert result.exit_code == 0, result.output
    assert "standing-2024-05-1" in result.stderr and "未视为已召开" in result.stderr
    june = json.loads(result.stdout)
    assert {"Y-1", "Y-2"} <= {i for m in june["meetings"] for i in m["items"]} | {d["item"] for d in june["deferred"]}
    assert "recorded_history" not in june


def test_plan_of_a_published_period_is_refused_pointing_to_replan(tmp_path: Path, county: Path, book: Path):
    """Planning a published month afresh would drop what was recorded there: refused, exit 2, nothing
    written, pointing to replan (for a period that only overlaps it too)."""
    assert run("publish", write_plan(may_plan(county), tmp_path / "may.json"), "--ledger", book).exit_code == 0
    before = book.read_bytes()
    for period in (["--month", "2024-05"], ["--from", "2024-05-20", "--to", "2024-06-10"]):
        result = run("plan", *period, "--ledger", book, "--today", "2024-04-30", "--out", tmp_path / "out")
        assert result.exit_code == 2, result.output
        assert "replan --month 2024-05" in result.stderr and "第 1 版" in result.stderr
        assert not (tmp_path / "out").exists()
    assert book.read_bytes() == before
    assert "replan" in run("plan", "--month", "2024-05", "--ledger", book, "--today", "2024-04-30",
                           "--lang", "en").stderr


def test_check_knows_the_scenario_a_plan_was_made_from(tmp_path: Path, county: Path):
    made = run("plan", "--scenario", county, "--month", "2024-05", "--format", "json")
    assert made.exit_code == 0, made.output
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(made.stdout, encoding="utf-8")
    assert json.loads(made.stdout)["scenario_sha256"] == load_scenario(county).sha256
    # Not the embedded default: refused, naming the plan's scenario.
    default = run("check", plan_file)
    assert default.exit_code == 2
    assert "小县 2024" in default.stderr and "--scenario" in default.stderr
    # Another version of the file: refused too.
    other = write_ledger_scenario(tmp_path, replace(ledger_scenario(), absences=()), name="other.yaml")
    other.write_text(other.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert run("check", plan_file, "--scenario", other).exit_code == 2
    # A plan with no hash (hand-made, older govcal) is checked, with a warning.
    document = json.loads(made.stdout)
    document.pop("scenario_sha256")
    plan_file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    unhashed = run("check", plan_file, "--scenario", county)
    assert unhashed.exit_code == 0, unhashed.output
    assert "SHA-256" in unhashed.stderr


def test_check_ledger_checks_the_latest_published_revision(tmp_path: Path, county: Path, planned_may: Path):
    result = run("check", "--ledger", planned_may, "--month", "2024-05")
    assert result.exit_code == 0, result.output
    assert "第1版" in result.stderr
    # A hand-published revision breaking a rule (a Saturday meeting) is found.
    saturday = may_plan(county)
    saturday = replace(saturday, meetings=(replace(saturday.meetings[0], date=date(2024, 5, 11)),))
    assert run("publish", write_plan(saturday, tmp_path / "sat.json"), "--ledger", planned_may).exit_code == 0
    broken = run("check", "--ledger", planned_may)
    assert broken.exit_code == 1
    assert "第2版" in broken.stderr
    missing = run("check", "--ledger", planned_may, "--month", "2024-07")
    assert missing.exit_code == 2 and "2024-07" in missing.stderr


def test_a_published_revision_reads_back_whole(tmp_path: Path, county: Path, published_may: Path):
    connection = sqlite3.connect(published_may)
    try:
        (text, stamp) = connection.execute("SELECT plan_json, published_at FROM revisions").fetchone()
    finally:
        connection.close()
    stored = plan_from_json(json.loads(text))
    assert stored.revision == 1
    assert stored.published_at is not None and stored.published_at.strftime("%Y-%m-%dT%H:%M:%SZ") == stamp
    assert stored.meetings == may_plan(county).meetings


def test_readme_tour_shows_the_monthly_cycle():
    """tests/test_readme.py runs the README's examples; the cycle must stay among them, in order."""
    from test_readme import readme_examples

    lines = readme_examples()
    steps = ["govcal ledger init", "govcal plan --month 2024-05 --ledger", "govcal publish", "govcal record",
             "--follow-up", "govcal plan --month 2024-06 --ledger", "govcal replan --month 2024-06 --since",
             "govcal followups"]
    positions = [next(i for i, line in enumerate(lines) if step in line) for step in steps]
    assert positions == sorted(positions), positions
