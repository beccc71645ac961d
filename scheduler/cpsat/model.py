"""The CP-SAT model's decision variables (time-indexed), built from an `Instance`.

- ``x[s][o]``: slot `s` is held with option `o` (day and start); options already satisfy the rules
  that concern one meeting alone (working day, one office-hours block, a room that seats it, the
  required leaders and a presider free; `scheduler.instance`).
- ``placed[s]``: slot `s` is held (exactly one option chosen).
- ``start[s]``: when slot `s` starts (minutes from the period's first day), one of its options' starts.
- ``room[(s, q)]``: slot `s` sits in room `q`; with ``start[s]`` they make the optional intervals of
  the per-room no-overlap. Absent when the scenario lists no rooms.
- ``present[(s, p)]``: preferred leader `p` attends request `s` (free then, by choice; otherwise absent
  at `Instance.drop_cost`); with ``start[s]`` the optional interval of `p`'s no-overlap.
- ``count[(g, s, day)]``: how many items of interchangeable group `g` slot `s` hears, held on `day`
  (`scheduler.instance.ItemGroup`); ``z[(item, s)]`` / ``v[(item, s, day)]``: an item waiting for a
  pre-study meeting of this plan goes to `s` (on `day`). Created only where hearing can happen and
  saves something; the day split makes the savings exact in the linear relaxation.
- ``attend[(commitment, person)]``: who attends a congress standing committee meeting (Art. 49).
- ``assumptions``: one literal per lower-bound rule and group, so an infeasible period is traced
  back to the rules that clash (`scheduler.explain`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from scheduler.cpsat.builder import ModelBuilder
from scheduler.instance import Instance

MINUTES_PER_DAY = 24 * 60


@dataclass(slots=True)
class PlanModel:
    instance: Instance
    builder: ModelBuilder
    x: list[list[int]] = field(default_factory=list)
    placed: list[int] = field(default_factory=list)
    room: dict[tuple[int, str], int] = field(default_factory=dict)
    start: dict[int, int] = field(default_factory=dict)
    present: dict[tuple[int, str], int] = field(default_factory=dict)
    count: dict[tuple[int, int, date], int] = field(default_factory=dict)
    z: dict[tuple[str, int], int] = field(default_factory=dict)
    v: dict[tuple[str, int, date], int] = field(default_factory=dict)
    attend: dict[tuple[str, str], int] = field(default_factory=dict)
    assumptions: dict[tuple[str, str], int] = field(default_factory=dict)
    heard_by_slot: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # (variable, minutes per unit)

    def assumption(self, rule_id: str, group: str) -> int:
        """The literal guarding rule family `rule_id` for `group` (a month, year, window, commitment)."""
        key = (rule_id, group)
        if key not in self.assumptions:
            self.assumptions[key] = self.builder.define(self.builder.new_bool(), lambda _values: 1)
        return self.assumptions[key]

    def day_terms(self, s: int, sign: int = 1) -> list[tuple[int, int]]:
        """The working-day index of slot `s`'s day (0 when not held), as linear terms."""
        return [(literal, sign * option.workday) for literal, option in zip(self.x[s], self.instance.slots[s].options,
                                                                           strict=True)]

    def options_on(self, s: int, day: date, leader: str | None = None) -> list[int]:
        """Option literals of slot `s` on `day` (at which `leader` attends, if given)."""
        slot = self.instance.slots[s]
        return [self.x[s][o] for o in slot.by_day.get(day, ()) if leader is None or leader in slot.options[o].leaders]


def create_variables(instance: Instance) -> PlanModel:
    builder = ModelBuilder()
    pm = PlanModel(instance, builder)
    origin = instance.days[0].toordinal() if instance.days else 0
    for s, slot in enumerate(instance.slots):
        options = [builder.new_bool() for _ in slot.options]
        held = builder.new_bool()
        builder.equal([(o, 1) for o in options] + [(held, -1)], 0)
        pm.x.append(options)
        pm.placed.append(held)
        if not slot.options:
            continue
        minutes = [(o.day.toordinal() - origin) * MINUTES_PER_DAY + o.start for o in slot.options]
        pm.start[s] = builder.define(builder.new_int_in(minutes),
                                     lambda values, options=options, minutes=minutes: next(
                                         (m for o, m in zip(options, minutes, strict=True) if values[o]),
                                         min(minutes)))
        builder.equal([(literal, m) for literal, m in zip(options, minutes, strict=True)] + [(pm.start[s], -1)], 0,
                      enforce=(held,))
        if instance.scenario.rooms and not slot.roomless:
            for room_id in instance.slot_rooms(slot, min(o.seats for o in slot.options)):
                assert room_id is not None
                pm.room[(s, room_id)] = builder.new_bool()
        if slot.chooses_preferred:
            for person in slot.preferred:
                if any(person in o.leaders for o in slot.options):
                    pm.present[(s, person)] = builder.new_bool()
    _create_item_variables(pm)
    for congress in instance.congress:
        if congress.fixed is None:
            for person in congress.candidates:
                pm.attend[(congress.commitment, person)] = builder.new_bool()
    return pm


def hearing_days(instance: Instance, s: int, supervisor: str, first_ready: int,
                 item_minutes: int) -> Iterable[tuple[date, int]]:
    """(day, working day) on which slot `s` could hear an item of `supervisor`: an option that day has
    the supervisor attending, the item could be ready by then, and its minutes fit."""
    slot = instance.slots[s]
    if item_minutes > slot.agenda_minutes:
        return
    for day, indices in slot.by_day.items():
        workday = slot.options[indices[0]].workday
        if workday >= first_ready and any(supervisor in slot.options[o].leaders for o in indices):
            yield day, workday


def _create_item_variables(pm: PlanModel) -> None:
    instance, builder = pm.instance, pm.builder
    for g, group in enumerate(instance.groups):
        sample = group.sample
        first_ready = group.members[0].ready_workday
        for s in group.slots:
            fits = instance.slots[s].agenda_minutes // sample.minutes
            for day, workday in hearing_days(instance, s, sample.supervisor, first_ready, sample.minutes):
                if not instance.worth_hearing(sample, day, workday):
                    continue
                most = min(fits, group.ready_by(workday))
                if most > 0:
                    pm.count[(g, s, day)] = builder.new_int(0, most)
                    pm.heard_by_slot.setdefault(s, []).append((pm.count[(g, s, day)], sample.minutes))
    for info in instance.individual_items:
        for s in info.slots:
            days = instance.item_days(info, s)
            if not days:
                continue
            pm.z[(info.item.id, s)] = builder.new_bool()
            pm.heard_by_slot.setdefault(s, []).append((pm.z[(info.item.id, s)], info.item.minutes))
            for day in days:
                pm.v[(info.item.id, s, day)] = builder.new_bool()
