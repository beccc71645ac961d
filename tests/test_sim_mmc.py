"""The reduced model (one station, no calendar or routing) against queueing theory."""

from __future__ import annotations

import pytest

from scheduler.errors import InputError
from simulation.flow.mmc import erlang_c, erlang_c_wq, validate_mmc
from simulation.stats import mean_ci, t_quantile


def test_erlang_c_known_values() -> None:
    assert erlang_c(1, 0.8) == pytest.approx(0.8)  # M/M/1: P(wait) = rho
    assert erlang_c(2, 1.0) == pytest.approx(1 / 3)
    assert erlang_c_wq(0.8, 1.0, 1) == pytest.approx(4.0)  # rho / (mu - lambda)


def test_simulated_wait_matches_erlang_c() -> None:
    """rho = 2/3 on three servers: within the 95% interval and 5% of the formula."""
    result = validate_mmc(2.0, 1.0, 3, reps=10, seed=4, customers=15000, warmup=1500)
    assert result.rho <= 0.8
    assert result.wq.low <= result.erlang_c_wq <= result.wq.high
    assert abs(result.wq.mean - result.erlang_c_wq) / result.erlang_c_wq < 0.05
    assert result.to_json()["format"] == "govcal.sim.mmc/1"


def test_unstable_queue_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        validate_mmc(3.0, 1.0, 3)
    assert caught.value.problems[0].key == "sim.unstable_mmc"


def test_student_t_quantiles_and_interval() -> None:
    for dof, table_value in ((1, 12.706), (4, 2.776), (9, 2.262), (19, 2.093), (60, 2.000)):
        assert t_quantile(0.95, dof) == pytest.approx(table_value, abs=1e-3)
    estimate = mean_ci([1.0, 2.0, 3.0, 4.0])
    assert estimate.mean == 2.5
    assert estimate.half_width == pytest.approx(3.182 * 1.2910 / 2, rel=1e-3)
    assert mean_ci([float("nan"), 2.0]).n == 1
