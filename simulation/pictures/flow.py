"""Pictures of a simulation: cycle-time distribution, backlog over time, on-time shares, what-if.

Figures are built with `matplotlib.figure.Figure` (no pyplot state, no GUI backend) and labelled
through the message catalogue; `simulation.pictures.fonts` makes Chinese labels render.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from scheduler.i18n import Lang, t
from scheduler.rules import cite_articles
from simulation.flow.model import Replication
from simulation.flow.report import Summary
from simulation.flow.sweep import Sweep
from simulation.pictures.figures import (
    BREAK_COLOUR,
    load_axis,
    mark_breaking_point,
    new_figure,
    percent_axis,
    points_at_loads,
)
from simulation.stats import mean_ci


def cycle_distribution(replications: Sequence[Replication], lang: Lang = "zh") -> Figure:
    """Histogram of cycle times pooled over replications, with the median and 90th percentile marked."""
    figure, (axes,) = new_figure()
    pooled = np.concatenate([r.cycle_days for r in replications]) if replications else np.empty(0)
    if len(pooled):
        axes.hist(pooled, bins=60, weights=np.full(len(pooled), 1 / len(pooled)), color="#4c72b0")
        for quantile, style in ((0.5, "-"), (0.9, "--")):
            axes.axvline(float(np.quantile(pooled, quantile)), color=BREAK_COLOUR, linestyle=style,
                         label=f"p{int(quantile * 100)}")
        axes.legend()
    axes.set_title(t("sim.plot.cycle", lang))
    axes.set_xlabel(t("sim.plot.cycle_x", lang))
    axes.set_ylabel(t("sim.plot.share", lang))
    percent_axis(axes)
    return figure


def backlog_over_time(replications: Sequence[Replication], warmup_days: int, lang: Lang = "zh") -> Figure:
    """Documents in progress at the end of each day: mean over replications and a 95% band."""
    figure, (axes,) = new_figure()
    matrix = np.vstack([r.backlog for r in replications]).astype(float)
    days = np.arange(1, matrix.shape[1] + 1)
    mean = matrix.mean(axis=0)
    if len(replications) > 1:
        half = np.array([mean_ci(column).half_width for column in matrix.T])
        axes.fill_between(days, mean - half, mean + half, alpha=0.3, color="#4c72b0")
    axes.plot(days, mean, color="#4c72b0")
    axes.axvspan(0, warmup_days, color="#999999", alpha=0.15)
    axes.set_title(t("sim.plot.backlog", lang))
    axes.set_xlabel(t("sim.plot.day", lang))
    axes.set_ylabel(t("sim.plot.count", lang))
    return figure


def on_time_shares(summary: Summary, target: float, lang: Lang = "zh") -> Figure:
    """One bar per deadline with its 95% interval, and the target line."""
    figure, (axes,) = new_figure()
    kpis = [k for k in summary.deadlines if not math.isnan(k.on_time.mean)]
    labels = [f"{cite_articles((k.rule,), lang)}\n{k.name(lang)}" for k in kpis]
    means = [k.on_time.mean for k in kpis]
    errors = [[k.on_time.mean - k.on_time.low for k in kpis], [k.on_time.high - k.on_time.mean for k in kpis]]
    axes.bar(labels, means, yerr=errors, capsize=6, color="#55a868")
    axes.axhline(target, color=BREAK_COLOUR, linestyle="--", label=t("sim.plot.target", lang, target=f"{target:.0%}"))
    axes.set_ylim(0, 1.05)
    percent_axis(axes)
    axes.set_title(t("sim.plot.on_time", lang))
    axes.legend(loc="lower right")
    return figure


def whatif_curves(sweep: Sweep, lang: Lang = "zh") -> Figure:
    """On-time share of each deadline at each load measured, with its 95% interval; the target and the
    breaking point marked (`simulation.pictures.figures`: points only, no line between loads)."""
    figure, (axes,) = new_figure()
    deadlines = sweep.summaries[0].deadlines
    for series, kpi in enumerate(deadlines):
        estimates = [s.deadline(kpi.rule).on_time for s in sweep.summaries]
        points_at_loads(axes, sweep.loads, [e.mean for e in estimates], [e.low for e in estimates],
                        [e.high for e in estimates], series=series, of=len(deadlines),
                        label=f"{cite_articles((kpi.rule,), lang)} {kpi.name(lang)}")
    axes.axhline(sweep.target, color=BREAK_COLOUR, linestyle="--",
                 label=t("sim.plot.target", lang, target=f"{sweep.target:.0%}"))
    axes.set_ylim(0, 1.05)
    percent_axis(axes)
    load_axis(axes, sweep.loads, lang)
    first = sweep.breaking_point()
    mark_breaking_point(axes, None if first is None else first[1], lang)
    axes.set_ylabel(t("sim.col.on_time", lang))
    axes.set_title(t("sim.plot.whatif", lang))
    axes.legend(loc="lower left", fontsize="small")
    return figure


def save(figure: Figure, path: Path) -> Path:
    figure.savefig(path, dpi=120)
    return path
