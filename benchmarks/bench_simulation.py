"""Benchmarks of the document-flow simulation (issue 5). Not a test: run it by hand.

    .venv/bin/python benchmarks/bench_simulation.py [--runs 5] [--reps 20] [--jobs 2]

Measures, on the embedded default scenario (wuqia-2024):
- seconds per simulated county-year replication at load 1 and 3 (median of --runs);
- SimPy events per second in those replications;
- the same M/M/c queue in SimPy (the model's own Station) and in a minimal heapq event loop, as a ratio;
- a 4-load x --reps sweep end to end with --jobs processes.
"""

from __future__ import annotations

import argparse
import heapq
import os
import platform
import statistics
import time
from collections import deque

import numpy as np
import simpy

from scheduler.scenario import load_scenario
from simulation.flow.inputs import build_inputs
from simulation.flow.mmc import erlang_c_wq, mmc_replication
from simulation.flow.model import FlowModel, measure
from simulation.flow.sweep import run_sweep
from simulation.seeds import children, replication_seeds


class CountingEnvironment(simpy.Environment):
    """A SimPy environment that counts the events it processes."""

    def __init__(self) -> None:
        super().__init__()
        self.processed = 0

    def step(self) -> None:
        self.processed += 1
        super().step()


def county_year(inputs, load: float, runs: int) -> tuple[float, float]:
    """Median seconds per replication (generation + run + measurement) and events per second of the run."""
    seconds, rates = [], []
    for seed in replication_seeds(100, runs):
        start = time.perf_counter()
        env = CountingEnvironment()
        model = FlowModel(inputs, load, seed, env)
        ran = time.perf_counter()
        model.run()
        finished = time.perf_counter()
        measure(model)
        seconds.append(time.perf_counter() - start)
        rates.append(env.processed / (finished - ran))
    return statistics.median(seconds), statistics.median(rates)


def heapq_mmc(arrival_rate: float, service_rate: float, servers: int, customers: int, warmup: int,
              seed: np.random.SeedSequence) -> float:
    """The same M/M/c (same random numbers) as a bare event loop: a heap of departures and a FIFO queue."""
    arrival_rng, service_rng = (np.random.default_rng(s) for s in children(seed, 2))
    arrivals = np.cumsum(arrival_rng.exponential(1 / arrival_rate, customers)).tolist()
    services = service_rng.exponential(1 / service_rate, customers).tolist()
    departures: list[float] = []
    waiting: deque[int] = deque()
    waits = [0.0] * customers
    free = servers
    index = 0
    while index < customers or departures:
        if index < customers and (not departures or arrivals[index] < departures[0]):
            now = arrivals[index]
            if free:
                free -= 1
                heapq.heappush(departures, now + services[index])
            else:
                waiting.append(index)
            index += 1
        else:
            now = heapq.heappop(departures)
            if waiting:
                customer = waiting.popleft()
                waits[customer] = now - arrivals[customer]
                heapq.heappush(departures, now + services[customer])
            else:
                free += 1
    return float(np.mean(waits[warmup:]))


def compare_mmc(runs: int) -> dict[str, float]:
    arrival, service, servers, customers, warmup = 4.0, 1.0, 5, 50000, 5000
    simpy_times, heap_times, simpy_wq, heap_wq = [], [], [], []
    for seed in replication_seeds(7, runs):
        start = time.perf_counter()
        simpy_wq.append(mmc_replication(arrival, service, servers, customers, warmup, seed))
        simpy_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        heap_wq.append(heapq_mmc(arrival, service, servers, customers, warmup, seed))
        heap_times.append(time.perf_counter() - start)
    return {"customers": customers, "simpy_s": statistics.median(simpy_times),
            "heapq_s": statistics.median(heap_times),
            "ratio": statistics.median(simpy_times) / statistics.median(heap_times),
            "simpy_wq": float(np.mean(simpy_wq)), "heapq_wq": float(np.mean(heap_wq)),
            "erlang_c_wq": erlang_c_wq(arrival, service, servers)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    inputs = build_inputs(load_scenario(None))
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, SimPy {simpy.__version__}")
    for load in (1.0, 3.0):
        seconds, rate = county_year(inputs, load, args.runs)
        print(f"county-year replication, load {load:g}: {seconds:.3f} s (median of {args.runs}), "
              f"{rate:,.0f} SimPy events/s")
    mmc = compare_mmc(args.runs)
    print(f"M/M/5 rho=0.8, {mmc['customers']} customers: SimPy {mmc['simpy_s']:.3f} s, heapq {mmc['heapq_s']:.3f} s, "
          f"ratio {mmc['ratio']:.1f}x; Wq SimPy {mmc['simpy_wq']:.4f}, heapq {mmc['heapq_wq']:.4f}, "
          f"Erlang C {mmc['erlang_c_wq']:.4f}")
    start = time.perf_counter()
    sweep = run_sweep(inputs, (1.0, 1.5, 2.0, 3.0), args.reps, seed=1, jobs=args.jobs)
    print(f"sweep 4 loads x {args.reps} reps, {args.jobs} jobs: {time.perf_counter() - start:.1f} s end to end; "
          f"{sweep.verdict('en')}")


if __name__ == "__main__":
    main()
