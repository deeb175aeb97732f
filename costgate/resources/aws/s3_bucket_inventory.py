"""aws_s3_bucket_inventory: an S3 Inventory configuration, billed per object it lists.

Prices:
    Objects listed: per 1M objects listed in inventory reports (usage: monthly_listed_objects).
Usage keys:
    monthly_listed_objects: objects listed a month (a daily report lists the bucket ~30 times).
Not priced / assumptions:
    The report files are stored in the destination bucket and priced there (aws_s3_bucket
    storage usage). The query leaves the product family and the catalog unit out (the reference
    estimator filters on the usagetype alone).
References:
    https://aws.amazon.com/s3/pricing/ (Management & insights)
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_listed_objects", "int", "Objects listed by inventory reports a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component(
        "Objects listed",
        "1M objects",
        ctx.usage,
        "monthly_listed_objects",
        aws_query(r, "AmazonS3", None, {"usagetype": ut(r, "Inventory-ObjectsListed")}),
        per=1_000_000,
    )


PRICER = Pricer(type="aws_s3_bucket_inventory", price=_price, usage_keys=USAGE, doc=__doc__ or "")
