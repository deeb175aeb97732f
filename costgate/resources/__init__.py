"""Pricers: one small declarative unit per Terraform resource type, found by the registry."""
