"""Azure pricers, one module per Terraform type (see costgate.resources.registry)."""
