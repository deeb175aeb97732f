"""aws_ec2_host: an EC2 Dedicated Host, billed per host-hour by instance family.

Prices:
    EC2 Dedicated Host: per hour the host is allocated, by instance family (mac1, m6g, ...),
    whatever runs on it (instances with host tenancy are not billed again).
Usage keys:
    none.
Not priced / assumptions:
    On-demand only; host reservations and savings plans are not modelled. The family comes
    from `instance_family`, else from `instance_type` (mac1.metal -> mac1).
References:
    https://aws.amazon.com/ec2/dedicated-hosts/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, hourly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    family = r.get("instance_family") or str(r.get("instance_type", "")).split(".")[0]
    if not family:
        return
    query = aws_query(
        r,
        "AmazonEC2",
        "Dedicated Host",
        {
            "instanceType": family,
            "tenancy": "Host",
            "operatingSystem": "Linux",
            "usagetype": ut(r, f"HostUsage:{family}"),
        },
        unit="Hrs",
    )
    yield hourly(f"EC2 Dedicated Host (on-demand, {family})", query)


PRICER = Pricer(type="aws_ec2_host", price=_price, doc=__doc__ or "")
