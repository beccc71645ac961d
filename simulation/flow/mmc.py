"""The reduced model: calendars, routing and deadlines off, one station -- an M/M/c queue.

It runs the same `simulation.flow.model.Station` the document flow uses, on a plain clock, so the
waiting time it measures checks the station against the Erlang C formula.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import simpy

from scheduler.errors import InputError, Problem
from simulation.flow.model import Station
from simulation.flow.runner import Progress
from simulation.seeds import children, replication_seeds
from simulation.stats import Estimate, mean_ci

MMC_FORMAT = "govcal.sim.mmc/1"


def erlang_c(servers: int, offered_load: float) -> float:
    """Probability that an arrival waits in M/M/c, with offered load a = lambda / mu < c."""
    if offered_load >= servers:
        return 1.0
    term, total = 1.0, 1.0  # a^k / k!, summed for k < c
    for k in range(1, servers):
        term *= offered_load / k
        total += term
    last = term * offered_load / servers * servers / (servers - offered_load)  # a^c/c! * c/(c-a)
    return last / (total + last)


def erlang_c_wq(arrival_rate: float, service_rate: float, servers: int) -> float:
    """Mean waiting time in queue of M/M/c: C(c, a) / (c mu - lambda)."""
    return erlang_c(servers, arrival_rate / service_rate) / (servers * service_rate - arrival_rate)


@dataclass(frozen=True, slots=True)
class MmcResult:
    arrival_rate: float
    service_rate: float
    servers: int
    reps: int
    seed: int
    wq: Estimate
    erlang_c_wq: float

    @property
    def rho(self) -> float:
        return self.arrival_rate / (self.servers * self.service_rate)

    def to_json(self) -> dict[str, object]:
        return {"format": MMC_FORMAT, "arrival_rate": self.arrival_rate, "service_rate": self.service_rate,
                "servers": self.servers, "rho": round(self.rho, 6), "reps": self.reps, "seed": self.seed,
                "wq": {"mean": round(self.wq.mean, 6), "ci95": [round(self.wq.low, 6), round(self.wq.high, 6)]},
                "erlang_c_wq": round(self.erlang_c_wq, 6),
                "relative_error": round(abs(self.wq.mean - self.erlang_c_wq) / self.erlang_c_wq, 6)
                if self.erlang_c_wq > 0 else None}


def mmc_replication(arrival_rate: float, service_rate: float, servers: int, customers: int, warmup: int,
                    seed: np.random.SeedSequence) -> float:
    """Mean wait in queue of customers `warmup`..`customers` in one run from empty."""
    arrival_rng, service_rng = (np.random.default_rng(s) for s in children(seed, 2))
    gaps = arrival_rng.exponential(1 / arrival_rate, customers).tolist()
    services = service_rng.exponential(1 / service_rate, customers).tolist()
    env = simpy.Environment()
    station = Station(env, servers, (0.0, math.inf), record_waits=True)

    def source() -> Generator[simpy.Event, object, None]:
        for gap, service in zip(gaps, services, strict=True):
            yield env.timeout(gap)
            env.process(station.serve(service))

    env.process(source())
    env.run()
    waits = station.waits or []
    # Waits are recorded when service starts; order them by arrival to drop the first `warmup` arrivals.
    ordered = sorted(waits)
    return float(np.mean([w for _, w in ordered[warmup:]]))


def validate_mmc(arrival_rate: float, service_rate: float, servers: int, reps: int = 20, seed: int = 1,
                 customers: int = 20000, warmup: int = 2000, progress: Progress | None = None,
                 source: str = "<command line>") -> MmcResult:
    """Simulated Wq over `reps` replications next to Erlang C's."""
    problems = []
    for name, value in (("--arrival-rate", arrival_rate), ("--service-rate", service_rate)):
        if not value > 0:
            problems.append(Problem(source, name, "sim.not_positive", {"value": value}))
    if servers < 1:
        problems.append(Problem(source, "--servers", "sim.not_positive", {"value": servers}))
    if not problems and arrival_rate >= servers * service_rate:
        problems.append(Problem(source, "--arrival-rate", "sim.unstable_mmc",
                                {"arrival": arrival_rate, "capacity": servers * service_rate}))
    if problems:
        raise InputError(problems)
    waits = []
    for index, child in enumerate(replication_seeds(seed, reps)):
        waits.append(mmc_replication(arrival_rate, service_rate, servers, customers, warmup, child))
        if progress:
            progress(index + 1, reps)
    return MmcResult(arrival_rate, service_rate, servers, reps, seed, mean_ci(waits),
                     erlang_c_wq(arrival_rate, service_rate, servers))
