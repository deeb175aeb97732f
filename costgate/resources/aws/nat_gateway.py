"""aws_nat_gateway: a managed NAT gateway.

Prices:
    NAT gateway: per hour it exists (730 h a month).
    Data processed: per GB through the gateway (usage: monthly_data_processed_gb).
Usage keys:
    monthly_data_processed_gb: GB processed a month.
Not priced / assumptions:
    Private NAT gateways (connectivity_type = "private") are billed the same hourly rate.
    Data transfer out to the internet is billed separately (aws_data_transfer usage).
References:
    https://aws.amazon.com/vpc/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component

USAGE = (UsageKey("monthly_data_processed_gb", "float", "GB processed by the NAT gateway a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield hourly(
        "NAT gateway", aws_query(r, "AmazonEC2", "NAT Gateway", {"usagetype": ut(r, "NatGateway-Hours")}, unit="Hrs")
    )
    yield usage_component(
        "Data processed",
        "GB",
        ctx.usage,
        "monthly_data_processed_gb",
        aws_query(r, "AmazonEC2", "NAT Gateway", {"usagetype": ut(r, "NatGateway-Bytes")}, unit="GB"),
    )


PRICER = Pricer(type="aws_nat_gateway", price=_price, usage_keys=USAGE, doc=__doc__ or "")
