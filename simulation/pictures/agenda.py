"""Pictures of the agenda-load what-if: lead time and backlog against load, backlog by month per load,
standing meetings per month. Built like `simulation.pictures.flow` (no pyplot state; CJK labels render); the
figures against load share its points-at-measured-loads helpers (`simulation.pictures.figures`)."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.figure import Figure

from scheduler.i18n import Lang, t
from simulation.agenda.report import AgendaSweep
from simulation.pictures.figures import SIZE, load_axis, mark_breaking_point, new_figure, points_at_loads

WIDE = (11.0, 4.5)
COLOUR = "#4c72b0"
P90_COLOUR = "#55a868"


def load_curves(sweep: AgendaSweep, lang: Lang = "zh") -> Figure:
    """Two panels: mean lead time (and p90) against load, backlog at the end against load: points at
    the loads measured with their 95% intervals, the breaking point marked and named."""
    figure, (lead_axes, backlog_axes) = new_figure(WIDE, 2)
    loads = [s.load for s in sweep.loads]
    points_at_loads(lead_axes, loads, [s.lead.mean for s in sweep.loads], [s.lead.low for s in sweep.loads],
                    [s.lead.high for s in sweep.loads], series=0, of=2, colour=COLOUR,
                    label=t("agenda.col.lead", lang))
    points_at_loads(lead_axes, loads, [s.lead_p90 for s in sweep.loads], series=1, of=2, colour=P90_COLOUR,
                    label=t("agenda.col.p90", lang))
    lead_axes.axhline(sweep.target_days, color="#999999", linestyle=":",
                      label=t("agenda.col.within", lang, days=sweep.target_days))
    lead_axes.set_title(t("agenda.plot.lead", lang))
    lead_axes.set_ylabel(t("agenda.plot.lead_y", lang))
    ends = [s.backlog_by_month[-1] for s in sweep.loads]
    points_at_loads(backlog_axes, loads, [e.mean for e in ends], [e.low for e in ends], [e.high for e in ends],
                    colour=COLOUR)
    backlog_axes.set_title(t("agenda.plot.backlog", lang))
    backlog_axes.set_ylabel(t("agenda.plot.backlog_y", lang))
    breaking, _ = sweep.breaking_point()
    for axes in (lead_axes, backlog_axes):
        load_axis(axes, loads, lang)
        mark_breaking_point(axes, breaking, lang)
    lead_axes.legend(loc="upper left", fontsize="small")
    return figure


def backlog_by_month(sweep: AgendaSweep, lang: Lang = "zh") -> Figure:
    """One panel per load (a shared scale): the backlog at each month's end, every replication thin,
    their mean with its 95% band bold."""
    count = len(sweep.loads)
    figure, panels = new_figure((max(SIZE[0], 3.2 * count), SIZE[1]), count, sharey=True)
    months = np.arange(len(sweep.months))
    for axes, summary in zip(panels, sweep.loads, strict=True):
        for rep in summary.replications:
            axes.plot(months, [m.backlog for m in rep.months], color="#999999", linewidth=0.6, alpha=0.6)
        axes.plot(months, [e.mean for e in summary.backlog_by_month], marker="o", markersize=3, color=COLOUR)
        if summary.reps > 1:
            axes.fill_between(months, [e.low for e in summary.backlog_by_month],
                              [e.high for e in summary.backlog_by_month], alpha=0.25, color=COLOUR)
        axes.set_title(t("agenda.plot.load", lang, load=f"{summary.load:g}"))
        axes.set_xlabel(t("agenda.plot.month", lang))
        _month_axis(axes, sweep)
    panels[0].set_ylabel(t("agenda.plot.backlog_y", lang))
    figure.suptitle(t("agenda.plot.by_month", lang))
    return figure


def meetings_per_month(sweep: AgendaSweep, lang: Lang = "zh") -> Figure:
    """Meetings held per month by kind, one stacked bar per load (standing meetings at the bottom,
    with their 95% interval)."""
    figure, (axes,) = new_figure()
    positions = np.arange(len(sweep.loads))
    kinds = list(dict.fromkeys(["standing", *(k for s in sweep.loads for k in s.meetings_per_month)]))
    bottom = np.zeros(len(sweep.loads))
    for kind in kinds:
        heights = np.array([s.meetings_per_month.get(kind, 0.0) for s in sweep.loads])
        errors = None
        if kind == "standing":
            errors = [[s.standing_per_month.mean - _finite(s.standing_per_month.low, s.standing_per_month.mean)
                       for s in sweep.loads],
                      [_finite(s.standing_per_month.high, s.standing_per_month.mean) - s.standing_per_month.mean
                       for s in sweep.loads]]
        axes.bar(positions, heights, bottom=bottom, width=0.6, yerr=errors, capsize=5, label=t(f"kind.{kind}", lang))
        bottom += heights
    axes.set_xticks(positions, [f"×{s.load:g}" for s in sweep.loads])
    axes.set_xlabel(t("agenda.plot.x", lang))
    axes.set_ylabel(t("agenda.plot.meetings_y", lang))
    axes.set_title(t("agenda.plot.meetings", lang))
    axes.legend(loc="upper left", fontsize="small")
    return figure


def _finite(value: float, fallback: float) -> float:
    return fallback if math.isnan(value) else value


def _month_axis(axes: object, sweep: AgendaSweep) -> None:
    step = max(1, len(sweep.months) // 6)
    ticks = list(range(0, len(sweep.months), step))
    axes.set_xticks(ticks, [sweep.months[i] for i in ticks], rotation=45, ha="right", fontsize="small")
