"""Replications -> the KPIs of DESIGN §6: the ``govcal.sim/1`` JSON and the terminal table."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from scheduler.domain import ROLES
from scheduler.i18n import Lang, t
from scheduler.rules import cite_articles, cite_suffix
from simulation.flow.inputs import FlowInputs
from simulation.flow.model import DEADLINE_RULES, Replication
from simulation.flow.params import KINDS
from simulation.stats import Estimate, mean_ci, percentile_means

SIM_FORMAT = "govcal.sim/1"


@dataclass(frozen=True, slots=True)
class DeadlineKpi:
    rule: str  # article number
    limit: int  # working days (Art. 45, 54) or calendar days (Art. 52)
    on_time: Estimate
    count: float  # mean cases per replication

    def name(self, lang: Lang) -> str:
        return t(f"sim.deadline.{self.rule}", lang, days=self.limit)


@dataclass(frozen=True, slots=True)
class Summary:
    scenario: str
    load: float
    reps: int
    seed: int
    horizon_days: int
    warmup_days: int
    arrived: float
    completed: float
    in_progress: float
    throughput: Estimate
    wip: Estimate
    cycle: Estimate
    cycle_p50: float
    cycle_p90: float
    cycle_by_kind: dict[str, Estimate]
    deadlines: tuple[DeadlineKpi, ...]
    silent_replies: float
    stand_ins: float
    signed_by: dict[str, dict[str, Estimate]]  # kind -> signer's role -> documents per replication
    utilisation: dict[str, float]

    def deadline(self, rule: str) -> DeadlineKpi:
        return next(d for d in self.deadlines if d.rule == rule)


def deadline_limits(inputs: FlowInputs) -> dict[str, int]:
    return {"45": inputs.issue_within_working_days, "54": inputs.cosign_reply_working_days,
            "52": inputs.filing_within_days}


def signed_by_role(replications: Sequence[Replication]) -> dict[str, dict[str, Estimate]]:
    """Per kind, the roles that signed any of its documents, in the order of `ROLES`, as means over
    replications (a replication where a role signed none counts 0)."""
    summary: dict[str, dict[str, Estimate]] = {}
    for kind in KINDS:
        seen = {role for r in replications for role in r.signed_by[kind]}
        summary[kind] = {role: mean_ci([r.signed_by[kind].get(role, 0) for r in replications], bounds=(0.0, math.inf))
                         for role in ROLES if role in seen}
    return summary


def summarise(inputs: FlowInputs, load: float, seed: int, replications: Sequence[Replication]) -> Summary:
    """Means over replications with 95% intervals; percentiles averaged over replications."""
    def mean_of(values: list[float]) -> float:
        return float(np.mean(values)) if values else math.nan

    limits = deadline_limits(inputs)
    deadlines = []
    for rule in DEADLINE_RULES:
        outcomes = [r.deadlines[rule] for r in replications]
        shares = [on_time / count if count else math.nan for count, on_time in outcomes]
        on_time = mean_ci(shares, bounds=(0.0, 1.0))
        deadlines.append(DeadlineKpi(rule, limits[rule], on_time, mean_of([c for c, _ in outcomes])))
    p50, p90 = percentile_means([r.cycle_days for r in replications], [0.5, 0.9])
    resources = list(replications[0].utilisation) if replications else []
    return Summary(
        scenario=inputs.scenario_name, load=load, reps=len(replications), seed=seed,
        horizon_days=inputs.params.horizon_days, warmup_days=inputs.params.warmup_days,
        arrived=mean_of([r.arrived for r in replications]),
        completed=mean_of([r.completed for r in replications]),
        in_progress=mean_of([r.in_progress for r in replications]),
        throughput=mean_ci([r.throughput_per_day for r in replications]),
        wip=mean_ci([r.wip_mean for r in replications]),
        cycle=mean_ci([float(r.cycle_days.mean()) if len(r.cycle_days) else math.nan for r in replications]),
        cycle_p50=p50, cycle_p90=p90,
        cycle_by_kind={kind: mean_ci([r.cycle_by_kind[kind] for r in replications]) for kind in KINDS},
        deadlines=tuple(deadlines),
        silent_replies=mean_of([r.silent_replies for r in replications]),
        stand_ins=mean_of([r.stand_ins for r in replications]),
        signed_by=signed_by_role(replications),
        utilisation={name: mean_of([r.utilisation[name] for r in replications]) for name in resources},
    )


def _number(value: float, digits: int = 4) -> float | None:
    return None if math.isnan(value) else round(value, digits)


def summary_to_json(summary: Summary, lang: Lang = "zh") -> dict[str, object]:
    """The ``govcal.sim/1`` document (DESIGN §6); undefined figures (no cases) are null."""
    def estimate(e: Estimate) -> dict[str, object]:
        return {"mean": _number(e.mean), "ci95": [_number(e.low), _number(e.high)]}

    deadlines = []
    for kpi in summary.deadlines:
        entry: dict[str, object] = {"rule": kpi.rule, "name": kpi.name(lang), "limit": kpi.limit,
                                    "on_time": estimate(kpi.on_time), "count": _number(kpi.count, 2)}
        if kpi.rule == "54":
            entry["silent_as_no_objection"] = _number(summary.silent_replies, 2)
        deadlines.append(entry)
    return {
        "format": SIM_FORMAT,
        "scenario": summary.scenario, "load": summary.load, "reps": summary.reps, "seed": summary.seed,
        "horizon_days": summary.horizon_days, "warmup_days": summary.warmup_days,
        "documents": {"arrived": _number(summary.arrived, 2), "completed": _number(summary.completed, 2),
                      "in_progress": _number(summary.in_progress, 2)},
        "throughput_per_day": estimate(summary.throughput),
        "wip_mean": estimate(summary.wip),
        "cycle_days": {"mean": _number(summary.cycle.mean), "p50": _number(summary.cycle_p50),
                       "p90": _number(summary.cycle_p90),
                       "ci95": [_number(summary.cycle.low), _number(summary.cycle.high)]},
        "cycle_days_by_kind": {kind: estimate(e) for kind, e in summary.cycle_by_kind.items()},
        "deadlines": deadlines,
        "utilisation": {name: _number(value) for name, value in summary.utilisation.items()},
        "head_absent_signed_by_executive": _number(summary.stand_ins, 2),
        # DESIGN §6 gives signed_by as plain means; their intervals sit beside them, in the same shape.
        "signed_by": {kind: {role: _number(e.mean, 2) for role, e in roles.items()}
                      for kind, roles in summary.signed_by.items()},
        "signed_by_ci95": {kind: {role: [_number(e.low, 2), _number(e.high, 2)] for role, e in roles.items()}
                           for kind, roles in summary.signed_by.items()},
    }


def format_interval(e: Estimate, digits: int = 2, percent: bool = False) -> str:
    if math.isnan(e.mean):
        return "—"
    scale, unit = (100, "%") if percent else (1, "")
    return f"{e.mean * scale:.{digits}f}{unit} [{e.low * scale:.{digits}f}, {e.high * scale:.{digits}f}]"


TableFormatter = Callable[[Sequence[str], Sequence[Sequence[str]]], list[str]]


def plain_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows joined with bars; the CLI passes its width-aware formatter instead."""
    return [" | ".join(headers), *(" | ".join(row) for row in rows)]


def summary_table(summary: Summary, lang: Lang = "zh", resource_names: dict[str, str] | None = None,
                  table: TableFormatter = plain_table) -> str:
    """The terminal view: headline KPIs, one row per deadline, utilisation of each resource."""
    names = {"office": t("sim.resource.office", lang), "justice": t("sim.resource.justice", lang),
             **(resource_names or {})}
    lines = [
        t("sim.title", lang, scenario=summary.scenario, load=f"{summary.load:g}", reps=summary.reps,
          seed=summary.seed),
        t("sim.window", lang, horizon=summary.horizon_days, warmup=summary.warmup_days),
        t("sim.documents", lang, arrived=f"{summary.arrived:.1f}", completed=f"{summary.completed:.1f}",
          in_progress=f"{summary.in_progress:.1f}"),
        f"  {t('sim.throughput', lang)}: {format_interval(summary.throughput)}",
        f"  {t('sim.wip', lang)}: {format_interval(summary.wip)}",
        f"  {t('sim.cycle', lang)}: {format_interval(summary.cycle)}  "
        + t("sim.percentiles", lang, p50=f"{summary.cycle_p50:.2f}", p90=f"{summary.cycle_p90:.2f}"),
        "    " + ", ".join(f"{t(f'sim.kind.{kind}', lang)} {format_interval(e)}"
                           for kind, e in summary.cycle_by_kind.items()),
        "",
    ]
    headers = [t("sim.col.deadline", lang), t("sim.col.on_time", lang), t("sim.col.count", lang)]
    rows = [[f"{cite_articles((k.rule,), lang)} {k.name(lang)}", format_interval(k.on_time, 1, percent=True),
             f"{k.count:.1f}"] for k in summary.deadlines]
    lines += ["  " + line for line in table(headers, rows)]
    lines.append("  " + t("sim.silent", lang, count=f"{summary.silent_replies:.1f}"))
    lines.append("")
    lines.append("  " + t("sim.signed_by", lang, basis=cite_suffix(("52",), lang)))
    lines += ["    " + t(f"sim.kind.{kind}", lang) + ": " + ", ".join(
                  f"{t(f'sim.role.{role}', lang)} {format_interval(e, 1)}" for role, e in roles.items())
              for kind, roles in summary.signed_by.items() if roles]
    lines.append("")
    usage = ", ".join(f"{names.get(key, key)} {value:.0%}" for key, value in summary.utilisation.items())
    lines.append(f"  {t('sim.utilisation', lang)}: {usage}")
    return "\n".join(lines)
