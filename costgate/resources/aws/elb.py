"""aws_elb: a Classic Load Balancer.

Prices:
    Classic load balancer: per hour it exists (730 h a month).
    Data processed: per GB through the load balancer (usage: monthly_data_processed_gb).
Usage keys:
    monthly_data_processed_gb: GB processed a month.
Not priced / assumptions:
    Data transfer out is billed separately (aws_data_transfer usage).
References:
    https://aws.amazon.com/elasticloadbalancing/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component

USAGE = (UsageKey("monthly_data_processed_gb", "float", "GB processed by the load balancer a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    attrs = {"group": "ELB:Balancing"}
    yield hourly(
        "Classic load balancer",
        aws_query(r, "AWSELB", "Load Balancer", {**attrs, "usagetype": ut(r, "LoadBalancerUsage")}, unit="Hrs"),
    )
    yield usage_component(
        "Data processed",
        "GB",
        ctx.usage,
        "monthly_data_processed_gb",
        aws_query(r, "AWSELB", "Load Balancer", {**attrs, "usagetype": ut(r, "DataProcessing-Bytes")}, unit="GB"),
    )


PRICER = Pricer(type="aws_elb", price=_price, usage_keys=USAGE, doc=__doc__ or "")
