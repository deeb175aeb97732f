"""Actual spend: what the cloud billed, read from its billing API (AWS Cost Explorer), mapped onto
costgate's services and set beside the ledger's recorded estimate. See docs/actuals.md.

It sits beside the estimate in the layer order (below report/, which renders a comparison, and
below the ledger, which stores imported spend): nothing here imports report, ledger or cli.
"""
