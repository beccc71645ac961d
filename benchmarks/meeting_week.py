"""The public meeting-scheduling benchmark's own score of a govcal plan of its week.

The week is `scheduler.generate.generate_meeting_week` with its defaults (seed 0): the demo data of
Timefold's meeting-scheduling quickstart, reimplemented (see the comment there). `timefold_score`
scores a plan of it by the quickstart's hard and medium constraints (its constraints.py, read, not
copied): quarter-hours of overlap of two meetings in one room, of a person required at both, of a
person required at one and preferred at the other or preferred at both; seats short of the required
and preferred attendees; quarter-hours past the day's end. So govcal's plan stands beside Timefold's
published 0 hard / -128 medium (30 s), which it reports as negative penalties.
"""

from __future__ import annotations

from itertools import combinations

from scheduler.domain import Scenario
from scheduler.plan import Plan, PlannedMeeting

GRAIN = 15
DAY_END = 18 * 60


def timefold_score(plan: Plan, scenario: Scenario) -> tuple[int, int, int]:
    """(hard, medium, unplaced) penalties of `plan` by the quickstart's constraints (0 is best). A
    preferred person counts wherever they are preferred, attending or not, as in the quickstart."""
    requests = {r.id: r for r in scenario.meeting_requests}
    seats = {r.id: r.capacity for r in scenario.rooms}
    held = [m for m in plan.meetings if m.request in requests]

    def overlap(a: PlannedMeeting, b: PlannedMeeting) -> int:
        return 0 if a.date != b.date else max(0, min(a.end, b.end) - max(a.start, b.start)) // GRAIN

    hard = medium = 0
    for m in held:
        request = requests[m.request or ""]
        hard += max(0, len(request.required) + len(request.preferred) - seats.get(m.room or "", 0))
        hard += max(0, m.end - DAY_END) // GRAIN
    for a, b in combinations(held, 2):
        grains = overlap(a, b)
        if not grains:
            continue
        ra, rb = requests[a.request or ""], requests[b.request or ""]
        hard += grains * (int(a.room == b.room) + len(set(ra.required) & set(rb.required)))
        medium += grains * (len(set(ra.required) & set(rb.preferred)) + len(set(ra.preferred) & set(rb.required))
                            + len(set(ra.preferred) & set(rb.preferred)))
    return hard, medium, len(requests) - len(held)
