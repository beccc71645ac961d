"""Everything one replication needs from a scenario (and optionally a plan), built once.

`FlowInputs` is plain data so it can be sent to worker processes. It fixes the work clock, who
signs for whom, the scenario's absences as work-clock intervals, and when meetings decide
documents: on the plan's standing and plenary meetings inside the plan's period, and on a monthly
rhythm from ``policy.standing_per_month`` elsewhere (Art. 42).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from scheduler.calendar import CalendarRangeError, calendar_for
from scheduler.domain import Scenario
from scheduler.errors import InputError, Problem
from scheduler.plan import Plan
from scheduler.scenario import scenario_years
from simulation.flow.clock import WorkClock
from simulation.flow.params import FlowParams, flow_params

Interval = tuple[float, float]


@dataclass(frozen=True, slots=True)
class MeetingDecisions:
    """A meeting that decides documents; `documents` None means "draw from decided_per_meeting"."""

    work_minute: float
    day_index: int
    documents: int | None


@dataclass(frozen=True, slots=True)
class FlowInputs:
    scenario_name: str
    source: str
    params: FlowParams
    clock: WorkClock
    head: str
    executive: str | None
    office_director: str | None
    # Supervising leader of each unit; a document comes from one unit, chosen uniformly.
    unit_supervisors: tuple[str, ...]
    signers: tuple[str, ...]  # every leader who may sign: one signing queue each
    roles: dict[str, str]  # each signer's role (scheduler.domain.ROLES), to report who signed what
    meetings: tuple[MeetingDecisions, ...]
    absences: dict[str, tuple[Interval, ...]]  # the scenario's own absences (Art. 61)
    leave_day_indices: tuple[int, ...]  # working days beyond the scenario's dates: leave is generated there
    issue_within_working_days: int  # Art. 45
    cosign_reply_working_days: int  # Art. 54
    filing_within_days: int  # Art. 52
    warmup_minute: float


def _start_date(scenario: Scenario, plan: Plan | None, params: FlowParams) -> date:
    """``flow.start``, else 1 January of the plan's year, else of the scenario's first year."""
    if params.start is not None:
        return params.start
    if plan is not None:
        return date(plan.period_from.year, 1, 1)
    return date(scenario_years(scenario)[0], 1, 1)


def _signer_ids(scenario: Scenario, params: FlowParams) -> tuple[str, str | None, str | None]:
    head = scenario.county_head.id
    executive = scenario.executive_deputy.id if scenario.executive_deputy else None
    director = scenario.office_director.id if scenario.office_director else None
    problems = []
    for kind in params.kinds:
        for index, role in enumerate(kind.signers):
            missing = (role == "executive" and executive is None) or (role == "office_director" and director is None)
            if missing and kind.per_day + (kind.kind == "decided") > 0:
                problems.append(Problem(scenario.source, f"flow.signers.{kind.kind}[{index}]", "sim.no_signer",
                                        {"role": role}))
    if problems:
        raise InputError(problems)
    return head, executive, director


def _absence_intervals(scenario: Scenario, clock: WorkClock) -> dict[str, tuple[Interval, ...]]:
    """Each leader's absences as merged work-clock intervals; a half day covers its blocks only."""
    first_block = float(clock.block_lengths[0])
    raw: dict[str, list[Interval]] = {}
    leader_ids = scenario.leader_ids
    for absence in scenario.absences:
        if absence.who not in leader_ids:
            continue  # unit heads' absences do not hold up the county government's signatures
        first = clock.day_index_of(absence.start)
        last = clock.day_index_of(absence.end + timedelta(days=1))  # exclusive
        for index in range(first, last):
            begin = index * clock.day_minutes
            if absence.half == "am":
                raw.setdefault(absence.who, []).append((begin, begin + first_block))
            elif absence.half == "pm":
                raw.setdefault(absence.who, []).append((begin + first_block, begin + clock.day_minutes))
            else:
                raw.setdefault(absence.who, []).append((begin, begin + clock.day_minutes))
    return {who: merge_intervals(spans) for who, spans in raw.items()}


def merge_intervals(spans: list[Interval]) -> tuple[Interval, ...]:
    """Sorted, non-overlapping union of half-open intervals."""
    merged: list[list[float]] = []
    for begin, end in sorted(spans):
        if merged and begin <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([begin, end])
    return tuple((a, b) for a, b in merged)


def _meetings(scenario: Scenario, plan: Plan | None, clock: WorkClock) -> tuple[MeetingDecisions, ...]:
    """Meetings that decide documents (Art. 45).

    Months that overlap the plan's period take the plan's standing and plenary meetings, one document
    per item; every other month gets `policy.standing_per_month`'s busiest rhythm (ASSUMPTION),
    spread evenly over its working days, each meeting running `standing_minutes` from the opening
    of office hours.
    """
    meetings: list[MeetingDecisions] = []
    planned_months: set[tuple[int, int]] = set()
    if plan is not None:
        month = date(plan.period_from.year, plan.period_from.month, 1)
        while month <= plan.period_to:
            planned_months.add((month.year, month.month))
            month = _next_month(month)
        for meeting in plan.meetings:
            index = clock.day_index_of(meeting.date)
            inside = 0 <= (meeting.date - clock.start).days < clock.horizon_days
            if meeting.kind in ("standing", "plenary") and inside and index < clock.working_day_count:
                meetings.append(MeetingDecisions(clock.work_minute_at(index, meeting.end), index, len(meeting.items)))
    per_month = scenario.policy.standing_per_month[1]
    meeting_minutes = min(scenario.policy.standing_minutes, clock.block_lengths[0])
    by_month: dict[tuple[int, int], list[int]] = {}
    for index, ordinal in enumerate(clock.working_ordinals):
        day = date.fromordinal(ordinal)
        by_month.setdefault((day.year, day.month), []).append(index)
    for month_key, days in by_month.items():
        if month_key in planned_months:
            continue
        for slot in range(per_month):
            index = days[int((slot + 0.5) * len(days) / per_month)]
            meetings.append(MeetingDecisions(index * clock.day_minutes + meeting_minutes, index, None))
    return tuple(sorted(meetings, key=lambda m: m.work_minute))


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _leave_days(scenario: Scenario, clock: WorkClock) -> tuple[int, ...]:
    """Working days outside the years the scenario's own dates cover: leave is generated there."""
    first_year, last_year = scenario_years(scenario)
    first, last = date(first_year, 1, 1), date(last_year, 12, 31)
    return tuple(i for i, o in enumerate(clock.working_ordinals)
                 if not first.toordinal() <= o <= last.toordinal())


def build_inputs(scenario: Scenario, plan: Plan | None = None) -> FlowInputs:
    """Validate ``scenario.flow`` and lay the scenario (and plan) onto the work clock."""
    params = flow_params(scenario.flow, scenario.source)
    start = _start_date(scenario, plan, params)
    end = start + timedelta(days=params.horizon_days - 1)
    try:
        calendar = calendar_for(scenario.calendar, (start.year, end.year))
    except CalendarRangeError as error:
        raise InputError([Problem(scenario.source, "flow.horizon_days", "sim.outside_calendar", {
            "start": start.isoformat(), "end": end.isoformat(),
            "first": error.first.isoformat(), "last": error.last.isoformat()})]) from None
    clock = WorkClock(calendar, start, params.horizon_days, scenario.source)
    head, executive, director = _signer_ids(scenario, params)
    supervisors = tuple(u.supervisor for u in scenario.units) or ((executive or head),)
    signers = tuple(dict.fromkeys([head, *(x for x in (executive, director) if x), *supervisors]))
    return FlowInputs(
        scenario_name=scenario.name,
        source=scenario.source,
        params=params,
        clock=clock,
        head=head,
        executive=executive,
        office_director=director,
        unit_supervisors=supervisors,
        signers=signers,
        roles={leader.id: leader.role for leader in scenario.leaders if leader.id in signers},
        meetings=_meetings(scenario, plan, clock),
        absences=_absence_intervals(scenario, clock),
        leave_day_indices=_leave_days(scenario, clock),
        issue_within_working_days=scenario.policy.issue_within_working_days,
        cosign_reply_working_days=scenario.policy.cosign_reply_working_days,
        filing_within_days=scenario.policy.filing_within_days,
        warmup_minute=clock.work_minute_of_day(params.warmup_days),
    )
