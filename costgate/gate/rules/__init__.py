"""Built-in rules, one module per rule (see costgate.gate.rule for the contract)."""
