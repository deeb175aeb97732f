"""Readers: turn IaC inputs (plan JSON, HCL) into normalized Resources."""
