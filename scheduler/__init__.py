"""govcal's planning core: problem data, the working-day calendar, the planner, its checker, the cycle.

One straight pipeline, each step reading only what the steps before it made:

    scenario.py   YAML -> a validated, frozen `Scenario` (domain.py), errors with file, field path, reason
    instance.py   Scenario + period -> the solver-neutral `Instance`: meetings that may be held and when
                  (slots and options), who attends, when each agenda item is ready (Art. 43), congress
                  meetings (Art. 49); built on calendar.py (working days) and costs.py (the cost formula)
    cpsat/        Instance -> `Solution`: the CP-SAT model, one function per rule family with its article
    greedy.py     Instance -> `Solution`: the baseline, the first hint and the fallback
    finish.py     Instance + Solution -> `Plan` (plan.py): titles, numbers, attendees, reasons (explain.py,
                  the rules' articles from rules.py, texts from texts.py) and penalties (costs.py)
    solve.py      `plan(scenario, period)`: the pipeline above, month by month for longer periods
    replan.py     `replan(scenario, published, since)`: the least-change plan of a published revision

Beside it, reading the scenario and plans but never the planner: check.py (the independent checker,
no ortools) and cycle.py (the monthly cycle: outcomes -> history -> the next plan). Depends on nothing
else of govcal; `simulation` and the `govcal` shell build on it.
"""

from scheduler import texts as _texts  # noqa: F401  (registers the catalogue)

__version__ = "0.1.0"
