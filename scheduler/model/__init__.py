"""The CP-SAT model of one planning period: variables, one function per rule family, objective."""
