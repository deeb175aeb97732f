"""The gate: ownership, budgets and policies turn an Estimate into findings and a verdict."""
