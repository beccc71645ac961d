"""``govcal plan`` and ``govcal check`` (DESIGN §5).

plan: 0 a plan; 1 no feasible plan (the conflicting rules and articles on standard error, and with
``--format json`` a JSON document naming them on standard output); 2 bad input; 3 no plan within
the time limit. check: 0 clean (the recomputed objective printed); 1 violations, each with its
article; 2 a malformed plan or scenario. With ``--format json`` standard output carries the JSON
alone; progress goes to standard error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

import click

from govcal.cmd_ledger import ledger_option
from govcal.common import GovcalCommand, lang_option, load_scenario_warned, parse_day, scenario_option, strict_option
from scheduler.errors import InputError, Problem
from scheduler.i18n import Lang, t
from scheduler.plan import PLAN_FORMAT, Plan, Result, plan_to_text, read_plan
from scheduler.rules import cite_suffix

if TYPE_CHECKING:
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
@ledger_option
@strict_option
@lang_option
def plan(scenario_path: str | None, month: str | None, start: str | None, end: str | None, out_dir: str | None,
         output_format: str, time_limit: float, seed: int, ics_per_leader: bool, ledger_path: str | None,
         strict: bool, lang: Lang) -> None:
    """Plan standing meetings, agendas and leaders' calendars for a month or a period; with --ledger,
    on what the ledger recorded (default period: the month after the last one published)."""
    from scheduler.period import parse_period
    from scheduler.solve import plan as solve_plan

    on_ledger = None
    if ledger_path is not None:
        from govcal.cmd_ledger import plan_on_ledger

        on_ledger = plan_on_ledger(ledger_path, scenario_path, month, parse_day(start, "--from"),
                                   parse_day(end, "--to"), lang, strict)
        on_ledger.report(lang)
        scenario, period = on_ledger.scenario, on_ledger.period
    else:
        scenario = load_scenario_warned(scenario_path, lang, strict)
        period = parse_period(month, parse_day(start, "--from"), parse_day(end, "--to"), scenario=scenario)
    result = solve_plan(scenario, period, time_limit=time_limit, seed=seed, lang=lang, log=progress_log(lang))
    solved = solved_plan(result, scenario.name, period.start, period.end, output_format, time_limit, lang)
    made = solved if on_ledger is None else on_ledger.finish(solved)
    deliver_plan(made, scenario, out_dir, output_format, ics_per_leader,
                 on_ledger.followups if on_ledger is not None else None, lang)
    if on_ledger is not None and on_ledger.state.published is not None:
        from govcal.cmd_ledger import change_lines

        published = on_ledger.state.published
        click.echo(t("ledger.plan.revision", lang, period=published.period_label, published=published.revision,
                     revision=made.revision, changes=len(made.changes)), err=True)
        lines = change_lines(made, published.revision, scenario, lang)
        click.echo("\n".join(lines), err=output_format == "json")


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
        from govcal.cmd_ledger import write_plan_outputs

        write_plan_outputs(made, scenario, out_dir, lang, ics_per_leader, followups)
    if output_format == "json":
        click.echo(plan_to_text(made, lang), nl=False)
    else:
        from govcal.render import render_plan

        click.echo(render_plan(made, scenario, lang, color=sys.stdout.isatty()))


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
        from govcal.cmd_ledger import latest_published_plan

        plan_read, revision, stored = latest_published_plan(ledger_path, month, lang)
        click.echo(t("ledger.check.revision", lang, period=revision.period_label, revision=revision.revision,
                     at=revision.published_at.strftime("%Y-%m-%d %H:%M UTC")), err=True)
        scenario_path = scenario_path or stored
    else:
        plan_read = read_plan(plan_file)
    # check_plan adds the plan's recorded_history (what a ledger recorded) to the scenario's history.
    scenario = _scenario_of(plan_read, scenario_path, lang, strict)
    check_calendar_covers(scenario, Period(plan_read.period_from, plan_read.period_to))
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
