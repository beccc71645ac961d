"""Pictures of the simulations: the document flow's (`flow`), the agenda what-if's (`agenda`), what
they share (`figures`) and the CJK font (`fonts`, also used by the plan's month picture)."""
