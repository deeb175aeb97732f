"""Usage types of AWS services that carry the region prefix in us-east-1 too.

EC2, S3 and the other older services write us-east-1 usage types without a prefix
("NatGateway-Hours", see `_common.ut`); most newer services (Transit Gateway, Client VPN,
Route 53 Resolver, Config, EventBridge, Systems Manager, CloudFormation, SNS FIFO) write
"USE1-" there and the usual prefix elsewhere ("EU-" in eu-west-1).
"""

from __future__ import annotations

from costgate.model import Resource
from costgate.pricing.aws_regions import usage_type
from costgate.resources.aws._common import region_of


def regional_ut(resource: Resource, suffix: str, *, region: str | None = None) -> str:
    """The usagetype for `suffix` in the resource's region (or `region`), "USE1-" in us-east-1."""
    where = region or region_of(resource)
    return f"USE1-{suffix}" if where == "us-east-1" else usage_type(where, suffix)
