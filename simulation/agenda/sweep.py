"""The agenda-load what-if end to end: validate, fan (load, replication) tasks out to an executor,
summarise per load (DESIGN §8).

Everything a task needs is checked here first (the ``flow.agenda`` and ``flow`` parameters, the
calendar covering the months), so a bad input stops before any work is sent out, with its field path.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import replace

from scheduler.calendar import CalendarRangeError, calendar_for
from scheduler.domain import Scenario
from scheduler.errors import InputError, Problem
from scheduler.i18n import Lang
from scheduler.period import month_bounds
from scheduler.scenario import scenario_to_mapping
from simulation.agenda.cycle import AgendaReplication, AgendaTask, run_agenda_replication
from simulation.agenda.generator import month_label, month_list
from simulation.agenda.params import AgendaParams, agenda_params
from simulation.agenda.report import AgendaSweep, summarise_load
from simulation.executors import ExecutorSpec, completed
from simulation.flow.params import flow_params

DEFAULT_MONTHS = 12
DEFAULT_REPS = 10
DEFAULT_TARGET_DAYS = 30
DEFAULT_TARGET = 0.8
# Seconds of planning per month. The default scenario's months solve to optimality in about a second
# at load 1; overloaded months (a growing backlog) use the whole limit.
DEFAULT_MONTH_TIME_LIMIT = 3.0

LoadProgress = Callable[[int, int, int], None]  # (load index, replications done at that load, reps)
KeepPlan = Callable[[str, bytes], None]  # (relative path, file bytes)


def check_inputs(scenario: Scenario, months: int) -> AgendaParams:
    """The agenda parameters, after checking everything a replication will need; raises `InputError`."""
    params = agenda_params(scenario)
    flow_params({key: value for key, value in scenario.flow.items() if key != "agenda"}, scenario.source)
    span = month_list(params.start, months)
    first, last = month_bounds(*span[0])[0], month_bounds(*span[-1])[1]
    try:
        calendar = calendar_for(scenario.calendar, (first.year, last.year))
        known = (calendar.first, calendar.last)
    except CalendarRangeError as error:
        known = (error.first, error.last)
    if not (known[0] <= first and last <= known[1]):
        raise InputError([Problem("<command line>", "--months", "agenda.outside_calendar", {
            "first": month_label(span[0]), "last": month_label(span[-1]),
            "calendar_first": known[0].isoformat(), "calendar_last": known[1].isoformat()})])
    return params


def agenda_tasks(scenario: Scenario, loads: Sequence[float], reps: int, seed: int, months: int,
                 month_time_limit: float, keep_plans: bool = False, lang: Lang = "zh") -> list[AgendaTask]:
    """Every (load, replication) task, load by load; replication r has the same streams at every load."""
    mapping = scenario_to_mapping(scenario)
    key = hashlib.sha256(json.dumps(mapping, default=str, sort_keys=True).encode("utf-8")).hexdigest()
    return [AgendaTask(mapping, key, scenario.source, load, load_index, rep, seed, months, month_time_limit,
                       keep_plans, lang)
            for load_index, load in enumerate(loads) for rep in range(reps)]


def run_agenda_whatif(scenario: Scenario, loads: Sequence[float], *, months: int = DEFAULT_MONTHS,
                      reps: int = DEFAULT_REPS, seed: int = 1, executor: ExecutorSpec | None = None,
                      month_time_limit: float = DEFAULT_MONTH_TIME_LIMIT, target_days: int = DEFAULT_TARGET_DAYS,
                      target: float = DEFAULT_TARGET, keep_plan: KeepPlan | None = None,
                      progress: LoadProgress | None = None, lang: Lang = "zh") -> AgendaSweep:
    """Run the sweep; `keep_plan` receives each month's scenario YAML and plan JSON as they come back."""
    params = check_inputs(scenario, months)
    loads = tuple(sorted(set(loads)))
    tasks = agenda_tasks(scenario, loads, reps, seed, months, month_time_limit, keep_plan is not None, lang)
    done = [0] * len(loads)
    by_task: dict[int, AgendaReplication] = {}
    for index, result in completed(run_agenda_replication, tasks, executor or ExecutorSpec()):
        if keep_plan is not None:
            for path, data in result.kept:
                keep_plan(path, data)
        by_task[index] = replace(result, kept=())  # written: no need to hold a sweep's files in memory
        done[result.load_index] += 1
        if progress is not None:
            progress(result.load_index, done[result.load_index], reps)
    results = [by_task[index] for index in range(len(tasks))]
    summaries = tuple(summarise_load(load, results[i * reps:(i + 1) * reps], target_days)
                      for i, load in enumerate(loads))
    return AgendaSweep(scenario=scenario.name, start=month_label(params.start),
                       months=tuple(month_label(m) for m in month_list(params.start, months)), reps=reps, seed=seed,
                       month_time_limit=month_time_limit, target_days=target_days, target=target, loads=summaries,
                       params=params.to_json())
