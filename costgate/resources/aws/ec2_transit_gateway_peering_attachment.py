"""aws_ec2_transit_gateway_peering_attachment: a peering between two transit gateways.

Prices:
    Transit gateway attachment: per hour (730 h a month), in the requesting gateway's region.
Usage keys:
    (none)
Not priced / assumptions:
    AWS bills no data processing on peering attachments; the inter-region data transfer they
    carry is billed as data transfer (aws_data_transfer usage). The accepter side bills its own
    attachment hours (an aws_ec2_transit_gateway_peering_attachment_accepter, free in costgate to
    avoid counting the attachment twice).
References:
    https://aws.amazon.com/transit-gateway/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._transit_gateway import attachment
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE: tuple[UsageKey, ...] = ()


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield attachment(r, "TransitGatewayPeering")


PRICER = Pricer(type="aws_ec2_transit_gateway_peering_attachment", price=_price, usage_keys=USAGE, doc=__doc__ or "")
