"""Parameters of the agenda-load what-if: the scenario's ``flow.agenda`` mapping over defaults
derived from the scenario's own items (DESIGN §8).

Every default is read off the scenario (its standing-meeting items, its pre-study and county-wide
requests, its leaders' absences), so a county's own file describes its own pattern; each is an
ASSUMPTION that the months to come look like the months the file records. Where the file cannot
say (how soon objections are settled, how often an item is sent back), the default is a stated
guess. A scenario overrides any of them; anything unknown, negative or out of range is reported
with its field path (``flow.agenda.items_per_month``) and nothing runs.

``flow.agenda`` keys (at load 1; the load multiplies items and county-wide requests only):

- ``start``: first simulated month ``YYYY-MM``; default: the month of the first standing item.
- ``items_per_month``: standing-meeting items submitted per month; default: the file's standing items
  per month of the span they were submitted in.
- ``sources``: weight of each reporting unit, keyed ``unit`` (reviewed by the unit's supervisor) or
  ``unit/leader`` (another reviewing leader, Art. 43); default: the file's items per unit and reviewer.
- ``minutes``, ``priorities``: weights of each value; ``matters``: weights of each combination, keyed
  ``funds`` or ``projects+funds``; defaults: the file's counts. Drawn independently of the unit
  (ASSUMPTION: the file is too small to tell them apart by unit).
- ``pre_study_share``: share of items needing a thematic pre-study (Art. 43), convened by the item's
  supervisor with a window of ``pre_study_window_days`` calendar days opening after submission, in
  one month, for ``pre_study_minutes``; defaults: the file's share, median window and length.
- ``no_consensus_share``: share of items on funds/projects/staffing/rewards submitted without
  consensus (Art. 43 keeps them off the agenda); default: the file's share among such items.
- ``consensus_after_months``: months after its submission month at whose start such an item reaches
  consensus; ``null`` keeps it blocked for the whole run. Default 1 (ASSUMPTION: objections are
  settled within about a month; a file is a snapshot and cannot tell).
- ``deadline_share`` / ``deadline_days``: share of items with a deadline, that many calendar days after
  submission; ``attending_share``: share with one attending unit, drawn from the units the file lists
  as attending; defaults: the file's.
- ``sent_back_share``: share of heard items sent back for more work at their first hearing (they stay
  pending). Default 0.05 (ASSUMPTION: "a small share"; the file records no outcomes).
- ``county_wide_per_year`` / ``county_wide_units``: county-wide meeting requests a year and the weight
  of each holding unit (Art. 47); defaults: the file's requests per year and per unit.
- ``leave``: ``per_leader_per_year`` absences generated for each leader on top of the file's,
  ``mean_working_days`` long, of ``kinds`` (Art. 61) by weight; defaults: the file's own rate, length
  and mix of leaders' absences (ASSUMPTION: as much leave comes up during a year as was known ahead).
- ``documents_follow_load``: whether the office's other documents (requests, reports, ...) grow with the
  load too (default true, ASSUMPTION: more agenda items come with more business); meeting decisions
  always are exactly the items the planner's meetings decided.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from scheduler.domain import ABSENCE_KINDS, MATTERS, AgendaItem, Scenario
from scheduler.errors import InputError
from scheduler.scenario import scenario_calendar, scenario_years
from simulation.flow.params import _Reader

PATH = "flow.agenda"
# Roles that may convene a thematic meeting (Art. 46); an item reviewed by anyone else gets no pre-study.
THEMATIC_ROLES = ("county_head", "executive_deputy", "deputy")
SENT_BACK_SHARE = 0.05
CONSENSUS_AFTER_MONTHS = 1
# Fallbacks when the file has nothing to derive from (an empty agenda or no such requests).
FALLBACK_MINUTES = 20
FALLBACK_PRE_STUDY_MINUTES = 60
FALLBACK_PRE_STUDY_WINDOW_DAYS = 10
FALLBACK_DEADLINE_DAYS = 30
FALLBACK_COUNTY_WIDE_MINUTES = 120
FALLBACK_COUNTY_WIDE_WINDOW_DAYS = 14
FALLBACK_LEAVE_DAYS = 3.0

Weights = tuple[tuple[Any, float], ...]


@dataclass(frozen=True, slots=True)
class Source:
    """Who submits an item and who reviews it (Art. 43), with its weight."""

    unit: str
    supervisor: str
    weight: float


@dataclass(frozen=True, slots=True)
class CountyWideTemplate:
    """How one unit's county-wide meeting looks (the file's own request of that unit, if any)."""

    unit: str
    required: tuple[str, ...]
    preferred: tuple[str, ...]
    minutes: int
    window_days: int
    weight: float


@dataclass(frozen=True, slots=True)
class AgendaParams:
    start: tuple[int, int]
    items_per_month: float
    sources: tuple[Source, ...]
    minutes: Weights
    matters: Weights  # keys are tuples of matters
    priorities: Weights
    pre_study_share: float
    pre_study_minutes: int
    pre_study_window_days: int
    no_consensus_share: float
    consensus_after_months: int | None
    deadline_share: float
    deadline_days: int
    attending_share: float
    attending_units: Weights
    sent_back_share: float
    county_wide_per_year: float
    county_wide: tuple[CountyWideTemplate, ...]
    leave_per_leader_per_year: float
    leave_mean_working_days: float
    leave_kinds: Weights
    documents_follow_load: bool

    def to_json(self) -> dict[str, Any]:
        """The parameters in force, as a ``flow.agenda`` mapping would write them."""
        return {
            "start": f"{self.start[0]:04d}-{self.start[1]:02d}",
            "items_per_month": round(self.items_per_month, 4),
            "sources": {source_key(s.unit, s.supervisor, None): s.weight for s in self.sources},
            "minutes": dict(self.minutes),
            "matters": {"+".join(k): w for k, w in self.matters},
            "priorities": dict(self.priorities),
            "pre_study_share": round(self.pre_study_share, 4),
            "pre_study_minutes": self.pre_study_minutes,
            "pre_study_window_days": self.pre_study_window_days,
            "no_consensus_share": round(self.no_consensus_share, 4),
            "consensus_after_months": self.consensus_after_months,
            "deadline_share": round(self.deadline_share, 4),
            "deadline_days": self.deadline_days,
            "attending_share": round(self.attending_share, 4),
            "sent_back_share": self.sent_back_share,
            "county_wide_per_year": round(self.county_wide_per_year, 4),
            "county_wide_units": {c.unit: c.weight for c in self.county_wide},
            "leave": {"per_leader_per_year": round(self.leave_per_leader_per_year, 4),
                      "mean_working_days": round(self.leave_mean_working_days, 4),
                      "kinds": dict(self.leave_kinds)},
            "documents_follow_load": self.documents_follow_load,
        }


def source_key(unit: str, supervisor: str, default_supervisor: str | None) -> str:
    return unit if supervisor == default_supervisor else f"{unit}/{supervisor}"


def standing_items(scenario: Scenario) -> tuple[AgendaItem, ...]:
    """The items the generator models: those for standing meetings (plenary items stay the file's own)."""
    return tuple(i for i in scenario.agenda if i.body == "standing")


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _counts(values: Any) -> Weights:
    """Value -> count, most frequent first (ties in first-seen order)."""
    return tuple((key, float(count)) for key, count in Counter(values).most_common())


def derived_defaults(scenario: Scenario) -> dict[str, Any]:
    """Every parameter's default, read off the scenario (the module docstring says how)."""
    items = standing_items(scenario)
    supervisor_of = {u.id: u.supervisor for u in scenario.units}
    if items:
        first = min(i.submitted for i in items)
        span = _month_index(max(i.submitted for i in items)) - _month_index(first) + 1
        start = (first.year, first.month)
    else:
        first_year = scenario_years(scenario)[0]
        span, start = 1, (first_year, 1)
    pre_studies = [r for r in scenario.meeting_requests if r.kind == "thematic" and r.for_items]
    consensus_items = [i for i in items if i.needs_consensus]
    deadlines = [(i.deadline - i.submitted).days for i in items if i.deadline]
    county_wide = [r for r in scenario.meeting_requests if r.kind == "county_wide"]
    first_year, last_year = scenario_years(scenario)
    years = last_year - first_year + 1
    leader_ids = scenario.leader_ids
    leader_absences = [a for a in scenario.absences if a.who in leader_ids]
    calendar = scenario_calendar(scenario)
    lengths = [max(1, len(calendar.working_days(a.start, a.end))) for a in leader_absences]
    return {
        "start": start,
        "items_per_month": len(items) / span,
        "sources": {source_key(i.unit, i.supervisor, supervisor_of.get(i.unit)): c
                    for (i, c) in _first_of_each(items, lambda i: (i.unit, i.supervisor))}
        or {u.id: 1.0 for u in scenario.units},
        "minutes": dict(_counts(i.minutes for i in items)) or {FALLBACK_MINUTES: 1.0},
        "matters": {"+".join(k): c for k, c in _counts(i.matters for i in items)} or {"other": 1.0},
        "priorities": dict(_counts(i.priority for i in items)) or {2: 1.0},
        "pre_study_share": _share(sum(not i.pre_studied for i in items), len(items)),
        "pre_study_minutes": int(statistics.median([r.minutes for r in pre_studies]))
        if pre_studies else FALLBACK_PRE_STUDY_MINUTES,
        "pre_study_window_days": int(statistics.median([(r.latest - r.earliest).days + 1 for r in pre_studies]))
        if pre_studies else FALLBACK_PRE_STUDY_WINDOW_DAYS,
        "no_consensus_share": _share(sum(not i.consensus for i in consensus_items), len(consensus_items)),
        "consensus_after_months": CONSENSUS_AFTER_MONTHS,
        "deadline_share": _share(len(deadlines), len(items)),
        "deadline_days": int(statistics.median(deadlines)) if deadlines else FALLBACK_DEADLINE_DAYS,
        "attending_share": _share(sum(bool(i.attending_units) for i in items), len(items)),
        "attending_units": dict(_counts(u for i in items for u in i.attending_units)),
        "sent_back_share": SENT_BACK_SHARE,
        "county_wide_per_year": len(county_wide) / years,
        "county_wide_units": dict(_counts(r.unit or r.convener for r in county_wide)),
        "leave": {
            "per_leader_per_year": len(leader_absences) / (len(scenario.leaders) * years),
            "mean_working_days": statistics.fmean(lengths) if lengths else FALLBACK_LEAVE_DAYS,
            "kinds": dict(_counts(a.kind for a in leader_absences)) or {"leave": 1.0},
        },
        "documents_follow_load": True,
    }


def _first_of_each(items: tuple[AgendaItem, ...], key: Any) -> list[tuple[AgendaItem, float]]:
    """(first item, count) of each key, most frequent first."""
    counts = Counter(key(i) for i in items)
    first: dict[Any, AgendaItem] = {}
    for item in items:
        first.setdefault(key(item), item)
    return [(first[k], float(c)) for k, c in counts.most_common()]


# ----- validation ------------------------------------------------------------------------------

class _AgendaReader(_Reader):
    """`simulation.flow.params`'s reader with the checks the agenda parameters need."""

    def weights(self, value: Any, path: str, parse: Any) -> Weights:
        """A mapping key -> weight >= 0 with a positive total; `parse(key, path)` returns the key or None."""
        if not isinstance(value, Mapping) or not value:
            self.problem(path, "input.type", expected="mapping of weights")
            return ()
        found = []
        for raw_key, raw_weight in value.items():
            where = f"{path}.{raw_key}"
            key = parse(raw_key, where)
            weight = self.number(raw_weight, where)
            if key is not None:
                found.append((key, float(weight)))
        if found and sum(w for _, w in found) <= 0:
            self.problem(path, "agenda.zero_weights")
        return tuple(found)

    def integer_key(self, low: int, high: int) -> Any:
        def parse(raw: Any, where: str) -> int | None:
            try:
                value = int(str(raw))
            except ValueError:
                self.problem(where, "sim.not_integer", value=raw)
                return None
            if not low <= value <= high:
                self.problem(where, "input.out_of_range", low=low, high=high, value=raw)
                return None
            return value
        return parse

    def enum_key(self, allowed: tuple[str, ...]) -> Any:
        def parse(raw: Any, where: str) -> str | None:
            if raw not in allowed:
                self.problem(where, "input.bad_enum", value=raw, allowed=", ".join(allowed))
                return None
            return str(raw)
        return parse

    def month(self, value: Any, path: str) -> tuple[int, int]:
        text = value.strftime("%Y-%m") if isinstance(value, date) else str(value)
        try:
            parsed = date.fromisoformat(f"{text}-01")
        except ValueError:
            self.problem(path, "agenda.bad_month", value=value)
            return (2000, 1)
        return parsed.year, parsed.month

    def boolean(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            self.problem(path, "input.type.bool")
            return True
        return value


def agenda_params(scenario: Scenario) -> AgendaParams:
    """Validate ``scenario.flow['agenda']`` over `derived_defaults`; raise `InputError` naming each problem."""
    defaults = derived_defaults(scenario)
    reader = _AgendaReader(scenario.source)
    flow = scenario.flow if isinstance(scenario.flow, Mapping) else {}
    top = reader.mapping(flow.get("agenda"), defaults, PATH)
    leave = reader.mapping(top["leave"], defaults["leave"], f"{PATH}.leave")
    units = {u.id: u for u in scenario.units}
    leaders = {x.id: x for x in scenario.leaders}

    def source(raw: Any, where: str) -> tuple[str, str] | None:
        unit_id, _, supervisor = str(raw).partition("/")
        if unit_id not in units:
            reader.problem(where, "scenario.unknown_unit", id=unit_id)
            return None
        supervisor = supervisor or units[unit_id].supervisor
        if supervisor not in leaders:
            reader.problem(where, "scenario.unknown_leader", id=supervisor)
            return None
        return unit_id, supervisor

    def unit(raw: Any, where: str) -> str | None:
        if raw not in units:
            reader.problem(where, "scenario.unknown_unit", id=raw)
            return None
        return str(raw)

    def matters(raw: Any, where: str) -> tuple[str, ...] | None:
        parts = tuple(part.strip() for part in str(raw).split("+"))
        bad = [p for p in parts if p not in MATTERS]
        if bad:
            reader.problem(where, "input.bad_enum", value=bad[0], allowed=", ".join(MATTERS))
            return None
        return parts

    def number(key: str, **kwargs: Any) -> float:
        return reader.number(top[key], f"{PATH}.{key}", **kwargs)

    def share(key: str) -> float:
        return reader.share(top[key], f"{PATH}.{key}")

    consensus_after = top["consensus_after_months"]
    params = AgendaParams(
        start=reader.month(top["start"], f"{PATH}.start") if not isinstance(top["start"], tuple) else top["start"],
        items_per_month=number("items_per_month"),
        sources=tuple(Source(u, s, w) for (u, s), w in reader.weights(top["sources"], f"{PATH}.sources", source)),
        minutes=reader.weights(top["minutes"], f"{PATH}.minutes", reader.integer_key(1, 24 * 60)),
        matters=reader.weights(top["matters"], f"{PATH}.matters", matters),
        priorities=reader.weights(top["priorities"], f"{PATH}.priorities", reader.integer_key(1, 3)),
        pre_study_share=share("pre_study_share"),
        pre_study_minutes=int(number("pre_study_minutes", integer=True, positive=True)),
        pre_study_window_days=int(number("pre_study_window_days", integer=True, positive=True)),
        no_consensus_share=share("no_consensus_share"),
        consensus_after_months=None if consensus_after is None else int(
            reader.number(consensus_after, f"{PATH}.consensus_after_months", integer=True, positive=True)),
        deadline_share=share("deadline_share"),
        deadline_days=int(number("deadline_days", integer=True, positive=True)),
        attending_share=share("attending_share"),
        attending_units=reader.weights(top["attending_units"], f"{PATH}.attending_units", unit)
        if top["attending_units"] else (),
        sent_back_share=share("sent_back_share"),
        county_wide_per_year=number("county_wide_per_year"),
        county_wide=(),
        leave_per_leader_per_year=reader.number(leave["per_leader_per_year"], f"{PATH}.leave.per_leader_per_year"),
        leave_mean_working_days=reader.number(leave["mean_working_days"], f"{PATH}.leave.mean_working_days",
                                              positive=True),
        leave_kinds=reader.weights(leave["kinds"], f"{PATH}.leave.kinds", reader.enum_key(ABSENCE_KINDS)),
        documents_follow_load=reader.boolean(top["documents_follow_load"], f"{PATH}.documents_follow_load"),
    )
    county_wide_units = reader.weights(top["county_wide_units"], f"{PATH}.county_wide_units", unit) \
        if top["county_wide_units"] else ()
    if params.county_wide_per_year > 0 and not county_wide_units:
        reader.problem(f"{PATH}.county_wide_units", "agenda.zero_weights")
    if reader.problems:
        raise InputError(reader.problems)
    return _with_county_wide(scenario, params, county_wide_units)


def _with_county_wide(scenario: Scenario, params: AgendaParams, weights: Weights) -> AgendaParams:
    """Each holding unit's template: its own request in the file if it has one, else the unit alone."""
    own = {}
    for request in scenario.meeting_requests:
        if request.kind == "county_wide":
            own.setdefault(request.unit or request.convener, request)
    templates = []
    for unit_id, weight in weights:
        request = own.get(unit_id)
        if request is not None:
            templates.append(CountyWideTemplate(unit_id, request.required, request.preferred, request.minutes,
                                                (request.latest - request.earliest).days + 1, weight))
        else:
            templates.append(CountyWideTemplate(unit_id, (unit_id,), (), FALLBACK_COUNTY_WIDE_MINUTES,
                                                FALLBACK_COUNTY_WIDE_WINDOW_DAYS, weight))
    return replace(params, county_wide=tuple(templates))
