"""Public IPv4 addresses: AWS bills every one, attached or not, since 1 February 2024.

One hourly component per address, wherever a plan shows one: an Elastic IP (attached or idle), an
instance or launch template with `associate_public_ip_address`. Both are the AWS Price List's
AmazonVPC products (group VPCPublicIPv4Address, no product family) with usagetype
`<prefix>-PublicIPv4:InUseAddress` or `<prefix>-PublicIPv4:IdleAddress` (us-east-1 included:
`USE1-...`), per hour ($0.005 in most regions when this was written). The pre-2024 AmazonEC2
`ElasticIP:IdleAddress` product is not queried: current price lists (and so `--fetch-prices`) carry
the AmazonVPC one.
"""

from __future__ import annotations

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import hourly

IN_USE_NAME = "Public IPv4 address (in use)"
IDLE_NAME = "IP address (if unused)"


def in_use_address(r: Resource, *, path: str = "") -> CostComponent:
    """One in-use public IPv4 address for the month (AmazonVPC, no product family: match on usagetype)."""
    return hourly(
        IN_USE_NAME,
        aws_query(r, "AmazonVPC", None, {"usagetype": regional_ut(r, "PublicIPv4:InUseAddress")}, unit="Hrs"),
        path=path,
    )


def idle_address(r: Resource) -> CostComponent:
    """One allocated address attached to nothing (AmazonVPC `<prefix>-PublicIPv4:IdleAddress`)."""
    return hourly(
        IDLE_NAME, aws_query(r, "AmazonVPC", None, {"usagetype": regional_ut(r, "PublicIPv4:IdleAddress")}, unit="Hrs")
    )
