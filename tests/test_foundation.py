"""The shared foundation: message catalogue, rule catalogue, plan JSON contract, atomic files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from govcal.files import atomic_write_text, staged_dir
from scheduler.domain import AgendaItem, fmt_minutes
from scheduler.errors import InputError
from scheduler.i18n import register, t
from scheduler.plan import (
    PLAN_FORMAT,
    Deferral,
    Message,
    Penalty,
    Plan,
    PlannedMeeting,
    Rejection,
    SolverInfo,
    plan_from_json,
    plan_to_json,
    read_plan,
)
from scheduler.rules import RULES, rule, zh_numeral


def sample_plan() -> Plan:
    return Plan(
        scenario="测试县",
        period_from=date(2024, 5, 1),
        period_to=date(2024, 5, 31),
        solver=SolverInfo("OPTIMAL", 12, 12, 0.0, 0.05),
        meetings=(
            PlannedMeeting("standing-2024-05-1", "standing", "县政府第5次常务会议", date(2024, 5, 14), 600, 780,
                           "r1", "head", ("head", "exec", "justice"), ("Y-1", "Y-2")),
        ),
        deferred=(Deferral("Y-3", Message.text("分管领导5月全月外出"), ("43",), ("item_supervisor",)),),
        rejected=(Rejection("M-9", Message.text("该单位今年已召开全县性会议"), ("47",), ("county_wide_limit",)),),
        penalties=(Penalty("wait", 12, Message.text("Y-1 waited 4 working days")),),
    )


def test_plan_json_round_trip() -> None:
    document = plan_to_json(sample_plan())
    assert document["format"] == PLAN_FORMAT
    assert document["meetings"][0]["start"] == "10:00" and document["meetings"][0]["end"] == "13:00"
    assert plan_from_json(json.loads(json.dumps(document))) == sample_plan()


def test_plan_json_reports_every_problem_with_its_path() -> None:
    document = plan_to_json(sample_plan())
    document["meetings"][0]["date"] = "2024-02-30"
    document["meetings"][0]["start"] = "25:99"
    del document["meetings"][0]["presider"]
    with pytest.raises(InputError) as raised:
        plan_from_json(document, "p.json")
    paths = [p.path for p in raised.value.problems]
    assert paths == ["meetings[0].date", "meetings[0].start", "meetings[0].presider"]
    assert "p.json: meetings[0].date:" in raised.value.render("en")


@pytest.mark.parametrize(("section", "field", "value"), [
    ("penalties", "cost", "x"), ("penalties", "rule", 7), ("deferred", "rules", "43"), ("rejected", "request", None),
    ("meetings", "number", "第一"), ("meetings", "kind", "party"), ("solver", "objective", "many"),
    ("commitment_attendance", "stand_in", "yes"), ("changes", "what", "renamed"), ("recorded_history", "date", "x"),
])
def test_every_malformed_plan_field_is_reported_with_its_path(section: str, field: str, value: object) -> None:
    document = plan_to_json(sample_plan())
    document.setdefault("commitment_attendance", [{"commitment": "npc-1", "attendee": "exec", "stand_in": False}])
    document.setdefault("changes", [{"meeting": "m", "what": "moved", "before": {}, "after": {}, "notify": []}])
    document.setdefault("recorded_history", [{"kind": "decided", "item": "Y-1", "date": "2024-05-01"}])
    record = document[section] if section == "solver" else (document[section] or [{}])[0]
    if section != "solver" and not document[section]:
        document[section] = [record]
    record[field] = value
    with pytest.raises(InputError) as raised:
        plan_from_json(document, "p.json")
    where = field if section == "solver" else f"{section}[0].{field}"
    assert any(p.path.endswith(where) for p in raised.value.problems), raised.value.render("en")


def test_read_plan_names_malformed_json_line(tmp_path: Path) -> None:
    broken = tmp_path / "plan.json"
    broken.write_text('{\n  "format": ,\n}', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_plan(str(broken))
    assert raised.value.problems[0].line == 2
    assert "JSON" in raised.value.render("zh")


def test_rule_catalogue_is_consistent() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for each in RULES:
        assert each.zh and each.en
        assert each.hard == (each.weight is None)
    assert rule("county_wide_limit").cite("zh") == "第四十七条"
    assert rule("presider").cite("en") == "Art. 6, 42"
    assert [zh_numeral(n) for n in (1, 10, 19, 42, 61)] == ["一", "十", "十九", "四十二", "六十一"]


def test_catalogue_renders_both_languages_and_refuses_conflicts() -> None:
    register({"test.hello": ("你好，{who}", "hello, {who}")})
    assert t("test.hello", "zh", who="县长") == "你好，县长"
    assert t("test.hello", "en", who="head") == "hello, head"
    with pytest.raises(KeyError):
        register({"test.hello": ("别的", "other")})
    with pytest.raises(KeyError):
        t("test.no-such-key", "zh")


def test_consensus_rule_of_article_43() -> None:
    # Art. 43 ¶1: every item is first agreed (形成一致意见), whatever its matters.
    blocked = AgendaItem("Y-1", "t", "finance", "exec", matters=("funds", "other"), consensus=False)
    also_blocked = AgendaItem("Y-2", "t", "finance", "exec", matters=("normative",), consensus=False)
    agreed = AgendaItem("Y-3", "t", "finance", "exec", matters=("funds",))
    assert blocked.blocked_by_consensus and also_blocked.blocked_by_consensus and not agreed.blocked_by_consensus
    assert fmt_minutes(16 * 60 + 5) == "16:05"


def test_atomic_write_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "plan.json"
    atomic_write_text(target, "完整")
    assert target.read_text(encoding="utf-8") == "完整"
    assert [p.name for p in target.parent.iterdir()] == ["plan.json"]


def test_staged_dir_publishes_only_on_success(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(RuntimeError), staged_dir(out) as scratch:
        (scratch / "plan.json").write_text("{}", encoding="utf-8")
        raise RuntimeError("export failed")
    assert list(out.iterdir()) == []
    with staged_dir(out) as scratch:
        (scratch / "plan.json").write_text("{}", encoding="utf-8")
        (scratch / "ics").mkdir()
        (scratch / "ics" / "head.ics").write_text("x", encoding="utf-8")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["ics", "ics/head.ics", "plan.json"]
