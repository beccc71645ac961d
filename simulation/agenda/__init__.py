"""The agenda-load what-if (DESIGN §8): parameters (`params`), each month's new agenda (`generator`),
one replication of the monthly cycle (`cycle`), KPIs per load (`report`) and the sweep end to end
(`sweep`)."""
