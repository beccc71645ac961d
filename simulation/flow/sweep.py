"""What-if: the same replications at several loads, and the breaking point of each deadline."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from scheduler.errors import InputError, Problem
from scheduler.i18n import Lang, t
from scheduler.rules import cite_articles
from simulation.executors import default_jobs
from simulation.flow.inputs import FlowInputs
from simulation.flow.report import (
    Summary,
    TableFormatter,
    format_interval,
    plain_table,
    summarise,
    summary_to_json,
)
from simulation.flow.runner import Progress, run_tasks


@dataclass(frozen=True, slots=True)
class Sweep:
    loads: tuple[float, ...]
    summaries: tuple[Summary, ...]
    target: float

    def breaking_points(self) -> dict[str, float | None]:
        """Per deadline, the lowest load whose mean on-time share falls below the target (None: never)."""
        points: dict[str, float | None] = {}
        for kpi in self.summaries[0].deadlines:
            below = [s.load for s in self.summaries
                     if not math.isnan(s.deadline(kpi.rule).on_time.mean)
                     and s.deadline(kpi.rule).on_time.mean < self.target]
            points[kpi.rule] = min(below) if below else None
        return points

    def breaking_point(self) -> tuple[str, float] | None:
        """The deadline that breaks first and the load at which it does."""
        found = [(load, rule) for rule, load in self.breaking_points().items() if load is not None]
        if not found:
            return None
        load, rule = min(found)
        return rule, load

    def verdict(self, lang: Lang = "zh") -> str:
        first = self.breaking_point()
        if first is None:
            return t("sim.no_breaking", lang, target=f"{self.target:.0%}")
        rule, load = first
        name = self.summaries[0].deadline(rule).name(lang)
        return t("sim.breaking", lang, name=name, load=f"{load:g}", target=f"{self.target:.0%}")


def parse_loads(text: str, source: str = "--load") -> tuple[float, ...]:
    """``"1,1.5,2,3"`` -> (1.0, 1.5, 2.0, 3.0), sorted and unique; anything else is an input problem."""
    try:
        loads = tuple(sorted({float(part) for part in text.split(",") if part.strip()}))
    except ValueError:
        loads = ()
    if not loads or any(not (load > 0 and math.isfinite(load)) for load in loads):
        raise InputError([Problem("<command line>", source, "sim.bad_loads", {"value": text})])
    return loads


def run_sweep(inputs: FlowInputs, loads: Sequence[float], reps: int, seed: int, jobs: int | None = None,
              target: float = 0.95, progress: Progress | None = None) -> Sweep:
    """Every (load, replication) pair in one pool; replication i uses the same seed at every load."""
    tasks = [(load, index) for load in loads for index in range(reps)]
    results = run_tasks(inputs, tasks, seed, jobs or default_jobs(), progress)
    summaries = tuple(summarise(inputs, load, seed, results[i * reps:(i + 1) * reps])
                      for i, load in enumerate(loads))
    return Sweep(tuple(loads), summaries, target)


def sweep_to_json(sweep: Sweep, lang: Lang = "zh") -> dict[str, object]:
    first = sweep.breaking_point()
    return {
        "format": "govcal.whatif/1",
        "target": sweep.target,
        "loads": list(sweep.loads),
        "breaking_points": sweep.breaking_points(),
        "breaking_point": None if first is None else {"rule": first[0], "load": first[1]},
        "runs": [summary_to_json(s, lang) for s in sweep.summaries],
    }


def sweep_table(sweep: Sweep, lang: Lang = "zh", table: TableFormatter = plain_table) -> str:
    """One row per load: on-time share of each deadline with its interval, then the verdict."""
    first = sweep.summaries[0]
    headers = [t("sim.col.load", lang), *(cite_articles((k.rule,), lang) for k in first.deadlines),
               t("sim.cycle", lang)]
    rows = [[f"×{s.load:g}", *(format_interval(k.on_time, 1, percent=True) for k in s.deadlines),
             f"{s.cycle.mean:.2f}"] for s in sweep.summaries]
    names = [f"{cite_articles((k.rule,), lang)}: {k.name(lang)}" for k in first.deadlines]
    return "\n".join([*table(headers, rows), "", *names, "", sweep.verdict(lang)])
