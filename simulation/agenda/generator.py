"""The agenda generator of the what-if: each month's new items, meeting requests and leave (DESIGN §8).

`base_scenario` keeps what the office does not generate (people, rooms, calendars, commitments,
plenary items, study sessions, county head office meetings, other thematic meetings, absences
known ahead) and drops what the generator replaces: standing-meeting items, their pre-study
requests and the county-wide requests, with the history about them.

`AgendaGenerator.month(index, load)` draws one month from `simulation.agenda.params.AgendaParams`:

- items arrive as a Poisson process of `items_per_month × load` on working days. Common random
  numbers: candidates are the points of one unit-rate Poisson process, each with its own row of
  uniforms; load L keeps the points below `items_per_month × L`. So a higher load's items include a
  lower load's, attribute for attribute, and a load's items never depend on which other loads ran;
- an item needing pre-study gets a thematic request convened by its supervisor (Art. 43; the
  scenario loader refuses any other convener), its window opening on the working day after the
  submission and closing within that month (in the next month's first days when the submission
  came on the month's last working day);
- county-wide requests (Art. 47) arrive at `county_wide_per_year / 12 × load` a month, convened by
  the holding unit, with a window inside the month;
- leave is generated for every leader at `per_leader_per_year / 12` a month, whatever the load
  (Art. 61 kinds), on top of the scenario's absences; each episode lies inside its month.

Each month, each kind of draw and each leader has its own stream, derived from the replication's
seed only (`simulation.seeds.children`), so nothing depends on how many draws came before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np

import simulation.messages  # noqa: F401  (registers the agenda.* catalogue entries)
from scheduler.calendar import CalendarRangeError, WorkCalendar, calendar_for
from scheduler.domain import CONSENSUS_MATTERS, Absence, AgendaItem, MeetingRequest, Scenario
from scheduler.i18n import Lang, t
from scheduler.period import month_bounds
from simulation.agenda.params import THEMATIC_ROLES, AgendaParams, Weights, standing_items
from simulation.seeds import children

CHUNK = 64  # candidates are drawn in fixed chunks, so candidate k's numbers never depend on the count
# Columns of an item's row of uniforms.
DAY, SOURCE, MINUTES, MATTERS, PRIORITY, PRE_STUDY, CONSENSUS, DEADLINE, ATTENDING, ATTENDING_UNIT, SENT_BACK = \
    range(11)
ITEM_COLUMNS = 11
STREAMS = ("items", "county_wide", "leave")

Month = tuple[int, int]


def month_list(start: Month, count: int) -> list[Month]:
    year, month = start
    months = []
    for _ in range(count):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_label(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def base_scenario(scenario: Scenario) -> Scenario:
    """The scenario without its standing items, their pre-study requests and its county-wide requests
    (the generator replaces them), and without history about what was dropped."""
    generated = {i.id for i in standing_items(scenario)}
    requests = []
    for request in scenario.meeting_requests:
        if request.kind == "county_wide":
            continue
        if request.for_items:
            kept = tuple(i for i in request.for_items if i not in generated)
            if not kept:
                continue
            request = replace(request, for_items=kept)
        requests.append(request)
    request_ids = {r.id for r in requests}
    history = tuple(e for e in scenario.history
                    if e.item not in generated and (e.request is None or e.request in request_ids))
    return replace(scenario, agenda=tuple(i for i in scenario.agenda if i.id not in generated),
                   meeting_requests=tuple(requests), history=history)


def pick(weights: Weights, uniform: float) -> object:
    """The key whose cumulative weight interval holds `uniform` (in [0, 1))."""
    totals = np.cumsum([w for _, w in weights])
    return weights[int(np.searchsorted(totals / totals[-1], uniform, side="right"))][0]


def poisson_candidates(seed: np.random.SeedSequence, mean: float, width: int) -> np.ndarray:
    """Rows of `width` uniforms of the points of a unit-rate Poisson process below `mean`."""
    if mean <= 0:
        return np.empty((0, width))
    point_rng, row_rng = (np.random.default_rng(s) for s in children(seed, 2))
    rows, reached = [], 0.0
    while reached < mean:
        points = reached + np.cumsum(point_rng.standard_exponential(CHUNK))
        block = row_rng.random((CHUNK, width))
        rows.append(block[points < mean])
        reached = float(points[-1])
    return np.concatenate(rows)


@dataclass(frozen=True, slots=True)
class MonthArrivals:
    """One month's draws; `sent_back_mark[item]` < the share sends the item back at its first hearing,
    `consensus_month[item]` is the month index at whose start a blocked item reaches consensus."""

    items: tuple[AgendaItem, ...]
    requests: tuple[MeetingRequest, ...]
    absences: tuple[Absence, ...]
    sent_back_mark: dict[str, float]
    consensus_month: dict[str, int]


def run_calendar(scenario: Scenario, months: Sequence[Month]) -> WorkCalendar:
    """The working days from the earliest submission to the run's end and, where the calendar knows it,
    the year after (pre-study windows of a December's last days spill into it)."""
    first = min([months[0][0], *(i.submitted.year for i in scenario.agenda)])
    last = months[-1][0]
    try:
        return calendar_for(scenario.calendar, (first, last + 1))
    except CalendarRangeError:
        return calendar_for(scenario.calendar, (first, last))


class AgendaGenerator:
    """Draws the months of one replication; `seed` is the replication's generation stream."""

    def __init__(self, base: Scenario, params: AgendaParams, months: Sequence[Month],
                 seed: np.random.SeedSequence, lang: Lang = "zh") -> None:
        self.base = base
        self.params = params
        self.months = list(months)
        self.lang = lang
        self.calendar = run_calendar(base, months)
        self.units = {u.id: u for u in base.units}
        self.roles = {x.id: x.role for x in base.leaders}
        self.leaders = tuple(x.id for x in base.leaders)
        streams = dict(zip(STREAMS, children(seed, len(STREAMS)), strict=True))
        self.month_seeds = {name: children(stream, len(self.months)) for name, stream in streams.items()}

    # ----- days -----------------------------------------------------------------------------------
    def working_days(self, month: Month) -> list[date]:
        first, last = month_bounds(*month)
        if first < self.calendar.first or last > self.calendar.last:
            return []
        return self.calendar.working_days(first, last)

    def _next_month(self, month: Month) -> Month:
        return month_list(month, 2)[1]

    # ----- one month --------------------------------------------------------------------------------
    @staticmethod
    def nothing() -> MonthArrivals:
        return MonthArrivals((), (), (), {}, {})

    def month(self, index: int, load: float) -> MonthArrivals:
        month = self.months[index]
        days = self.working_days(month)
        items: list[AgendaItem] = []
        requests: list[MeetingRequest] = []
        marks: dict[str, float] = {}
        consensus: dict[str, int] = {}
        rows = poisson_candidates(self.month_seeds["items"][index], self.params.items_per_month * load, ITEM_COLUMNS)
        for k, row in enumerate(rows if days else ()):
            item = self._item(month, days, k, row)
            items.append(item)
            marks[item.id] = float(row[SENT_BACK])
            if not item.consensus and self.params.consensus_after_months is not None:
                consensus[item.id] = index + self.params.consensus_after_months
            if not item.pre_studied:
                request = self.pre_study(item, item.submitted, 1)
                if request is not None:
                    requests.append(request)
        requests += self._county_wide(index, month, load)
        return MonthArrivals(tuple(items), tuple(requests), self._leave(index, month, days), marks, consensus)

    def _item(self, month: Month, days: list[date], k: int, row: np.ndarray) -> AgendaItem:
        params = self.params
        item_id = f"A{month[0]:04d}{month[1]:02d}-{k + 1:03d}"
        source = params.sources[int(pick(tuple((i, s.weight) for i, s in enumerate(params.sources)), row[SOURCE]))]
        matters = tuple(pick(params.matters, row[MATTERS]))
        submitted = days[int(row[DAY] * len(days))]
        can_pre_study = self.roles.get(source.supervisor) in THEMATIC_ROLES
        attending: tuple[str, ...] = ()
        if params.attending_units and row[ATTENDING] < params.attending_share:
            unit = str(pick(params.attending_units, row[ATTENDING_UNIT]))
            attending = (unit,) if unit != source.unit else ()
        return AgendaItem(
            id=item_id,
            title=t("agenda.item_title", self.lang, unit=self.units[source.unit].name, id=item_id),
            unit=source.unit,
            supervisor=source.supervisor,
            body="standing",
            minutes=int(pick(params.minutes, row[MINUTES])),
            submitted=submitted,
            pre_studied=not (can_pre_study and row[PRE_STUDY] < params.pre_study_share),
            consensus=not (CONSENSUS_MATTERS.intersection(matters) and row[CONSENSUS] < params.no_consensus_share),
            matters=matters,
            attending_units=attending,
            deadline=submitted + timedelta(days=params.deadline_days) if row[DEADLINE] < params.deadline_share
            else None,
            priority=int(pick(params.priorities, row[PRIORITY])),
        )

    def pre_study(self, item: AgendaItem, after: date, attempt: int) -> MeetingRequest | None:
        """The item's thematic pre-study (Art. 43), convened by its supervisor, its window opening on the
        working day after `after` and closing within that month; None past the calendar's end."""
        month = (after.year, after.month)
        later = [d for d in self.working_days(month) if d > after]
        if not later:
            later = self.working_days(self._next_month(month))
            if not later:
                return None
        earliest = later[0]
        latest = min(earliest + timedelta(days=self.params.pre_study_window_days - 1),
                     month_bounds(earliest.year, earliest.month)[1])
        suffix = "" if attempt == 1 else f"-{attempt}"
        return MeetingRequest(
            id=f"P{item.id[1:]}{suffix}",
            kind="thematic",
            title=t("agenda.pre_study_title", self.lang, item=item.id),
            convener=item.supervisor,
            required=(item.supervisor, item.unit),
            preferred=item.attending_units,
            minutes=self.params.pre_study_minutes,
            earliest=earliest,
            latest=latest,
            for_items=(item.id,),
        )

    def _county_wide(self, index: int, month: Month, load: float) -> list[MeetingRequest]:
        params = self.params
        if not params.county_wide:
            return []
        rows = poisson_candidates(self.month_seeds["county_wide"][index], params.county_wide_per_year / 12 * load, 2)
        first, last = month_bounds(*month)
        length = (last - first).days + 1
        requests = []
        weights = tuple((i, c.weight) for i, c in enumerate(params.county_wide))
        for k, row in enumerate(rows):
            template = params.county_wide[int(pick(weights, row[0]))]
            window = min(template.window_days, length)
            earliest = first + timedelta(days=int(row[1] * (length - window + 1)))
            request_id = f"C{month[0]:04d}{month[1]:02d}-{k + 1}"
            requests.append(MeetingRequest(
                id=request_id,
                kind="county_wide",
                title=t("agenda.county_wide_title", self.lang, unit=self.units[template.unit].name, id=request_id),
                convener=template.unit,
                unit=template.unit,
                required=template.required,
                preferred=template.preferred,
                minutes=template.minutes,
                earliest=earliest,
                latest=earliest + timedelta(days=window - 1),
            ))
        return requests

    def _leave(self, index: int, month: Month, days: list[date]) -> tuple[Absence, ...]:
        params = self.params
        if not days or params.leave_per_leader_per_year <= 0:
            return ()
        absences = []
        for leader, seed in zip(self.leaders, children(self.month_seeds["leave"][index], len(self.leaders)),
                                strict=True):
            rng = np.random.default_rng(seed)
            for _ in range(int(rng.poisson(params.leave_per_leader_per_year / 12))):
                first = int(rng.random() * len(days))
                length = int(rng.geometric(1 / params.leave_mean_working_days)) if \
                    params.leave_mean_working_days > 1 else 1
                kind = str(pick(params.leave_kinds, float(rng.random())))
                absences.append(Absence(leader, days[first], days[min(first + length, len(days)) - 1], kind,
                                        t("agenda.leave_note", self.lang)))
        return tuple(absences)
