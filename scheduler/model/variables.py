"""Decision variables of the CP-SAT model (time-indexed).

- ``x[s][o]``: slot `s` is held with option `o` (day and start). Options already satisfy the rules
  that depend on one meeting alone: working day, one office-hours block, the grain, some room
  seats it, required attendees and a presider free (`scheduler.model.data`).
- ``placed[s]``: slot `s` is held (exactly one option chosen), else 0.
- ``day[s]``: the working-day index of the chosen day, a linear expression of ``x`` (0 when not held).
- ``room[(s, q)]``: slot `s` sits in room `q`; with ``start[s]`` (absolute minutes) they make the
  optional intervals of the per-room no-overlap constraints. Absent when the scenario lists no rooms.
- ``z[(item, s)]``: the item goes to slot `s`; ``v[(item, s, day)]``: ... on that day. Created only where
  the item can legally go (its body, ready, supervisor free) and hearing it beats deferring it; the
  day split makes waiting costs exact in the linear relaxation.
- ``assumptions``: one literal per lower-bound rule family and group, so that infeasibility can be
  traced back to the rules and articles that conflict (`scheduler.explain`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ortools.sat.python import cp_model

from scheduler.model.data import PlanningData

MINUTES_PER_DAY = 24 * 60


@dataclass(slots=True)
class PlanModel:
    data: PlanningData
    model: cp_model.CpModel
    x: list[list[cp_model.IntVar]]
    placed: list[cp_model.IntVar]
    day: list[cp_model.LinearExpr]
    room: dict[tuple[int, str], cp_model.IntVar] = field(default_factory=dict)
    start: dict[int, cp_model.IntVar] = field(default_factory=dict)
    z: dict[tuple[str, int], cp_model.IntVar] = field(default_factory=dict)
    v: dict[tuple[str, int, date], cp_model.IntVar] = field(default_factory=dict)
    assumptions: dict[tuple[str, str], cp_model.IntVar] = field(default_factory=dict)

    def assumption(self, rule_id: str, group: str) -> cp_model.IntVar:
        """The literal guarding rule family `rule_id` for `group` (a month, year, window, commitment)."""
        key = (rule_id, group)
        if key not in self.assumptions:
            self.assumptions[key] = self.model.NewBoolVar(f"assume[{rule_id},{group}]")
        return self.assumptions[key]


def create_variables(data: PlanningData) -> PlanModel:
    model = cp_model.CpModel()
    pm = PlanModel(data, model, [], [], [])
    origin = data.days[0].toordinal() if data.days else 0
    for s, slot in enumerate(data.slots):
        options = [model.NewBoolVar(f"x[{slot.key},{o}]") for o in range(len(slot.options))]
        held = model.NewBoolVar(f"placed[{slot.key}]")
        model.Add(sum(options) == held)
        pm.x.append(options)
        pm.placed.append(held)
        pm.day.append(cp_model.LinearExpr.WeightedSum(options, [o.workday for o in slot.options]))
        if data.scenario.rooms and slot.options:
            minutes = [(o.day.toordinal() - origin) * MINUTES_PER_DAY + o.start for o in slot.options]
            pm.start[s] = model.NewIntVar(min(minutes), max(minutes), f"start[{slot.key}]")
            model.Add(pm.start[s] == cp_model.LinearExpr.WeightedSum(options, minutes)).OnlyEnforceIf(held)
            for room_id in data.rooms_for(min(o.seats for o in slot.options), slot.room):
                pm.room[(s, room_id)] = model.NewBoolVar(f"room[{slot.key},{room_id}]")
    for item_id, info in data.items.items():
        for s in info.slots:
            pm.z[(item_id, s)] = model.NewBoolVar(f"z[{item_id},{data.slots[s].key}]")
            for day in data.item_days(info, s):
                pm.v[(item_id, s, day)] = model.NewBoolVar(f"v[{item_id},{data.slots[s].key},{day}]")
    return pm
