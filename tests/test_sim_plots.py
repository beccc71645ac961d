"""The what-if pictures show what was measured: points at the loads run (no line or band between them),
shares in percent, series apart, and the breaking point named on the plot."""

from __future__ import annotations

import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import PercentFormatter
from test_whatif_agenda import _replication, _sweep

from scheduler.generate import generate_scenario
from simulation.flow.inputs import build_inputs
from simulation.flow.sweep import run_sweep
from simulation.pictures.agenda import load_curves
from simulation.pictures.flow import whatif_curves


def texts_drawn(figure: Figure) -> list[str]:
    FigureCanvasAgg(figure).draw()  # tick labels exist once drawn
    return [text.get_text() for text in figure.findobj(Text) if text.get_visible()]


def assert_points_only(axes: Axes, loads: int) -> None:
    """Each series is markers at the loads (a Line2D with no line style); no band fills between loads."""
    series = [line for line in axes.lines if len(line.get_xdata()) == loads]
    assert series and all(line.get_linestyle() == "None" for line in series)
    assert not any(isinstance(collection, PolyCollection) for collection in axes.collections)


@pytest.fixture(scope="module")
def sweep():
    inputs = build_inputs(generate_scenario(months=12, seed=3))
    return run_sweep(inputs, (1.0, 2.0, 3.0), reps=2, seed=4, jobs=1)


def test_whatif_draws_points_at_the_loads_in_percent_with_the_breaking_point_named(sweep) -> None:
    assert sweep.breaking_point() == ("45", 3.0)
    figure = whatif_curves(sweep, "en")
    axes = figure.axes[0]
    assert_points_only(axes, 3)
    assert isinstance(axes.yaxis.get_major_formatter(), PercentFormatter)
    # Three deadlines with on-time shares close together stay apart: own marker, own small offset.
    series = [container.lines[0] for container in axes.containers]  # the errorbars' data lines
    assert len(series) == 3 and len({line.get_marker() for line in series}) == 3
    assert len({float(line.get_xdata()[0]) for line in series}) == 3
    assert all(abs(float(line.get_xdata()[0]) - 1.0) < 0.1 for line in series)
    assert any(list(line.get_xdata()) == [3.0, 3.0] for line in axes.lines)  # the breaking-point line
    assert "breaking point x3" in texts_drawn(figure)
    assert "临界负荷 ×3" in texts_drawn(whatif_curves(sweep, "zh"))


def test_agenda_load_curves_draw_points_with_the_breaking_point_named() -> None:
    steady = [_replication([2, 3, 2, 3], [5, 10]), _replication([3, 2, 3, 2], [6, 12])]
    growing = [_replication([2, 5, 8, 11], [5, 10]), _replication([3, 6, 9, 12], [6, 12])]
    agenda_sweep = _sweep((1.0, steady), (2.0, steady), (3.0, growing))
    assert agenda_sweep.breaking_point() == (3.0, "backlog")
    figure = load_curves(agenda_sweep, "zh")
    for axes in figure.axes[:2]:
        assert_points_only(axes, 3)
    assert texts_drawn(figure).count("临界负荷 ×3") == 2  # on both panels
