"""What planning reads from the ledger: ``plan --ledger``, ``check --ledger`` and ``replan`` start here.

Each service takes an open `Ledger`, runs one read transaction and returns plain records; it
prints nothing (the command layer says what the records mean) and takes the scenario loader the
command passes, which also reports the file's warnings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from govcal.ledger import actions
from govcal.ledger.actions import PlanningState, ReplanInputs, ScenarioLoad
from govcal.ledger.ledger import SCENARIO_PATH, Ledger
from govcal.ledger.records import FollowUp, Revision
from scheduler.domain import Scenario
from scheduler.errors import InputError, Problem
from scheduler.i18n import Lang, t
from scheduler.period import Period, check_period_fits, month_period, parse_period
from scheduler.plan import Plan, plan_from_json


@dataclass
class LedgerPlanning:
    """What ``plan --ledger`` plans on: the scenario with the record as history, and what to say."""

    scenario: Scenario  # history advanced by the record
    period: Period
    state: PlanningState
    to_come: Plan | None  # the published revision's meetings still to come, if the period is published
    followups: list[FollowUp]

    def finish(self, plan: Plan) -> Plan:
        from govcal.ledger.actions import on_the_record

        return on_the_record(plan, self.state, self.scenario, self.to_come)

    def notes(self, lang: Lang) -> list[str]:
        """Notes for standard error: meetings published but not recorded, what the record added."""
        lines = [t("ledger.plan.unrecorded", lang, meeting=meeting.id, title=meeting.title,
                   day=meeting.date.isoformat()) for meeting in self.state.unrecorded]
        if self.state.recorded:
            lines.append(t("ledger.plan.on_record", lang, events=len(self.state.recorded)))
        return lines


def plan_on_ledger(book: Ledger, scenario_path: str | None, month: str | None, start: date | None,
                   end: date | None, load: ScenarioLoad | None = None) -> LedgerPlanning:
    """Read the ledger (one read transaction) for ``plan --ledger``: the period (default: the month after
    the last one published), the scenario with every recorded outcome as history, the published
    revision of the period if any, and the open follow-ups for the workbook."""
    with book.reading():
        scenario = actions.load_full_scenario(book, actions.scenario_file(book, scenario_path), load)
        if month is None and start is None and end is None:
            period = actions.default_month_after_published(book) or parse_period(scenario=scenario)
            check_period_fits(scenario, period, "--month")
        else:
            period = parse_period(month, start, end, scenario=scenario)
        actions.refuse_published(book, period, "--month" if month is not None else "--from")
        state = actions.planning_state(book, scenario, period)
        to_come = (actions.still_to_come(book, state.published_plan, state.published)
                   if state.published_plan and state.published else None)
        open_followups = book.followups()
    return LedgerPlanning(state.scenario, period, state, to_come, open_followups)


def latest_published_plan(book: Ledger, month: str | None) -> tuple[Plan, Revision, str | None]:
    """(plan, revision, the ledger's scenario path) of the latest revision, of `month` if given."""
    with book.reading():
        revisions = book.latest_revisions()
        if month is not None:
            period = month_period(month)
            revisions = [r for r in revisions if r.period_from == period.start]
            if not revisions:
                raise InputError([Problem("--month", "", "ledger.no_revision_of", {"period": month})])
        if not revisions:
            raise InputError([Problem(str(book.path), "", "ledger.no_revision")])
        revision = max(revisions, key=lambda r: (r.period_from, r.revision))
        plan = plan_from_json(json.loads(book.plan_text(revision)), f"{book.path}#{revision.period_label}")
        stored = book.meta().get(SCENARIO_PATH) or None
    return plan, revision, stored


@dataclass
class LedgerReplanning:
    inputs: ReplanInputs
    followups: list[FollowUp]


def replan_on_ledger(book: Ledger, scenario_path: str | None, month: str, since: date | None, today: date,
                     load: ScenarioLoad | None = None) -> LedgerReplanning:
    """Read what ``replan`` starts from (one read transaction): the month's latest revision, the
    scenario as it is now with the earlier months' outcomes, `--since`, the open follow-ups."""
    period = month_period(month)
    with book.reading():
        scenario = actions.load_full_scenario(book, actions.scenario_file(book, scenario_path), load)
        check_period_fits(scenario, period, "--month")
        inputs = actions.replan_inputs(book, scenario, period, since, today)
        open_followups = book.followups()
    return LedgerReplanning(inputs, open_followups)
