"""A plan and the solver's account of it, and their JSON form (DESIGN §4, ``govcal.plan/1``).

The planner produces a `Result`; exports, the checker and the simulation read `Plan`.
`plan_from_json` validates a (possibly hand-edited) plan file and reports every problem
with its field path, like the scenario loader does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from scheduler.domain import MEETING_KINDS, fmt_minutes
from scheduler.errors import InputError, Problem
from scheduler.reader import Reader

PLAN_FORMAT = "govcal.plan/1"
STATUSES = ("OPTIMAL", "FEASIBLE", "INFEASIBLE", "UNKNOWN", "MODEL_INVALID")


@dataclass(frozen=True, slots=True)
class PlannedMeeting:
    id: str
    kind: str
    title: str
    date: date
    start: int  # minutes after midnight
    end: int
    room: str | None
    presider: str
    attendees: tuple[str, ...] = ()
    items: tuple[str, ...] = ()  # agenda item ids in running order
    request: str | None = None


@dataclass(frozen=True, slots=True)
class Deferral:
    item: str
    reason: str
    rules: tuple[str, ...] = ()  # article numbers, e.g. ("43",)
    rule_ids: tuple[str, ...] = ()  # catalogue ids, e.g. ("item_supervisor",)


@dataclass(frozen=True, slots=True)
class Rejection:
    request: str
    reason: str
    rules: tuple[str, ...] = ()
    rule_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Penalty:
    rule: str  # a soft rule id of `scheduler.rules`
    cost: int
    detail: str = ""


@dataclass(frozen=True, slots=True)
class SolverInfo:
    status: str
    objective: float | None = None
    bound: float | None = None
    gap: float | None = None
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class Plan:
    scenario: str
    period_from: date
    period_to: date
    solver: SolverInfo
    meetings: tuple[PlannedMeeting, ...] = ()
    deferred: tuple[Deferral, ...] = ()
    rejected: tuple[Rejection, ...] = ()
    penalties: tuple[Penalty, ...] = ()

    def meeting(self, meeting_id: str) -> PlannedMeeting:
        return next(m for m in self.meetings if m.id == meeting_id)


@dataclass(frozen=True, slots=True)
class Conflict:
    """One reason no feasible plan exists: a rule, its articles and a readable detail."""

    rule: str
    articles: tuple[str, ...]
    detail: str


@dataclass(frozen=True, slots=True)
class Result:
    """What `plan()` returns: solver status, objective, bound, gap, seconds, and the plan.

    `plan` is None when no plan was found; `conflicts` then names the rules that clash
    (status INFEASIBLE) or is empty (UNKNOWN: no plan within the time limit).
    """

    status: str
    objective: float | None
    bound: float | None
    gap: float | None
    seconds: float
    plan: Plan | None = None
    conflicts: tuple[Conflict, ...] = field(default_factory=tuple)

    @property
    def feasible(self) -> bool:
        return self.plan is not None


# ----- JSON -------------------------------------------------------------------------------


def _none_or_round(value: float | None, digits: int = 6) -> float | None:
    return None if value is None else round(float(value), digits)


def plan_to_json(plan: Plan) -> dict[str, Any]:
    """The §4 document, as plain JSON-ready data."""
    return {
        "format": PLAN_FORMAT,
        "scenario": plan.scenario,
        "period": {"from": plan.period_from.isoformat(), "to": plan.period_to.isoformat()},
        "solver": {
            "status": plan.solver.status,
            "objective": _none_or_round(plan.solver.objective),
            "bound": _none_or_round(plan.solver.bound),
            "gap": _none_or_round(plan.solver.gap),
            "seconds": round(plan.solver.seconds, 3),
        },
        "meetings": [
            {
                "id": m.id,
                "kind": m.kind,
                "request": m.request,
                "title": m.title,
                "date": m.date.isoformat(),
                "start": fmt_minutes(m.start),
                "end": fmt_minutes(m.end),
                "room": m.room,
                "presider": m.presider,
                "attendees": list(m.attendees),
                "items": list(m.items),
            }
            for m in plan.meetings
        ],
        "deferred": [
            {"item": d.item, "reason": d.reason, "rules": list(d.rules), "rule_ids": list(d.rule_ids)}
            for d in plan.deferred
        ],
        "rejected": [
            {"request": r.request, "reason": r.reason, "rules": list(r.rules), "rule_ids": list(r.rule_ids)}
            for r in plan.rejected
        ],
        "penalties": [{"rule": p.rule, "cost": p.cost, "detail": p.detail} for p in plan.penalties],
    }


def plan_to_text(plan: Plan) -> str:
    """The §4 document as pretty UTF-8 JSON text (Chinese kept readable)."""
    return json.dumps(plan_to_json(plan), ensure_ascii=False, indent=2) + "\n"


def plan_from_json(data: Any, file: str = "<plan>") -> Plan:
    """Read a §4 plan document; raise `InputError` naming every problem found."""
    reader = Reader(file)
    if not isinstance(data, dict):
        raise InputError([Problem(file, "", "input.type", {"expected": "object"})])
    if data.get("format") != PLAN_FORMAT:
        reader.fail("format", "plan.bad_format", expected=PLAN_FORMAT, value=data.get("format"))
    period = reader.get(data, "period", "", dict, default={})
    period_from = reader.day(period, "from", "period") if period else None
    period_to = reader.day(period, "to", "period") if period else None
    solver_data = reader.get(data, "solver", "", dict, required=False, default={})
    solver = SolverInfo(
        status=str(solver_data.get("status", "UNKNOWN")),
        objective=solver_data.get("objective"),
        bound=solver_data.get("bound"),
        gap=solver_data.get("gap"),
        seconds=float(solver_data.get("seconds") or 0.0),
    )
    meetings: list[PlannedMeeting] = []
    for index, raw in enumerate(reader.get(data, "meetings", "", list, default=[])):
        path = f"meetings[{index}]"
        if not isinstance(raw, dict):
            reader.fail(path, "input.type", expected="object")
            continue
        kind = reader.get(raw, "kind", path, str)
        if kind is not None and kind not in MEETING_KINDS:
            reader.fail(f"{path}.kind", "input.bad_enum", value=kind, allowed=", ".join(MEETING_KINDS))
        values = (
            reader.get(raw, "id", path, str),
            kind,
            reader.get(raw, "title", path, str, required=False, default=""),
            reader.day(raw, "date", path),
            reader.clock(raw, "start", path),
            reader.clock(raw, "end", path),
            reader.get(raw, "room", path, str, required=False),
            reader.get(raw, "presider", path, str),
            reader.strings(raw, "attendees", path),
            reader.strings(raw, "items", path),
            reader.get(raw, "request", path, str, required=False),
        )
        if None in (values[0], values[1], values[3], values[4], values[5], values[7]):
            continue
        meetings.append(PlannedMeeting(*values))
    deferred = [
        Deferral(str(d.get("item", "")), str(d.get("reason", "")), tuple(map(str, d.get("rules", []))),
                 tuple(map(str, d.get("rule_ids", []))))
        for d in reader.get(data, "deferred", "", list, required=False, default=[])
        if isinstance(d, dict)
    ]
    rejected = [
        Rejection(str(r.get("request", "")), str(r.get("reason", "")), tuple(map(str, r.get("rules", []))),
                  tuple(map(str, r.get("rule_ids", []))))
        for r in reader.get(data, "rejected", "", list, required=False, default=[])
        if isinstance(r, dict)
    ]
    penalties = [
        Penalty(str(p.get("rule", "")), int(p.get("cost", 0)), str(p.get("detail", "")))
        for p in reader.get(data, "penalties", "", list, required=False, default=[])
        if isinstance(p, dict)
    ]
    if reader.problems or period_from is None or period_to is None:
        raise InputError(reader.problems)
    return Plan(
        scenario=str(data.get("scenario", "")),
        period_from=period_from,
        period_to=period_to,
        solver=solver,
        meetings=tuple(meetings),
        deferred=tuple(deferred),
        rejected=tuple(rejected),
        penalties=tuple(penalties),
    )


def read_plan(path: str) -> Plan:
    """Load a plan file; unreadable or malformed files raise `InputError`."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as error:
        raise InputError([Problem(path, "", "input.unreadable", {"reason": error.strerror or str(error)})]) from None
    except json.JSONDecodeError as error:
        raise InputError([Problem(path, "", "input.bad_json", {"reason": error.msg}, error.lineno)]) from None
    return plan_from_json(data, path)
