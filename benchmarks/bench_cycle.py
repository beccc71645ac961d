"""The default scenario's months planned as the office plans them: each on the record the earlier months
left (issue 9's first target), and what `govcal plan` costs for such a month, start-up included.

    .venv/bin/python benchmarks/bench_cycle.py [--repeat 3]

For each month of 2024: the planner's status, objective and seconds inside `plan()` (median of the
repeats; the scenario is advanced with `scheduler.cycle` exactly as the ledger would), then the wall
time of `govcal plan --scenario <that month's state> --month M --format json` in a fresh process
(median), and of `govcal --version` for the start-up alone. Prints a markdown table; progress on
standard error.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from scheduler.cycle import advance, held_as_planned, plan_events
from scheduler.period import month_period
from scheduler.scenario import load_scenario, scenario_to_mapping
from scheduler.solve import plan

GOVCAL = str(Path(sys.executable).with_name("govcal"))


def wall(command: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    scenario = load_scenario()
    rows = []
    folder = Path(tempfile.mkdtemp(prefix="govcal-bench-"))
    startup = statistics.median(wall([GOVCAL, "--version"]) for _ in range(args.repeat))
    for month in range(1, 13):
        label = f"2024-{month:02d}"
        state = folder / f"{label}.yaml"
        state.write_text(yaml.safe_dump(scenario_to_mapping(scenario), allow_unicode=True, sort_keys=False),
                         encoding="utf-8")
        seconds = []
        result = None
        for _ in range(args.repeat):
            began = time.perf_counter()
            result = plan(scenario, month_period(label), time_limit=20)
            seconds.append(time.perf_counter() - began)
        assert result is not None and result.plan is not None
        cli = statistics.median(wall([GOVCAL, "plan", "--scenario", str(state), "--month", label, "--format", "json"])
                                for _ in range(args.repeat))
        rows.append((label, result.status, result.objective, statistics.median(seconds), cli))
        print(f"{label}: {result.status} {result.objective} in {statistics.median(seconds):.3f} s, "
              f"govcal plan {cli:.2f} s", file=sys.stderr, flush=True)
        scenario = advance(scenario, plan_events(result.plan, held_as_planned(result.plan)))
    print("| month | status | objective | planner seconds | `govcal plan` wall seconds |")
    print("|---|---|---|---|---|")
    for label, status, objective, seconds, cli in rows:
        print(f"| {label} | {status} | {objective} | {seconds:.3f} | {cli:.2f} |")
    print(f"\n`govcal --version` (start-up alone): {startup:.2f} s; planner seconds: median "
          f"{statistics.median(r[3] for r in rows):.3f}, max {max(r[3] for r in rows):.3f}; "
          f"`govcal plan`: median {statistics.median(r[4] for r in rows):.2f}, max {max(r[4] for r in rows):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
