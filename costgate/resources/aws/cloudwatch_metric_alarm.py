"""aws_cloudwatch_metric_alarm: a CloudWatch metric alarm.

Prices:
    Alarm metrics: per metric the alarm evaluates a month, at the standard-resolution price
    (period >= 60 s) or the high-resolution price (period < 60 s, 10 or 30 s). A metric-math
    alarm counts each metric_query that reads a metric; an anomaly-detection alarm (comparison
    operator against a band) counts three metrics per metric (the metric and the band's bounds).
Usage keys:
    (none)
Not priced / assumptions:
    Metrics Insights query alarms and composite alarms (aws_cloudwatch_composite_alarm) are
    other products. The always-free tier (10 alarm metrics an account) is not subtracted.
References:
    https://aws.amazon.com/cloudwatch/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number

USAGE: tuple[UsageKey, ...] = ()
ANOMALY_OPERATORS = frozenset(
    {"LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold"}
)
ANOMALY_METRICS = 3


def _metrics_and_period(r: Resource) -> tuple[int, Decimal]:
    queries = r.blocks("metric_query")
    if not queries:
        return 1, number(r, "period", Decimal(60)) or Decimal(60)
    reading = [q for q in queries if q.get("metric")]
    periods = [number(m, "period") for q in reading for m in q["metric"] if isinstance(m, dict)]
    known = [p for p in periods if p is not None]
    return max(len(reading), 1), min(known) if known else Decimal(60)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    metrics, period = _metrics_and_period(r)
    high = period < 60
    anomaly = str(r.get("comparison_operator", "")) in ANOMALY_OPERATORS
    name = ("High resolution" if high else "Standard resolution") + (" anomaly detection" if anomaly else "")
    usagetype = "CW:HighResAlarmMonitorUsage" if high else "CW:AlarmMonitorUsage"
    count = metrics * (ANOMALY_METRICS if anomaly else 1)
    query = aws_query(r, "AmazonCloudWatch", "Alarm", {"group": "Alarm", "usagetype": ut(r, usagetype)}, unit="Alarms")
    yield monthly(name, "alarm metrics", count, query)


PRICER = Pricer(type="aws_cloudwatch_metric_alarm", price=_price, usage_keys=USAGE, doc=__doc__ or "")
