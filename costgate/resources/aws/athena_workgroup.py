"""aws_athena_workgroup: an Athena workgroup (queries are billed by the data they scan).

Prices:
    Data scanned: per TB scanned by SQL queries (usage: monthly_data_scanned_tb).
Usage keys:
    monthly_data_scanned_tb: TB scanned by the workgroup's queries a month.
Not priced / assumptions:
    AWS bills at least 10 MB per query; give the total after that rounding. Provisioned
    capacity (DPU-hours), Spark sessions and the S3 storage of results are not priced. The
    shipped catalog has no Athena price: the component shows as not priced until a refresh.
References:
    https://aws.amazon.com/athena/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_data_scanned_tb", "float", "TB scanned by the workgroup's queries a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    query = aws_query(r, "AmazonAthena", "Athena Queries", {"usagetype": ut(r, "DataScannedInTB")}, unit="Terabytes")
    yield usage_component("Data scanned", "TB", ctx.usage, "monthly_data_scanned_tb", query)


PRICER = Pricer(type="aws_athena_workgroup", price=_price, usage_keys=USAGE, doc=__doc__ or "")
