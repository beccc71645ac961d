"""Seed streams that do not depend on how often they were asked for.

`numpy.random.SeedSequence.spawn` advances a counter inside the sequence, so spawning twice from
one object gives different children. A replication's seed is reused at every load of a sweep
(common random numbers) and in whichever process runs it, so children are derived purely from
the parent's entropy and spawn key instead.
"""

from __future__ import annotations

import numpy as np


def children(seed: np.random.SeedSequence, count: int) -> list[np.random.SeedSequence]:
    """The same `count` child sequences every time, whatever was spawned from `seed` before."""
    return [np.random.SeedSequence(seed.entropy, spawn_key=(*seed.spawn_key, index), pool_size=seed.pool_size)
            for index in range(count)]


def replication_seeds(seed: int, reps: int) -> list[np.random.SeedSequence]:
    """Replication i's stream: child i of the user's seed."""
    return children(np.random.SeedSequence(seed), reps)
