"""The soft objective as CP-SAT terms: exactly `scheduler.costs`, term for term.

The objective's constant is every pending item's cost of being deferred; hearing an item on a day
subtracts what that saves (`scheduler.costs.hearing_saving`), so a plan's objective is the sum of
`scheduler.costs.plan_penalties` of the finished plan — a test holds the two equal.
"""

from __future__ import annotations

from collections.abc import Mapping

from scheduler.costs import deferred_cost, room_fit_cost, study_gap_target
from scheduler.cpsat.builder import negated
from scheduler.cpsat.model import PlanModel
from scheduler.cpsat.rules import window_literals


def _item_terms(pm: PlanModel) -> tuple[list[tuple[int, int]], int]:
    instance = pm.instance
    offset = sum(deferred_cost(instance.weights, info.item, info.ready_workday if info.hearable else None,
                               instance.period.end, instance.end_workday) for info in instance.items.values())
    terms = [(count, -instance.saving(instance.groups[g].sample, day)) for (g, _s, day), count in pm.count.items()]
    terms += [(v, -instance.saving(instance.items[item_id].item, day)) for (item_id, _s, day), v in pm.v.items()]
    return terms, offset


def _meeting_terms(pm: PlanModel) -> tuple[list[tuple[int, int]], int]:
    """Each time's own cost (late in window, preferred absent, the executive deputy presiding, leaders
    at a county-wide meeting), requests left unplaced, and meetings beyond a group's minimum."""
    instance = pm.instance
    terms: list[tuple[int, int]] = []
    offset = 0
    for s, slot in enumerate(instance.slots):
        terms += [(literal, option.cost) for literal, option in zip(pm.x[s], slot.options, strict=True) if option.cost]
        if slot.request is not None:
            offset += slot.reject_cost
            terms.append((pm.placed[s], -slot.reject_cost))
    for groups in (instance.standing_groups, instance.plenary_groups):
        for lower, indices in groups.values():
            terms += [(pm.placed[s], instance.weights.extra_meeting) for s in indices[lower:]]
    # Options are priced with every free preferred leader present; one left out costs `drop_cost`.
    for (s, person), present in pm.present.items():
        slot = instance.slots[s]
        drop = instance.drop_cost(slot, person)
        terms += [(pm.x[s][o], drop) for o, option in enumerate(slot.options) if person in option.leaders]
        terms.append((present, -drop))
    return terms, offset


def _standing_gap_terms(pm: PlanModel) -> list[tuple[int, int]]:
    """Every pair of standing meetings (ad hoc ones too) closer than `standing_min_gap` working days."""
    instance, builder = pm.instance, pm.builder
    gap = instance.policy.standing_min_gap
    standing = [s for s, slot in enumerate(instance.slots) if slot.kind == "standing" and slot.options]
    ordered = {s: (slot.group, rank) for slot_group in instance.standing_groups.values()
               for rank, s in enumerate(slot_group[1]) for slot in (instance.slots[s],)}
    terms = []
    for position, first in enumerate(standing):
        first_days = [o.workday for o in instance.slots[first].options]
        for second in standing[position + 1:]:
            second_days = [o.workday for o in instance.slots[second].options]
            if min(second_days) - max(first_days) >= gap or min(first_days) - max(second_days) >= gap:
                continue  # never close
            after = pm.day_terms(second) + pm.day_terms(first, -1)

            def is_close(values: Mapping[int, int], a: int = first, b: int = second,
                         after: list[tuple[int, int]] = after) -> int:
                both = values[pm.placed[a]] and values[pm.placed[b]]
                return int(bool(both) and abs(sum(values[v] * c for v, c in after)) < gap)

            close = builder.define(builder.new_bool(), is_close)
            far = (pm.placed[first], pm.placed[second], negated(close))
            if first in ordered and second in ordered and ordered[first][0] == ordered[second][0]:
                builder.at_least(after, gap, enforce=far)  # the group's order puts `second` later
            else:
                later = builder.define(builder.new_bool(), lambda values, after=after: int(
                    sum(values[v] * c for v, c in after) >= 0))
                builder.at_least(after, gap, enforce=(*far, later))
                builder.at_least([(v, -c) for v, c in after], gap, enforce=(*far, negated(later)))
            terms.append((close, instance.weights.standing_too_close))
    return terms


def _study_spacing_terms(pm: PlanModel) -> list[tuple[int, int]]:
    """Art. 50: sessions in consecutive windows about `study_every_months` apart (and the last session
    held before the period with the sessions of the window after its own)."""
    instance, builder = pm.instance, pm.builder
    every = instance.policy.study_every_months
    facts = instance.cost_facts()
    if every <= 0 or not facts.study_windows:
        return []
    target = study_gap_target(every)
    study = [s for s, slot in enumerate(instance.slots) if slot.kind == "study" and slot.options]
    in_window: list[list[tuple[int, int]]] = []  # per window: (slot, literal "held inside the window")
    for first, last in facts.study_windows:
        found = []
        for s in study:
            literals = window_literals(pm, s, first, last)
            if literals:
                found.append((s, builder.new_sum([(lit, 1) for lit in literals], 0, 1)))
        in_window.append(found)
    weight = instance.weights.study_spacing
    terms: list[tuple[int, int]] = []

    def deviation(diff: list[tuple[int, int]], constant: int, enforce: tuple[int, ...]) -> None:
        """weight x |sum(diff) + constant - target|, when `enforce` holds."""
        def value(values: Mapping[int, int]) -> int:
            if not all(values[e] for e in enforce):
                return 0
            return abs(sum(values[v] * c for v, c in diff) + constant - target)

        over = builder.define(builder.new_int(0, 1000), value)
        builder.at_least([*diff, (over, 1)], target - constant, enforce=enforce)
        builder.at_least([(v, -c) for v, c in diff] + [(over, 1)], constant - target, enforce=enforce)
        terms.append((over, weight))

    if facts.study_before is not None:
        before, k_after = facts.study_before
        for s, inside in in_window[k_after]:
            deviation(pm.day_terms(s), -before, (inside,))
    for k in range(len(in_window) - 1):
        for a, inside_a in in_window[k]:
            for b, inside_b in in_window[k + 1]:
                deviation(pm.day_terms(b) + pm.day_terms(a, -1), 0, (inside_a, inside_b))
    return terms


def _stand_in_terms(pm: PlanModel) -> tuple[list[tuple[int, int]], int]:
    """Art. 49: the office director attending a congress meeting in a deputy's place."""
    instance = pm.instance
    terms = [(literal, instance.weights.stand_in) for (_, person), literal in pm.attend.items()
             if instance.is_stand_in(person)]
    fixed = sum(instance.weights.stand_in for c in instance.congress if c.fixed and instance.is_stand_in(c.fixed))
    return terms, fixed


def _room_terms(pm: PlanModel) -> list[tuple[int, int]]:
    """Rooms by purpose: each room preferred over the one taken costs `room_fit` (no article)."""
    instance = pm.instance
    terms = []
    for (s, room_id), literal in pm.room.items():
        cost = room_fit_cost(instance.weights, instance.scenario.rooms, instance.slots[s].kind, room_id)
        if cost:
            terms.append((literal, cost))
    return terms


def add_objective(pm: PlanModel) -> None:
    """Minimise the weighted soft rules (`scheduler.costs` documents each term)."""
    items, item_offset = _item_terms(pm)
    meetings, meeting_offset = _meeting_terms(pm)
    stand_in, stand_in_offset = _stand_in_terms(pm)
    terms = items + meetings + _standing_gap_terms(pm) + _study_spacing_terms(pm) + stand_in + _room_terms(pm)
    pm.builder.minimize(terms, item_offset + meeting_offset + stand_in_offset)
