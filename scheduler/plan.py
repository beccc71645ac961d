"""A plan and the solver's account of it, and their JSON form (DESIGN §4, ``govcal.plan/1``).

The planner produces a `Result`; exports, the checker, the ledger and the simulation read `Plan`.
Reasons, penalty details and conflicts are data (`Message`: a catalogue key and its arguments), so
every view renders them in its own language and appends the citation from their articles; the JSON
carries the rendered text without the citation, and the articles beside it.
`plan_from_json` reads every field of a (possibly hand-edited) plan file through `Reader`, so
each malformed field is reported with its path.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from scheduler.domain import HISTORY_KINDS, MEETING_KINDS, HistoryEvent, fmt_minutes
from scheduler.errors import InputError, Problem
from scheduler.holidays import BASES
from scheduler.i18n import Lang, register, t
from scheduler.reader import Reader, join, read_document

PLAN_FORMAT = "govcal.plan/1"
register({"plan.bad_time": ("时间“{value}”无效，应为带时区的 ISO 8601 时间，如 2024-05-01T08:00:00Z",
                            "invalid time '{value}', expected ISO 8601 with its offset, e.g. 2024-05-01T08:00:00Z")})
CHANGE_KINDS = ("moved", "room", "attendees", "items", "added", "dropped")


@dataclass(frozen=True, slots=True)
class Message:
    """A text users read, kept as data: a catalogue key and its arguments (an argument may itself be
    a `Message`, rendered in the same language), or, read back from a file, the literal text."""

    key: str
    args: tuple[tuple[str, Any], ...] = ()
    literal: str = ""

    @staticmethod
    def of(key: str, **args: Any) -> Message:
        return Message(key, tuple(args.items()))

    @staticmethod
    def text(literal: str) -> Message:
        return Message("", (), literal)

    def render(self, lang: Lang = "zh") -> str:
        if not self.key:
            return self.literal
        return t(self.key, lang, **{k: v.render(lang) if isinstance(v, Message) else v for k, v in self.args})


NO_TEXT = Message.text("")


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
    number: int | None = None  # a standing / plenary meeting's ordinal in its year (titles use it)
    unit_heads_away: tuple[str, ...] = ()  # units whose head is away: a deputy head attends (Art. 44)
    # A recorded fact (the ledger says it was held, on this day and time): re-plans keep it as it is,
    # the planner places nothing in its stead, and the checker does not judge its time or attendance.
    held: bool = False
    notice_date: date | None = None  # the day its notice bears: before the meeting, never before the plan's today


@dataclass(frozen=True, slots=True)
class Deferral:
    item: str
    reason: Message
    rules: tuple[str, ...] = ()  # article numbers, e.g. ("43",)
    rule_ids: tuple[str, ...] = ()  # catalogue ids, e.g. ("item_supervisor",)


@dataclass(frozen=True, slots=True)
class Rejection:
    request: str
    reason: Message
    rules: tuple[str, ...] = ()
    rule_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Penalty:
    rule: str  # a soft rule id of `scheduler.rules`
    cost: int
    detail: Message = NO_TEXT
    rules: tuple[str, ...] = ()  # articles, for the few soft costs an article itself states


@dataclass(frozen=True, slots=True)
class CommitmentAttendance:
    """Who attends a congress standing committee meeting for the government (Art. 49)."""

    commitment: str
    attendee: str
    stand_in: bool = False  # the office director, commissioned in a special case


@dataclass(frozen=True, slots=True)
class Change:
    """One difference of a re-plan from the published revision, and whom to tell (DESIGN §4)."""

    meeting: str
    what: str  # one of CHANGE_KINDS
    before: Mapping[str, Any] = field(default_factory=dict)
    after: Mapping[str, Any] = field(default_factory=dict)
    notify: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SolverInfo:
    status: str
    objective: float | None = None
    bound: float | None = None
    gap: float | None = None
    seconds: float = 0.0
    planner: str = "cp-sat"  # "greedy" when the greedy plan stands (a search cut short found nothing better)


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
    commitment_attendance: tuple[CommitmentAttendance, ...] = ()
    scenario_sha256: str = ""
    revision: int = 0  # 0 when never published
    changes: tuple[Change, ...] = ()
    # History the plan was made on beyond its scenario file's (what a ledger recorded), so that
    # `govcal check` sees the same state the planner saw.
    recorded_history: tuple[HistoryEvent, ...] = ()
    # When the office published this revision (UTC; None when never published): calendars stamp
    # their events with it (ICS DTSTAMP).
    published_at: datetime | None = None
    # Where each year's statutory days in the period came from: (year, data|notice|projected).
    calendar_basis: tuple[tuple[str, str], ...] = ()
    # The day the plan was made as of: nothing new is placed on or before it (None: no such day).
    today: date | None = None

    def meeting(self, meeting_id: str) -> PlannedMeeting:
        return next(m for m in self.meetings if m.id == meeting_id)


@dataclass(frozen=True, slots=True)
class Conflict:
    """One reason no feasible plan exists: a rule, its articles and a readable detail."""

    rule: str
    articles: tuple[str, ...]
    detail: Message


@dataclass(frozen=True, slots=True)
class Result:
    """What `plan()` returns: the solver's account (status, objective, bound, gap, seconds) and the plan.

    `plan` is None when no plan was found; `conflicts` then names the rules that clash
    (status INFEASIBLE) or is empty (UNKNOWN: no plan within the time limit).
    """

    solver: SolverInfo
    plan: Plan | None = None
    conflicts: tuple[Conflict, ...] = ()
    notes: tuple[Message, ...] = ()  # reminders for the office, e.g. a plenary still due (Art. 41)

    @property
    def status(self) -> str:
        return self.solver.status

    @property
    def objective(self) -> float | None:
        return self.solver.objective

    @property
    def bound(self) -> float | None:
        return self.solver.bound

    @property
    def gap(self) -> float | None:
        return self.solver.gap

    @property
    def seconds(self) -> float:
        return self.solver.seconds


# ----- JSON -------------------------------------------------------------------------------


def _none_or_round(value: float | None, digits: int = 6) -> float | None:
    return None if value is None else round(float(value), digits)


def solver_to_json(solver: SolverInfo) -> dict[str, Any]:
    return {
        "status": solver.status,
        "objective": _none_or_round(solver.objective),
        "bound": _none_or_round(solver.bound),
        "gap": _none_or_round(solver.gap),
        "seconds": round(solver.seconds, 3),
        "planner": solver.planner,
    }


def history_to_json(event: HistoryEvent) -> dict[str, Any]:
    """A history event as a scenario file writes it (DESIGN §3)."""
    record: dict[str, Any] = {"kind": event.kind, "date": event.date.isoformat()}
    for name in ("unit", "item", "request"):
        value = getattr(event, name)
        if value is not None:
            record[name] = value
    return record


def meeting_to_json(m: PlannedMeeting) -> dict[str, Any]:
    return {
        "id": m.id,
        "kind": m.kind,
        "request": m.request,
        "number": m.number,
        "title": m.title,
        "date": m.date.isoformat(),
        "start": fmt_minutes(m.start),
        "end": fmt_minutes(m.end),
        "room": m.room,
        "presider": m.presider,
        "attendees": list(m.attendees),
        "items": list(m.items),
        "unit_heads_away": list(m.unit_heads_away),
        "notice_date": m.notice_date.isoformat() if m.notice_date else None,
        **({"held": True} if m.held else {}),
    }


def plan_to_json(plan: Plan, lang: Lang = "zh") -> dict[str, Any]:
    """The §4 document, as plain JSON-ready data; texts in `lang`."""
    document: dict[str, Any] = {
        "format": PLAN_FORMAT,
        "scenario": plan.scenario,
        "scenario_sha256": plan.scenario_sha256,
        "revision": plan.revision,
        "today": plan.today.isoformat() if plan.today else None,
        "period": {"from": plan.period_from.isoformat(), "to": plan.period_to.isoformat()},
        "calendar_basis": dict(plan.calendar_basis),
        "solver": solver_to_json(plan.solver),
        "meetings": [meeting_to_json(m) for m in plan.meetings],
        "commitment_attendance": [{"commitment": c.commitment, "attendee": c.attendee, "stand_in": c.stand_in}
                                  for c in plan.commitment_attendance],
        "deferred": [{"item": d.item, "reason": d.reason.render(lang), "rules": list(d.rules),
                      "rule_ids": list(d.rule_ids)} for d in plan.deferred],
        "rejected": [{"request": r.request, "reason": r.reason.render(lang), "rules": list(r.rules),
                      "rule_ids": list(r.rule_ids)} for r in plan.rejected],
        "penalties": [{"rule": p.rule, "cost": p.cost, "detail": p.detail.render(lang), "rules": list(p.rules)}
                      for p in plan.penalties],
    }
    if plan.changes:
        document["changes"] = [{"meeting": c.meeting, "what": c.what, "before": dict(c.before),
                                "after": dict(c.after), "notify": list(c.notify)} for c in plan.changes]
    if plan.recorded_history:
        document["recorded_history"] = [history_to_json(e) for e in plan.recorded_history]
    if plan.published_at is not None:
        document["published_at"] = plan.published_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return document


def plan_to_text(plan: Plan, lang: Lang = "zh") -> str:
    """The §4 document as pretty UTF-8 JSON text (Chinese kept readable)."""
    return json.dumps(plan_to_json(plan, lang), ensure_ascii=False, indent=2) + "\n"


class _PlanReader(Reader):
    """Reads each section of a plan document, recording every malformed field with its path."""

    def texts(self, raw: dict[str, Any], key: str, path: str) -> str:
        return self.get(raw, key, path, str, required=False, default="")

    def articles(self, raw: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        return self.strings(raw, key, path)

    def number(self, raw: dict[str, Any], key: str, path: str) -> float | None:
        value = self.get(raw, key, path, (int, float), required=False)
        return None if value is None else float(value)

    def solver(self, data: dict[str, Any]) -> SolverInfo:
        raw = self.get(data, "solver", "", dict, required=False, default={})
        return SolverInfo(self.get(raw, "status", "solver", str, required=False, default="UNKNOWN"),
                          self.number(raw, "objective", "solver"), self.number(raw, "bound", "solver"),
                          self.number(raw, "gap", "solver"), self.number(raw, "seconds", "solver") or 0.0,
                          self.get(raw, "planner", "solver", str, required=False, default="cp-sat"))

    def meeting(self, raw: dict[str, Any], path: str) -> PlannedMeeting | None:
        kind = self.choice(raw, "kind", path, MEETING_KINDS)
        values = (
            self.get(raw, "id", path, str), kind, self.texts(raw, "title", path), self.day(raw, "date", path),
            self.clock(raw, "start", path), self.clock(raw, "end", path),
            self.get(raw, "room", path, str, required=False), self.get(raw, "presider", path, str),
            self.strings(raw, "attendees", path), self.strings(raw, "items", path),
            self.get(raw, "request", path, str, required=False),
            self.integer(raw, "number", path, minimum=1, required=False),
            self.strings(raw, "unit_heads_away", path),
            bool(self.get(raw, "held", path, bool, required=False, default=False)),
            self.day(raw, "notice_date", path, required=False),
        )
        if None in (values[0], values[1], values[3], values[4], values[5], values[7]):
            return None
        return PlannedMeeting(*values)

    def deferral(self, raw: dict[str, Any], path: str) -> Deferral | None:
        item = self.get(raw, "item", path, str)
        reason = Message.text(self.texts(raw, "reason", path))
        rules, rule_ids = self.articles(raw, "rules", path), self.articles(raw, "rule_ids", path)
        return None if item is None else Deferral(item, reason, rules, rule_ids)

    def rejection(self, raw: dict[str, Any], path: str) -> Rejection | None:
        request = self.get(raw, "request", path, str)
        reason = Message.text(self.texts(raw, "reason", path))
        rules, rule_ids = self.articles(raw, "rules", path), self.articles(raw, "rule_ids", path)
        return None if request is None else Rejection(request, reason, rules, rule_ids)

    def penalty(self, raw: dict[str, Any], path: str) -> Penalty | None:
        rule, cost = self.get(raw, "rule", path, str), self.integer(raw, "cost", path, minimum=0)
        detail, rules = Message.text(self.texts(raw, "detail", path)), self.articles(raw, "rules", path)
        return None if rule is None or cost is None else Penalty(rule, cost, detail, rules)

    def attendance(self, raw: dict[str, Any], path: str) -> CommitmentAttendance | None:
        commitment, attendee = self.get(raw, "commitment", path, str), self.get(raw, "attendee", path, str)
        stand_in = self.get(raw, "stand_in", path, bool, required=False, default=False)
        return None if commitment is None or attendee is None else CommitmentAttendance(commitment, attendee, stand_in)

    def change(self, raw: dict[str, Any], path: str) -> Change | None:
        meeting, what = self.get(raw, "meeting", path, str), self.choice(raw, "what", path, CHANGE_KINDS)
        before = self.get(raw, "before", path, dict, required=False, default={})
        after = self.get(raw, "after", path, dict, required=False, default={})
        notify = self.strings(raw, "notify", path)
        return None if meeting is None or what is None else Change(meeting, what, before, after, notify)

    def history(self, raw: dict[str, Any], path: str) -> HistoryEvent | None:
        kind, day = self.choice(raw, "kind", path, HISTORY_KINDS), self.day(raw, "date", path)
        names = {name: self.get(raw, name, path, str, required=False) for name in ("unit", "item", "request")}
        return None if kind is None or day is None else HistoryEvent(kind, day, **names)

    def moment(self, data: dict[str, Any], key: str) -> datetime | None:
        """An optional ISO 8601 time with its offset (``2024-05-01T08:00:00Z``), as UTC."""
        value = self.get(data, key, "", str, required=False)
        if value is None:
            return None
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            self.fail(key, "plan.bad_time", value=value)
            return None
        return moment.astimezone(UTC)

    def basis(self, data: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        """The optional ``calendar_basis``: each year (text) -> data | notice | projected."""
        raw = self.get(data, "calendar_basis", "", dict, required=False, default={})
        found = []
        for year, basis in raw.items():
            if basis not in BASES or not str(year).isdigit():
                self.fail(join("calendar_basis", str(year)), "input.bad_enum", value=basis, allowed=", ".join(BASES))
            else:
                found.append((str(year), basis))
        return tuple(found)

    def section(self, data: dict[str, Any], key: str, read: Any) -> tuple[Any, ...]:
        found = []
        for path, raw in self.records(data, key):
            value = read(raw, path)
            if value is not None:
                found.append(value)
        return tuple(found)


def plan_from_json(data: Any, file: str = "<plan>") -> Plan:
    """Read a §4 plan document; raise `InputError` naming every malformed field with its path."""
    reader = _PlanReader(file)
    if not isinstance(data, dict):
        raise InputError([Problem(file, "", "input.type", {"expected": "object"})])
    if data.get("format") != PLAN_FORMAT:
        reader.fail("format", "plan.bad_format", expected=PLAN_FORMAT, value=data.get("format"))
    period = reader.get(data, "period", "", dict, default={})
    period_from = reader.day(period, "from", "period") if period else None
    period_to = reader.day(period, "to", "period") if period else None
    plan = Plan(
        scenario=reader.get(data, "scenario", "", str, required=False, default=""),
        period_from=period_from or date.min,
        period_to=period_to or date.min,
        solver=reader.solver(data),
        meetings=reader.section(data, "meetings", reader.meeting),
        deferred=reader.section(data, "deferred", reader.deferral),
        rejected=reader.section(data, "rejected", reader.rejection),
        penalties=reader.section(data, "penalties", reader.penalty),
        commitment_attendance=reader.section(data, "commitment_attendance", reader.attendance),
        scenario_sha256=reader.get(data, "scenario_sha256", "", str, required=False, default=""),
        revision=reader.integer(data, "revision", "", minimum=0, required=False, default=0) or 0,
        changes=reader.section(data, "changes", reader.change),
        recorded_history=reader.section(data, "recorded_history", reader.history),
        published_at=reader.moment(data, "published_at"),
        calendar_basis=reader.basis(data),
        today=reader.day(data, "today", "", required=False),
    )
    if reader.problems or period_from is None or period_to is None:
        if not reader.problems:
            reader.fail(join("period", "from" if period_from is None else "to"), "input.missing")
        raise InputError(reader.problems)
    return plan


def read_plan(path: str) -> Plan:
    """Load a plan file; unreadable or malformed files raise `InputError`."""
    text = read_document(Path(path), path)[1]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError([Problem(path, "", "input.bad_json", {"reason": error.msg}, error.lineno)]) from None
    return plan_from_json(data, path)
