"""Benchmarks of the agenda-load what-if (issue 11). Not a test: run it by hand.

    .venv/bin/python benchmarks/bench_whatif.py [--runs 3] [--loads 1,1.5,2,3] [--reps 10] [--jobs 2]
                                                [--skip-sweep] [--skip-dask]

Measures, on the embedded default scenario (wuqia-2024), with the default per-month time limit:
- one county-year replication at load 1 (12 monthly plans plus the document flow), median of --runs
  replications (seeds 0.. of replication index 0..), and the planner's share of it;
- the sweep --loads x --reps end to end with --jobs processes, then the same on a local Dask cluster
  of --jobs single-threaded workers (cluster start-up included), and their ratio.
Each figure is printed as a markdown row for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

from scheduler.scenario import load_scenario
from simulation.agenda.cycle import run_agenda_replication
from simulation.agenda.sweep import DEFAULT_MONTH_TIME_LIMIT, agenda_tasks, run_agenda_whatif
from simulation.executors import ExecutorSpec
from simulation.flow.sweep import parse_loads


def county_year(runs: int) -> None:
    scenario = load_scenario(None)
    totals, planner, flow, heard = [], [], [], []
    for rep in range(runs):
        task = agenda_tasks(scenario, (1.0,), rep + 1, 1, 12, DEFAULT_MONTH_TIME_LIMIT)[rep]
        began = time.perf_counter()
        result = run_agenda_replication(task)
        totals.append(time.perf_counter() - began)
        planner.append(sum(m.seconds for m in result.months))
        flow.append(result.flow_seconds)
        heard.append(result.heard)
        statuses = sorted({m.status for m in result.months})
        print(f"  replication {rep}: {totals[-1]:.2f} s, planner {planner[-1]:.2f} s, flow {flow[-1]:.2f} s, "
              f"{result.arrived} items, {result.heard} heard, months {statuses}", flush=True)
    total = statistics.median(totals)
    share = statistics.median(p / t for p, t in zip(planner, totals, strict=True))
    print(f"| county-year replication at load 1 (12 monthly plans + document flow), median of {runs} "
          f"| {total:.2f} s (planner {share:.0%}, flow {statistics.median(flow):.2f} s) | < 10 s |")


def sweep(loads: tuple[float, ...], reps: int, jobs: int, dask: str | None) -> float:
    began = time.perf_counter()
    result = run_agenda_whatif(load_scenario(None), loads, reps=reps, seed=1, executor=ExecutorSpec(jobs, dask))
    seconds = time.perf_counter() - began
    where = f"Dask LocalCluster, {jobs} workers" if dask else f"--jobs {jobs}"
    point = result.breaking_point()
    print(f"| sweep {len(loads)} loads x {reps} replications, {where}, end to end | {seconds:.1f} s | < 300 s |")
    print(f"  breaking point {point}; plan seconds per month by load: "
          + ", ".join(f"x{s.load:g} {s.plan_seconds_mean:.2f} (max {s.plan_seconds_max:.2f})" for s in result.loads),
          flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--loads", default="1,1.5,2,3")
    parser.add_argument("--reps", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--skip-sweep", action="store_true")
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    county_year(args.runs)
    if args.skip_sweep:
        return
    loads = parse_loads(args.loads)
    pool = sweep(loads, args.reps, args.jobs, None)
    if not args.skip_dask:
        cluster = sweep(loads, args.reps, args.jobs, "local")
        print(f"| Dask / process pool, same sweep | {cluster / pool:.3f} | < 1.10 |")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
