"""Flow parameters: the scenario's ``flow:`` section, validated, over documented defaults.

Every default below is an ASSUMPTION for a county of Wuqia's size (about 60 government
departments and townships, a general office of a handful of document staff); the rules give
only the deadlines. A scenario overrides any of them in ``flow:``; anything unknown, negative or
out of range is reported with its field path (``flow.arrivals.request``) and nothing runs.

Units: arrivals per working day; service times in working hours (office hours only); co-sign
replies and filing in working days; horizon and warm-up in calendar days.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import simulation.messages  # noqa: F401  (registers the sim.* catalogue entries)
from scheduler.errors import InputError, Problem

# Document kinds of DESIGN §6, in the order they are reported.
KINDS = ("request", "report", "normative", "consent", "proposal", "decided")
# Who signs (Art. 52): the unit's supervising leader, the county head (the executive deputy stands
# in when the head is away, Art. 6, unless the kind is the head's alone: `head_signs_alone`), the
# executive deputy, or the general office's director.
SIGNER_ROLES = ("supervisor", "head", "executive", "office_director")

DEFAULTS: dict[str, Any] = {
    # Documents reaching the county government per working day, by kind (ASSUMPTION: ~3,600 a year).
    # A document that needs co-signing starts it at its arrival instant and reaches the office after it
    # (Art. 54): the same number a year, each a few days later.
    "arrivals": {"request": 8.0, "report": 4.0, "normative": 0.15, "consent": 1.5, "proposal": 0.6},
    # Documents one standing meeting decides when no plan gives its items (ASSUMPTION).
    "decided_per_meeting": 5.0,
    # Office document staff (Art. 53 review) and justice-bureau legality reviewers (Art. 25, 43).
    "staff": {"office": 5, "justice": 2},
    # Mean working hours of work per document at each step (lognormal with coefficient `service_cv`).
    "office_hours": {"request": 1.2, "report": 0.6, "normative": 2.0, "consent": 1.0, "proposal": 1.5,
                     "decided": 3.0},
    "legality_hours": 6.0,
    "sign_hours": 0.25,
    "service_cv": 0.8,
    # Printing and dispatch after the last signature, working hours (a fixed delay, no queue).
    "issue_hours": 2.0,
    # Share of each kind that needs co-signing by other units (Art. 54), and how many units at most.
    "cosign_share": {"request": 0.3, "report": 0.0, "normative": 0.6, "consent": 0.4, "proposal": 0.1,
                     "decided": 0.0},
    "cosign_units_max": 3,
    # A unit's reply time in working days (lognormal); late replies count as no objection (Art. 54).
    # ASSUMPTION: units mostly keep the 7-day rule (about 97% in time); replies do not slow with load.
    "cosign_reply_days": {"mean": 3.0, "cv": 0.6},
    # Share of each kind that needs the justice bureau's legality review (Art. 25, 43).
    "legality_share": {"request": 0.0, "report": 0.0, "normative": 1.0, "consent": 0.05, "proposal": 0.0,
                       "decided": 0.2},
    # Signers in order (Art. 52): e.g. normative documents are reviewed by the supervising deputy,
    # then signed by the county head.
    "signers": {"request": ["supervisor"], "report": ["supervisor"], "normative": ["supervisor", "head"],
                "consent": ["supervisor"], "proposal": ["supervisor"], "decided": ["head"]},
    # Kinds only the county head may sign: a document of such a kind waits for an absent head. The rest
    # may be signed by the executive deputy while the head is away (Art. 6).
    # Art. 52 ¶1: normative documents, decisions, orders, bills to the congress and appointments "由县长签发";
    # Art. 45: meeting minutes and the documents decided "报县长签发". Art. 52 ¶5: consent documents across
    # portfolios "由县长或负责常务工作的副县长签批"; Art. 52 ¶2: important documents issued "由县长或常务副县长签发"
    # (reports and replies to proposals). Units' requests are approved by the leader whose portfolio they
    # fall in (Art. 53 ¶2 "按照政府领导同志分工呈批"); the rules do not reserve them to the head, so the
    # executive deputy may approve those of the head's units while the head is away.
    # The flag matters only where `signers` lists "head" (by default: normative and decided).
    "head_signs_alone": {"request": False, "report": False, "normative": True, "consent": False, "proposal": False,
                         "decided": True},
    # Working days from issuing a "with the county government's consent" document to filing it (Art. 52).
    "filing_days": {"mean": 8.0, "cv": 0.6},
    # Leave generated beyond the dates the scenario covers (ASSUMPTION: 4 absences a year of 3 days).
    "leave": {"episodes_per_year": 4.0, "mean_working_days": 3.0},
    # First simulated day: default 1 January of the scenario's (or the plan's) first year.
    "start": None,
    "horizon_days": 365,
    "warmup_days": 30,
    # The agenda-load what-if's own parameters, validated by simulation.agenda.params.
    "agenda": None,
}


@dataclass(frozen=True, slots=True)
class Lognormal:
    """A positive quantity given by its mean and coefficient of variation."""

    mean: float
    cv: float

    @property
    def sigma(self) -> float:
        return math.sqrt(math.log1p(self.cv * self.cv))

    @property
    def mu(self) -> float:
        return math.log(self.mean) - self.sigma**2 / 2 if self.mean > 0 else -math.inf


@dataclass(frozen=True, slots=True)
class KindFlow:
    """Everything about one document kind."""

    kind: str
    per_day: float  # arrivals per working day at load 1 (0 for `decided`: meetings bring them)
    office_hours: float
    cosign_share: float
    legality_share: float
    signers: tuple[str, ...]
    head_signs_alone: bool  # the executive deputy never signs for an absent head (Art. 52)


@dataclass(frozen=True, slots=True)
class FlowParams:
    kinds: tuple[KindFlow, ...]
    decided_per_meeting: float
    office_staff: int
    justice_reviewers: int
    legality_hours: float
    sign_hours: float
    service_cv: float
    issue_hours: float
    cosign_units_max: int
    cosign_reply_days: Lognormal
    filing_days: Lognormal
    leave_episodes_per_year: float
    leave_mean_working_days: float
    horizon_days: int
    warmup_days: int
    start: date | None = None

    def kind(self, name: str) -> KindFlow:
        return next(k for k in self.kinds if k.kind == name)


# ----- validation ------------------------------------------------------------------------------

class _Reader:
    """Merges a user's mapping over DEFAULTS, collecting every problem with its field path."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, path: str, message: str, **params: Any) -> None:
        self.problems.append(Problem(self.source, path, message, params))

    def number(self, value: Any, path: str, *, integer: bool = False, positive: bool = False) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(path, "sim.not_integer" if integer else "sim.not_number", value=value)
            return 1
        if integer and not isinstance(value, int):
            self.problem(path, "sim.not_integer", value=value)
            return 1
        if value < 0 or (positive and value == 0):
            self.problem(path, "sim.not_positive" if positive else "sim.negative", value=value)
            return 1
        return value

    def day(self, value: Any, path: str) -> date | None:
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.problem(path, "input.bad_date", value=value)
            return None

    def share(self, value: Any, path: str) -> float:
        number = self.number(value, path)
        if number > 1:
            self.problem(path, "sim.share", value=value)
        return number

    def flag(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            self.problem(path, "input.type.bool")
            return True
        return value

    def signers(self, value: Any, path: str) -> tuple[str, ...]:
        if not isinstance(value, list | tuple) or not value:
            self.problem(path, "input.type", expected="list of signer roles")
            return ("supervisor",)
        for index, role in enumerate(value):
            if role not in SIGNER_ROLES:
                self.problem(f"{path}[{index}]", "input.bad_enum", value=role, allowed=", ".join(SIGNER_ROLES))
        return tuple(value)

    def mapping(self, value: Any, defaults: Mapping[str, Any], path: str) -> dict[str, Any]:
        """`defaults` overlaid with `value`; unknown keys are problems."""
        if value is None:
            return dict(defaults)
        if not isinstance(value, Mapping):
            self.problem(path, "input.type", expected="mapping")
            return dict(defaults)
        merged = dict(defaults)
        for key, item in value.items():
            if key not in defaults:
                self.problem(f"{path}.{key}" if path else str(key), "sim.unknown_key", key=key,
                             allowed=", ".join(defaults))
                continue
            merged[key] = item
        return merged


def flow_params(flow: Mapping[str, Any] | None, source: str = "<memory>") -> FlowParams:
    """Validate a scenario's ``flow:`` mapping over `DEFAULTS`; raise `InputError` naming each problem."""
    reader = _Reader(source)
    top = reader.mapping(flow, DEFAULTS, "flow")
    per_kind: dict[str, dict[str, Any]] = {}
    for field in ("arrivals", "office_hours", "cosign_share", "legality_share", "signers", "head_signs_alone"):
        per_kind[field] = reader.mapping(top[field], DEFAULTS[field], f"flow.{field}")
    staff = reader.mapping(top["staff"], DEFAULTS["staff"], "flow.staff")
    reply = reader.mapping(top["cosign_reply_days"], DEFAULTS["cosign_reply_days"], "flow.cosign_reply_days")
    filing = reader.mapping(top["filing_days"], DEFAULTS["filing_days"], "flow.filing_days")
    leave = reader.mapping(top["leave"], DEFAULTS["leave"], "flow.leave")

    kinds = []
    for kind in KINDS:
        per_day = per_kind["arrivals"].get(kind, 0.0)
        kinds.append(KindFlow(
            kind=kind,
            per_day=reader.number(per_day, f"flow.arrivals.{kind}"),
            office_hours=reader.number(per_kind["office_hours"][kind], f"flow.office_hours.{kind}"),
            cosign_share=reader.share(per_kind["cosign_share"][kind], f"flow.cosign_share.{kind}"),
            legality_share=reader.share(per_kind["legality_share"][kind], f"flow.legality_share.{kind}"),
            signers=reader.signers(per_kind["signers"][kind], f"flow.signers.{kind}"),
            head_signs_alone=reader.flag(per_kind["head_signs_alone"][kind], f"flow.head_signs_alone.{kind}"),
        ))
    params = FlowParams(
        kinds=tuple(kinds),
        decided_per_meeting=reader.number(top["decided_per_meeting"], "flow.decided_per_meeting"),
        office_staff=int(reader.number(staff["office"], "flow.staff.office", integer=True, positive=True)),
        justice_reviewers=int(reader.number(staff["justice"], "flow.staff.justice", integer=True, positive=True)),
        legality_hours=reader.number(top["legality_hours"], "flow.legality_hours"),
        sign_hours=reader.number(top["sign_hours"], "flow.sign_hours"),
        service_cv=reader.number(top["service_cv"], "flow.service_cv"),
        issue_hours=reader.number(top["issue_hours"], "flow.issue_hours"),
        cosign_units_max=int(reader.number(top["cosign_units_max"], "flow.cosign_units_max", integer=True,
                                           positive=True)),
        cosign_reply_days=Lognormal(reader.number(reply["mean"], "flow.cosign_reply_days.mean", positive=True),
                                    reader.number(reply["cv"], "flow.cosign_reply_days.cv")),
        filing_days=Lognormal(reader.number(filing["mean"], "flow.filing_days.mean", positive=True),
                              reader.number(filing["cv"], "flow.filing_days.cv")),
        leave_episodes_per_year=reader.number(leave["episodes_per_year"], "flow.leave.episodes_per_year"),
        leave_mean_working_days=reader.number(leave["mean_working_days"], "flow.leave.mean_working_days",
                                              positive=True),
        horizon_days=int(reader.number(top["horizon_days"], "flow.horizon_days", integer=True, positive=True)),
        warmup_days=int(reader.number(top["warmup_days"], "flow.warmup_days", integer=True)),
        start=reader.day(top["start"], "flow.start"),
    )
    if not reader.problems and params.warmup_days >= params.horizon_days:
        reader.problem("flow.warmup_days", "sim.warmup_too_long", warmup=params.warmup_days,
                       horizon=params.horizon_days)
    if reader.problems:
        raise InputError(reader.problems)
    return params
