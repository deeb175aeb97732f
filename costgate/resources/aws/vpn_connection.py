"""aws_vpn_connection: an AWS Site-to-Site VPN connection.

Prices:
    VPN connection: per connection-hour (730 h a month).
    Transit gateway attachment: per hour, when the VPN terminates on a transit gateway
    (transit_gateway_id set).
    Data processed: per GB through that transit gateway attachment (usage:
    monthly_data_processed_gb).
Usage keys:
    monthly_data_processed_gb: GB processed by the transit gateway through this VPN a month.
Not priced / assumptions:
    Data transfer out is billed as data transfer. Accelerated VPN (Global Accelerator) and the
    larger-bandwidth tunnel options are not priced.
References:
    https://aws.amazon.com/vpn/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.aws._transit_gateway import DATA_KEY, attachment, data_processed
from costgate.resources.base import Pricer, PricingContext, hourly

USAGE = (DATA_KEY,)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield hourly(
        "VPN connection",
        aws_query(r, "AmazonVPC", "Cloud Connectivity", {"usagetype": ut(r, "VPN-Usage-Hours:ipsec.1")}, unit="Hrs"),
    )
    if r.get("transit_gateway_id") or r.is_unknown("transit_gateway_id"):
        yield attachment(r, "TransitGatewayVPN")
        yield data_processed(r, ctx.usage, "TransitGatewayVPN")


PRICER = Pricer(type="aws_vpn_connection", price=_price, usage_keys=USAGE, doc=__doc__ or "")
