"""A small county for the agenda-load what-if tests: the conftest's tiny scenario with one standing
meeting of 90 minutes a month (room for about four items), no study sessions, and three generated
items a month at load 1, so load 3 overloads it within a few months while every month still solves
to optimality in well under a second."""

from __future__ import annotations

import copy
from typing import Any

from conftest import TINY_SCENARIO

from scheduler.domain import Scenario
from scheduler.scenario import scenario_from_mapping

MONTH_TIME_LIMIT = 5.0  # generous: these months are proven optimal long before, so runs are reproducible


def whatif_data(**agenda: Any) -> dict[str, Any]:
    data = copy.deepcopy(TINY_SCENARIO)
    data["policy"] = {"standing_per_month": [1, 1], "standing_minutes": 90, "study_every_months": 0}
    data["flow"] = {"agenda": {"items_per_month": 3, **agenda}}
    return data


def whatif_scenario(**agenda: Any) -> Scenario:
    return scenario_from_mapping(whatif_data(**agenda), "whatif-tiny.yaml")
