"""What the same infrastructure would cost elsewhere or built otherwise (`costgate whatif`).

The plan is read once and priced again through the one estimate path (pipeline.estimate_inputs)
with its resources rewritten: moved to another region, or given the Graviton twin of their
instance type. Nothing here prices anything itself, so a what-if total and a breakdown total of
the same resources always agree.
"""
