"""aws_ec2_transit_gateway_vpc_attachment: a VPC attached to a transit gateway.

Prices:
    Transit gateway attachment: per hour (730 h a month).
    Data processed: per GB sent through the attachment (usage: monthly_data_processed_gb).
Usage keys:
    monthly_data_processed_gb: GB processed a month.
Not priced / assumptions:
    Priced in the attachment's own region (the transit gateway's region; they are the same).
References:
    https://aws.amazon.com/transit-gateway/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._transit_gateway import DATA_KEY, attachment, data_processed
from costgate.resources.base import Pricer, PricingContext

USAGE = (DATA_KEY,)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield attachment(r, "TransitGatewayVPC")
    yield data_processed(r, ctx.usage, "TransitGatewayVPC")


PRICER = Pricer(type="aws_ec2_transit_gateway_vpc_attachment", price=_price, usage_keys=USAGE, doc=__doc__ or "")
