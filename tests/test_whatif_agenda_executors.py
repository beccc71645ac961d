"""The same seed gives the same numbers in this process, in two worker processes and on a local Dask
cluster of two single-threaded workers: every task carries its own seeds."""

from __future__ import annotations

from typing import Any

import pytest
from whatif_agenda_fixtures import MONTH_TIME_LIMIT, whatif_scenario

from simulation.agenda.report import AgendaSweep, sweep_to_json
from simulation.agenda.sweep import run_agenda_whatif
from simulation.executors import ExecutorSpec, TaskFailed, run_all

TIMINGS = ("plan_seconds", "replication_seconds")


def _numbers(sweep: AgendaSweep) -> dict[str, Any]:
    """The JSON without the wall-clock figures, plus every replication's raw outcomes."""
    document = sweep_to_json(sweep, "en")
    for entry in document["loads"]:
        for key in TIMINGS:
            entry.pop(key)
    document["raw"] = [[(r.rep, r.arrived, r.heard, r.lead_days.tolist(), r.pending_age.tolist(), r.art45,
                         [(m.month, m.status, m.backlog, m.meetings, m.leader_minutes, m.deferred, m.rejected)
                          for m in r.months]) for r in summary.replications] for summary in sweep.loads]
    return document


def _sweep(executor: ExecutorSpec) -> dict[str, Any]:
    return _numbers(run_agenda_whatif(whatif_scenario(), (1.0, 2.0), months=2, reps=2, seed=11, executor=executor,
                                      month_time_limit=MONTH_TIME_LIMIT))


def test_same_seed_same_numbers_on_every_executor() -> None:
    pytest.importorskip("distributed")
    alone = _sweep(ExecutorSpec(jobs=1))
    assert _sweep(ExecutorSpec(jobs=2)) == alone
    assert _sweep(ExecutorSpec(jobs=2, dask="local")) == alone
    assert alone["raw"][1][0][1] > alone["raw"][0][0][1]  # and the loads did differ


def _fails(task: int) -> int:
    if task == 1:
        raise ValueError("task one is bad")
    return task


def test_a_worker_failure_comes_back_as_its_message() -> None:
    with pytest.raises(TaskFailed, match="ValueError: task one is bad"):
        run_all(_fails, [0, 1, 2], ExecutorSpec(jobs=2))
