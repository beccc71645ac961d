"""The CP-SAT model of one planning period.

- `data`: the instance layer (pure Python; the checker shares it),
- `variables`: decision variables, `constraints`: one function per rule family,
- `objective`: the soft terms, `build`: assembles them (imports ortools).

This package's own import pulls in nothing heavy, so `scheduler.check` may use `data`
without importing ortools.
"""
