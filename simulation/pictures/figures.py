"""What every what-if picture shares: a figure without pyplot state, figures measured at a few loads
drawn as points with their 95% intervals, the breaking point marked and named, shares in percent.

A load sweep measures the loads asked for and nothing between them, so a line joining the points (or
a band filled between them) would draw values nobody measured: each series is markers with error
bars, with its own marker shape and a small sideways offset so that series with equal values stay
apart. Used by `simulation.pictures.flow` (document flow) and `simulation.pictures.agenda` (agenda load).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from scheduler.i18n import Lang, t
from simulation.pictures.fonts import use_cjk_font

SIZE = (8.0, 4.5)
BREAK_COLOUR = "#c44e52"
MARKERS = ("o", "s", "^", "D", "v", "P")
DODGE = 0.06  # sideways offset between series, as a share of the smallest gap between loads


def new_figure(size: tuple[float, float] = SIZE, panels: int = 1, *, sharey: bool = False
               ) -> tuple[Figure, list[Axes]]:
    """A constrained-layout figure with `panels` side by side (on one y scale with `sharey`); CJK
    labels render."""
    use_cjk_font()
    figure = Figure(figsize=size, layout="constrained")
    return figure, list(figure.subplots(1, panels, sharey=sharey, squeeze=False)[0])


def points_at_loads(axes: Axes, loads: Sequence[float], means: Sequence[float],
                    lows: Sequence[float] | None = None, highs: Sequence[float] | None = None, *,
                    series: int = 0, of: int = 1, label: str | None = None, colour: str | None = None) -> None:
    """Series number `series` of `of` on these axes: a marker at each load measured, error bars from
    `lows` to `highs` (its 95% interval) when given, and no line between the loads."""
    x = np.asarray(loads, dtype=float) + _offset(loads, series, of)
    y = np.asarray(means, dtype=float)
    errors = None
    if lows is not None and highs is not None:
        # NaN (no cases at that load) draws no bar; an interval never extends to the other side of its mean.
        below = np.clip(y - np.asarray(lows, dtype=float), 0.0, None)
        above = np.clip(np.asarray(highs, dtype=float) - y, 0.0, None)
        errors = np.vstack([below, above])
    axes.errorbar(x, y, yerr=errors, fmt=MARKERS[series % len(MARKERS)], linestyle="none", capsize=4,
                  markersize=7, color=colour, label=label)


def _offset(loads: Sequence[float], series: int, of: int) -> float:
    gaps = np.diff(sorted(set(loads)))
    spacing = float(gaps.min()) if len(gaps) else 1.0
    return (series - (of - 1) / 2) * DODGE * spacing


def load_axis(axes: Axes, loads: Sequence[float], lang: Lang) -> None:
    """Ticks at the loads measured (×1, ×2, …), and only there."""
    axes.set_xticks(list(loads), [f"×{load:g}" for load in loads])
    axes.set_xlabel(t("sim.col.load", lang))
    gaps = np.diff(sorted(set(loads)))
    margin = 0.3 * (float(gaps.min()) if len(gaps) else 1.0)
    axes.set_xlim(min(loads) - margin, max(loads) + margin)


def mark_breaking_point(axes: Axes, load: float | None, lang: Lang) -> None:
    """A dotted vertical line at the breaking load, named above the frame ("临界负荷 ×2") on a top axis
    of its own: there the name never hides a point and no legend hides the name."""
    if load is None:
        return
    axes.axvline(load, color=BREAK_COLOUR, linestyle=":")
    top = axes.secondary_xaxis("top")
    top.set_xticks([load], [t("sim.plot.breaking", lang, load=f"{load:g}")], color=BREAK_COLOUR, fontsize="small")
    top.tick_params(axis="x", colors=BREAK_COLOUR, length=3)


def percent_axis(axes: Axes) -> None:
    """Shares (0..1) read as percentages on the y axis."""
    axes.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
