"""aws_glue_catalog_database: a database in the Glue Data Catalog.

Prices:
    Storage: objects stored (tables, partitions, versions), per 100,000 objects a month (usage).
    Requests: Data Catalog API requests, per million (usage).
Usage keys:
    monthly_objects: objects stored in the catalog.
    monthly_requests: Data Catalog requests a month.
Not priced / assumptions:
    The first million objects and requests a month are free per account; subtract them with
    --free-tier, not here (an account has many databases).
References:
    https://aws.amazon.com/glue/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (
    UsageKey("monthly_objects", "float", "Objects stored in the catalog"),
    UsageKey("monthly_requests", "float", "Data Catalog requests a month"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    storage = aws_query(r, "AWSGlue", "AWS Glue", {"group": "Data Catalog Storage"}, unit="Obj-Mo")
    yield usage_component("Storage", "100k objects", ctx.usage, "monthly_objects", storage, per=100_000)
    requests = aws_query(r, "AWSGlue", "AWS Glue", {"group": "Data Catalog Requests"}, unit="Requests")
    yield usage_component("Requests", "1M requests", ctx.usage, "monthly_requests", requests, per=1_000_000)


PRICER = Pricer(type="aws_glue_catalog_database", price=_price, usage_keys=USAGE, doc=__doc__ or "")
