"""aws_s3_bucket_analytics_configuration: S3 Storage Class Analysis on a bucket.

Prices:
    Objects monitored: per million objects monitored a month (usage).
Usage keys:
    monthly_monitored_objects: objects monitored a month.
Not priced / assumptions:
    Exporting the analysis stores objects in a bucket, priced on that bucket.
References:
    https://aws.amazon.com/s3/pricing/ (Management and insights)
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_monitored_objects", "float", "Objects monitored a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    query = aws_query(
        r, "AmazonS3", "Storage Class Analysis", {"usagetype": ut(r, "StorageAnalytics-ObjCount")}, unit="Objects"
    )
    yield usage_component(
        "Objects monitored", "1M objects", ctx.usage, "monthly_monitored_objects", query, per=1_000_000
    )


PRICER = Pricer(type="aws_s3_bucket_analytics_configuration", price=_price, usage_keys=USAGE, doc=__doc__ or "")
