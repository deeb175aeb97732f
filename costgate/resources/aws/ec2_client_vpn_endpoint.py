"""aws_ec2_client_vpn_endpoint: an AWS Client VPN endpoint.

Prices:
    Connection: per client connection hour; one connection for 730 h a month by default, or
    monthly_connection_hours from usage.
Usage keys:
    monthly_connection_hours: client connection hours a month (all clients together).
Not priced / assumptions:
    Subnet associations bill per hour on aws_ec2_client_vpn_network_association. Without usage,
    one client connected all month is assumed (as the reference estimator does) and the
    component is marked usage-based.
References:
    https://aws.amazon.com/vpn/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (
    UsageKey(
        "monthly_connection_hours", "float", "Client connection hours a month, all clients together", HOURS_PER_MONTH
    ),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    hours = ctx.usage.number("monthly_connection_hours")
    yield monthly(
        "Connection",
        "hours",
        HOURS_PER_MONTH if hours is None else hours,
        aws_query(r, "AmazonVPC", None, {"usagetype": regional_ut(r, "ClientVPN-ConnectionHours")}, unit="Hrs"),
        usage_based=True,
    )


PRICER = Pricer(type="aws_ec2_client_vpn_endpoint", price=_price, usage_keys=USAGE, doc=__doc__ or "")
