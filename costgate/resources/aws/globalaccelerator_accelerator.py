"""aws_globalaccelerator_accelerator: an AWS Global Accelerator.

Prices:
    Fixed fee: per hour the accelerator exists (730 h a month), enabled or not.
Usage keys:
    (none)
Not priced / assumptions:
    Data transfer premium fees are priced on aws_globalaccelerator_endpoint_group (usage).
    Global Accelerator is global: the fee is queried in us-east-1 whatever the provider's region.
    The AWS Price List does not publish the fixed fee as a product; the catalog names it
    usagetype GlobalAccelerator-Hours (see mappings/aws/AWSGlobalAccelerator.yaml).
References:
    https://aws.amazon.com/global-accelerator/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly

USAGE: tuple[UsageKey, ...] = ()
ACCELERATOR_REGION = "us-east-1"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield hourly(
        "Fixed fee",
        aws_query(
            r,
            "AWSGlobalAccelerator",
            "Accelerator",
            {"usagetype": "GlobalAccelerator-Hours"},
            unit="Hrs",
            region=ACCELERATOR_REGION,
        ),
    )


PRICER = Pricer(type="aws_globalaccelerator_accelerator", price=_price, usage_keys=USAGE, doc=__doc__ or "")
