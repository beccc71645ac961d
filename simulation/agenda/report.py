"""Replications of the agenda-load what-if -> KPIs per load with 95% intervals, the breaking point,
the ``govcal.whatif.agenda/1`` JSON (DESIGN §8) and the terminal table.

Replications are the unit of analysis: every figure is computed per replication, then averaged,
with a Student-t interval over replications (`simulation.stats`).

- lead time: working days from submission to the hearing that decided the item; an item still pending
  at the end counts with its wait so far (a lower bound). Leaving those out would flatter an
  overloaded office, whose heard items are the quick ones while the long waits are still waiting;
  the mean over heard items alone is reported beside it (``heard_mean``);
- share heard within the target: items decided within `target_days` working days, among the items
  whose fate is known at the end: those decided, and those still pending although already older
  than the target (late for sure); items pending but younger are left out, as in the document flow;
- backlog trend: per replication, the least-squares slope of the month-end backlog over the months
  after the first (the first month fills an empty office, which is no trend);
- breaking point: the lowest load whose backlog grows month after month, read as: the 95% interval
  of its trend lies above `RISING` (one item a month), or whose share within the target falls below
  the target share. Why not merely above zero: the calendar is seasonal (the scenario's absences and
  commitments bunch in some months) and a file's late plenary item waits for next year once the
  year's plenary meetings are held (Art. 41), so the default county at its own load showed a trend of
  0.2 items a month whose interval excluded zero over 10 replications: significant, but no runaway.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from scheduler.i18n import Lang, t
from scheduler.rules import cite_articles
from simulation.agenda.cycle import NO_ARTICLE, AgendaReplication
from simulation.flow.report import TableFormatter, format_interval, plain_table
from simulation.stats import Estimate, mean_ci, percentile_means

FORMAT = "govcal.whatif.agenda/1"
RISING = 1.0  # items per month a backlog must grow by, at the least, to count as growing (module docstring)


@dataclass(frozen=True, slots=True)
class LoadSummary:
    load: float
    reps: int
    arrived: float
    heard: float
    pending_end: float
    sent_back: float
    lead: Estimate  # every item that arrived; pending ones at their wait so far
    lead_p90: float
    lead_heard: float  # mean over the items heard only
    within_target: Estimate
    backlog_by_month: tuple[Estimate, ...]
    backlog_trend: Estimate
    standing_per_month: Estimate
    meetings_per_month: dict[str, float]
    leader_hours: Estimate  # mean over leaders of meeting hours per month
    leader_hours_max: float  # the busiest leader's hours per month
    busiest_leader: str
    deferred_by_article: dict[str, float]
    rejected_by_article: dict[str, float]
    art45: Estimate
    art45_count: float
    plan_seconds_mean: float
    plan_seconds_max: float
    statuses: dict[str, int]
    seconds_mean: float
    replications: tuple[AgendaReplication, ...]  # for further analysis (notebooks); not in the JSON


def _mean(values: Sequence[float]) -> float:
    return float(np.mean(values)) if len(values) else math.nan


def waited(rep: AgendaReplication) -> np.ndarray:
    """Working days each arrived item waited: to its deciding hearing, or so far when still pending."""
    return np.concatenate([rep.lead_days, rep.pending_age])


def within_target_share(rep: AgendaReplication, target_days: int) -> float:
    known = len(rep.lead_days) + int((rep.pending_age > target_days).sum())
    return float((rep.lead_days <= target_days).sum() / known) if known else math.nan


def backlog_slope(backlog: Sequence[int]) -> float:
    """Least-squares items per month over the months after the first (all months when fewer than 3)."""
    values = np.asarray(backlog, dtype=float)
    if len(values) >= 3:
        values = values[1:]
    if len(values) < 2:
        return 0.0
    return float(np.polyfit(np.arange(len(values), dtype=float), values, 1)[0])


def _per_article(reps: Sequence[AgendaReplication], field: str) -> dict[str, float]:
    totals: Counter[str] = Counter()
    for rep in reps:
        for month in rep.months:
            totals.update(getattr(month, field))
    order = sorted(totals, key=lambda a: (a == NO_ARTICLE, int(a) if a.isdigit() else 0, a))
    return {article: totals[article] / len(reps) for article in order}


def _leader_hours(rep: AgendaReplication) -> tuple[float, float, str]:
    """(mean over leaders, busiest leader's) meeting hours per month, and who the busiest is."""
    minutes: Counter[str] = Counter()
    for month in rep.months:
        minutes.update(month.leader_minutes)
    months = max(1, len(rep.months))
    hours = {leader: minutes[leader] / 60 / months for leader in rep.leaders}
    busiest = max(rep.leaders, key=lambda leader: (hours[leader], leader)) if rep.leaders else ""
    return _mean(list(hours.values())), hours.get(busiest, 0.0), busiest


def summarise_load(load: float, reps: Sequence[AgendaReplication], target_days: int) -> LoadSummary:
    for rep in reps:
        assert rep.arrived == rep.heard + rep.pending_end, "arrived != heard + pending at the end"
    months = len(reps[0].months)
    backlog = np.array([[m.backlog for m in rep.months] for rep in reps], dtype=float)
    standing = [_mean([m.meetings.get("standing", 0) for m in rep.months]) for rep in reps]
    kinds = sorted({kind for rep in reps for m in rep.months for kind in m.meetings})
    hours = [_leader_hours(rep) for rep in reps]
    waits = [waited(rep) for rep in reps]
    seconds = [m.seconds for rep in reps for m in rep.months]
    art45 = [on_time / count if count else math.nan for count, on_time in (rep.art45 for rep in reps)]
    return LoadSummary(
        load=load, reps=len(reps),
        arrived=_mean([r.arrived for r in reps]), heard=_mean([r.heard for r in reps]),
        pending_end=_mean([r.pending_end for r in reps]), sent_back=_mean([r.sent_back for r in reps]),
        lead=mean_ci([float(w.mean()) if len(w) else math.nan for w in waits], bounds=(0.0, math.inf)),
        lead_p90=percentile_means(waits, [0.9])[0],
        lead_heard=_mean([float(r.lead_days.mean()) for r in reps if len(r.lead_days)]),
        within_target=mean_ci([within_target_share(r, target_days) for r in reps], bounds=(0.0, 1.0)),
        backlog_by_month=tuple(mean_ci(backlog[:, i], bounds=(0.0, math.inf)) for i in range(months)),
        backlog_trend=mean_ci([backlog_slope(row) for row in backlog]),
        standing_per_month=mean_ci(standing),
        meetings_per_month={kind: _mean([_mean([m.meetings.get(kind, 0) for m in rep.months]) for rep in reps])
                            for kind in kinds},
        leader_hours=mean_ci([h[0] for h in hours]),
        leader_hours_max=_mean([h[1] for h in hours]),
        busiest_leader=Counter(h[2] for h in hours).most_common(1)[0][0],
        deferred_by_article=_per_article(reps, "deferred"),
        rejected_by_article=_per_article(reps, "rejected"),
        art45=mean_ci(art45, bounds=(0.0, 1.0)),
        art45_count=_mean([count for count, _ in (rep.art45 for rep in reps)]),
        plan_seconds_mean=_mean(seconds), plan_seconds_max=max(seconds),
        statuses=dict(Counter(m.status for rep in reps for m in rep.months)),
        seconds_mean=_mean([r.seconds for r in reps]),
        replications=tuple(reps),
    )


@dataclass(frozen=True, slots=True)
class AgendaSweep:
    scenario: str
    start: str
    months: tuple[str, ...]
    reps: int
    seed: int
    month_time_limit: float
    target_days: int
    target: float
    loads: tuple[LoadSummary, ...]
    params: dict[str, Any]

    def breaking_point(self) -> tuple[float | None, str]:
        """(lowest breaking load or None, criterion key: backlog | target | none)."""
        for summary in self.loads:
            if summary.backlog_trend.n and summary.backlog_trend.low > RISING:
                return summary.load, "backlog"
            if not math.isnan(summary.within_target.mean) and summary.within_target.mean < self.target:
                return summary.load, "target"
        return None, "none"

    def criterion(self, key: str, lang: Lang) -> str:
        return t(f"agenda.criterion.{key}", lang, days=self.target_days, target=f"{self.target:.0%}",
                 rising=f"{RISING:g}")

    def verdict(self, lang: Lang = "zh") -> str:
        load, key = self.breaking_point()
        if load is None:
            return t("agenda.no_breaking", lang, criterion=self.criterion(key, lang))
        return t("agenda.breaking", lang, load=f"{load:g}", criterion=self.criterion(key, lang))


def _number(value: float, digits: int = 4) -> float | None:
    return None if value is None or math.isnan(value) else round(float(value), digits)


def _estimate(e: Estimate, digits: int = 4) -> dict[str, Any]:
    return {"mean": _number(e.mean, digits), "ci95": [_number(e.low, digits), _number(e.high, digits)]}


def load_to_json(summary: LoadSummary) -> dict[str, Any]:
    return {
        "load": summary.load,
        "items": {"arrived": _number(summary.arrived, 2), "heard": _number(summary.heard, 2),
                  "pending_end": _number(summary.pending_end, 2), "sent_back": _number(summary.sent_back, 2)},
        "lead_working_days": {"mean": _number(summary.lead.mean, 2), "p90": _number(summary.lead_p90, 2),
                              "ci95": [_number(summary.lead.low, 2), _number(summary.lead.high, 2)],
                              "heard_mean": _number(summary.lead_heard, 2)},
        "heard_within_target": _estimate(summary.within_target),
        "backlog_by_month": [_number(e.mean, 2) for e in summary.backlog_by_month],
        "backlog_trend_per_month": _estimate(summary.backlog_trend, 3),
        "standing_per_month": _estimate(summary.standing_per_month, 3),
        "meetings_per_month": {kind: _number(value, 3) for kind, value in summary.meetings_per_month.items()},
        "leader_meeting_hours_per_month": {"mean": _number(summary.leader_hours.mean, 2),
                                           "ci95": [_number(summary.leader_hours.low, 2),
                                                    _number(summary.leader_hours.high, 2)],
                                           "max": _number(summary.leader_hours_max, 2),
                                           "busiest": summary.busiest_leader},
        "deferred_by_article": {a: _number(v, 2) for a, v in summary.deferred_by_article.items()},
        "rejected_by_article": {a: _number(v, 2) for a, v in summary.rejected_by_article.items()},
        "art45_on_time": {**_estimate(summary.art45), "count": _number(summary.art45_count, 2)},
        "plan_seconds": {"mean": _number(summary.plan_seconds_mean, 3), "max": _number(summary.plan_seconds_max, 3)},
        "plan_status": summary.statuses,
        "replication_seconds": _number(summary.seconds_mean, 3),
    }


def sweep_to_json(sweep: AgendaSweep, lang: Lang = "zh") -> dict[str, Any]:
    load, key = sweep.breaking_point()
    return {
        "format": FORMAT,
        "scenario": sweep.scenario, "start": sweep.start, "months": len(sweep.months), "reps": sweep.reps,
        "seed": sweep.seed, "month_time_limit": sweep.month_time_limit,
        "target_working_days": sweep.target_days, "target": sweep.target,
        "loads": [load_to_json(s) for s in sweep.loads],
        "breaking_point": {"load": load, "rule": key, "criterion": sweep.criterion(key, lang)},
        "parameters": sweep.params,
    }


def _articles_text(counts: dict[str, float], lang: Lang) -> str:
    separator = "，" if lang == "zh" else ", "
    return separator.join(f"{t('agenda.no_article', lang) if a == NO_ARTICLE else cite_articles((a,), lang)} {v:.1f}"
                          for a, v in counts.items())


def sweep_table(sweep: AgendaSweep, lang: Lang = "zh", table: TableFormatter = plain_table) -> str:
    """One row per load, then deferrals by article and the breaking point."""
    headers = [t(f"agenda.col.{key}", lang, days=sweep.target_days)
               for key in ("load", "arrived", "heard", "pending", "lead", "p90", "within", "trend", "standing",
                           "hours", "art45", "seconds")]
    rows = [[f"×{s.load:g}", f"{s.arrived:.1f}", f"{s.heard:.1f}", f"{s.pending_end:.1f}", format_interval(s.lead, 1),
             "—" if math.isnan(s.lead_p90) else f"{s.lead_p90:.1f}",
             format_interval(s.within_target, 0, percent=True), format_interval(s.backlog_trend, 1),
             f"{s.standing_per_month.mean:.2f}", f"{s.leader_hours.mean:.1f} ({s.leader_hours_max:.1f})",
             format_interval(s.art45, 0, percent=True), f"{s.plan_seconds_mean:.2f}"] for s in sweep.loads]
    lines = [t("agenda.title", lang, scenario=sweep.scenario, start=sweep.start, months=len(sweep.months),
               reps=sweep.reps, seed=sweep.seed),
             t("agenda.note", lang, days=sweep.target_days), "", *table(headers, rows), ""]
    for summary in sweep.loads:
        lines.append(f"×{summary.load:g} " + t("agenda.deferred", lang,
                                               counts=_articles_text(summary.deferred_by_article, lang) or "—"))
        failed = {status: n for status, n in summary.statuses.items() if status not in ("OPTIMAL", "FEASIBLE")}
        if failed:
            lines.append("   " + t("agenda.failed_months", lang, count=sum(failed.values()),
                                   statuses=", ".join(f"{k} {v}" for k, v in failed.items())))
    lines += ["", sweep.verdict(lang)]
    return "\n".join(lines)
