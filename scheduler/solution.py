"""What a solver returns about an instance: the meetings it holds and who goes to each congress meeting.

Both solvers (`scheduler.cpsat`, `scheduler.greedy`) produce a `Solution` over the same
`scheduler.instance.Instance`; the finishing step (`scheduler.finish`) turns it into a `Plan`.
Indices refer to the instance's slots and their options.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class HeldMeeting:
    """One held slot: the option (day and start) chosen, its room, the items it hears, and the preferred
    leaders of a request left out although free then (a preferred attendee is a choice, at a cost)."""

    slot: int
    option: int
    room: str | None
    items: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Solution:
    meetings: tuple[HeldMeeting, ...] = ()
    attendance: tuple[tuple[str, str], ...] = ()  # (commitment id, attendee) for each congress meeting (Art. 49)

    def held(self, slot: int) -> HeldMeeting | None:
        return next((m for m in self.meetings if m.slot == slot), None)
