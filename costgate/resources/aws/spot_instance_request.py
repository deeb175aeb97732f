"""aws_spot_instance_request: an EC2 instance bought on the spot market.

Prices:
    Instance usage at the spot price (purchase option spot), plus its disks, detailed
    monitoring and CPU credits exactly as aws_instance prices them.
Usage keys:
    The same as aws_instance: monthly_hrs, operating_system, monthly_cpu_credit_hrs, vcpu_count.
Not priced / assumptions:
    Spot prices move hourly and are not in the shipped catalog, so instance hours show as not
    priced (never $0) until a catalog with spot prices is used; disks are priced as usual.
References:
    https://aws.amazon.com/ec2/spot/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._ec2 import instance_components
from costgate.resources.aws.instance import USAGE as INSTANCE_USAGE
from costgate.resources.aws.instance import _spec
from costgate.resources.base import Pricer, PricingContext

USAGE = tuple(k for k in INSTANCE_USAGE if not k.name.startswith("reserved_"))  # a spot request is never reserved


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    hours = ctx.usage.number("monthly_hrs")
    spec = replace(_spec(r, ctx), spot=True)
    yield from instance_components(r, spec, ctx.usage, hours=HOURS_PER_MONTH if hours is None else hours)


PRICER = Pricer(type="aws_spot_instance_request", price=_price, usage_keys=USAGE, doc=__doc__ or "")
