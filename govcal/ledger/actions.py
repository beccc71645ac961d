"""What the ledger commands do, apart from their command line: check what users typed against the
record, then read or write the record (DESIGN §7).

Each function runs inside the one transaction its command opened, raises `InputError` (every
problem at once, each naming the option or file it comes from) before it writes anything, and
returns plain records that the command renders. The monthly cycle itself — which history an
outcome makes, what a re-plan changed — is `scheduler.cycle`'s; this module only feeds it what
the ledger recorded.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from govcal.ledger.ledger import SCENARIO_NAME, SCENARIO_PATH, Ledger
from govcal.ledger.records import FollowUp, PublishedMeeting, RecordedOutcome, Revision, ScenarioFacts, period_label
from scheduler.calendar import CN_YEARS, FREE_YEARS, CalendarRangeError, WorkCalendar, calendar_for
from scheduler.cycle import Outcome, advance, outcome_events, plan_changes
from scheduler.domain import HistoryEvent, Scenario
from scheduler.errors import InputError, Problem
from scheduler.period import Period
from scheduler.plan import Plan, plan_from_json
from scheduler.reader import Reader, nearest, read_bytes


def _fail(where: str, key: str, **params: object) -> InputError:
    return InputError([Problem(where, "", key, params)])


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """The closest candidate to a mistyped id ("" when none is close), by the scenario's own rule."""
    return nearest(word, candidates) or ""


# ----- the ledger's scenario ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScenarioFile:
    """The scenario file a command works with: the ledger's own, or the one `--scenario` names."""

    path: str | None  # None: the embedded default scenario
    label: str  # how messages name it
    sha256: str


def scenario_file(ledger: Ledger, override: str | None) -> ScenarioFile:
    """The file `--scenario` names, else the one `ledger init` registered; hashed, not yet parsed."""
    from scheduler.scenario import DEFAULT_SCENARIO, default_scenario_path

    path = override if override is not None else (ledger.meta().get(SCENARIO_PATH) or None)
    source = default_scenario_path() if path is None else Path(path)
    label = DEFAULT_SCENARIO if path is None else str(path)
    data = read_bytes(source, label)  # YAML or a workbook: the hash is of the file's own bytes
    return ScenarioFile(path, label, hashlib.sha256(data).hexdigest())


def _check_name(ledger: Ledger, file: ScenarioFile, name: str) -> None:
    """A file of another name is refused, pointing to `ledger relink` for the same county's file
    renamed for a new year (the ledger asks once, then carries its record on)."""
    expected = ledger.meta().get(SCENARIO_NAME, "")
    if name != expected:
        raise _fail(file.label, "ledger.other_scenario", found=name, expected=expected, ledger=str(ledger.path),
                    file=file.path or "")


def relink_scenario(ledger: Ledger, file: ScenarioFile, load: ScenarioLoad | None = None,
                    now: datetime | None = None) -> tuple[str, Scenario]:
    """Make `file` this ledger's scenario, whatever its name: the same county's file edited for a new
    year (new items, perhaps a new `name`). Every published plan, outcome and follow-up stays; later
    commands read this file. Returns the name the ledger had and the scenario now linked."""
    from scheduler.scenario import load_scenario

    scenario = (load or load_scenario)(file.path)
    before = ledger.meta().get(SCENARIO_NAME, "")
    stored = "" if file.path is None else str(Path(file.path).resolve())
    ledger.relink(scenario.name, stored)
    ledger.add_facts(ScenarioFacts.of(scenario), now or datetime.now().astimezone())
    return before, scenario


ScenarioLoad = Callable[[str | None], Scenario]


def load_full_scenario(ledger: Ledger, file: ScenarioFile, load: ScenarioLoad | None = None) -> Scenario:
    """The whole scenario, validated, and checked to be the one this ledger records.

    `load` reads the file; the commands pass theirs, which also reports the file's warnings.
    """
    from scheduler.scenario import load_scenario

    scenario = (load or load_scenario)(file.path)
    _check_name(ledger, file, scenario.name)
    return scenario


def scenario_facts(ledger: Ledger, file: ScenarioFile, *, remember: bool, now: datetime | None = None,
                   load: ScenarioLoad | None = None) -> ScenarioFacts:
    """Names and the calendar of this version of the scenario file: from the ledger's cache when it
    has seen this version (no YAML to parse), else parsed, and kept when the command writes anyway."""
    facts = ledger.facts(file.sha256)
    if facts is None:
        facts = ScenarioFacts.of(load_full_scenario(ledger, file, load))
        if remember:
            ledger.add_facts(facts, now or datetime.now().astimezone())
    _check_name(ledger, file, facts.name)
    return facts


# ----- planning on the record --------------------------------------------------------------------


def outcome_of(recorded: RecordedOutcome) -> Outcome:
    return Outcome(recorded.meeting.id, recorded.held, recorded.day, recorded.start, recorded.decided)


def recorded_events(outcomes: Iterable[RecordedOutcome]) -> tuple[HistoryEvent, ...]:
    """History events of recorded outcomes, in the order they happened."""
    events: list[HistoryEvent] = []
    for recorded in outcomes:
        events.extend(outcome_events(recorded.meeting.planned(), outcome_of(recorded)))
    return tuple(dict.fromkeys(events))


def known_to(scenario: Scenario, events: Iterable[HistoryEvent]) -> tuple[HistoryEvent, ...]:
    """The events that name only what the scenario knows. An item gone from its agenda, a request
    gone from its requests or a unit gone from its units can change nothing in a plan of it, and
    a scenario file may not name them (so `ledger export` stays a valid history block)."""
    items = {i.id for i in scenario.agenda}
    requests = {r.id for r in scenario.meeting_requests}
    units = scenario.unit_ids
    return tuple(e for e in events if (e.item is None or e.item in items) and (
        e.request is None or e.request in requests) and (e.unit is None or e.unit in units))


def history_on_record(ledger: Ledger, scenario: Scenario, until: date | None = None
                      ) -> tuple[Scenario, tuple[HistoryEvent, ...]]:
    """The scenario with the recorded outcomes (up to `until`) as history, and the events that added."""
    history = set(scenario.history)
    # Decisions only of the items the scenario names: a ten-year record holds thousands it no longer does.
    events = recorded_events(ledger.outcomes(until=until, decided_among=[i.id for i in scenario.agenda]))
    added = tuple(e for e in known_to(scenario, events) if e not in history)
    return advance(scenario, added), added


@dataclass(frozen=True, slots=True)
class PlanningState:
    """The scenario as a plan of `period` sees it with the ledger, and what the ledger adds."""

    scenario: Scenario  # the file's scenario with every recorded outcome as history
    recorded: tuple[HistoryEvent, ...]  # history the ledger added beyond the file's
    unrecorded: tuple[PublishedMeeting, ...]  # published, dated before the period, no outcome
    published: Revision | None  # the latest revision of this very period, if any
    published_plan: Plan | None


def planning_state(ledger: Ledger, scenario: Scenario, period: Period) -> PlanningState:
    """History = the scenario's + every outcome recorded up to the period's end (DESIGN §7); meetings
    published before the period without an outcome are reported, never assumed held."""
    advanced, added = history_on_record(ledger, scenario, until=period.end)
    unrecorded = tuple(ledger.published_meetings(before=period.start, unrecorded=True))
    published = ledger.latest_revision(period.start)
    published_plan = None
    if published is not None and published.period_to == period.end:
        published_plan = plan_from_json(json.loads(ledger.plan_text(published)), f"{ledger.path}#{published.id}")
    else:
        published = None
    return PlanningState(advanced, added, unrecorded, published, published_plan)


def refuse_published(ledger: Ledger, period: Period, option: str) -> None:
    """A new plan of a period the office has published would start over and drop what it recorded
    there; a published month changes through `replan`, which keeps the record."""
    for revision in ledger.latest_revisions():
        if revision.period_from <= period.end and revision.period_to >= period.start:
            raise _fail(option, "ledger.plan.published", period=revision.period_label, revision=revision.revision,
                        month=f"{revision.period_from:%Y-%m}")


def settles(outcome: RecordedOutcome, revision: Revision) -> bool:
    """Whether `outcome` settles its meeting as `revision` lists it: held is final; a cancellation
    only for the revision it was recorded against (a later one listing the meeting re-planned it)."""
    return outcome.held or outcome.meeting.revision.id == revision.id


def still_to_come(ledger: Ledger, published: Plan, revision: Revision) -> Plan:
    """A published revision without the meetings already settled: those are history now, so a new
    plan of the period leaving them out has not dropped them."""
    settled = {o.meeting.id for o in ledger.outcomes(period_from=published.period_from) if settles(o, revision)}
    return replace(published, meetings=tuple(m for m in published.meetings if m.id not in settled))


def on_the_record(plan: Plan, state: PlanningState, scenario: Scenario, to_come: Plan | None) -> Plan:
    """A plan made on the ledger's state, labelled so that `check` and `publish` see that state:
    the file's SHA-256, the history the ledger added, and — for a period already published — its
    next revision number and what changed against the meetings still to come."""
    revision, changes = 0, ()
    if state.published is not None and to_come is not None:
        revision = state.published.revision + 1
        changes = plan_changes(scenario, to_come, plan)
    return replace(plan, scenario_sha256=scenario.sha256, recorded_history=state.recorded, revision=revision,
                   changes=changes)


def default_month_after_published(ledger: Ledger) -> Period | None:
    """With a ledger and no period asked for: the month after the last one published."""
    from scheduler.period import month_bounds

    latest = ledger.latest_revisions()
    if not latest:
        return None
    last = max(r.period_to for r in latest)
    year, month = (last.year + 1, 1) if last.month == 12 else (last.year, last.month + 1)
    return Period(*month_bounds(year, month))


# ----- publish ------------------------------------------------------------------------------------


def plan_identity(plan: Plan) -> tuple[object, ...]:
    """What a published plan tells people, in no particular language: the meetings (when, where,
    who, which items), what was deferred or left out, who attends congress meetings. Solver figures
    and texts (titles, reasons) do not count."""
    meetings = tuple(sorted((m.id, m.kind, m.request, m.number, m.date, m.start, m.end, m.room, m.presider,
                             m.attendees, m.items) for m in plan.meetings))
    return (plan.period_from, plan.period_to, meetings, tuple(sorted(d.item for d in plan.deferred)),
            tuple(sorted(r.request for r in plan.rejected)),
            tuple(sorted((c.commitment, c.attendee, c.stand_in) for c in plan.commitment_attendance)))


@dataclass(frozen=True, slots=True)
class Published:
    revision: Revision
    plan: Plan  # as stored: numbered, stamped, with its changes
    unchanged: bool  # identical to the latest revision: nothing was added


def publish(ledger: Ledger, plan: Plan, plan_file: str, file: ScenarioFile, now: datetime,
            full_scenario: Callable[[], Scenario]) -> Published:
    """Store `plan` as the next revision of its period (DESIGN §7).

    Refused (nothing written): a plan without a scenario hash, of another scenario or of another
    version of this scenario's file; a period overlapping another published period; a plan made
    as a revision that is no longer the next one (someone published in between). A plan identical
    to the latest revision adds nothing.
    """
    if not plan.scenario_sha256:
        raise _fail(plan_file, "ledger.plan_without_hash")
    facts = scenario_facts(ledger, file, remember=True, now=now)
    if plan.scenario_sha256 != file.sha256:
        if plan.scenario != facts.name:
            raise _fail(plan_file, "ledger.plan_other_scenario", plan=plan.scenario, ledger=facts.name)
        raise _fail(plan_file, "ledger.plan_other_version", file=file.label, plan_sha=plan.scenario_sha256[:12],
                    file_sha=file.sha256[:12])
    overlapping = ledger.overlapping_periods(plan.period_from, plan.period_to)
    if overlapping:
        first = overlapping[0]
        raise _fail(plan_file, "ledger.period_overlaps", period=period_label(plan.period_from, plan.period_to),
                    other=period_label(*first))
    latest = ledger.latest_revision(plan.period_from)
    latest_plan = None
    if latest is not None:
        latest_plan = plan_from_json(json.loads(ledger.plan_text(latest)), f"{ledger.path}#{latest.id}")
        if plan_identity(latest_plan) == plan_identity(plan):
            return Published(latest, latest_plan, unchanged=True)
    number = 1 if latest is None else latest.revision + 1
    if plan.revision not in (0, number):
        raise _fail(plan_file, "ledger.stale_revision", made=plan.revision, latest=latest.revision if latest else 0,
                    period=period_label(plan.period_from, plan.period_to))
    changes = plan.changes
    if latest_plan is not None and not changes:
        changes = plan_changes(full_scenario(), still_to_come(ledger, latest_plan, latest), plan)
    stored = replace(plan, revision=number, changes=changes, published_at=now)
    from scheduler.plan import plan_to_text

    revision = ledger.add_revision(stored, plan_to_text(stored), now)
    return Published(revision, replace(stored, published_at=revision.published_at), unchanged=False)


# ----- record --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FollowUpRequest:
    """``ITEM:UNIT:DUE[:EVERY]`` as typed after ``--follow-up``."""

    item: str
    unit: str
    due: date
    report_every: int | None = None


def parse_followup(text: str, problems: list[Problem]) -> FollowUpRequest | None:
    parts = text.split(":")
    if len(parts) not in (3, 4) or not all(parts[:3]):
        problems.append(Problem("--follow-up", "", "ledger.followup_syntax", {"value": text}))
        return None
    reader = Reader("--follow-up")
    due = reader.parse_day(parts[2], "")
    every = None
    if len(parts) == 4:
        every = int(parts[3]) if parts[3].isdigit() and int(parts[3]) >= 1 else None
        if every is None:
            reader.fail("", "ledger.followup_every", value=parts[3])
    problems.extend(reader.problems)
    return None if reader.problems or due is None else FollowUpRequest(parts[0], parts[1], due, every)


@dataclass(frozen=True, slots=True)
class Recorded:
    meeting: PublishedMeeting
    held: bool
    day: date
    start: int | None
    decided: tuple[str, ...]
    not_decided: tuple[str, ...]
    followups: tuple[int, ...]  # ids of the follow-ups created

    @property
    def held_at(self) -> int:
        """The minute it started: as recorded when moved, else as published."""
        return self.start if self.start is not None else self.meeting.start


def find_meeting(ledger: Ledger, meeting_id: str, month: Period | None) -> PublishedMeeting:
    """The published meeting `meeting_id` (latest revisions); did-you-mean when there is none."""
    found = ledger.published_meetings(meeting=meeting_id)
    if month is not None:
        found = [m for m in found if m.revision.period_from <= month.end and m.revision.period_to >= month.start]
    if not found:
        hint = did_you_mean(meeting_id, ledger.published_meeting_ids())
        raise _fail("MEETING", "ledger.unknown_meeting" + ("_hint" if hint else ""), meeting=meeting_id, hint=hint)
    if len(found) > 1:
        raise _fail("MEETING", "ledger.ambiguous_meeting", meeting=meeting_id,
                    periods=", ".join(m.revision.period_label for m in found))
    return found[0]


def _split_ids(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def record(ledger: Ledger, meeting_id: str, *, held: bool, decided: Sequence[str] | None,
           not_decided: Sequence[str], day: date | None, start: int | None, followups: Sequence[str],
           month: Period | None, today: date, facts: ScenarioFacts, now: datetime) -> Recorded:
    """Record what a published meeting did (DESIGN §7): every problem is reported at once and
    nothing is written unless there is none."""
    meeting = find_meeting(ledger, meeting_id, month)
    settled = ledger.outcome_of(meeting)
    if settled is not None:
        raise _fail("MEETING", "ledger.already_recorded", meeting=meeting.id,
                    at=settled[1].strftime("%Y-%m-%d %H:%M UTC"))
    problems: list[Problem] = []
    decided_ids = _split_ids(decided) if decided is not None else None
    not_decided_ids = _split_ids(not_decided)
    if not held:
        for flag, given in (("--decided", decided_ids), ("--not-decided", not_decided_ids), ("--date", day),
                            ("--start", start), ("--follow-up", followups)):
            if given:
                problems.append(Problem(flag, "", "ledger.cancelled_with", {"flag": flag}))
        if problems:
            raise InputError(problems)
    for flag, ids in (("--decided", decided_ids or []), ("--not-decided", not_decided_ids)):
        for item in ids:
            if item not in meeting.items:
                hint = did_you_mean(item, meeting.items)
                problems.append(Problem(flag, "", "ledger.item_not_on_agenda" + ("_hint" if hint else ""),
                                        {"item": item, "meeting": meeting.id, "hint": hint}))
    for item in sorted(set(decided_ids or []) & set(not_decided_ids)):
        problems.append(Problem("--not-decided", "", "ledger.item_both", {"item": item}))
    items_typed_right = not problems  # else "not decided" below would only echo a mistyped --decided
    period = meeting.revision
    held_on = day or meeting.date
    if day is not None and not period.period_from <= day <= period.period_to:
        problems.append(Problem("--date", "", "ledger.date_outside_period",
                                {"day": day.isoformat(), "period": period.period_label}))
    if held and held_on > today:
        problems.append(Problem("--date" if day else "MEETING", "", "ledger.not_yet_held",
                                {"meeting": meeting.id, "day": held_on.isoformat(), "today": today.isoformat()}))
    chosen = decided_ids if decided_ids is not None else list(meeting.items)
    decided_items = tuple(i for i in meeting.items if i in chosen and i not in not_decided_ids) if held else ()
    not_decided_items = tuple(i for i in meeting.items if i not in decided_items) if held else ()
    requests = [parse_followup(text, problems) for text in followups]
    for request in (r for r in requests if r is not None):
        if items_typed_right and request.item not in decided_items:
            hint = did_you_mean(request.item, decided_items)
            problems.append(Problem("--follow-up", "", "ledger.followup_not_decided" + ("_hint" if hint else ""),
                                    {"item": request.item, "meeting": meeting.id, "hint": hint}))
        if request.unit not in facts.units:
            hint = did_you_mean(request.unit, facts.units)
            problems.append(Problem("--follow-up", "", "ledger.unknown_unit" + ("_hint" if hint else ""),
                                    {"unit": request.unit, "hint": hint}))
        if request.due < held_on:
            problems.append(Problem("--follow-up", "", "ledger.due_before_decision",
                                    {"due": request.due.isoformat(), "day": held_on.isoformat()}))
    if problems:
        raise InputError(problems)
    ledger.add_outcome(meeting, held, held_on, (start if start is not None else meeting.start) if held else None,
                       decided_items, not_decided_items, now)
    created = tuple(ledger.add_followup(meeting, r.item, r.unit, held_on, r.due, r.report_every)
                    for r in requests if r is not None)
    return Recorded(meeting, held, held_on, start, decided_items, not_decided_items, created)


def record_rest_held(ledger: Ledger, month: Period, *, today: date, facts: ScenarioFacts, now: datetime
                     ) -> list[Recorded]:
    """Record every meeting of `month`'s latest revision dated up to `today` with no outcome yet as held
    as published, every item decided: the month went as planned, except what was recorded already."""
    rest = [m for m in ledger.published_meetings(before=today + timedelta(days=1), unrecorded=True)
            if month.start <= m.date <= month.end]
    if not rest:
        raise _fail("--month", "ledger.nothing_to_record", period=f"{month.start:%Y-%m}", today=today.isoformat())
    return [record(ledger, m.id, held=True, decided=None, not_decided=(), day=None, start=None, followups=(),
                   month=Period(m.revision.period_from, m.revision.period_to), today=today, facts=facts, now=now)
            for m in rest]


# ----- follow-ups ----------------------------------------------------------------------------------

STATES = ("overdue", "due_soon", "open")


@dataclass(frozen=True, slots=True)
class FollowUpView:
    """A follow-up as of a day: overdue, due within the window, or open; and whether a report is due."""

    followup: FollowUp
    state: str  # one of STATES
    working_days_left: int | None  # working days from today to the due date (negative: overdue)
    next_report: date | None  # the last report (or the decision) + the report interval
    today: date

    @property
    def report_late(self) -> bool:
        """A progress report was due before today and has not come (Art. 57)."""
        return self.next_report is not None and self.next_report < self.today


def _working_days_left(calendar: WorkCalendar, today: date, due: date) -> int | None:
    """Working days after `today` up to `due` (negative when overdue); None when the calendar's
    data end before `due` and more than any window lies in between (it is then simply not soon)."""
    try:
        return calendar.working_days_between(today, due)
    except CalendarRangeError:
        if due < today:
            raise
        return None


def followup_views(followups: Iterable[FollowUp], facts: ScenarioFacts, today: date, due_within: int
                   ) -> list[FollowUpView]:
    """Open follow-ups as of `today`, each with its state (due soon = within `due_within` working days)."""
    items = list(followups)
    # Every due date's year, so that a follow-up due next year still counts its working days left
    # (a projected year's, if need be); the calendar adds the year after the last for the window.
    reach = CN_YEARS if facts.calendar.region == "CN" else FREE_YEARS
    years = [today.year, *(f.due.year for f in items if f.due.year in reach)]
    try:
        calendar = calendar_for(facts.calendar, (min(years), max(years)))
        calendar.working_days_between(today, today)
    except CalendarRangeError as error:
        raise _fail("--today", "period.outside_calendar", day=error.day.isoformat(), first=error.first.isoformat(),
                    last=error.last.isoformat()) from None
    views = []
    for followup in items:
        left = _working_days_left(calendar, today, followup.due)
        if left is None:
            # Past the calendar's data: not soon if the window ends before the data do.
            try:
                calendar.add_working_days(today, due_within)
            except CalendarRangeError:
                raise _fail("--due-within", "ledger.window_outside_calendar", last=calendar.last.isoformat()) from None
        state = "overdue" if followup.due < today else "due_soon" if left is not None and left <= due_within \
            else "open"
        next_report = None
        if followup.report_every:
            since = followup.last_report or followup.decided_on
            try:
                next_report = calendar.add_working_days(since, followup.report_every)
            except CalendarRangeError:
                next_report = None
        views.append(FollowUpView(followup, state, left, next_report, today))
    return views


def close_followup(ledger: Ledger, followup_id: int, day: date, note: str) -> FollowUp:
    followup = _open_followup(ledger, followup_id)
    if day < followup.decided_on:
        raise _fail("--date", "ledger.close_before_decision", day=day.isoformat(),
                    decided=followup.decided_on.isoformat())
    ledger.close_followup(followup_id, day, note)
    closed = ledger.followup(followup_id)
    assert closed is not None
    return closed


def report_followup(ledger: Ledger, followup_id: int, day: date, note: str) -> FollowUp:
    followup = _open_followup(ledger, followup_id)
    if day < followup.decided_on:
        raise _fail("--date", "ledger.close_before_decision", day=day.isoformat(),
                    decided=followup.decided_on.isoformat())
    ledger.add_report(followup_id, day, note)
    reported = ledger.followup(followup_id)
    assert reported is not None
    return reported


def _open_followup(ledger: Ledger, followup_id: int) -> FollowUp:
    followup = ledger.followup(followup_id)
    if followup is None:
        known = [str(i) for i in ledger.followup_ids()]
        hint = did_you_mean(str(followup_id), known)
        raise _fail("ID", "ledger.unknown_followup" + ("_hint" if hint else ""), id=followup_id, hint=hint)
    if followup.closed_on is not None:
        raise _fail("ID", "ledger.followup_closed", id=followup_id, day=followup.closed_on.isoformat())
    return followup


# ----- status and export ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PeriodStatus:
    latest: Revision
    revisions: int
    meetings: int
    recorded: int


@dataclass(frozen=True, slots=True)
class Status:
    scenario: str
    schema_version: int
    today: date
    periods: tuple[PeriodStatus, ...]
    outcomes: dict[str, int]
    unrecorded: tuple[PublishedMeeting, ...]  # published, past (before today), no outcome
    followups: dict[str, int]


def status(ledger: Ledger, today: date) -> Status:
    counts = ledger.revision_counts()
    per_period = ledger.period_counts()
    periods = tuple(PeriodStatus(r, counts[r.period_from], *per_period.get(r.id, (0, 0)))
                    for r in ledger.latest_revisions())
    return Status(ledger.meta().get(SCENARIO_NAME, ""), ledger.schema_version, today, periods,
                  ledger.outcome_counts(), tuple(ledger.published_meetings(before=today, unrecorded=True)),
                  ledger.followup_counts(today))


# ----- replan ------------------------------------------------------------------------------------------


def last_outcome_since(ledger: Ledger, period: Period) -> date:
    """`replan`'s default `--since`: the day after the period's last recorded outcome, else its first day."""
    last = ledger.last_outcome_day(period.start)
    return period.start if last is None else min(period.end, last + timedelta(days=1))


@dataclass(frozen=True, slots=True)
class ReplanInputs:
    """What ``replan --month`` starts from (DESIGN §7)."""

    scenario: Scenario  # the scenario file as it is now, with the outcomes recorded before the month
    recorded: tuple[HistoryEvent, ...]  # that history beyond the file's
    published: Plan  # the month's latest revision as it happened: recorded moves applied, cancellations out
    revision: Revision
    since: date  # meetings before it are fixed
    unrecorded: tuple[PublishedMeeting, ...]  # published, before `today`, no outcome: not assumed held

    def finish(self, plan: Plan) -> Plan:
        """The re-plan as the next revision, naming its scenario and recorded history, with its changes."""
        changes = plan.changes or plan_changes(self.scenario, self.published, plan)
        return replace(plan, scenario_sha256=self.scenario.sha256, recorded_history=self.recorded,
                       revision=self.revision.revision + 1, changes=changes)


def as_happened(published: Plan, revision: Revision, outcomes: Iterable[RecordedOutcome]) -> Plan:
    """The published plan with what the ledger recorded of its meetings: a held meeting where and when
    it was held, marked `held` (a fact `scheduler.replan` keeps exactly), a cancelled one left out."""
    recorded = {o.meeting.id: o for o in outcomes if settles(o, revision)}
    meetings = []
    for meeting in published.meetings:
        outcome = recorded.get(meeting.id)
        if outcome is None:
            meetings.append(meeting)
        elif outcome.held:
            start = meeting.start if outcome.start is None else outcome.start
            meetings.append(replace(meeting, date=outcome.day, start=start, end=start + meeting.end - meeting.start,
                                    held=True))
    return replace(published, meetings=tuple(meetings))


def replan_inputs(ledger: Ledger, scenario: Scenario, period: Period, since: date | None, today: date
                  ) -> ReplanInputs:
    """The latest revision of `period`, the day re-planning starts (`since`, default: the day after
    the last recorded outcome of the month, or its first day), and the state before the month."""
    revision = ledger.latest_revision(period.start)
    if revision is None or revision.period_to != period.end:
        raise _fail("--month", "ledger.no_revision_of", period=period_label(period.start, period.end))
    if since is not None and not period.start <= since <= period.end:
        raise _fail("--since", "ledger.date_outside_period", day=since.isoformat(),
                    period=period_label(period.start, period.end))
    published = plan_from_json(json.loads(ledger.plan_text(revision)), f"{ledger.path}#{revision.period_label}")
    published = as_happened(published, revision, ledger.outcomes(period_from=period.start))
    advanced, added = history_on_record(ledger, scenario, until=period.start - timedelta(days=1))
    unrecorded = tuple(m for m in ledger.published_meetings(before=min(today, period.end + timedelta(days=1)),
                                                            unrecorded=True) if m.date <= period.end)
    return ReplanInputs(advanced, added, published, revision,
                        since or last_outcome_since(ledger, period), unrecorded)
