"""Replications in parallel processes, each with its own seed stream.

Replication i always gets child i of ``SeedSequence(seed)`` (`simulation.seeds`), whichever process runs it
and however many processes there are, so ``--jobs`` never changes a number. A sweep gives every
load the same children: common random numbers, so differences between loads are not noise.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context

from simulation.inputs import FlowInputs
from simulation.model import Replication, run_replication
from simulation.seeds import replication_seeds

Progress = Callable[[int, int], None]  # (done, total)


def default_jobs() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def run_tasks(inputs: FlowInputs, tasks: Sequence[tuple[float, int]], seed: int, jobs: int,
              progress: Progress | None = None) -> list[Replication]:
    """Run (load, replication index) tasks; results come back in task order."""
    reps = 1 + max((index for _, index in tasks), default=0)
    seeds = replication_seeds(seed, reps)
    results: list[Replication | None] = [None] * len(tasks)
    if jobs <= 1 or len(tasks) <= 1:
        for position, (load, index) in enumerate(tasks):
            results[position] = run_replication(inputs, load, seeds[index])
            if progress:
                progress(position + 1, len(tasks))
    else:
        # fork: workers inherit the imported modules, so a pool starts in milliseconds.
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork")) as pool:
            futures = {pool.submit(run_replication, inputs, load, seeds[index]): position
                       for position, (load, index) in enumerate(tasks)}
            for done, future in enumerate(as_completed(futures), start=1):
                results[futures[future]] = future.result()
                if progress:
                    progress(done, len(tasks))
    return [r for r in results if r is not None]


def run_replications(inputs: FlowInputs, load: float, reps: int, seed: int, jobs: int | None = None,
                     progress: Progress | None = None) -> list[Replication]:
    """`reps` replications of the scenario at `load`."""
    return run_tasks(inputs, [(load, index) for index in range(reps)], seed, jobs or default_jobs(), progress)
