"""The planning service of the command line: solve -> exit code -> write outputs, for ``plan``,
``replan`` and ``publish`` (the commands themselves only read their options).

Exit codes: 1 no feasible plan (the conflicting rules and articles on standard error, and with
``--format json`` a JSON document naming them on standard output); 3 no plan within the time
limit. ``--out`` files are written all or nothing; progress and notes go to standard error.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from govcal.common import (
    county_today,
    emit_json,
    load_scenario_warned,
    note_projected_years,
    now,
    opened,
    refuse_past,
    scenario_loader,
    table,
)
from scheduler.i18n import Lang, t
from scheduler.period import Period
from scheduler.plan import PLAN_FORMAT, Plan, Result, plan_to_text
from scheduler.rules import cite_suffix

if TYPE_CHECKING:  # imported where used: `plan` without --ledger never loads the ledger's modules
    from govcal.ledger.records import FollowUp
    from scheduler.domain import Scenario

EXIT_INFEASIBLE = 1
EXIT_TIMEOUT = 3


def _conflicts_json(result: Result, scenario_name: str, period_from: date, period_to: date, lang: Lang) -> str:
    document = {
        "format": PLAN_FORMAT,
        "scenario": scenario_name,
        "period": {"from": period_from.isoformat(), "to": period_to.isoformat()},
        "solver": {"status": result.status, "objective": None, "bound": result.bound, "gap": None,
                   "seconds": round(result.seconds, 3)},
        "conflicts": [{"rule": c.rule, "articles": list(c.articles), "detail": c.detail.render(lang)}
                      for c in result.conflicts],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def plan_period(scenario_path: str | None, month: str | None, start: date | None, end: date | None,
                out_dir: str | None, output_format: str, time_limit: float, seed: int, ics_per_leader: bool,
                ledger_path: str | None, strict: bool, lang: Lang, today: date | None = None,
                today_from: str = "--today") -> None:
    """``govcal plan``: solve the period (on the ledger's record with `ledger_path`) as of `today`
    (with a ledger, default: the county's system date; `today_from` names the option a day too late
    came from), then write and print the plan."""
    from scheduler.period import parse_period
    from scheduler.solve import plan as solve_plan

    on_ledger = None
    if ledger_path is not None:
        from govcal.ledger.services import plan_on_ledger

        with opened(ledger_path, lang) as book:
            on_ledger = plan_on_ledger(book, scenario_path, month, start, end, scenario_loader(lang, strict))
        for line in on_ledger.notes(lang):
            click.echo(line, err=True)
        scenario, period = on_ledger.scenario, on_ledger.period
        today = today or county_today()
    else:
        scenario = load_scenario_warned(scenario_path, lang, strict)
        period = parse_period(month, start, end, scenario=scenario)
    if today is not None:
        refuse_past(period, today, today_from)
    note_projected_years(scenario.calendar, period.start, period.end, lang, strict)
    result = solve_plan(scenario, period, time_limit=time_limit, seed=seed, lang=lang, log=progress_log(lang),
                        today=today)
    solved = solved_plan(result, scenario.name, period.start, period.end, output_format, time_limit, lang)
    made = solved if on_ledger is None else on_ledger.finish(solved)
    deliver_plan(made, scenario, out_dir, output_format, ics_per_leader,
                 on_ledger.followups if on_ledger is not None else None, lang)
    if on_ledger is not None and on_ledger.state.published is not None:
        published = on_ledger.state.published
        click.echo(t("ledger.plan.revision", lang, period=published.period_label, published=published.revision,
                     revision=made.revision, changes=len(made.changes)), err=True)
        lines = change_lines(made, published.revision, scenario, lang)
        click.echo("\n".join(lines), err=output_format == "json")


def replan_month(month: str, since: date | None, today: date, scenario_path: str | None, ledger_path: str | None,
                 out_dir: str | None, time_limit: float, seed: int, ics_per_leader: bool, output_format: str,
                 strict: bool, lang: Lang, today_from: str = "--today") -> None:
    """``govcal replan``: the least-change re-plan of a published month as of `today`, written and
    printed with every change and whom to tell (`today_from`: the option a day too late came from)."""
    from govcal.ledger.services import replan_on_ledger
    from scheduler.replan import replan as least_change

    with opened(ledger_path, lang) as book:
        planning = replan_on_ledger(book, scenario_path, month, since, today, scenario_loader(lang, strict))
    refuse_past(Period(planning.inputs.revision.period_from, planning.inputs.revision.period_to), today, today_from)
    inputs = planning.inputs
    note_projected_years(inputs.scenario.calendar, inputs.revision.period_from, inputs.revision.period_to, lang,
                         strict)
    for meeting in inputs.unrecorded:
        click.echo(t("ledger.plan.unrecorded", lang, meeting=meeting.id, title=meeting.title,
                     day=meeting.date.isoformat()), err=True)
    result = least_change(inputs.scenario, inputs.published, inputs.since, time_limit=time_limit, seed=seed,
                          lang=lang, log=progress_log(lang), today=today)
    period = inputs.revision
    solved = solved_plan(result, inputs.scenario.name, period.period_from, period.period_to, output_format,
                         time_limit, lang)
    made = inputs.finish(solved)
    deliver_plan(made, inputs.scenario, out_dir, output_format, ics_per_leader, planning.followups, lang)
    lines = change_lines(made, inputs.revision.revision, inputs.scenario, lang)
    click.echo("\n".join(lines), err=output_format == "json")


def publish_plan(plan_file: str, scenario_path: str | None, ledger_path: str | None, out_dir: str | None,
                 ics_per_leader: bool, output_format: str, lang: Lang) -> None:
    """``govcal publish``: store the plan as the next revision of its period (one write transaction),
    then write the revision's files and print it with its changes."""
    from govcal.ledger import actions
    from govcal.ledger.ledger import stamp
    from govcal.ledger.present import changes_json
    from scheduler.plan import read_plan

    plan = read_plan(plan_file)
    with opened(ledger_path, lang) as book, book.writing():
        file = actions.scenario_file(book, scenario_path)
        # Parsed at most once, and only when needed: for the changes, the exports or the change table.
        full_scenario = functools.cache(lambda: actions.load_full_scenario(book, file, scenario_loader(lang)))
        published = actions.publish(book, plan, plan_file, file, now(), full_scenario)
        show_changes = bool(published.plan.changes) and not published.unchanged and output_format == "table"
        if out_dir is not None or show_changes:
            scenario = full_scenario()
            open_followups = book.followups()
    revision = published.revision
    key = "ledger.out.unchanged" if published.unchanged else "ledger.out.published"
    message = t(key, lang, period=revision.period_label, revision=revision.revision,
                meetings=len(published.plan.meetings), at=stamp(revision.published_at))
    if out_dir is not None:
        write_plan_outputs(published.plan, scenario, out_dir, lang, ics_per_leader, open_followups)
    if output_format == "json":
        click.echo(message, err=True)
        emit_json({"format": "govcal.publish/1", "period": {"from": revision.period_from.isoformat(),
                                                             "to": revision.period_to.isoformat()},
                   "revision": revision.revision, "unchanged": published.unchanged,
                   "published_at": stamp(revision.published_at), "changes": changes_json(published.plan.changes)})
        return
    click.echo(message)
    if show_changes:
        click.echo("\n".join(change_lines(published.plan, revision.revision - 1, scenario, lang)))


def progress_log(lang: Lang) -> Callable[[str], None]:
    """Where the solver's progress lines go: standard error, on a terminal only."""
    progress = sys.stderr.isatty()

    def log(message: str) -> None:
        if progress:
            click.echo(t("cli.plan.progress", lang, message=message), err=True)

    return log


def solved_plan(result: Result, scenario_name: str, first: date, last: date, output_format: str,
                time_limit: float, lang: Lang) -> Plan:
    """The plan of a solver result; exits 1 naming the conflicting rules, or 3 when none was found
    in time (shared by ``plan`` and ``replan``)."""
    if result.status == "INFEASIBLE":
        click.echo(t("cli.plan.infeasible", lang), err=True)
        for conflict in result.conflicts:
            click.echo(f"  - {conflict.detail.render(lang)}{cite_suffix(conflict.articles, lang)}", err=True)
        if output_format == "json":
            click.echo(_conflicts_json(result, scenario_name, first, last, lang), nl=False)
        sys.exit(EXIT_INFEASIBLE)
    if result.plan is None:
        click.echo(t("cli.plan.timeout", lang, seconds=time_limit), err=True)
        sys.exit(EXIT_TIMEOUT)
    click.echo(t("cli.plan.summary", lang, status=result.status, objective=result.objective, bound=result.bound,
                 seconds=f"{result.seconds:.2f}"), err=True)
    for note in result.notes:
        click.echo(note.render(lang), err=True)
    return result.plan


def deliver_plan(made: Plan, scenario: Scenario, out_dir: str | None, output_format: str, ics_per_leader: bool,
                 followups: Sequence[FollowUp] | None, lang: Lang) -> None:
    """``--out`` files (all or nothing), then the plan on standard output as JSON or a table."""
    if out_dir is not None:
        write_plan_outputs(made, scenario, out_dir, lang, ics_per_leader, followups)
    if output_format == "json":
        click.echo(plan_to_text(made, lang), nl=False)
    else:
        from govcal.render import render_plan

        click.echo(render_plan(made, scenario, lang, color=sys.stdout.isatty()))


def write_plan_outputs(plan: Plan, scenario: Scenario, out_dir: str, lang: Lang, ics_per_leader: bool,
                       followups: Sequence[FollowUp] | None) -> None:
    """plan.json and every export, as ``plan --out`` writes them, all or nothing."""
    from govcal.exports import write_exports
    from govcal.files import staged_dir

    with staged_dir(out_dir) as scratch:
        (scratch / "plan.json").write_text(plan_to_text(plan, lang), encoding="utf-8")
        written = [scratch / "plan.json", *write_exports(plan, scenario, scratch, lang=lang,
                                                         ics_per_leader=ics_per_leader, followups=followups)]
    for path in written:  # every file, as it now lies in the output folder
        click.echo(t("cli.plan.written", lang, path=Path(out_dir) / path.relative_to(scratch)), err=True)


def change_lines(plan: Plan, published_revision: int, scenario: Scenario, lang: Lang) -> list[str]:
    """The change table of a re-plan: every change, before and after, and who must be told."""
    from govcal.ledger.present import change_headers, change_rows

    titles = {m.id: m.title for m in plan.meetings}
    lines = ["", t("ledger.changes.title", lang, revision=published_revision)]
    if not plan.changes:
        return [*lines, t("ledger.changes.none", lang)]
    return lines + table(change_headers(lang), change_rows(plan.changes, scenario, titles, lang), lang,
                         wrap=(0, 4))
