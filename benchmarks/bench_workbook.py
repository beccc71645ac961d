"""Reading a scenario workbook: the default scenario, and a 5,000-item county, against the same YAML.

    .venv/bin/python benchmarks/bench_workbook.py [--runs 5] [--items 5000]

Writes each scenario as a workbook once (`govcal scenario export`), then times loading it from its
bytes as ``--scenario county.xlsx`` does (read, convert the cells, validate), and the YAML beside it.
Prints a markdown table of medians in seconds; imports are warm (the command line adds them once).
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date

from govcal.exports.scenario_xlsx import scenario_workbook
from scheduler.generate import generate_scenario_yaml
from scheduler.scenario import load_scenario, parse_scenario_bytes, scenario_to_mapping

TARGETS = {"default": 0.5, "big": 5.0}


def median_seconds(action, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (on a shared machine the CPU time is the steadier one)."""
    walls, cpus = [], []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - began_cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--items", type=int, default=5000)
    args = parser.parse_args()
    months = 12
    big_yaml = generate_scenario_yaml(leaders=20, units=60, items_per_month=-(-args.items // months), months=months,
                                      seed=1).encode()
    cases = {"default": load_scenario(), "big": parse_scenario_bytes(big_yaml, "big.yaml")[0]}
    sources = {"default": None, "big": big_yaml}
    print("| scenario | items | rows | workbook bytes | read workbook: wall / CPU (s) | read YAML: wall / CPU (s) "
          "| target (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, scenario in cases.items():
        book = scenario_workbook(scenario_to_mapping(scenario), date(2024, 1, 1))
        rows = sum(len(getattr(scenario, part)) for part in ("leaders", "units", "rooms", "absences", "commitments",
                                                              "history", "agenda", "meeting_requests"))
        workbook_time = median_seconds(lambda b=book: parse_scenario_bytes(b, "county.xlsx"), args.runs)
        yaml_source = sources[name]
        yaml_time = median_seconds((lambda: load_scenario()) if yaml_source is None
                                   else (lambda y=yaml_source: parse_scenario_bytes(y, "big.yaml")), args.runs)
        print(f"| {name} | {len(scenario.agenda)} | {rows} | {len(book):,} | {workbook_time[0]:.3f} / "
              f"{workbook_time[1]:.3f} | {yaml_time[0]:.3f} / {yaml_time[1]:.3f} | {TARGETS[name]} |")


if __name__ == "__main__":
    main()
