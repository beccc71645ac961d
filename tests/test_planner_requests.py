"""Requested meetings: a preferred attendee is a choice, the reported bound bounds what `check`
recomputes (exhaustively, on an instance small enough to try every plan), and a request left out
says whether the time ran out or the window is truly full."""

from __future__ import annotations

from datetime import date
from itertools import combinations, product

from test_planner_helpers import tiny_scenario

from scheduler.check import check_plan
from scheduler.domain import MeetingRequest, Room
from scheduler.finish import finish
from scheduler.instance import Instance
from scheduler.period import Period
from scheduler.plan import SolverInfo
from scheduler.solution import HeldMeeting, Solution
from scheduler.solve import plan

MONDAY = Period(date(2024, 5, 6), date(2024, 5, 6))
TWO_DAYS = Period(date(2024, 5, 6), date(2024, 5, 7))


def _request(request_id: str, kind: str, convener: str, required: tuple[str, ...], preferred: tuple[str, ...],
             minutes: int, period: Period) -> MeetingRequest:
    return MeetingRequest(request_id, kind, f"会议{request_id}", convener, required, preferred, minutes,
                          period.start, period.end)


def _two_rooms_monday():
    """A: the deputy's 4-hour thematic meeting with the executive deputy preferred; B: the head's
    office meeting, with the executive deputy required. Both fit only if A goes without him."""
    return tiny_scenario(agenda=(), rooms=(Room("r1", "第一会议室", 20), Room("r2", "第二会议室", 20)),
                         meeting_requests=(
                             _request("A", "thematic", "dep", ("dep", "finance"), ("exec",), 240, MONDAY),
                             _request("B", "county_head_office", "head", ("head", "exec"), (), 60, MONDAY)))


def test_a_preferred_attendee_is_left_out_when_that_places_another_meeting():
    scenario = _two_rooms_monday()
    result = plan(scenario, MONDAY, time_limit=10)
    assert result.status == "OPTIMAL"
    meetings = {m.request: m for m in result.plan.meetings}
    assert set(meetings) == {"A", "B"}
    assert "exec" not in meetings["A"].attendees and "exec" in meetings["B"].attendees
    report = check_plan(scenario, result.plan)
    assert report.clean and report.objective == result.objective
    # The executive deputy's absence from A, and at most the room preference of the meeting in r2.
    assert sorted(p.rule for p in report.penalties) in (["preferred_absent"], ["preferred_absent", "room_fit"])
    assert sum(p.cost for p in report.penalties if p.rule == "preferred_absent") == 5


def test_a_request_the_plan_leaves_room_for_was_cut_short_by_the_time_limit():
    scenario = _two_rooms_monday()
    instance = Instance(scenario, MONDAY)
    a = instance.request_slot("A")
    # A without the executive deputy: B would fit beside it, so only the search's time explains B's absence.
    without = finish(instance, Solution((HeldMeeting(a, 0, "r1", absent=("exec",)),)), SolverInfo("FEASIBLE"))
    assert [r.reason.key for r in without.rejected] == ["reject.time_limit"]
    assert without.rejected[0].reason.render("en").startswith("not placed within the time limit")
    # A with him all day: B's required executive deputy is never free, which that check proves.
    with_him = finish(instance, Solution((HeldMeeting(a, 0, "r1"),)), SolverInfo("FEASIBLE"))
    assert [r.reason.key for r in with_him.rejected] == ["reject.busy"]


def _every_plan(instance: Instance):
    """Every way to hold each request (or not): an option, and which free preferred leaders stay away."""
    choices = []
    for s, slot in enumerate(instance.slots):
        if slot.request is None:
            continue
        ways: list[HeldMeeting | None] = [None]
        for o, option in enumerate(slot.options):
            free = sorted(option.leaders & set(slot.preferred))
            for k in range(len(free) + 1):
                ways += [HeldMeeting(s, o, "r1", absent=absent) for absent in combinations(free, k)]
        choices.append(ways)
    for held in product(*choices):
        meetings = tuple(m for m in held if m is not None)
        if not _clash(instance, meetings):
            yield Solution(meetings)


def _clash(instance: Instance, meetings: tuple[HeldMeeting, ...]) -> bool:
    """One room: any two meetings on the same day that overlap clash, whoever attends (a quick filter
    that only saves time; `check` decides)."""
    for a, b in combinations(meetings, 2):
        x, y = instance.slots[a.slot].options[a.option], instance.slots[b.slot].options[b.option]
        if x.day == y.day and x.start < y.end and y.start < x.end:
            return True
    return False


def test_the_bound_bounds_the_checked_optimum_which_the_planner_reaches():
    # One room, two days of one 4-hour block, on the hour; three requests sharing people.
    scenario = tiny_scenario(agenda=(), meeting_requests=(
        _request("R1", "thematic", "dep", ("dep", "finance"), ("exec",), 120, TWO_DAYS),
        _request("R2", "county_head_office", "head", ("head",), ("exec",), 120, TWO_DAYS),
        _request("R3", "thematic", "dep", ("dep", "finance"), ("exec",), 60, TWO_DAYS)))
    instance = Instance(scenario, TWO_DAYS)
    best = None
    for solution in _every_plan(instance):
        report = check_plan(scenario, finish(instance, solution, SolverInfo("FEASIBLE")))
        if report.clean and (best is None or report.objective < best):
            best = report.objective
    result = plan(scenario, TWO_DAYS, time_limit=10)
    report = check_plan(scenario, result.plan)
    assert report.clean and report.objective == result.objective
    assert result.bound is not None and result.bound <= best <= result.objective
    assert result.status == "OPTIMAL" and result.objective == best
