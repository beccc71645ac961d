"""The SimPy model of the county government's document flow (Art. 45, 51-55).

One process per document walks its route on the work clock (see `simulation.flow.clock`):

1. co-signing by 0..k other units in parallel, done by the lead unit before it submits (会签后联合报);
   a unit silent past the policy's working days counts as no objection and is recorded (Art. 54);
2. office registration and review by the general office's staff (Art. 53); the document reaches the
   county government here, so its cycle time and the documents in the system count from here;
3. legality review by the justice bureau for normative documents (Art. 25, 43);
4. signatures in the order the kind needs (Art. 52); an absent signer delays it. The executive
   deputy signs for an absent county head (Art. 6) only on kinds the head need not sign alone:
   normative documents and decisions wait for the head (`KindFlow.head_signs_alone`);
5. issue; meeting decisions must be issued within 7 working days (Art. 45); documents issued with
   the county government's consent are filed within 30 days (Art. 52).

Everything random about a document is drawn when it is generated, row by row from its kind's own
stream, so two runs at different loads share their random numbers (common random numbers).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import simpy

from simulation.flow.inputs import FlowInputs, Interval, merge_intervals
from simulation.flow.params import KINDS, Lognormal
from simulation.seeds import children

ROW_CHUNK = 1024  # random rows are drawn in fixed chunks so that a row's numbers never depend on the count
DECIDED = KINDS.index("decided")
CONSENT = KINDS.index("consent")


def lognormal(normals: np.ndarray, mean: float, cv: float) -> np.ndarray:
    """Lognormal values with this mean and coefficient of variation from standard normals."""
    shape = Lognormal(mean, cv)
    if mean <= 0:
        return np.zeros_like(normals)
    return np.exp(shape.mu + shape.sigma * normals)


def _rows(rng: np.random.Generator, count: int, width: int, normal: bool) -> np.ndarray:
    chunks = -(-count // ROW_CHUNK)
    draw = rng.standard_normal if normal else rng.random
    rows = [draw((ROW_CHUNK, width)) for _ in range(chunks)]
    return np.concatenate(rows)[:count] if rows else np.empty((0, width))


def _poisson_times(rng: np.random.Generator, rate: float, end: float) -> np.ndarray:
    """Poisson arrival instants in [0, end) at `rate`; the same unit-rate points scaled for any rate."""
    if rate <= 0:
        return np.empty(0)
    points: list[np.ndarray] = []
    reached = 0.0
    while reached < end:
        block = reached + np.cumsum(rng.standard_exponential(ROW_CHUNK)) / rate
        points.append(block)
        reached = float(block[-1])
    times = np.concatenate(points)
    return times[times < end]


class Presence:
    """When one leader is away: merged work-clock intervals with O(log n) lookups."""

    __slots__ = ("ends", "starts")

    def __init__(self, intervals: tuple[Interval, ...]) -> None:
        self.starts = [a for a, _ in intervals]
        self.ends = [b for _, b in intervals]

    def back_at(self, when: float) -> float:
        """`when` if present then, else the end of the absence that covers it."""
        index = bisect_right(self.starts, when) - 1
        if index >= 0 and when < self.ends[index]:
            return self.ends[index]
        return when


class Station:
    """A FIFO queue with `capacity` servers working in office time; accumulates busy time in a window.

    Leaner than `simpy.Resource`: a document that finds a server free costs one event (its service
    timeout), a queued one two (its turn, then its service), and a finished service hands its
    server straight to the next in line. That halves the model's events; the M/M/c check
    (`simulation.flow.mmc`) validates this class against Erlang C.
    """

    __slots__ = ("busy", "capacity", "env", "free", "queue", "waits", "window")

    def __init__(self, env: simpy.Environment, capacity: int, window: tuple[float, float],
                 record_waits: bool = False) -> None:
        self.env = env
        self.capacity = capacity
        self.free = capacity
        self.queue: deque[simpy.Event] = deque()
        self.window = window
        self.busy = 0.0
        self.waits: list[tuple[float, float]] | None = [] if record_waits else None

    def serve(self, minutes: float) -> Generator[simpy.Event, object, None]:
        env = self.env
        requested = env.now
        if self.free:
            self.free -= 1
        else:
            turn = env.event()
            self.queue.append(turn)
            yield turn  # succeeded by the service that hands its server over
        start = env.now
        if self.waits is not None:
            self.waits.append((requested, start - requested))
        low, high = self.window
        self.busy += max(0.0, min(start + minutes, high) - max(start, low))
        yield env.timeout(minutes)
        if self.queue:
            self.queue.popleft().succeed()
        else:
            self.free += 1

    def utilisation(self) -> float:
        low, high = self.window
        return self.busy / (self.capacity * (high - low)) if high > low else 0.0


@dataclass(frozen=True, slots=True)
class TraceEvent:
    """One step a document finished, for tests and debugging: `who` names the signer of a signature."""

    document: int
    step: str  # "cosigned", "registered", "legality", "signed", "issued", "filed"
    work_minute: float
    who: str = ""


@dataclass(frozen=True, slots=True)
class Documents:
    """Every document of one replication, in arrival order, as parallel lists (fast scalar access)."""

    kind: list[int]
    # When the document is ready: the lead unit's draft, which is co-signed first if it needs it (then it
    # reaches the office later), or a meeting's decision (the Art. 45 clock starts here).
    arrive: list[float]
    office: list[float]
    replies: list[tuple[float, ...]]
    legality: list[float]
    signatures: list[tuple[tuple[str, float], ...]]  # (role, minutes) in signing order
    supervisor: list[str]
    filing: list[float]
    meeting_day: list[int]  # -1 unless decided at a meeting


class FlowModel:
    """One replication: generate documents, then run them through the stations until the horizon."""

    def __init__(self, inputs: FlowInputs, load: float, seed: np.random.SeedSequence,
                 env: simpy.Environment | None = None, trace: bool = False) -> None:
        self.inputs = inputs
        self.load = load
        clock = inputs.clock
        params = inputs.params
        kind_seeds = children(seed, len(KINDS) + 2)
        self.env = env or simpy.Environment()  # benchmarks pass one that counts its events
        window = (inputs.warmup_minute, clock.end)
        self.office = Station(self.env, params.office_staff, window)
        self.justice = Station(self.env, params.justice_reviewers, window)
        self.signing = {leader: Station(self.env, 1, window) for leader in inputs.signers}
        self.presence = self._presence(np.random.default_rng(kind_seeds[-1]))
        self.docs = self._generate(kind_seeds)
        count = len(self.docs.kind)
        self.submitted = [np.nan] * count  # reached the office's registration, after any co-signing
        self.issued = [np.nan] * count
        self.depart = [np.nan] * count
        self.cosign_asked: list[float] = []  # when each co-sign request went out
        self.cosign_late: list[int] = []  # units silent past the deadline, per request (Art. 54)
        self.cosign_units: list[int] = []
        self.stand_ins = 0  # signatures the executive deputy gave for an absent head (Art. 6)
        self.issuing_signatures: list[tuple[int, str, float]] = []  # (kind, signer, when) of the last signature
        self.arrived = 0
        self.completed = 0
        # Off by default: a year's run has thousands of documents and the KPIs never read it.
        self.trace: list[TraceEvent] | None = [] if trace else None
        self.processes: list[simpy.Process] = []
        self.env.process(self._source())

    # ----- generation ---------------------------------------------------------------------------
    def _presence(self, rng: np.random.Generator) -> dict[str, Presence]:
        """The scenario's absences plus leave generated on days beyond the scenario's dates."""
        inputs = self.inputs
        params = inputs.params
        clock = inputs.clock
        candidates = np.asarray(inputs.leave_day_indices)
        working_days_per_year = clock.working_day_count * 365 / clock.horizon_days
        expected = params.leave_episodes_per_year * len(candidates) / working_days_per_year
        presence = {}
        for leader in inputs.signers:
            spans = list(inputs.absences.get(leader, ()))
            episodes = rng.poisson(expected) if len(candidates) else 0
            starts = rng.choice(candidates, size=episodes) if episodes else np.empty(0, dtype=int)
            lengths = rng.geometric(1 / params.leave_mean_working_days, size=episodes)
            for first, length in zip(starts.tolist(), lengths.tolist(), strict=True):
                spans.append((first * clock.day_minutes, (first + length) * clock.day_minutes))
            presence[leader] = Presence(merge_intervals(spans))
        return presence

    def _arrivals(self, kind_index: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """Arrival instants and meeting day (-1 if none) of one kind's documents."""
        inputs = self.inputs
        clock = inputs.clock
        if kind_index != DECIDED:
            rate = inputs.params.kinds[kind_index].per_day * self.load / clock.day_minutes
            times = _poisson_times(rng, rate, clock.end)
            return times, np.full(len(times), -1)
        times_list: list[float] = []
        days: list[int] = []
        for meeting in inputs.meetings:
            uniform, poisson = rng.random(), rng.poisson(inputs.params.decided_per_meeting * self.load)
            if meeting.documents is None:
                count = poisson
            else:  # the plan's items, scaled by the load and rounded at random
                scaled = meeting.documents * self.load
                count = int(scaled) + (uniform < scaled - int(scaled))
            times_list += [meeting.work_minute] * count
            days += [meeting.day_index] * count
        return np.asarray(times_list, dtype=float), np.asarray(days, dtype=int)

    def _generate(self, kind_seeds: list[np.random.SeedSequence]) -> Documents:
        """Every document of the run with all its random attributes, merged in arrival order."""
        inputs = self.inputs
        params = inputs.params
        clock = inputs.clock
        hour, day = 60.0, clock.day_minutes
        cv = params.service_cv
        units = params.cosign_units_max
        flat: dict[str, list] = {name: [] for name in Documents.__dataclass_fields__}
        for kind_index, kind in enumerate(params.kinds):
            # Separate streams for arrivals, uniforms and normals: row i is the same at every load.
            arrival_rng, uniform_rng, normal_rng = (np.random.default_rng(s)
                                                    for s in children(kind_seeds[kind_index], 3))
            times, meeting_days = self._arrivals(kind_index, arrival_rng)
            n = len(times)
            signers = len(kind.signers)
            uniform = _rows(uniform_rng, n, 4, normal=False)
            normal = _rows(normal_rng, n, 3 + signers + units, normal=True)
            office = lognormal(normal[:, 0], kind.office_hours * hour, cv)
            legal = np.where(uniform[:, 2] < kind.legality_share,
                             lognormal(normal[:, 1], params.legality_hours * hour, cv), 0.0)
            filing = lognormal(normal[:, 2], params.filing_days.mean * day, params.filing_days.cv)
            signing = lognormal(normal[:, 3:3 + signers], params.sign_hours * hour, cv)
            reply_times = lognormal(normal[:, 3 + signers:], params.cosign_reply_days.mean * day,
                                    params.cosign_reply_days.cv)
            asked = np.where(uniform[:, 0] < kind.cosign_share, 1 + (uniform[:, 1] * units).astype(int), 0)
            supervisor = (uniform[:, 3] * len(inputs.unit_supervisors)).astype(int)
            flat["kind"] += [kind_index] * n
            flat["arrive"] += times.tolist()
            flat["meeting_day"] += meeting_days.tolist()
            flat["office"] += office.tolist()
            flat["legality"] += legal.tolist()
            flat["filing"] += filing.tolist()
            flat["signatures"] += [tuple(zip(kind.signers, row, strict=True)) for row in signing.tolist()]
            flat["replies"] += [tuple(row[:k]) for row, k in zip(reply_times.tolist(), asked.tolist(), strict=True)]
            flat["supervisor"] += [inputs.unit_supervisors[i] for i in supervisor.tolist()]
        order = np.argsort(np.asarray(flat["arrive"]), kind="stable").tolist()
        return Documents(**{name: [values[i] for i in order] for name, values in flat.items()})

    # ----- processes ------------------------------------------------------------------------------
    def _source(self) -> Generator[simpy.Event, object, None]:
        env = self.env
        for index, when in enumerate(self.docs.arrive):
            if when > env.now:
                yield env.timeout(when - env.now)
            self.arrived += 1
            self.processes.append(env.process(self._document(index)))

    def _document(self, index: int) -> Generator[simpy.Event, object, None]:
        env = self.env
        docs = self.docs
        inputs = self.inputs
        replies = docs.replies[index]
        if replies:
            asked = env.now
            deadline = inputs.clock.within_working_days(asked, inputs.cosign_reply_working_days)
            self.cosign_asked.append(asked)
            self.cosign_units.append(len(replies))
            self.cosign_late.append(sum(asked + r > deadline for r in replies))
            # Replies run in parallel; whoever is still silent at the deadline has no objection (Art. 54).
            yield env.timeout(min(asked + max(replies), deadline) - asked)
            self._record(index, "cosigned")
        # Art. 54: the lead unit submits after co-signing (会签后联合报), so the document reaches the county
        # government only now. Cycle time and WIP count from here: co-signing is the units' time (its own
        # deadline is the Art. 54 KPI), while a meeting's decision (Art. 45) keeps its clock from the meeting.
        self.submitted[index] = env.now
        yield from self.office.serve(docs.office[index])
        self._record(index, "registered")
        if docs.legality[index] > 0:
            yield from self.justice.serve(docs.legality[index])
            self._record(index, "legality")
        kind = docs.kind[index]
        head_signs_alone = inputs.params.kinds[kind].head_signs_alone
        signer = ""
        for role, minutes in docs.signatures[index]:
            signer = yield from self._available_signer(role, docs.supervisor[index], head_signs_alone)
            yield from self.signing[signer].serve(minutes)
            self._record(index, "signed", signer)
        # The last signature issues the document (签发); earlier ones are the supervisor's review (审核).
        self.issuing_signatures.append((kind, signer, env.now))
        yield env.timeout(inputs.params.issue_hours * 60.0)
        self.issued[index] = env.now
        self._record(index, "issued")
        if kind == CONSENT:
            yield env.timeout(docs.filing[index])  # the issuing unit files it with the office (Art. 52)
            self._record(index, "filed")
        self.depart[index] = env.now
        self.completed += 1

    def _record(self, index: int, step: str, who: str = "") -> None:
        if self.trace is not None:
            self.trace.append(TraceEvent(index, step, self.env.now, who))

    def _available_signer(self, role: str, supervisor: str,
                          head_signs_alone: bool) -> Generator[simpy.Event, object, str]:
        """Wait until the leader this role needs is in; the executive deputy signs for an absent head (Art. 6)
        unless the kind is the head's alone (Art. 52: normative documents, decisions, ... "由县长签发")."""
        inputs = self.inputs
        wanted = {"supervisor": supervisor, "head": inputs.head, "executive": inputs.executive,
                  "office_director": inputs.office_director}[role]
        assert wanted is not None  # build_inputs rejects kinds whose signer role the scenario lacks
        may_stand_in = wanted == inputs.head and inputs.executive and not head_signs_alone
        stand_in = inputs.executive if may_stand_in else None
        while True:
            now = self.env.now
            back = self.presence[wanted].back_at(now)
            if back == now:
                return wanted
            if stand_in is not None:
                stand_in_back = self.presence[stand_in].back_at(now)
                if stand_in_back == now:
                    self.stand_ins += 1
                    return stand_in
                back = min(back, stand_in_back)
            yield self.env.timeout(back - now)

    def run(self) -> FlowModel:
        self.env.run(until=self.inputs.clock.end)
        return self


# ----- measuring one replication ----------------------------------------------------------------

DEADLINE_RULES = ("45", "54", "52")


@dataclass(frozen=True, slots=True)
class Replication:
    """What one replication measured after the warm-up (days are calendar days).

    `arrived`, `completed` and `in_progress` count every document of the run; `in_progress` is the
    number of document processes still alive at the horizon, so conservation is a real check.
    """

    arrived: int
    completed: int
    in_progress: int
    throughput_per_day: float
    wip_mean: float
    cycle_days: np.ndarray  # cycle time of each document completed in the window
    cycle_by_kind: dict[str, float]  # mean cycle time per document kind (NaN: none completed)
    deadlines: dict[str, tuple[int, int]]  # rule -> (cases decided, on time)
    silent_replies: int  # co-sign replies past the deadline, taken as no objection (Art. 54)
    stand_ins: int  # executive deputy's signatures for an absent head, on kinds that allow it (Art. 6, 52)
    signed_by: dict[str, dict[str, int]]  # kind -> signer's role -> documents signed for issue (Art. 52)
    utilisation: dict[str, float]
    backlog: np.ndarray  # documents in the system at the end of each calendar day


def _deadline_outcomes(model: FlowModel) -> dict[str, tuple[int, int]]:
    """Cases and on-time cases per deadline, counting cases that started after the warm-up.

    A case unfinished at the horizon counts as late once its deadline has passed, and is left out
    while it still could make it (so a busy system is not flattered by its unfinished work).
    """
    inputs = model.inputs
    clock = inputs.clock
    docs = model.docs
    warm = inputs.warmup_minute
    kinds = np.asarray(docs.kind, dtype=int)
    arrive = np.asarray(docs.arrive, dtype=float)
    issued = np.asarray(model.issued, dtype=float)
    depart = np.asarray(model.depart, dtype=float)
    outcomes: dict[str, tuple[int, int]] = {}

    # Art. 45: issued within N working days of the meeting's day.
    decided = (kinds == DECIDED) & (arrive >= warm)
    meeting_day = np.asarray(docs.meeting_day, dtype=int)[decided]
    issue_day = np.floor(issued[decided] / clock.day_minutes)
    limit = inputs.issue_within_working_days
    last_day = clock.working_day_count - 1
    done = ~np.isnan(issue_day)
    on_time = done & (issue_day - meeting_day <= limit)
    overdue = ~done & (last_day - meeting_day > limit)
    outcomes["45"] = (int(on_time.sum() + (done & ~on_time).sum() + overdue.sum()), int(on_time.sum()))

    # Art. 54: each unit's reply within N working days of the request.
    asked = np.asarray(model.cosign_asked, dtype=float)
    in_window = asked >= warm
    units = np.asarray(model.cosign_units, dtype=int)[in_window]
    late = np.asarray(model.cosign_late, dtype=int)[in_window]
    outcomes["54"] = (int(units.sum()), int(units.sum() - late.sum()))

    # Art. 52: filed within N calendar days of issue.
    consent = (kinds == CONSENT) & ~np.isnan(issued) & (issued >= warm)
    issue_date = clock.calendar_day_numbers(issued[consent])
    filed = ~np.isnan(depart[consent])
    filing_date = clock.calendar_day_numbers(np.where(filed, depart[consent], clock.end))
    limit = inputs.filing_within_days
    on_time = filed & (filing_date - issue_date <= limit)
    overdue = ~filed & (clock.horizon_days - 1 - issue_date > limit)
    outcomes["52"] = (int(filed.sum() + overdue.sum()), int(on_time.sum()))
    return outcomes


def _signed_by(model: FlowModel) -> dict[str, dict[str, int]]:
    """Documents signed for issue after the warm-up, by kind and by the role of the leader who signed."""
    roles = model.inputs.roles
    counts: dict[str, dict[str, int]] = {kind: {} for kind in KINDS}
    for kind, signer, when in model.issuing_signatures:
        if when >= model.inputs.warmup_minute:
            by_role = counts[KINDS[kind]]
            by_role[roles[signer]] = by_role.get(roles[signer], 0) + 1
    return counts


def measure(model: FlowModel) -> Replication:
    """Reduce a finished run to its KPIs; Little's law holds because WIP integrates the same times."""
    inputs = model.inputs
    clock = inputs.clock
    horizon = float(clock.horizon_days)
    warm = float(inputs.params.warmup_days)
    span = horizon - warm
    # A document is in the county government's system from its submission (after co-signing, Art. 54);
    # one still being co-signed at the horizon has not arrived yet (it stays in `in_progress`).
    submitted_work = np.asarray(model.submitted, dtype=float)
    submitted = ~np.isnan(submitted_work)
    arrive = np.full(len(submitted_work), horizon)
    arrive[submitted] = clock.calendar_days(submitted_work[submitted])
    depart_work = np.asarray(model.depart, dtype=float)
    finished = ~np.isnan(depart_work)
    depart = np.full(len(arrive), horizon)
    depart[finished] = clock.calendar_days(depart_work[finished])
    in_window = finished & (depart >= warm)
    cycle = (depart - arrive)[in_window]
    kinds = np.asarray(model.docs.kind, dtype=int)[in_window]
    cycle_by_kind = {kind: float(cycle[kinds == index].mean()) if (kinds == index).any() else float("nan")
                     for index, kind in enumerate(KINDS)}
    # Time-average number in system over the window = total document-days inside it / its length.
    overlap = np.clip(np.minimum(depart, horizon) - np.maximum(arrive, warm), 0.0, None)
    ends = np.arange(1, clock.horizon_days + 1, dtype=float)
    backlog = (np.searchsorted(np.sort(arrive[submitted]), ends, side="right")
               - np.searchsorted(np.sort(depart[finished]), ends, side="right"))
    utilisation = {"office": model.office.utilisation(), "justice": model.justice.utilisation()}
    for leader, station in model.signing.items():
        # A leader whose id names a station (an office director with id "office") is told apart.
        utilisation[f"signer:{leader}" if leader in utilisation else leader] = station.utilisation()
    asked = np.asarray(model.cosign_asked, dtype=float) >= inputs.warmup_minute
    return Replication(
        arrived=model.arrived,
        completed=model.completed,
        in_progress=sum(process.is_alive for process in model.processes),
        throughput_per_day=float(in_window.sum() / span),
        wip_mean=float(overlap.sum() / span),
        cycle_days=cycle.astype(np.float32),
        cycle_by_kind=cycle_by_kind,
        deadlines=_deadline_outcomes(model),
        silent_replies=int(np.asarray(model.cosign_late, dtype=int)[asked].sum()),
        stand_ins=model.stand_ins,
        signed_by=_signed_by(model),
        utilisation=utilisation,
        backlog=backlog.astype(np.int32),
    )


def run_replication(inputs: FlowInputs, load: float, seed: np.random.SeedSequence) -> Replication:
    return measure(FlowModel(inputs, load, seed).run())
