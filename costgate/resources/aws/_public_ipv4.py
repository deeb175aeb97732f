"""Public IPv4 addresses: AWS bills every one, attached or not, since 1 February 2024.

One hourly component per address, wherever a plan shows one: an Elastic IP (attached or idle), an
instance or launch template with `associate_public_ip_address`. In-use addresses are the AWS Price
List's AmazonVPC product with usagetype `<prefix>-PublicIPv4:InUseAddress` (us-east-1 included:
`USE1-PublicIPv4:InUseAddress`), per hour ($0.005 in most regions when this was written).
"""

from __future__ import annotations

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import hourly

IN_USE_NAME = "Public IPv4 address (in use)"


def in_use_address(r: Resource, *, path: str = "") -> CostComponent:
    """One in-use public IPv4 address for the month (AmazonVPC, no product family: match on usagetype)."""
    return hourly(IN_USE_NAME, aws_query(r, "AmazonVPC", None, {"usagetype": regional_ut(r, "PublicIPv4:InUseAddress")},
                                         unit="Hrs"), path=path)
