"""``govcal plan``, ``govcal replan`` and ``govcal check`` (DESIGN §5): their options; the work is
`govcal.planning`'s (and, on a ledger, `govcal.ledger.services`').

plan and replan: 0 a plan; 1 no feasible plan (the conflicting rules and articles on standard error, and with
``--format json`` a JSON document naming them on standard output); 2 bad input; 3 no plan within
the time limit. check: 0 clean (the recomputed objective printed); 1 violations, each with its
article; 2 a malformed plan or scenario. With ``--format json`` standard output carries the JSON
alone; progress goes to standard error.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from govcal.common import (
    GovcalCommand,
    format_option,
    lang_option,
    ledger_option,
    load_scenario_warned,
    note_projected_years,
    opened,
    parse_day,
    scenario_option,
    strict_option,
    today_of,
    today_option,
)
from govcal.planning import EXIT_INFEASIBLE
from scheduler.errors import InputError, Problem
from scheduler.i18n import Lang, t
from scheduler.plan import Plan, read_plan

if TYPE_CHECKING:
    from scheduler.domain import Scenario


@click.command("plan", cls=GovcalCommand, short_help="Plan meetings, agendas and leaders' calendars with CP-SAT.")
@scenario_option()
@click.option("--month", default=None, help="Month to plan, YYYY-MM.")
@click.option("--from", "start", default=None, help="First day of the period, YYYY-MM-DD (with --to).")
@click.option("--to", "end", default=None, help="Last day of the period, YYYY-MM-DD (with --from).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Write plan.json and the exports into this folder.")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--time-limit", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds the solver may search.")
@click.option("--seed", type=int, default=0, show_default=True, help="Solver seed: same input and seed, same plan.")
@click.option("--ics-per-leader", is_flag=True, help="With --out, also one .ics calendar per leader.")
@click.option("--today", "today_text", default=None,
              help="Plan as of this day, YYYY-MM-DD: nothing is placed on or before it (default: with --ledger, "
                   "the system date in the county's time zone; without, no day is excluded).")
@ledger_option
@strict_option
@lang_option
def plan(scenario_path: str | None, month: str | None, start: str | None, end: str | None, out_dir: str | None,
         output_format: str, time_limit: float, seed: int, ics_per_leader: bool, today_text: str | None,
         ledger_path: str | None, strict: bool, lang: Lang) -> None:
    """Plan standing meetings, agendas and leaders' calendars for a month or a period; with --ledger,
    on what the ledger recorded (default period: the month after the last one published)."""
    from govcal.planning import plan_period

    typed = "--today" if today_text is not None else "--month" if month else "--from" if start else "plan"
    plan_period(scenario_path, month, parse_day(start, "--from"), parse_day(end, "--to"), out_dir, output_format,
                time_limit, seed, ics_per_leader, ledger_path, strict, lang, parse_day(today_text, "--today"), typed)


@click.command("check", cls=GovcalCommand, short_help="Check a plan against every rule, without a solver.")
@click.argument("plan_file", type=click.Path(dir_okay=False), required=False)
@scenario_option()
@ledger_option
@click.option("--month", default=None, help="With --ledger: the month whose latest revision to check.")
@strict_option
@lang_option
def check(plan_file: str | None, scenario_path: str | None, ledger_path: str | None, month: str | None,
          strict: bool, lang: Lang) -> None:
    """Check a plan, hand-edited or not, against every rule; recompute its objective.

    The plan is checked against the scenario it was made from (its scenario_sha256): the embedded
    default or --scenario only when the hashes match. With --ledger and no PLAN_FILE, the latest
    published revision (of --month) against the ledger's scenario.
    """
    from scheduler.check import check_plan
    from scheduler.period import Period, check_calendar_covers

    if plan_file is None:
        if ledger_path is None:
            raise InputError([Problem("PLAN_FILE", "", "input.missing")])
        from govcal.ledger.services import latest_published_plan

        with opened(ledger_path, lang) as book:
            plan_read, revision, stored = latest_published_plan(book, month)
        click.echo(t("ledger.check.revision", lang, period=revision.period_label, revision=revision.revision,
                     at=revision.published_at.strftime("%Y-%m-%d %H:%M UTC")), err=True)
        scenario_path = scenario_path or stored
    else:
        plan_read = read_plan(plan_file)
    # check_plan adds the plan's recorded_history (what a ledger recorded) to the scenario's history.
    scenario = _scenario_of(plan_read, scenario_path, lang, strict)
    check_calendar_covers(scenario, Period(plan_read.period_from, plan_read.period_to))
    note_projected_years(scenario.calendar, plan_read.period_from, plan_read.period_to, lang, strict)
    report = check_plan(scenario, plan_read)
    if report.violations:
        click.echo(t("cli.check.violations", lang, count=len(report.violations)))
        for violation in report.violations:
            click.echo(f"  - [{violation.rule}] {violation.render(lang)}")
        sys.exit(EXIT_INFEASIBLE)
    click.echo(t("cli.check.clean", lang, objective=report.objective))
    stated = plan_read.solver.objective
    if stated is not None and round(float(stated)) != report.objective:
        click.echo(t("cli.check.objective_differs", lang, stated=stated, objective=report.objective), err=True)


def _scenario_of(plan_read: Plan, scenario_path: str | None, lang: Lang, strict: bool) -> Scenario:
    """The scenario to check `plan_read` against: the one it names by hash (DESIGN §4). A plan of
    another scenario, or of another version of the file, exits 2 saying which it was made from; a
    plan with no hash (hand-made, or from an older govcal) is checked with a warning."""
    from scheduler.scenario import DEFAULT_SCENARIO

    scenario = load_scenario_warned(scenario_path, lang, strict)
    label = scenario_path or DEFAULT_SCENARIO
    wanted = plan_read.scenario_sha256
    if not wanted:
        click.echo(t("ledger.check.no_hash", lang, file=label), err=True)
    elif wanted != scenario.sha256:
        if scenario_path is None:
            raise InputError([Problem("--scenario", "", "ledger.check.not_default",
                                      {"scenario": plan_read.scenario, "sha": wanted[:12]})])
        raise InputError([Problem(label, "", "ledger.check.mismatch",
                                  {"plan_scenario": plan_read.scenario, "plan_sha": wanted[:12],
                                   "scenario": scenario.name, "file": label, "file_sha": scenario.sha256[:12]})])
    return scenario


@click.command("replan", cls=GovcalCommand,
               short_help="Least-change re-plan of a published month under today's scenario.")
@click.option("--month", required=True, help="The published month to re-plan, YYYY-MM.")
@click.option("--since", default=None, help="Re-plan from this day; meetings before it stay as published "
              "(default: the day after the month's last recorded outcome).")
@scenario_option()
@ledger_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Write plan.json and the exports (ICS with SEQUENCE = the new revision) into this folder.")
@click.option("--time-limit", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds the solver may search.")
@click.option("--seed", type=int, default=0, show_default=True, help="Solver seed: same input and seed, same plan.")
@click.option("--ics-per-leader", is_flag=True, help="With --out, also one .ics calendar per leader.")
@today_option
@format_option
@strict_option
@lang_option
def replan(month: str, since: str | None, scenario_path: str | None, ledger_path: str | None, out_dir: str | None,
           time_limit: float, seed: int, ics_per_leader: bool, today: str | None, output_format: str, strict: bool,
           lang: Lang) -> None:
    """The plan of a published month that keeps every rule under the scenario as it is now and
    changes the published revision least; lists every change and whom to tell."""
    from govcal.planning import replan_month

    replan_month(month, parse_day(since, "--since"), today_of(today), scenario_path, ledger_path, out_dir,
                 time_limit, seed, ics_per_leader, output_format, strict, lang,
                 "--today" if today is not None else "--month")
