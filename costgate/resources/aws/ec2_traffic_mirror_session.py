"""aws_ec2_traffic_mirror_session: mirroring of one network interface's traffic.

Prices:
    Traffic mirror: per hour the session mirrors its source interface (730 h a month).
Usage keys:
    (none)
Not priced / assumptions:
    The mirrored traffic's data transfer (to a target in another AZ or VPC) is billed as data
    transfer (aws_data_transfer usage).
References:
    https://aws.amazon.com/vpc/pricing/
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
        "Traffic mirror", aws_query(r, "AmazonVPC", None, {"usagetype": regional_ut(r, "ENI-Mirror")}, unit="Hrs")
    )


PRICER = Pricer(type="aws_ec2_traffic_mirror_session", price=_price, usage_keys=USAGE, doc=__doc__ or "")
