"""The document flow (DESIGN §6): parameters (`params`), what one replication needs (`inputs`, `clock`),
the SimPy model (`model`), its M/M/c check (`mmc`), replications (`runner`), KPIs (`report`) and
what-if loads (`sweep`)."""
