"""Benchmark the CP-SAT planner against the greedy baseline (issues 3 and 9).

    .venv/bin/python benchmarks/bench_planner.py [--sizes S,M,L,XL,WEEK,YEAR] [--time-limit 60] [--repeat 3]

Sizes: S, M, L, XL are generated counties (`scheduler.generate`); WEEK is the public meeting-scheduling
benchmark's week (Timefold's meeting-scheduling quickstart demo data, reimplemented in
`scheduler.generate.generate_meeting_week`: 24 requested meetings of 2-4 hours among 20 leaders with
required and preferred attendees, 3 rooms of 30, 20 and 16 seats, 4 days of 40 quarter-hours), also
scored by that benchmark's own hard and medium constraints (`meeting_week.timefold_score`); YEAR is
the default scenario's whole 2024.

Prints a markdown table, one row per size: the instance, the planner's status, objective, bound,
gap and seconds (median of the repeats), the greedy baseline's objective as recomputed by the
independent checker and its seconds, the planner/greedy objective ratio, and the checker's
violation counts of both plans (each must be 0). Both planners run side by side in one process,
so on a shared, noisy machine their ratio is more telling than either time alone.

A script, not a test: L and XL take minutes. Progress goes to standard error, the table to
standard output.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from meeting_week import timefold_score

from scheduler.check import check_plan
from scheduler.domain import Scenario
from scheduler.generate import generate_meeting_week, generate_scenario
from scheduler.greedy import greedy_plan
from scheduler.period import Period, month_period, year_period
from scheduler.plan import Plan, Result
from scheduler.scenario import load_scenario
from scheduler.solve import plan

GENERATOR_SEED = 1
SOLVER_SEED = 0


@dataclass(frozen=True, slots=True)
class Size:
    """A benchmark size: how to make its scenario, and the period planned."""

    name: str
    build: Callable[[], Scenario]
    period: Period


def _generated(**arguments: Any) -> Callable[[], Scenario]:
    return lambda: generate_scenario(seed=GENERATOR_SEED, **arguments)


WEEK = Period(date.fromisocalendar(2024, 20, 1), date.fromisocalendar(2024, 20, 7))
# S, M, L as issue 3 defines them; XL the largest year that still builds and solves within ~2 minutes
# on 2 cores and 24 GiB (see benchmarks/RESULTS.md for how it was chosen).
SIZES: dict[str, Size] = {size.name: size for size in (
    Size("S", _generated(leaders=12, units=30, items_per_month=30, months=1), month_period("2024-01")),
    Size("M", _generated(leaders=14, units=35, items_per_month=34, months=12, requests_per_month=5),
         year_period(2024)),
    Size("L", _generated(leaders=60, units=150, items_per_month=333, months=12), year_period(2024)),
    Size("XL", _generated(leaders=90, units=225, items_per_month=500, months=12), year_period(2024)),
    # Seed 0 with these arguments is the benchmark's own week.
    Size("WEEK", lambda: generate_meeting_week(people=20, rooms=3, requests=24, seed=0, week=20), WEEK),
    Size("YEAR", load_scenario, year_period(2024)),
)}

COLUMNS = ("size", "leaders", "units", "items", "requests", "period", "status", "objective", "bound", "gap",
           "seconds", "greedy objective", "greedy seconds", "planner/greedy", "violations (planner/greedy)",
           "placed (planner/greedy)", "preferred absent", "benchmark score hard/medium (planner/greedy)",
           "peak RSS MiB")


def _timed(run: Callable[[], Any]) -> tuple[Any, float]:
    began = time.perf_counter()
    value = run()
    return value, time.perf_counter() - began


def _checked(scenario: Scenario, checked_plan: Plan | None) -> tuple[float | None, int | None]:
    """(objective, number of violations) as the independent checker finds them."""
    if checked_plan is None:
        return None, None
    report = check_plan(scenario, checked_plan)
    return report.objective, len(report.violations)


def _placed(placed_plan: Plan | None) -> str:
    """Requested meetings placed, of those in the period."""
    if placed_plan is None:
        return "–"
    held = sum(1 for m in placed_plan.meetings if m.request)
    return f"{held} of {held + len(placed_plan.rejected)}"


def _benchmark_score(size: Size, scenario: Scenario, planner: Plan | None, greedy: Plan | None) -> str:
    """The meeting-scheduling benchmark's own hard/medium penalties of both plans (WEEK only)."""
    if size.name != "WEEK" or planner is None or greedy is None:
        return "–"
    (hard, medium, _), (greedy_hard, greedy_medium, _) = timefold_score(planner, scenario), \
        timefold_score(greedy, scenario)
    return f"{hard}/{medium} ({greedy_hard}/{greedy_medium})"


def _number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def bench(size: Size, time_limit: float, repeat: int, log: Callable[[str], None]) -> dict[str, str]:
    """Run the planner `repeat` times and the greedy once more per repeat; one table row."""
    scenario = size.build()
    results: list[Result] = []
    planner_seconds: list[float] = []
    greedy_seconds: list[float] = []
    greedy: Plan | None = None
    for run in range(repeat):
        # The planner's own default for workers: what `govcal plan` runs.
        result, seconds = _timed(lambda: plan(scenario, size.period, time_limit=time_limit, seed=SOLVER_SEED))
        results.append(result)
        planner_seconds.append(seconds)
        greedy, seconds = _timed(lambda: greedy_plan(scenario, size.period))
        greedy_seconds.append(seconds)
        log(f"{size.name} run {run + 1}/{repeat}: {result.status} {result.objective} in {planner_seconds[-1]:.2f} s;"
            f" greedy in {seconds:.2f} s")
    last = results[-1]
    objectives = sorted({r.objective for r in results if r.objective is not None})
    planner_checked, planner_violations = _checked(scenario, last.plan)
    greedy_checked, greedy_violations = _checked(scenario, greedy)
    if planner_checked is not None and last.objective is not None and round(planner_checked) != round(last.objective):
        log(f"{size.name}: the checker's objective {planner_checked} differs from the solver's {last.objective}")
    ratio = planner_checked / greedy_checked if planner_checked is not None and greedy_checked else None
    objective = " .. ".join(_number(o) for o in objectives) if len(objectives) > 1 else _number(last.objective)
    return {
        "size": size.name,
        "leaders": str(len(scenario.leaders)),
        "units": str(len(scenario.units)),
        "items": str(len(scenario.agenda)),
        "requests": str(len(scenario.meeting_requests)),
        "period": f"{size.period.start:%Y-%m-%d} .. {size.period.end:%Y-%m-%d}",
        "status": "/".join(sorted({r.status for r in results})),
        "objective": objective,
        "bound": _number(last.bound),
        "gap": "–" if last.gap is None else f"{last.gap:.2%}",
        "seconds": f"{statistics.median(planner_seconds):.2f}",
        "greedy objective": _number(greedy_checked),
        "greedy seconds": f"{statistics.median(greedy_seconds):.2f}",
        "planner/greedy": "–" if ratio is None else f"{ratio:.3f}",
        "violations (planner/greedy)": f"{_number(planner_violations)}/{_number(greedy_violations)}",
        "placed (planner/greedy)": f"{_placed(last.plan)}/{_placed(greedy)}",
        "preferred absent": _number(None if last.plan is None else sum(
            1 for p in last.plan.penalties if p.rule == "preferred_absent")),
        "benchmark score hard/medium (planner/greedy)": _benchmark_score(size, scenario, last.plan, greedy),
        "peak RSS MiB": f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f}",
    }


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _bench_size(name: str, time_limit: float, repeat: int) -> dict[str, str]:
    return bench(SIZES[name], time_limit, repeat, _log)


def _bench_in_child(name: str, time_limit: float, repeat: int) -> dict[str, str]:
    """One size in a fresh process, so its peak memory is its own and no size warms another's caches."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_bench_size, (name, time_limit, repeat))


def markdown(rows: list[dict[str, str]]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
    lines += ["| " + " | ".join(row[c] for c in COLUMNS) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(SIZES), help="comma-separated subset of " + ",".join(SIZES))
    parser.add_argument("--time-limit", type=float, default=60.0, help="planner time limit per run, seconds")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; seconds are their median")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.sizes.split(",") if n.strip()]
    unknown = [n for n in names if n not in SIZES]
    if unknown:
        parser.error(f"unknown size(s) {','.join(unknown)}; choose among {','.join(SIZES)}")
    if args.repeat < 1 or args.time_limit <= 0:
        parser.error("--repeat must be at least 1 and --time-limit positive")
    _log(f"python {platform.python_version()}, {platform.machine()}, time limit {args.time_limit:g} s, "
         f"repeat {args.repeat}")
    rows = [_bench_in_child(name, args.time_limit, args.repeat) for name in names]
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
