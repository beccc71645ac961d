"""What-if simulations on top of `scheduler` (DESIGN §6, §8), by job:

- `simulation.flow`: the SimPy model of the document flow (parameters, inputs, the model, its
  reduced M/M/c check, reports and load sweeps);
- `simulation.agenda`: the agenda-load what-if (the monthly cycle of planning and holding meetings
  in memory, feeding the document flow);
- `simulation.pictures`: their figures and the CJK font matplotlib needs;
- shared: `executors` (where replications run), `seeds`, `stats`, `messages` (the catalogue).
"""
