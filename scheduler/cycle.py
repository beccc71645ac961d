"""The office's monthly cycle in memory (DESIGN §7, §8): plan -> outcomes -> history -> the next plan.

Pure data, no I/O and no solver: the ledger (`govcal.ledger`) stores what happened and turns it
into history through these functions, and the agenda-load what-if (`simulation`) runs the same
cycle in memory, so both plan the next month on exactly the same state.

- `Outcome`: what one published meeting did: held (on its day, or moved) or cancelled, and which
  of its items were decided.
- `outcome_events`: an outcome as history events: a standing / plenary / study meeting held counts
  toward its count rule and numbering (Art. 41, 42, 50); a requested meeting held is recorded as
  `held` (a pre-study makes its items ready, Art. 43; a county-wide one counts toward its unit's
  yearly limit, Art. 47; an ad hoc standing one is numbered among the standing meetings); every
  decided item leaves the agenda.
- `advance`: the scenario as the next plan sees it: its history plus the new events.
- `plan_changes`: what a re-plan changed against the published revision, and whom to tell.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from scheduler.domain import HistoryEvent, Scenario, fmt_minutes
from scheduler.plan import Change, Plan, PlannedMeeting

# Meetings the planner holds of its own accord; their history events carry no request.
COUNTED_KINDS = ("standing", "plenary", "study")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a published meeting did. `day`/`start` are set when it was held on another day or hour
    than planned; `decided` lists the items it decided (a cancelled meeting decides nothing)."""

    meeting: str
    held: bool
    day: date | None = None
    start: int | None = None
    decided: tuple[str, ...] = ()

    def held_on(self, planned: PlannedMeeting) -> date:
        return self.day or planned.date


def outcome_events(meeting: PlannedMeeting, outcome: Outcome) -> tuple[HistoryEvent, ...]:
    """The history events an outcome adds (module docstring); none for a cancelled meeting."""
    if not outcome.held:
        return ()
    day = outcome.held_on(meeting)
    events: list[HistoryEvent] = []
    if meeting.request is not None:
        events.append(HistoryEvent("held", day, request=meeting.request))
    elif meeting.kind in COUNTED_KINDS:
        events.append(HistoryEvent(meeting.kind, day))
    events.extend(HistoryEvent("decided", day, item=item) for item in outcome.decided)
    return tuple(events)


def facts_as_history(meetings: Iterable[PlannedMeeting]) -> tuple[HistoryEvent, ...]:
    """What meetings kept as recorded facts in a plan (`PlannedMeeting.held`) mean for planning the
    rest of its period: they count as held (Art. 41, 42, 47, 50, numbering) and every item they heard,
    decided or not, is off this period's agenda (it was heard there; an undecided one returns in the
    next period, from the ledger's own history). The planner and the checker read facts through this
    one function, so both see the same state."""
    events: list[HistoryEvent] = []
    for meeting in meetings:
        events.extend(outcome_events(meeting, Outcome(meeting.id, True, meeting.date, meeting.start, meeting.items)))
    return tuple(events)


def held_as_planned(plan: Plan, sent_back: Collection[str] = ()) -> tuple[Outcome, ...]:
    """Every meeting of `plan` held on its day, deciding its items except those `sent_back` for more work."""
    return tuple(Outcome(m.id, True, decided=tuple(i for i in m.items if i not in sent_back)) for m in plan.meetings)


def plan_events(plan: Plan, outcomes: Iterable[Outcome]) -> tuple[HistoryEvent, ...]:
    """The history events of a plan's outcomes, in the plan's meeting order."""
    by_meeting = {o.meeting: o for o in outcomes}
    events: list[HistoryEvent] = []
    for meeting in plan.meetings:
        outcome = by_meeting.get(meeting.id)
        if outcome is not None:
            events.extend(outcome_events(meeting, outcome))
    return tuple(events)


def advance(scenario: Scenario, events: Iterable[HistoryEvent]) -> Scenario:
    """The scenario with `events` added to its history; an event already there is not counted twice."""
    history = tuple(dict.fromkeys((*scenario.history, *events)))
    return scenario if history == scenario.history else replace(scenario, history=history)


def decided_items(history: Iterable[HistoryEvent]) -> frozenset[str]:
    return frozenset(e.item for e in history if e.kind == "decided" and e.item)


def standing_held_before(scenario: Scenario, day: date) -> int:
    """Standing meetings held this year before `day`, ad hoc ones (held `standing` requests) included:
    the next standing meeting's number is one more (DESIGN §4 `number`)."""
    kinds = {r.id: r.kind for r in scenario.meeting_requests}
    return sum(1 for e in scenario.history if date(day.year, 1, 1) <= e.date < day and (
        e.kind == "standing" or (e.kind == "held" and kinds.get(e.request or "") == "standing")))


# ----- changes of a re-plan -------------------------------------------------------------------------


def _when(m: PlannedMeeting) -> dict[str, Any]:
    return {"date": m.date.isoformat(), "start": fmt_minutes(m.start), "end": fmt_minutes(m.end)}


def _item_parties(scenario: Scenario, items: Iterable[str]) -> set[str]:
    """Who must hear of an item moving: its reporting unit, attending units and supervising leader."""
    known = {i.id: i for i in scenario.agenda}
    parties: set[str] = set()
    for item_id in items:
        item = known.get(item_id)
        if item is not None:
            parties.update((item.unit, *item.attending_units, item.supervisor))
    return parties


def plan_changes(scenario: Scenario, published: Plan, revised: Plan) -> tuple[Change, ...]:
    """Every difference of `revised` from `published`, meeting by meeting (DESIGN §4 `changes`).

    A meeting moved or dropped is told to everyone who was to attend it (and, moved, to whoever
    attends it now); a changed room to its attendees; attendees added or removed to those people;
    items added or removed to their reporting and attending units and supervising leaders.
    `notify` lists leader and unit ids in the scenario's order.
    """
    order = {party: index for index, party in enumerate((*(x.id for x in scenario.leaders),
                                                          *(x.id for x in scenario.units)))}

    def ordered(parties: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(set(parties), key=lambda p: (order.get(p, len(order)), p)))

    before = {m.id: m for m in published.meetings}
    after = {m.id: m for m in revised.meetings}
    changes: list[Change] = []
    for meeting_id in sorted(before.keys() | after.keys(),
                             key=lambda i: ((before.get(i) or after[i]).date, (before.get(i) or after[i]).start, i)):
        old, new = before.get(meeting_id), after.get(meeting_id)
        if new is None:
            assert old is not None
            changes.append(Change(meeting_id, "dropped", _when(old), {}, ordered(old.attendees)))
            continue
        if old is None:
            changes.append(Change(meeting_id, "added", {}, {**_when(new), "room": new.room}, ordered(new.attendees)))
            continue
        if _when(old) != _when(new):
            changes.append(Change(meeting_id, "moved", _when(old), _when(new),
                                  ordered((*old.attendees, *new.attendees))))
        if old.room != new.room:
            changes.append(Change(meeting_id, "room", {"room": old.room}, {"room": new.room}, ordered(new.attendees)))
        removed = [a for a in old.attendees if a not in new.attendees]
        added = [a for a in new.attendees if a not in old.attendees]
        if removed or added:
            changes.append(Change(meeting_id, "attendees", {"attendees": removed}, {"attendees": added},
                                  ordered((*removed, *added))))
        if old.items != new.items:
            moved = set(old.items) ^ set(new.items)
            changes.append(Change(meeting_id, "items", {"items": list(old.items)}, {"items": list(new.items)},
                                  ordered(_item_parties(scenario, moved) or new.attendees)))
    return tuple(changes)
