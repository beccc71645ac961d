"""Replications of the document flow, each with its own seed stream, on `simulation.executors`.

Replication i always gets child i of ``SeedSequence(seed)`` (`simulation.seeds`), whichever process runs it
and however many processes there are, so ``--jobs`` never changes a number. A sweep gives every
load the same children: common random numbers, so differences between loads are not noise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from numpy.random import SeedSequence

from simulation.executors import ExecutorSpec, completed, default_jobs
from simulation.flow.inputs import FlowInputs
from simulation.flow.model import Replication, run_replication
from simulation.seeds import replication_seeds

Progress = Callable[[int, int], None]  # (done, total)


def _replicate(task: tuple[FlowInputs, float, SeedSequence]) -> Replication:
    return run_replication(*task)


def run_tasks(inputs: FlowInputs, tasks: Sequence[tuple[float, int]], seed: int, jobs: int,
              progress: Progress | None = None) -> list[Replication]:
    """Run (load, replication index) tasks; results come back in task order."""
    reps = 1 + max((index for _, index in tasks), default=0)
    seeds = replication_seeds(seed, reps)
    calls = [(inputs, load, seeds[index]) for load, index in tasks]
    results: list[Replication | None] = [None] * len(tasks)
    for done, (position, replication) in enumerate(completed(_replicate, calls, ExecutorSpec(jobs)), start=1):
        results[position] = replication
        if progress:
            progress(done, len(tasks))
    return [r for r in results if r is not None]


def run_replications(inputs: FlowInputs, load: float, reps: int, seed: int, jobs: int | None = None,
                     progress: Progress | None = None) -> list[Replication]:
    """`reps` replications of the scenario at `load`."""
    return run_tasks(inputs, [(load, index) for index in range(reps)], seed, jobs or default_jobs(), progress)
