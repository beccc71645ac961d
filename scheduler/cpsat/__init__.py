"""The CP-SAT solver of govcal: an `Instance` in, a `Solution` (held meetings, items, congress
attendees) out, nothing more. Variables (`model`), one function per rule family (`rules`), the
objective (`objective`), hints, search and extraction (`search`), over a thin builder of the
native model proto (`builder`).
"""

from scheduler.cpsat.search import (
    BuiltModel,
    Search,
    build_model,
    conflicting_rules,
    fixed_outside,
    solve_instance,
)

__all__ = ["BuiltModel", "Search", "build_model", "conflicting_rules", "fixed_outside", "solve_instance"]
