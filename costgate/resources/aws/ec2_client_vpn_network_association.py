"""aws_ec2_client_vpn_network_association: a subnet associated with a Client VPN endpoint.

Prices:
    Endpoint association: per hour the subnet is associated (730 h a month).
Usage keys:
    (none)
Not priced / assumptions:
    Client connection hours are priced on aws_ec2_client_vpn_endpoint.
References:
    https://aws.amazon.com/vpn/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly

USAGE: tuple[UsageKey, ...] = ()


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield hourly(
        "Endpoint association",
        aws_query(r, "AmazonVPC", None, {"usagetype": regional_ut(r, "ClientVPN-EndpointHours")}, unit="Hrs"),
    )


PRICER = Pricer(type="aws_ec2_client_vpn_network_association", price=_price, usage_keys=USAGE, doc=__doc__ or "")
