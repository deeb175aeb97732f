"""aws_cloudwatch_dashboard: a CloudWatch dashboard.

Prices:
    Dashboard: a flat fee per dashboard a month.
Usage keys:
    (none)
Not priced / assumptions:
    The dashboard fee is the same in every region (AWS lists it once); costgate queries it in
    us-east-1 whatever the provider's region. The first three dashboards of an account are free
    under the always-free tier, which costgate does not subtract.
References:
    https://aws.amazon.com/cloudwatch/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE: tuple[UsageKey, ...] = ()
DASHBOARD_REGION = "us-east-1"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield monthly(
        "Dashboard",
        "months",
        1,
        aws_query(
            r,
            "AmazonCloudWatch",
            "Dashboard",
            {"usagetype": "DashboardsUsageHour"},
            unit="Dashboards",
            region=DASHBOARD_REGION,
        ),
    )


PRICER = Pricer(type="aws_cloudwatch_dashboard", price=_price, usage_keys=USAGE, doc=__doc__ or "")
