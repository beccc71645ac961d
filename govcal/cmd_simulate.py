"""``govcal simulate`` and ``govcal whatif``: the document-flow simulation (DESIGN §6, issue 5).

With ``--format json`` standard output carries the JSON document alone; the progress bar (only on a
terminal) and "wrote ..." notes go to standard error. ``--out DIR`` files appear only when the
whole run succeeded (`govcal.files.staged_dir`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import click

from govcal.common import GovcalCommand, GovcalGroup, lang_option, load_scenario_warned, scenario_option, strict_option
from govcal.files import staged_dir
from govcal.render import format_table
from scheduler.domain import Scenario
from scheduler.errors import InputError, Problem
from scheduler.i18n import Lang, t
from scheduler.plan import Plan, read_plan
from simulation.agenda import sweep as agenda_sweep
from simulation.executors import default_jobs
from simulation.flow.inputs import FlowInputs, build_inputs
from simulation.flow.mmc import validate_mmc
from simulation.flow.runner import Progress, run_replications
from simulation.flow.sweep import parse_loads, run_sweep, sweep_table, sweep_to_json

FORMATS = ("table", "json")
DEFAULT_REPS = 20
DEFAULT_WHATIF_REPS = 10
DEFAULT_LOADS = "1,1.5,2,3"
STATIONS = ("office", "justice")


def progress_bar(label: str) -> Progress | None:
    """A one-line bar on standard error when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _inputs(scenario_path: str | None, plan_path: str | None, lang: Lang, strict: bool
            ) -> tuple[Scenario, FlowInputs]:
    scenario = load_scenario_warned(scenario_path, lang, strict)
    plan: Plan | None = read_plan(plan_path) if plan_path else None
    return scenario, build_inputs(scenario, plan)


def _resource_names(scenario: Scenario) -> dict[str, str]:
    """Utilisation keys -> readable names: a leader's title with the portfolio telling deputies apart."""
    names = {}
    for leader in scenario.leaders:
        title = f"{leader.title}（{leader.domain}）" if leader.domain else leader.title
        names[leader.id] = names[f"signer:{leader.id}"] = title
    for station in STATIONS:  # a leader whose id is a station's is reported as "signer:<id>"
        names.pop(station, None)
    return names


def _positive(value: float | int, option: str) -> None:
    if not value > 0:
        raise InputError([Problem("<command line>", option, "sim.not_positive", {"value": value})])


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return format_table(headers, rows)


def _emit(document: dict[str, object], text: str, output_format: str) -> None:
    if output_format == "json":
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        click.echo(text)


def _wrote(out: Path, names: Sequence[str], lang: Lang) -> None:
    for name in names:
        click.echo(t("sim.wrote", lang, path=out / name), err=True)


common_options = [
    scenario_option(),
    click.option("--plan", "plan_path", type=click.Path(dir_okay=False), default=None,
                 help="Planner's plan.json: decided documents arrive on its meetings' dates."),
    click.option("--seed", type=int, default=1, show_default=True, help="Seed of every random stream."),
    click.option("--jobs", type=int, default=None, help="Worker processes (default: min(2, CPUs))."),
    click.option("--target", type=float, default=0.95, show_default=True, help="On-time share deadlines must keep."),
    click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
                 help="Folder for the JSON and the plots."),
    click.option("--format", "output_format", type=click.Choice(FORMATS), default="table", show_default=True),
    strict_option,
    lang_option,
]


def with_common_options(command: click.decorators.FC) -> click.decorators.FC:
    for option in reversed(common_options):
        command = option(command)
    return command


@click.command(cls=GovcalCommand, short_help="Document-flow KPIs (Art. 45, 52, 54 deadlines) with 95% intervals.")
@click.option("--load", type=float, default=1.0, show_default=True, help="Factor on every arrival rate.")
@click.option("--reps", type=int, default=DEFAULT_REPS, show_default=True, help="Independent replications.")
@click.option("--validate", type=click.Choice(["mmc"]), default=None,
              help="Run the reduced M/M/c model instead and compare its waiting time with Erlang C.")
@click.option("--arrival-rate", type=float, default=None, help="M/M/c arrival rate (with --validate mmc).")
@click.option("--service-rate", type=float, default=None, help="M/M/c service rate per server.")
@click.option("--servers", type=int, default=None, help="M/M/c number of servers.")
@with_common_options
def simulate(load: float, reps: int, validate: str | None, arrival_rate: float | None, service_rate: float | None,
             servers: int | None, scenario_path: str | None, plan_path: str | None, seed: int, jobs: int | None,
             target: float, out_dir: str | None, output_format: str, strict: bool, lang: Lang) -> None:
    """Simulate the document flow: on-time shares of Art. 45, 52 and 54 deadlines with 95% intervals."""
    _positive(reps, "--reps")
    if validate == "mmc":
        _simulate_mmc(arrival_rate, service_rate, servers, reps, seed, out_dir, output_format, lang)
        return
    _positive(load, "--load")
    from simulation.flow.report import summarise, summary_table, summary_to_json
    from simulation.pictures import flow as plots

    scenario, inputs = _inputs(scenario_path, plan_path, lang, strict)
    replications = run_replications(inputs, load, reps, seed, jobs or default_jobs(), progress_bar("simulate"))
    summary = summarise(inputs, load, seed, replications)
    document = summary_to_json(summary, lang)
    if out_dir:
        out = Path(out_dir)
        names = ["simulation.json", "cycle-time.png", "backlog.png", "on-time.png"]
        with staged_dir(out) as scratch:
            (scratch / names[0]).write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
            plots.save(plots.cycle_distribution(replications, lang), scratch / names[1])
            plots.save(plots.backlog_over_time(replications, inputs.params.warmup_days, lang), scratch / names[2])
            plots.save(plots.on_time_shares(summary, target, lang), scratch / names[3])
        _wrote(out, names, lang)
    _emit(document, summary_table(summary, lang, _resource_names(scenario), _table), output_format)


def _simulate_mmc(arrival_rate: float | None, service_rate: float | None, servers: int | None, reps: int, seed: int,
                  out_dir: str | None, output_format: str, lang: Lang) -> None:
    missing = [Problem("<command line>", option, "input.missing", {})
               for option, value in (("--arrival-rate", arrival_rate), ("--service-rate", service_rate),
                                     ("--servers", servers)) if value is None]
    if missing:
        raise InputError(missing)
    assert arrival_rate is not None and service_rate is not None and servers is not None
    result = validate_mmc(arrival_rate, service_rate, servers, reps=reps, seed=seed, progress=progress_bar("M/M/c"))
    document = result.to_json()
    if out_dir:
        with staged_dir(out_dir) as scratch:
            (scratch / "mmc.json").write_text(json.dumps(document, indent=2), encoding="utf-8")
        _wrote(Path(out_dir), ["mmc.json"], lang)
    text = t("sim.mmc", lang, servers=servers, rho=f"{result.rho:.3f}", wq=f"{result.wq.mean:.4f}",
             lo=f"{result.wq.low:.4f}", hi=f"{result.wq.high:.4f}", exact=f"{result.erlang_c_wq:.4f}")
    _emit(document, text, output_format)


@click.group(cls=GovcalGroup, short_help="Sweep the load and name the breaking point.", invoke_without_command=True)
@click.option("--load", "loads_text", default=DEFAULT_LOADS, show_default=True,
              help="Comma-separated load factors to sweep.")
@click.option("--reps", type=int, default=DEFAULT_WHATIF_REPS, show_default=True, help="Replications per load.")
@with_common_options
@click.pass_context
def whatif(ctx: click.Context, loads_text: str, reps: int, scenario_path: str | None, plan_path: str | None,
           seed: int, jobs: int | None, target: float, out_dir: str | None, output_format: str, strict: bool,
           lang: Lang) -> None:
    """Sweep the load: on-time share per deadline against load, and the breaking point.

    `whatif agenda` sweeps the agenda load with the planner in the loop instead."""
    if ctx.invoked_subcommand is not None:
        return
    _positive(reps, "--reps")
    loads = parse_loads(loads_text)
    from simulation.pictures import flow as plots

    _, inputs = _inputs(scenario_path, plan_path, lang, strict)
    sweep = run_sweep(inputs, loads, reps, seed, jobs or default_jobs(), target, progress_bar("whatif"))
    document = sweep_to_json(sweep, lang)
    if out_dir:
        out = Path(out_dir)
        names = ["whatif.json", "whatif.png"]
        with staged_dir(out) as scratch:
            (scratch / names[0]).write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
            plots.save(plots.whatif_curves(sweep, lang), scratch / names[1])
        _wrote(out, names, lang)
    _emit(document, sweep_table(sweep, lang, _table), output_format)


# ----- `govcal whatif agenda`: the agenda-load what-if with the planner in the loop (DESIGN §8) ---------

AGENDA_FILES = ("whatif-agenda.json", "load-curves.png", "backlog-by-month.png", "meetings-per-month.png")


def agenda_progress(loads: Sequence[float], lang: Lang) -> Callable[[int, int, int], None] | None:
    """One line on standard error (a terminal only): replications done at each load."""
    if not sys.stderr.isatty():
        return None
    done = [0] * len(loads)

    def show(load_index: int, count: int, reps: int) -> None:
        done[load_index] = count
        width = 10
        cells = "  ".join(f"×{load:g} [{'#' * (width * n // reps)}{'.' * (width - width * n // reps)}] {n}/{reps}"
                          for load, n in zip(loads, done, strict=True))
        sys.stderr.write(f"\r{t('agenda.progress', lang)}: {cells}")
        if all(n == reps for n in done):
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


@whatif.command("agenda", short_help="Agenda-load what-if: the planner plans every month of every replication.")
@scenario_option()
@click.option("--load", "loads_text", default=DEFAULT_LOADS, show_default=True,
              help="Comma-separated factors on the agenda load (items and county-wide requests a month).")
@click.option("--months", type=int, default=agenda_sweep.DEFAULT_MONTHS, show_default=True,
              help="Months each replication runs, from flow.agenda.start.")
@click.option("--reps", type=int, default=agenda_sweep.DEFAULT_REPS, show_default=True, help="Replications per load.")
@click.option("--seed", type=int, default=1, show_default=True, help="Seed of every random stream.")
@click.option("--jobs", type=int, default=None,
              help="Worker processes, or Dask workers with --dask local (default: min(2, CPUs)).")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS|local",
              help="Run replications on the Dask scheduler at ADDRESS (tcp://HOST:PORT), or on a local cluster.")
@click.option("--keep-plans", "keep_dir", type=click.Path(file_okay=False), default=None,
              help="Folder for every month's scenario (YAML) and plan (JSON): load-X/rep-R/YYYY-MM.*")
@click.option("--month-time-limit", type=float, default=agenda_sweep.DEFAULT_MONTH_TIME_LIMIT, show_default=True,
              help="Planner seconds per month.")
@click.option("--target-days", type=int, default=agenda_sweep.DEFAULT_TARGET_DAYS, show_default=True,
              help="Working days within which an item should be heard.")
@click.option("--target", type=float, default=agenda_sweep.DEFAULT_TARGET, show_default=True,
              help="Share of items that should be heard within --target-days.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Folder for the JSON and the plots.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="table", show_default=True)
@strict_option
@lang_option
def whatif_agenda(scenario_path: str | None, loads_text: str, months: int, reps: int, seed: int, jobs: int | None,
                  dask_address: str | None, keep_dir: str | None, month_time_limit: float, target_days: int,
                  target: float, out_dir: str | None, output_format: str, strict: bool, lang: Lang) -> None:
    """What if the agenda load grows: plan every month with the real planner, month after month, and
    report waits, backlog, meetings, leaders' hours, deferrals by article and Art. 45 per load."""
    for value, option in ((months, "--months"), (reps, "--reps"), (month_time_limit, "--month-time-limit"),
                          (target_days, "--target-days"), (target, "--target")):
        _positive(value, option)
    if jobs is not None:
        _positive(jobs, "--jobs")
    from simulation.agenda.report import sweep_table, sweep_to_json
    from simulation.executors import ExecutorSpec, parse_dask
    from simulation.pictures import agenda as agenda_plots
    from simulation.pictures.flow import save

    loads = parse_loads(loads_text)
    executor = ExecutorSpec(jobs or default_jobs(), parse_dask(dask_address))
    scenario = load_scenario_warned(scenario_path, lang, strict)

    def run(keep: Callable[[str, bytes], None] | None) -> agenda_sweep.AgendaSweep:
        return agenda_sweep.run_agenda_whatif(
            scenario, loads, months=months, reps=reps, seed=seed, executor=executor,
            month_time_limit=month_time_limit, target_days=target_days, target=target, keep_plan=keep,
            progress=agenda_progress(loads, lang), lang=lang)

    if keep_dir:
        with staged_dir(keep_dir) as kept:
            def keep(path: str, data: bytes) -> None:
                (kept / path).parent.mkdir(parents=True, exist_ok=True)
                (kept / path).write_bytes(data)

            sweep = run(keep)
        click.echo(t("agenda.wrote_plans", lang, path=keep_dir), err=True)
    else:
        sweep = run(None)
    document = sweep_to_json(sweep, lang)
    if out_dir:
        with staged_dir(out_dir) as scratch:
            (scratch / AGENDA_FILES[0]).write_text(json.dumps(document, ensure_ascii=False, indent=2),
                                                   encoding="utf-8")
            for name, draw in zip(AGENDA_FILES[1:], (agenda_plots.load_curves, agenda_plots.backlog_by_month,
                                                     agenda_plots.meetings_per_month), strict=True):
                save(draw(sweep, lang), scratch / name)
        _wrote(Path(out_dir), list(AGENDA_FILES), lang)
    _emit(document, sweep_table(sweep, lang, _table), output_format)
