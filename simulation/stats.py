"""Output analysis over independent replications: means with Student-t 95% intervals, percentiles.

No SciPy: the t quantile comes from the exact closed form of the t distribution for integer
degrees of freedom (Abramowitz & Stegun 26.7.3-4) solved by bisection.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


def t_two_sided_mass(t: float, dof: int) -> float:
    """P(|T| <= t) for Student's t with `dof` (integer >= 1) degrees of freedom."""
    theta = math.atan(t / math.sqrt(dof))
    sin, cos2 = math.sin(theta), math.cos(theta) ** 2
    if dof % 2 == 1:
        term, total = 1.0, 0.0
        if dof > 1:
            total = 1.0
            for k in range(3, dof, 2):  # 1 + 2/3 cos^2 + 2*4/(3*5) cos^4 + ...
                term *= cos2 * (k - 1) / k
                total += term
        return (2 / math.pi) * (theta + sin * math.cos(theta) * total)
    term, total = 1.0, 1.0
    for k in range(2, dof, 2):  # 1 + 1/2 cos^2 + 1*3/(2*4) cos^4 + ...
        term *= cos2 * (k - 1) / k
        total += term
    return sin * total


def t_quantile(confidence: float, dof: int) -> float:
    """The t value with P(|T| <= t) = confidence."""
    low, high = 0.0, 1.0
    while t_two_sided_mass(high, dof) < confidence:
        high *= 2
    for _ in range(100):
        middle = (low + high) / 2
        if t_two_sided_mass(middle, dof) < confidence:
            low = middle
        else:
            high = middle
    return (low + high) / 2


@dataclass(frozen=True, slots=True)
class Estimate:
    """A mean over replications with its 95% confidence interval (a point when only one value)."""

    mean: float
    low: float
    high: float
    n: int

    @property
    def half_width(self) -> float:
        return (self.high - self.low) / 2

    def to_json(self, digits: int = 4) -> dict[str, object]:
        return {"mean": round(self.mean, digits), "ci95": [round(self.low, digits), round(self.high, digits)]}


def mean_ci(values: Sequence[float] | np.ndarray, confidence: float = 0.95,
            bounds: tuple[float, float] = (-math.inf, math.inf)) -> Estimate:
    """Mean and Student-t interval of independent replication values; NaNs (no cases) are left out.

    `bounds` clips the interval to the quantity's range (a share lies in [0, 1]).
    """
    data = np.asarray(values, dtype=float)
    data = data[~np.isnan(data)]
    if len(data) == 0:
        return Estimate(math.nan, math.nan, math.nan, 0)
    mean = float(data.mean())
    if len(data) == 1:
        return Estimate(mean, mean, mean, 1)
    half = t_quantile(confidence, len(data) - 1) * float(data.std(ddof=1)) / math.sqrt(len(data))
    return Estimate(mean, max(mean - half, bounds[0]), min(mean + half, bounds[1]), len(data))


def percentile_means(samples: Sequence[np.ndarray], quantiles: Sequence[float]) -> list[float]:
    """Each quantile computed per replication, then averaged (replications stay the unit of analysis)."""
    rows = [np.quantile(s, quantiles) for s in samples if len(s)]
    return np.mean(rows, axis=0).tolist() if rows else [math.nan] * len(quantiles)
