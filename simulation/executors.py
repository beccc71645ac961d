"""Where replications run: this process, local worker processes (``--jobs N``) or a Dask cluster
(``--dask tcp://HOST:PORT`` for an existing one, ``--dask local`` for a `LocalCluster` on this machine).

Every task carries its own seeds, so results never depend on the executor or on the order tasks
finish in; `completed` yields each result as it arrives (for progress and files), `run_all`
returns them in task order. Dask is an optional extra (``pip install 'govcal[cluster]'``), imported only
when asked for. No network connection is opened except to the scheduler the user names; a local
cluster listens on the loopback interface only.
"""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any, TypeVar

from scheduler.errors import InputError, Problem

Task = TypeVar("Task")
Result = TypeVar("Result")
LOCAL = "local"
CONNECT_TIMEOUT = "10s"


def default_jobs() -> int:
    """Worker processes when the user names none: at most two, never more than the machine's cores."""
    return max(1, min(2, os.cpu_count() or 1))


@dataclass(frozen=True, slots=True)
class ExecutorSpec:
    """`jobs` processes (or, with `dask` "local", that many single-threaded Dask workers); `dask` a
    scheduler address, "local", or None for local processes."""

    jobs: int = 1
    dask: str | None = None


def parse_dask(value: str | None) -> str | None:
    """``local`` or a scheduler address (``tcp://HOST:PORT``, ``tls://…``, ``HOST:PORT``); else an input problem."""
    if value is None:
        return None
    text = value.strip()
    if text == LOCAL or ("://" in text and text.split("://", 1)[1]) or (":" in text and "://" not in text):
        return text
    raise InputError([Problem("<command line>", "--dask", "agenda.bad_dask", {"value": value})])


def completed(function: Callable[[Task], Result], tasks: Sequence[Task],
              spec: ExecutorSpec) -> Iterator[tuple[int, Result]]:
    """(task index, result) of `function` over `tasks` on the executor `spec` names, as each finishes."""
    if spec.dask is not None:
        yield from _dask_completed(function, tasks, spec)
    elif spec.jobs <= 1 or len(tasks) <= 1:
        for index, task in enumerate(tasks):
            yield index, function(task)
    else:
        # forkserver: workers fork from a fresh server process that has imported the function's module
        # once (so a pool starts in a fraction of a second), never from this process, whose solver or
        # Dask threads a fork could catch mid-flight.
        context = get_context("forkserver")
        context.set_forkserver_preload([function.__module__])
        with ProcessPoolExecutor(max_workers=spec.jobs, mp_context=context) as pool:
            futures = {pool.submit(_reported, function, task): index for index, task in enumerate(tasks)}
            for future in as_completed(futures):
                yield futures[future], future.result()


class TaskFailed(RuntimeError):
    """A task raised: its exception's type, text and traceback, as one picklable message (some
    exceptions cannot travel back from a worker; their arguments do not fit their constructor)."""


def _reported(function: Callable[[Task], Result], task: Task) -> Result:
    try:
        return function(task)
    except Exception as error:
        raise TaskFailed(f"{type(error).__name__}: {error}\n{traceback.format_exc()}") from None


def run_all(function: Callable[[Task], Result], tasks: Sequence[Task], spec: ExecutorSpec) -> list[Result]:
    """`function` over `tasks` on the executor `spec` names; results in task order."""
    results: list[Any] = [None] * len(tasks)
    for index, result in completed(function, tasks, spec):
        results[index] = result
    return results


def _dask_completed(function: Callable[[Task], Result], tasks: Sequence[Task],
                    spec: ExecutorSpec) -> Iterator[tuple[int, Result]]:
    try:
        import distributed
    except ImportError:
        raise InputError([Problem("<command line>", "--dask", "agenda.no_dask", {})]) from None
    cluster = None
    try:
        if spec.dask == LOCAL:
            cluster = distributed.LocalCluster(n_workers=max(1, spec.jobs), threads_per_worker=1, processes=True,
                                               host="127.0.0.1", dashboard_address=None,
                                               silence_logs=logging.ERROR)
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(spec.dask, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as error:
        if cluster is not None:
            cluster.close()
        raise InputError([Problem("<command line>", "--dask", "agenda.dask_unreachable",
                                  {"address": spec.dask, "reason": str(error) or type(error).__name__})]) from None
    try:
        futures = client.map(_reported, [function] * len(tasks), list(tasks), pure=False)
        position = {future.key: index for index, future in enumerate(futures)}
        for future, result in distributed.as_completed(futures, with_results=True):
            yield position[future.key], result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
