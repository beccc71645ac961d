"""Assemble the CP-SAT model of one planning instance: variables, rule families, objective."""

from __future__ import annotations

from scheduler.model.constraints import RULE_FAMILIES
from scheduler.model.data import PlanningData
from scheduler.model.objective import add_objective
from scheduler.model.variables import PlanModel, create_variables


def build_model(data: PlanningData, explain: bool = False) -> PlanModel:
    """Variables, every hard rule family (`scheduler.model.constraints`), then the objective.

    With `explain`, the lower-bound families are guarded by assumption literals (CP-SAT then
    searches with one worker only, so this is for explaining an infeasible period); otherwise
    their guards are fixed true.
    """
    pm = create_variables(data)
    for add_rule_family in RULE_FAMILIES:
        add_rule_family(pm)
    add_objective(pm)
    literals = list(pm.assumptions.values())
    if explain:
        pm.model.AddAssumptions(literals)
    else:
        for literal in literals:
            pm.model.Add(literal == 1)
    return pm
