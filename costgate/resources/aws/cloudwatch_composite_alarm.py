"""aws_cloudwatch_composite_alarm: an alarm whose state combines other alarms.

Prices:
    Composite alarm: per alarm-month (usagetype CW:CompositeAlarmMonitorUsage).
Usage keys:
    none.
Not priced / assumptions:
    The alarms it combines are priced on their own aws_cloudwatch_metric_alarm resources.
References:
    https://aws.amazon.com/cloudwatch/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, monthly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    query = aws_query(
        r,
        "AmazonCloudWatch",
        "Alarm",
        {"group": "Alarm", "usagetype": ut(r, "CW:CompositeAlarmMonitorUsage")},
        unit="Alarms",
    )
    yield monthly("Composite alarm", "alarms", 1, query)


PRICER = Pricer(type="aws_cloudwatch_composite_alarm", price=_price, doc=__doc__ or "")
