"""The hard rules of the CP-SAT model, one function per rule family, each naming its article.

Rules that concern one meeting alone are folded into its options by `scheduler.instance`
(working day, one office-hours block, a room that seats it, the required leaders and a presider
free, Art. 6, 42, 46, 50, 61; the justice bureau among a standing meeting's attendees, Art. 43).
The functions below tie meetings, items and people together. Lower bounds (and the congress
attendance) are guarded by assumption literals, so an infeasible period is explained by the rules
that clash.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from itertools import pairwise

from scheduler.cpsat.model import MINUTES_PER_DAY, PlanModel
from scheduler.instance import county_wide_held

# (start, end, slot or -1 for a congress meeting, literal, attending leaders)
Entry = tuple[int, int, int, int, frozenset[str]]


def add_one_time(pm: PlanModel) -> None:
    """A held meeting sits at exactly one of its times (the link is made when variables are created);
    a slot with no time at all is never held."""
    for s, options in enumerate(pm.x):
        if not options:
            pm.builder.equal([(pm.placed[s], 1)], 0)


def _entries_by_day(pm: PlanModel) -> dict[date, list[Entry]]:
    """The time-indexed entries of meetings whose attendance follows the time (requests with preferred
    leaders, who attend by choice, are intervals alone: `add_people_no_overlap`) and of congress meetings."""
    by_day: dict[date, list[Entry]] = defaultdict(list)
    for s, slot in enumerate(pm.instance.slots):
        if slot.chooses_preferred:
            continue
        units = frozenset(slot.units)  # unit heads who sit through it are people too (Art. 44)
        for o, option in enumerate(slot.options):
            by_day[option.day].append((option.start, option.end, s, pm.x[s][o], option.leaders | units))
    for congress in pm.instance.congress:
        for person in congress.candidates:
            literal = pm.attend.get((congress.commitment, person))
            if literal is not None:
                by_day[congress.day].append((congress.start, congress.end, -1, literal, frozenset((person,))))
    return by_day


def _covering_sets(entries: list[Entry]) -> Iterator[list[Entry]]:
    """Entries covering each distinct start instant of a day: two intervals overlap iff one's start
    lies inside the other, so these instants suffice."""
    for instant in sorted({e[0] for e in entries}):
        covering = [e for e in entries if e[0] <= instant < e[1]]
        if len({e[2] for e in covering}) >= 2 or any(e[2] < 0 for e in covering):
            yield covering


def add_no_double_booking(pm: PlanModel) -> None:
    """Nobody — a leader, or a unit's head sitting through a meeting (Art. 44: heads attend in person) —
    is in two meetings at once, nor at a meeting while attending a congress standing committee meeting
    for the government (Art. 49). Leave and fixed commitments were removed when options were built
    (Art. 61): a leader attends an option only when free.

    One at-most-one per person and instant over the time-indexed options (a tight linear relaxation);
    requested meetings whose preferred leaders attend by choice meet everything else in
    `add_people_no_overlap`."""
    for entries in _entries_by_day(pm).values():
        seen: set[tuple[int, ...]] = set()
        for covering in _covering_sets(entries):
            by_leader: dict[str, list[Entry]] = defaultdict(list)
            for entry in covering:
                for leader in sorted(entry[4]):  # sorted: a frozenset's order follows the hash seed
                    by_leader[leader].append(entry)
            for found in by_leader.values():
                if len({(e[2], e[3]) if e[2] < 0 else e[2] for e in found}) < 2:
                    continue  # one slot: its options already exclude each other
                signature = tuple(sorted(e[3] for e in found))
                if signature not in seen:
                    seen.add(signature)
                    pm.builder.at_most_one(e[3] for e in found)


def add_people_no_overlap(pm: PlanModel) -> None:
    """Nobody is in two meetings at once (Art. 61, 49, 44), for every leader who may attend a request with
    preferred leaders and every unit head sitting through one: one no-overlap of optional intervals per
    person, over the requests they attend
    (required: when held; preferred: when present, which needs them free at the chosen time), every
    other meeting they would attend at its chosen time, and the congress meetings they attend for the
    government."""
    instance, builder = pm.instance, pm.builder
    for (s, person), present in pm.present.items():
        slot = instance.slots[s]
        builder.at_most([(present, 1)] + [(pm.x[s][o], -1) for o, option in enumerate(slot.options)
                                           if person in option.leaders], 0)
    request_days: dict[str, set[date]] = defaultdict(set)  # leaders and the unit heads sitting through
    for slot in instance.slots:
        if slot.chooses_preferred:
            for option in slot.options:
                for person in (*option.leaders, *slot.units):
                    request_days[person].add(option.day)
    if not request_days:
        return
    origin = instance.days[0].toordinal()
    congress_by_person: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # (start, minutes, literal)
    for congress in instance.congress:
        for person in congress.candidates:
            literal = pm.attend.get((congress.commitment, person))
            if literal is not None:
                at = (congress.day.toordinal() - origin) * MINUTES_PER_DAY + congress.start
                congress_by_person[person].append((at, congress.end - congress.start, literal))
    for person in sorted(request_days):
        intervals: list[int] = []
        requests = 0
        for s, slot in enumerate(instance.slots):
            if not slot.options:
                continue
            presence = pm.present.get((s, person))
            if presence is None:
                attending = [pm.x[s][o] for o, option in enumerate(slot.options)
                             if person in option.leaders or person in slot.units]
                if not attending or not any(option.day in request_days[person] for option in slot.options):
                    continue  # never at the same time as a request this leader may choose to attend
                presence = pm.placed[s] if len(attending) == len(slot.options) else \
                    builder.new_sum([(lit, 1) for lit in attending], 0, 1)
            requests += slot.chooses_preferred
            intervals.append(builder.interval(pm.start[s], slot.minutes, presence))
        for at, minutes, literal in congress_by_person.get(person, ()):
            intervals.append(builder.interval(builder.constant(at), minutes, literal))
        if requests and len(intervals) > 1:
            builder.no_overlap(intervals)


def add_reporting_units(pm: PlanModel) -> None:
    """Art. 44: a unit head reporting an item at a standing or plenary meeting is one person, so the
    meeting that hears it does not overlap another meeting that unit sits through. The planner keeps
    the unit for the whole meeting (its turn is known only once the agenda is); the checker holds the
    turn itself, so every plan made here passes it."""
    instance, builder = pm.instance, pm.builder
    hearings: list[tuple[int, int, date, frozenset[str]]] = []  # (literal "heard", slot, day, units)
    for (g, s, day), count in pm.count.items():
        units = instance.busy_units(instance.groups[g].sample)
        if units:
            hears = builder.define(builder.new_bool(), lambda values, count=count: int(values[count] > 0))
            builder.at_most([(count, 1), (hears, -builder.upper(count))], 0)
            hearings.append((hears, s, day, units))
    for (item_id, s, day), v in pm.v.items():
        units = instance.busy_units(instance.items[item_id].item)
        if units:
            hearings.append((v, s, day, units))
    for hears, s, day, units in hearings:
        slot = instance.slots[s]
        for s2, rival in enumerate(instance.slots):
            if s2 == s or not units & set(rival.units):
                continue
            for o2 in rival.by_day.get(day, ()):
                other = rival.options[o2]
                overlapping = [pm.x[s][o] for o in slot.by_day.get(day, ())
                               if slot.options[o].start < other.end and other.start < slot.options[o].end]
                if overlapping:
                    builder.at_most([(hears, 1), (pm.x[s2][o2], 1)] + [(x, 1) for x in overlapping], 2)


def add_rooms(pm: PlanModel) -> None:
    """A held meeting sits in one room that seats it, and a room holds one meeting at a time."""
    instance, builder = pm.instance, pm.builder
    if not instance.scenario.rooms:
        return
    capacity = {r.id: r.capacity for r in instance.scenario.rooms}
    by_room: dict[str, list[int]] = defaultdict(list)
    rooms_of: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for (s, room_id), literal in pm.room.items():
        rooms_of[s].append((room_id, literal))
    for s, slot in enumerate(instance.slots):
        if slot.roomless:
            continue
        rooms = rooms_of.get(s, [])
        builder.equal([(lit, 1) for _, lit in rooms] + [(pm.placed[s], -1)], 0)
        for room_id, lit in rooms:
            fitting = [pm.x[s][o] for o, option in enumerate(slot.options) if option.seats <= capacity[room_id]]
            if len(fitting) < len(slot.options):
                builder.at_most([(lit, 1)] + [(f, -1) for f in fitting], 0)
            by_room[room_id].append(builder.interval(pm.start[s], slot.minutes, lit))
    for intervals in by_room.values():
        if len(intervals) > 1:
            builder.no_overlap(intervals)


def _ordered_group(pm: PlanModel, indices: list[int]) -> None:
    """Symmetry breaking: slot k+1 only if slot k is held, and on a later day."""
    for earlier, later in pairwise(indices):
        pm.builder.implies(pm.placed[later], pm.placed[earlier])
        pm.builder.at_least(pm.day_terms(later) + pm.day_terms(earlier, -1), 1, enforce=(pm.placed[later],))


def _lower_bound(pm: PlanModel, rule_id: str, group: str, indices: list[int], lower: int) -> None:
    if lower > 0:
        pm.builder.at_least([(pm.placed[s], 1) for s in indices], lower, enforce=(pm.assumption(rule_id, group),))


def add_standing_count(pm: PlanModel) -> None:
    """Art. 42: one to two standing meetings a month (policy), history counted; the lower bound for
    months wholly inside the period. A meeting beyond the month's minimum is held only to hear items
    (an empty one would only add the extra-meeting cost). Ad hoc standing meetings (requests) are
    beyond the count."""
    for lower, indices in pm.instance.standing_groups.values():
        _ordered_group(pm, indices)
        for s in indices[lower:]:
            pm.builder.at_least([(v, 1) for v, _ in pm.heard_by_slot.get(s, [])] + [(pm.placed[s], -1)], 0)
    for group, (lower, indices) in pm.instance.standing_groups.items():
        _lower_bound(pm, "standing_count", group, indices, lower)


def add_plenary_count(pm: PlanModel) -> None:
    """Art. 41: one to two plenary meetings a year, presided by the head; the lower bound only when the
    period covers the whole year."""
    for group, (lower, indices) in pm.instance.plenary_groups.items():
        _ordered_group(pm, indices)
        _lower_bound(pm, "plenary_count", group, indices, lower)


def window_literals(pm: PlanModel, s: int, first: date, last: date) -> list[int]:
    return [pm.x[s][o] for o, option in enumerate(pm.instance.slots[s].options) if first <= option.day <= last]


def add_study_sessions(pm: PlanModel) -> None:
    """Art. 50: a study session, presided by the head, in every enforced window without one in history.

    A study request placed inside the window satisfies it; otherwise the planner's own session is
    held — exactly when no request is, so the plan holds no needless session."""
    instance, builder = pm.instance, pm.builder
    requests = [s for s, slot in enumerate(instance.slots) if slot.kind == "study" and slot.request is not None]
    for window in instance.windows:
        own = instance.study_slot.get(window.key)
        if own is None:
            continue
        inside = [lits for s in requests if (lits := window_literals(pm, s, window.first, window.last))]
        builder.at_least([(pm.placed[own], 1)] + [(lit, 1) for lits in inside for lit in lits], 1,
                         enforce=(pm.assumption("study_every", window.key),))
        for lits in inside:
            builder.at_most([(pm.placed[own], 1)] + [(lit, 1) for lit in lits], 1)


def add_agendas(pm: PlanModel) -> None:
    """Art. 43: an item goes to at most one meeting of its body, which its supervising leader attends,
    once ready (submitted, studied first — its pre-study meeting placed before it when that meeting is
    in this plan — plus the materials lead in working days); never without consensus on funds,
    projects, staffing or rewards (such items get no variable); the items' minutes fit the meeting.

    Items of a group are counted: a meeting on a day hears at most as many as are ready by then, and
    meetings up to each day together hear at most the members ready by that day (Hall's condition for
    the nested ready days, so the counts can always be given to actual items)."""
    instance, builder = pm.instance, pm.builder
    # Counts and their meeting day: each count needs its supervisor there at the chosen time.
    attends: dict[tuple[int, date, str], int] = {}
    for (g, s, day), count in pm.count.items():
        supervisor = instance.groups[g].sample.supervisor
        key = (s, day, supervisor)
        if key not in attends:
            attends[key] = builder.new_sum([(lit, 1) for lit in pm.options_on(s, day, supervisor)], 0, 1)
        builder.at_most([(count, 1), (attends[key], -builder.upper(count))], 0)
    by_group: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))  # group -> day -> counts
    for (g, _s, day), count in pm.count.items():
        by_group[g][instance.workday(day)].append(count)
    for g, by_day in by_group.items():
        # heard[k]: members heard at meetings up to the k-th day; at most as many as are ready by then.
        group = instance.groups[g]
        previous: int | None = None
        for workday in sorted(by_day):
            terms = [(count, 1) for count in by_day[workday]] + ([(previous, 1)] if previous is not None else [])
            previous = builder.new_sum(terms, 0, group.ready_by(workday))
    lead = instance.policy.materials_lead_working_days
    for info in instance.individual_items:
        item_id = info.item.id
        chosen = [(pm.z[(item_id, s)], s) for s in info.slots if (item_id, s) in pm.z]
        if not chosen:
            continue
        builder.at_most([(z, 1) for z, _ in chosen], 1)
        thematic = instance.request_slot(info.thematic) if info.thematic else None
        for z, s in chosen:
            days = instance.item_days(info, s)
            builder.equal([(pm.v[(item_id, s, day)], 1) for day in days] + [(z, -1)], 0)
            for day, fitting in days.items():
                builder.at_most([(pm.v[(item_id, s, day)], 1)] + [(pm.x[s][o], -1) for o in fitting], 0)
            if thematic is None:
                builder.equal([(z, 1)], 0)
                continue
            builder.implies(z, pm.placed[thematic])
            builder.at_least(pm.day_terms(s) + pm.day_terms(thematic, -1), lead, enforce=(z,))
    # The agenda fits the meeting, day by day: what a day's hearings take is at most the agenda's
    # minutes times "the meeting is on that day" (a far tighter relaxation than one sum per meeting,
    # which let fractional meetings hear early items early and late items late).
    by_day: dict[tuple[int, date], list[tuple[int, int]]] = defaultdict(list)
    for (g, s, day), count in pm.count.items():
        by_day[(s, day)].append((count, instance.groups[g].sample.minutes))
    for (item_id, s, day), v in pm.v.items():
        by_day[(s, day)].append((v, instance.items[item_id].item.minutes))
    for (s, day), heard in by_day.items():
        minutes = instance.slots[s].agenda_minutes
        builder.at_most(heard + [(lit, -minutes) for lit in pm.options_on(s, day)], 0)


def add_county_wide_limit(pm: PlanModel) -> None:
    """Art. 47: a unit holds at most `county_wide_per_unit_per_year` county-wide meetings a calendar
    year, counting those already held; surplus requests are rejected."""
    instance = pm.instance
    limit = instance.policy.county_wide_per_unit_per_year
    by_unit_year: dict[tuple[str, int], list[int]] = defaultdict(list)
    for s, slot in enumerate(instance.slots):
        if slot.kind != "county_wide" or slot.request is None:
            continue
        unit = slot.request.unit or slot.request.convener
        for o, option in enumerate(slot.options):
            by_unit_year[(unit, option.day.year)].append(pm.x[s][o])
    for (unit, year), lits in by_unit_year.items():
        held = county_wide_held(instance.scenario, unit, year)
        pm.builder.at_most([(lit, 1) for lit in lits], max(0, limit - held))


def add_congress_attendance(pm: PlanModel) -> None:
    """Art. 49: each congress standing committee meeting gets an attendee for the government: a deputy,
    or in a special case the office director; that person is then in no planned meeting at the time
    (`add_no_double_booking`)."""
    for congress in pm.instance.congress:
        if congress.fixed is not None:
            continue
        literals = [pm.attend[(congress.commitment, p)] for p in congress.candidates]
        pm.builder.equal([(lit, 1) for lit in literals], 1, enforce=(pm.assumption("congress", congress.commitment),))


RULE_FAMILIES = (add_one_time, add_no_double_booking, add_people_no_overlap, add_reporting_units, add_rooms,
                 add_standing_count, add_plenary_count, add_study_sessions, add_agendas, add_county_wide_limit,
                 add_congress_attendance)
