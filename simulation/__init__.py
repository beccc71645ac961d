"""SimPy model of the county government's document flow (DESIGN §6). Builds on `scheduler`."""
