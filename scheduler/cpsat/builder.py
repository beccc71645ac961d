"""A thin builder over CP-SAT's native model proto, and one solve.

govcal builds its models straight into OR-Tools' C++-backed `CpModelProto` (`cp_model_helper`)
rather than through `ortools.sat.python.cp_model`: that module imports pandas and numpy for its
vectorised API, which cost about half a second at every `govcal plan` start-up, and its expression
objects are slower to build than appending integers to the proto. Variables are ints (their index);
a literal is a variable index or its negation `~index` (CP-SAT's `-index - 1`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model_helper as native

STATUS_NAMES = {native.CpSolverStatus.OPTIMAL: "OPTIMAL", native.CpSolverStatus.FEASIBLE: "FEASIBLE",
                native.CpSolverStatus.INFEASIBLE: "INFEASIBLE", native.CpSolverStatus.UNKNOWN: "UNKNOWN",
                native.CpSolverStatus.MODEL_INVALID: "MODEL_INVALID"}
Terms = Sequence[tuple[int, int]]  # (variable, coefficient)


def negated(literal: int) -> int:
    return -literal - 1


class ModelBuilder:
    """Appends variables, constraints, an objective and a hint to one `CpModelProto`."""

    def __init__(self) -> None:
        self.proto = native.CpModelProto()
        self.hints: dict[int, int] = {}
        # How to compute each auxiliary variable from the ones before it, so that a hint given for
        # the decisions (meetings, rooms, items) can be completed: CP-SAT follows a complete hint
        # straight to a first solution, but may fail to complete a partial one on a large model.
        self.definitions: list[tuple[int, Callable[[Mapping[int, int]], int]]] = []

    @property
    def size(self) -> tuple[int, int]:
        return len(self.proto.variables), len(self.proto.constraints)

    def new_int(self, low: int, high: int) -> int:
        variable = self.proto.variables.add()
        variable.domain.extend((low, high))
        return len(self.proto.variables) - 1

    def new_int_in(self, values: Iterable[int]) -> int:
        """A new variable taking exactly these values (a domain with holes)."""
        ordered = sorted(set(values))
        spans: list[int] = []
        for value in ordered:
            if spans and spans[-1] == value - 1:
                spans[-1] = value
            else:
                spans.extend((value, value))
        variable = self.proto.variables.add()
        variable.domain.extend(spans)
        return len(self.proto.variables) - 1

    def new_bool(self) -> int:
        return self.new_int(0, 1)

    def constant(self, value: int) -> int:
        return self.new_int(value, value)

    def define(self, variable: int, formula: Callable[[Mapping[int, int]], int]) -> int:
        """Record how `variable`'s value follows from earlier variables' values (for hints)."""
        self.definitions.append((variable, formula))
        return variable

    def new_sum(self, terms: Terms, low: int, high: int) -> int:
        """A new variable equal to sum(coefficient * variable), defined for hints."""
        total = self.new_int(low, high)
        self.equal([*terms, (total, -1)], 0)
        return self.define(total, lambda values: sum(values[v] * c for v, c in terms))

    def complete(self, values: dict[int, int]) -> dict[int, int]:
        """`values` of the decision variables, completed with every defined auxiliary variable."""
        completed = dict(values)
        for variable, formula in self.definitions:
            completed[variable] = formula(completed)
        return completed

    def linear(self, terms: Terms, low: int, high: int, enforce: Iterable[int] = ()) -> None:
        """low <= sum(coefficient * variable) <= high, when every literal of `enforce` holds."""
        constraint = self.proto.constraints.add()
        constraint.enforcement_literal.extend(enforce)
        linear = constraint.linear
        if terms:
            variables, coefficients = zip(*terms, strict=True)
            linear.vars.extend(variables)
            linear.coeffs.extend(coefficients)
        linear.domain.extend((low, high))

    def at_most(self, terms: Terms, high: int, enforce: Iterable[int] = ()) -> None:
        self.linear(terms, -(2**62), high, enforce)

    def at_least(self, terms: Terms, low: int, enforce: Iterable[int] = ()) -> None:
        self.linear(terms, low, 2**62, enforce)

    def equal(self, terms: Terms, value: int, enforce: Iterable[int] = ()) -> None:
        self.linear(terms, value, value, enforce)

    def at_most_one(self, literals: Iterable[int]) -> None:
        self.proto.constraints.add().at_most_one.literals.extend(literals)

    def bool_or(self, literals: Iterable[int], enforce: Iterable[int] = ()) -> None:
        constraint = self.proto.constraints.add()
        constraint.enforcement_literal.extend(enforce)
        constraint.bool_or.literals.extend(literals)

    def implies(self, a: int, b: int) -> None:
        """a => b."""
        self.bool_or((b,), (a,))

    def interval(self, start: int, size: int, presence: int) -> int:
        """An optional interval [start, start + size) present when `presence` holds; returns its index."""
        constraint = self.proto.constraints.add()
        constraint.enforcement_literal.append(presence)
        interval = constraint.interval
        interval.start.vars.append(start)
        interval.start.coeffs.append(1)
        interval.size.offset = size
        interval.end.vars.append(start)
        interval.end.coeffs.append(1)
        interval.end.offset = size
        return len(self.proto.constraints) - 1

    def no_overlap(self, intervals: Iterable[int]) -> None:
        self.proto.constraints.add().no_overlap.intervals.extend(intervals)

    def minimize(self, terms: Terms, offset: int = 0) -> None:
        objective = self.proto.objective
        merged: dict[int, int] = {}
        for variable, coefficient in terms:
            merged[variable] = merged.get(variable, 0) + coefficient
        kept = [(variable, coefficient) for variable, coefficient in merged.items() if coefficient]
        if kept:
            variables, coefficients = zip(*kept, strict=True)
            objective.vars.extend(variables)
            objective.coeffs.extend(coefficients)
        objective.offset = offset

    def hint(self, variable: int, value: int) -> None:
        self.hints[variable] = value

    def upper(self, variable: int) -> int:
        domain = self.proto.variables[variable].domain
        return domain[len(domain) - 1]  # the native repeated field takes no negative index

    def assume(self, literals: Iterable[int]) -> None:
        self.proto.assumptions.extend(literals)


@dataclass(frozen=True, slots=True)
class Answer:
    """What one search returned: status, objective and bound (None when absent), values, seconds."""

    status: str
    objective: int | None
    bound: int | None
    values: Sequence[int]
    seconds: float
    core: tuple[int, ...] = ()  # assumption literals sufficient for infeasibility
    work: float = 0.0  # CP-SAT's deterministic time: the search's effort, whatever else the machine does

    @property
    def found(self) -> bool:
        return self.status in ("OPTIMAL", "FEASIBLE")

    def value(self, variable: int) -> int:
        return self.values[variable]

    def true(self, literal: int) -> bool:
        return bool(self.values[literal]) if literal >= 0 else not self.values[negated(literal)]


# CP-SAT deterministic time units granted per second of the time limit. These models run at about
# 0.5-1 units per wall second on a 2-core machine, so the deterministic limit (which makes a search
# cut short stop at the same point on every run) normally binds before the wall-clock limit, which
# only keeps the time limit a promise on a slow or busy machine.
DETERMINISTIC_PER_SECOND = 0.5


def fix(proto: native.CpModelProto, variable: int, value: int) -> None:
    """Narrow a variable's domain to one value (in a copy of a model, for a neighbourhood search)."""
    domain = proto.variables[variable].domain
    domain.clear()
    domain.extend((value, value))


def copy_of(proto: native.CpModelProto) -> native.CpModelProto:
    copied = native.CpModelProto()
    copied.copy_from(proto)
    return copied


def solve(proto: native.CpModelProto, hints: dict[int, int], *, time_limit: float, seed: int, workers: int = 1,
          presolve: bool = True, budget: float | None = None, cuts: bool = True) -> Answer:
    """Search `proto` from `hints`: one worker, or `workers` subsolvers interleaved, which is as
    deterministic. `budget` (seconds, default `time_limit`) becomes the deterministic-time limit, so a
    caller that derives it from its own time limit alone (not from the clock) stops every search at
    the same point on every run; `time_limit` (wall clock) only keeps the promise on a busy machine.
    `cuts` False leaves the linear relaxation without cutting planes and puts all of it into the LP from
    the start rather than lazily (for a month's small model)."""
    proto.clear_solution_hint()
    if hints:
        hint = proto.solution_hint
        hint.vars.extend(hints.keys())
        hint.values.extend(hints.values())
    params = native.SatParameters()
    params.random_seed = seed
    params.num_workers = max(1, workers)
    params.interleave_search = workers > 1
    # Probing at the start costs more than it saves on these time-indexed models (it expands the
    # leaders' at-most-one cliques into many binary clauses).
    params.cp_model_presolve = presolve
    params.cp_model_probing_level = 0
    # The agendas are knapsacks; the fuller linear relaxation proves them far sooner.
    params.linearization_level = 2
    if not cuts:
        params.cut_level = 0
        params.add_lp_constraints_lazily = False
    params.max_deterministic_time = max(0.05, (time_limit if budget is None else budget) * DETERMINISTIC_PER_SECOND)
    params.max_time_in_seconds = max(0.1, time_limit)
    wrapper = native.SolveWrapper()
    wrapper.set_parameters(params)
    response = wrapper.solve(proto)
    status = STATUS_NAMES[response.status]
    found = status in ("OPTIMAL", "FEASIBLE")
    return Answer(
        status,
        round(response.objective_value) if found else None,
        round(response.best_objective_bound) if status in ("OPTIMAL", "FEASIBLE") else None,
        tuple(response.solution) if found else (),
        response.wall_time,
        tuple(response.sufficient_assumptions_for_infeasibility),
        response.deterministic_time,
    )
