"""What the ledger holds, as frozen records (read from its tables by `govcal.ledger.ledger`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from scheduler.domain import CalendarSpec, HolidayNotice, LocalHoliday, NoticeHoliday, Scenario
from scheduler.period import month_bounds
from scheduler.plan import PlannedMeeting


@dataclass(frozen=True, slots=True)
class Revision:
    """One published revision of a period's plan (its whole JSON is kept beside it)."""

    id: int
    period_from: date
    period_to: date
    revision: int
    scenario_sha256: str
    published_at: datetime

    @property
    def period_label(self) -> str:
        return period_label(self.period_from, self.period_to)


def period_label(start: date, end: date) -> str:
    """``2024-05`` for a calendar month, else ``2024-05-06..2024-05-17``."""
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) and \
            end == month_bounds(start.year, start.month)[1]:
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.isoformat()}..{end.isoformat()}"


@dataclass(frozen=True, slots=True)
class PublishedMeeting:
    """A meeting as a revision published it: what recording an outcome and the cycle need."""

    revision: Revision
    id: str
    kind: str
    request: str | None
    title: str
    date: date
    start: int
    end: int
    items: tuple[str, ...]

    def planned(self) -> PlannedMeeting:
        """The meeting as `scheduler.cycle` reads it (the fields an outcome's history depends on)."""
        return PlannedMeeting(self.id, self.kind, self.title, self.date, self.start, self.end, None, "",
                              items=self.items, request=self.request)


@dataclass(frozen=True, slots=True)
class RecordedOutcome:
    """What a published meeting did, as recorded: held (on `day`, at `start`) or cancelled."""

    meeting: PublishedMeeting
    held: bool
    day: date
    start: int | None
    decided: tuple[str, ...]
    not_decided: tuple[str, ...]
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A follow-up (督办, Art. 28, 57) of a decided item: who carries it out, by when, reports."""

    id: int
    item: str
    unit: str
    meeting: str
    period_from: date
    decided_on: date
    due: date
    report_every: int | None = None  # working days between progress reports
    closed_on: date | None = None
    note: str = ""
    reports: int = 0
    last_report: date | None = None

    @property
    def open(self) -> bool:
        return self.closed_on is None


@dataclass(frozen=True, slots=True)
class ScenarioFacts:
    """What the lighter ledger commands need from one version of the scenario file, cached in the
    ledger by the file's SHA-256 so that `record` and `followups` need not parse the YAML."""

    name: str
    sha256: str
    leaders: Mapping[str, str] = field(default_factory=dict)  # id -> label
    units: Mapping[str, str] = field(default_factory=dict)  # id -> name
    items: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # id -> (title, unit)
    calendar: CalendarSpec = field(default_factory=CalendarSpec)

    def __post_init__(self) -> None:
        for name in ("leaders", "units", "items"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    @staticmethod
    def of(scenario: Scenario) -> ScenarioFacts:
        return ScenarioFacts(
            scenario.name, scenario.sha256,
            {x.id: scenario.name_of(x.id) for x in scenario.leaders}, {x.id: x.name for x in scenario.units},
            {x.id: (x.title, x.unit) for x in scenario.agenda}, scenario.calendar)

    def name_of(self, party: str) -> str:
        return self.leaders.get(party) or self.units.get(party) or party

    def to_json(self) -> dict[str, Any]:
        spec = self.calendar
        return {
            "leaders": dict(self.leaders), "units": dict(self.units),
            "items": {key: list(value) for key, value in self.items.items()},
            "calendar": {"region": spec.region, "weekdays": list(spec.weekdays),
                         "local_holidays": [[h.date.isoformat(), h.name] for h in spec.local_holidays],
                         "office_hours": [list(block) for block in spec.office_hours],
                         "grain_minutes": spec.grain_minutes,
                         "notices": [{"year": n.year,
                                      "holidays": [[h.start.isoformat(), h.end.isoformat(), h.name]
                                                   for h in n.holidays],
                                      "workdays": [d.isoformat() for d in n.workdays]} for n in spec.notices]},
        }

    @staticmethod
    def from_json(name: str, sha256: str, data: Mapping[str, Any]) -> ScenarioFacts:
        raw = data["calendar"]
        calendar = CalendarSpec(
            raw["region"], tuple(raw["weekdays"]),
            tuple(LocalHoliday(date.fromisoformat(day), label) for day, label in raw["local_holidays"]),
            tuple((int(a), int(b)) for a, b in raw["office_hours"]), int(raw["grain_minutes"]),
            # Facts cached before notices existed have none.
            tuple(HolidayNotice(int(n["year"]),
                                tuple(NoticeHoliday(date.fromisoformat(a), date.fromisoformat(b), label)
                                      for a, b, label in n["holidays"]),
                                tuple(date.fromisoformat(d) for d in n["workdays"]))
                  for n in raw.get("notices", [])))
        return ScenarioFacts(name, sha256, data["leaders"], data["units"],
                             {key: (value[0], value[1]) for key, value in data["items"].items()}, calendar)
