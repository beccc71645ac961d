"""Working-day calendar: precomputed lookups against asking chinese_calendar per call.

    .venv/bin/python benchmarks/bench_calendar.py [--runs 7]

Prints a markdown table of medians (microseconds per call) and the ratio, measured side by side
in one run, plus the time to build the default scenario's calendar and to load the scenario, and
the time to build a projected year's calendar (2027: no package data, festivals from borax's lunar
calendar and solar terms): the first one in the process (borax imported) and then each afresh.
"""

from __future__ import annotations

import argparse
import statistics
import time
import timeit
from datetime import date, timedelta

import chinese_calendar

from scheduler.calendar import WorkCalendar
from scheduler.domain import CalendarSpec
from scheduler.holidays import _cached_projection
from scheduler.scenario import load_scenario, scenario_calendar

START = date(2024, 1, 1)
DAYS = [START + timedelta(days=k) for k in range(366)]


def per_call_library() -> None:
    for day in DAYS:
        chinese_calendar.is_workday(day)


def add_seven_by_library(day: date) -> date:
    """What code without a precomputed calendar does: step day by day asking the library."""
    found = 0
    while found < 7:
        day += timedelta(days=1)
        found += chinese_calendar.is_workday(day)
    return day


def median_us(statement, number: int, runs: int) -> float:
    return statistics.median(timeit.repeat(statement, number=number, repeat=runs)) / number * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    began = time.perf_counter()
    WorkCalendar(CalendarSpec(), 2027, 2027)  # the first projection imports borax
    first_projected = time.perf_counter() - began
    projected = []
    for _ in range(args.runs):
        _cached_projection.cache_clear()
        began = time.perf_counter()
        WorkCalendar(CalendarSpec(), 2027, 2027)
        projected.append(time.perf_counter() - began)
    scenario = load_scenario(None)
    calendar = scenario_calendar(scenario)
    builds = []
    for _ in range(args.runs):
        began = time.perf_counter()
        WorkCalendar(scenario.calendar, 2024, 2025)
        builds.append(time.perf_counter() - began)
    loads = []
    for _ in range(args.runs):
        began = time.perf_counter()
        load_scenario(None)
        loads.append(time.perf_counter() - began)
    lookup = median_us(lambda: [calendar.is_working_day(d) for d in DAYS], 20, args.runs) / len(DAYS)
    library = median_us(per_call_library, 20, args.runs) / len(DAYS)
    add_ours = median_us(lambda: [calendar.add_working_days(d, 7) for d in DAYS], 20, args.runs) / len(DAYS)
    add_library = median_us(lambda: [add_seven_by_library(d) for d in DAYS], 5, args.runs) / len(DAYS)
    print("| measure | WorkCalendar | chinese_calendar per call | ratio |")
    print("|---|---|---|---|")
    print(f"| is working day, µs per call | {lookup:.3f} | {library:.3f} | {library / lookup:.1f}x |")
    print(f"| 7 working days after a date, µs per call | {add_ours:.3f} | {add_library:.3f} | "
          f"{add_library / add_ours:.1f}x |")
    print(f"| build the 2024-2025 calendar, ms (median of {args.runs}) | {statistics.median(builds) * 1e3:.1f} | | |")
    print(f"| load the default scenario, ms (median of {args.runs}) | {statistics.median(loads) * 1e3:.1f} | | |")
    print(f"| build a projected year (2027), first in the process, ms | {first_projected * 1e3:.1f} | | |")
    print(f"| build a projected year (2027) afresh, ms (median of {args.runs}) | "
          f"{statistics.median(projected) * 1e3:.2f} | | |")


if __name__ == "__main__":
    main()
