"""govcal's planning core: problem data, the working-day calendar, the CP-SAT planner and its checker.

Depends on nothing else of govcal; `simulation` and the `govcal` shell build on it.
"""

from scheduler import texts as _texts  # noqa: F401  (registers the catalogue)

__version__ = "0.1.0"
