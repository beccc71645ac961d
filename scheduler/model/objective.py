"""The soft objective as CP-SAT expressions, term for term the same as `scheduler.objective`.

Every term is an integer linear expression of the decision variables; an item's waiting and
lateness are costs of its day variables ``v``, so they are exact in the linear relaxation.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from scheduler.model.variables import PlanModel


def _item_terms(pm: PlanModel) -> list[cp_model.LinearExprT]:
    data = pm.data
    weights = data.policy.weights
    terms: list[cp_model.LinearExprT] = []
    for item_id, info in data.items.items():
        item = info.item
        weight = weights.wait * item.priority_weight
        heard = [pm.z[(item_id, s)] for s in info.slots]
        for s in info.slots:
            for day in data.item_days(info, s):
                cost = weight * (data.workday(day) - info.ready_workday)
                if item.deadline is not None and day > item.deadline:
                    cost += weights.deadline_miss
                if cost:
                    terms.append(cost * pm.v[(item_id, s, day)])
        deferred = 1 - sum(heard)
        if item.deadline is not None and item.deadline <= data.period.end:
            terms.append(weights.deadline_miss * deferred)
        if info.blocker is None:
            per_deferral = weights.defer_ready + weights.wait * data.deferred_wait(info)
            terms.append(per_deferral * item.priority_weight * deferred)
    return terms


def _meeting_terms(pm: PlanModel) -> list[cp_model.LinearExprT]:
    """Requests (late in window, rejected, preferred absent) and who presides a standing meeting."""
    data = pm.data
    weights = data.policy.weights
    head = data.scenario.county_head.id
    terms: list[cp_model.LinearExprT] = []
    for s, slot in enumerate(data.slots):
        if slot.request is not None:
            terms.append(weights.reject_request * (1 - pm.placed[s]))
        coefficients = []
        for option in slot.options:
            cost = 0
            if slot.request is not None:
                cost += weights.late_in_window * max(0, option.workday - slot.earliest_workday)
                cost += weights.preferred_absent * sum(1 for who in slot.preferred if who not in option.leaders)
            if slot.kind == "standing" and option.presider != head:
                cost += weights.exec_presides
            coefficients.append(cost)
        if any(coefficients):
            terms.append(cp_model.LinearExpr.WeightedSum(pm.x[s], coefficients))
    return terms


def _standing_terms(pm: PlanModel) -> list[cp_model.LinearExprT]:
    """Standing meetings too close together (each pair), and meetings beyond a group's lower bound."""
    data, model = pm.data, pm.model
    weights = data.policy.weights
    terms: list[cp_model.LinearExprT] = []
    for groups in (data.standing_groups, data.plenary_groups):
        for lower, indices in groups.values():
            terms.extend(weights.extra_meeting * pm.placed[s] for s in indices[lower:])
    gap = data.policy.standing_min_gap
    standing = [s for _, (_, indices) in sorted(data.standing_groups.items()) for s in indices]
    for position, first in enumerate(standing):
        if not data.slots[first].options:
            continue
        latest_first = max(o.workday for o in data.slots[first].options)
        for second in standing[position + 1:]:
            if not data.slots[second].options or min(o.workday for o in data.slots[second].options) - latest_first \
                    >= gap:
                continue
            close = model.NewBoolVar(f"close[{first},{second}]")
            model.Add(pm.day[second] - pm.day[first] >= gap).OnlyEnforceIf(
                [pm.placed[first], pm.placed[second], close.Not()])
            terms.append(weights.standing_too_close * close)
    return terms


def add_objective(pm: PlanModel) -> None:
    """Minimise the weighted sum of the soft rules (`scheduler.objective` documents each term)."""
    pm.model.Minimize(sum(_item_terms(pm) + _meeting_terms(pm) + _standing_terms(pm)))
