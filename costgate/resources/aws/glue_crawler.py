"""aws_glue_crawler: a Glue crawler.

Prices:
    Duration: DPU-hours the crawler runs (usage: monthly_hours, counted at one DPU).
Usage keys:
    monthly_hours: hours the crawler runs a month.
Not priced / assumptions:
    AWS bills crawlers per DPU-second with a 10-minute minimum per run; the usage figure is
    taken as DPU-hours. Data Catalog storage and requests are priced on the database.
References:
    https://aws.amazon.com/glue/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_hours", "float", "Hours the crawler runs a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    query = aws_query(r, "AWSGlue", "AWS Glue", {"usagetype": ut(r, "Crawler-DPU-Hour")}, unit="DPU-Hour")
    yield usage_component("Duration", "hours", ctx.usage, "monthly_hours", query)


PRICER = Pricer(type="aws_glue_crawler", price=_price, usage_keys=USAGE, doc=__doc__ or "")
