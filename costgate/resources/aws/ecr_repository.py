"""aws_ecr_repository: a private Elastic Container Registry repository.

Prices:
    Storage: image storage per GB-month (usage: storage_gb).
Usage keys:
    storage_gb: image data stored, GB.
Not priced / assumptions:
    Data transfer out and the archive storage class are not priced; pulls inside a region
    are free.
References:
    https://aws.amazon.com/ecr/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("storage_gb", "float", "Image data stored, GB"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    query = aws_query(
        r, "AmazonECR", "EC2 Container Registry", {"usagetype": ut(r, "TimedStorage-ByteHrs")}, unit="GB-Mo"
    )
    yield usage_component("Storage", "GB", ctx.usage, "storage_gb", query)


PRICER = Pricer(type="aws_ecr_repository", price=_price, usage_keys=USAGE, doc=__doc__ or "")
