"""The KMS key-month component, shared by aws_kms_key and aws_kms_external_key."""

from __future__ import annotations

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import monthly


def key_month(r: Resource) -> CostComponent:
    """One customer managed key for a month (replicas are keys of their own)."""
    return monthly(
        "Customer master key",
        "months",
        1,
        aws_query(r, "awskms", "Encryption Key", {"usagetype": ut(r, "KMS-Keys")}, unit="Keys"),
    )
