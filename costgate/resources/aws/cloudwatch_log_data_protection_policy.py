"""aws_cloudwatch_log_data_protection_policy: masking of sensitive data in a CloudWatch log group.

Prices:
    Data scanned for sensitive data: per GB ingested into the log group that the policy scans
    (usage: monthly_data_scanned_gb; AmazonCloudWatch, group DataProtection Logs, usagetype
    DataProtection-Bytes).
Usage keys:
    monthly_data_scanned_gb: GB ingested into the log group a month (all of it is scanned).
Not priced / assumptions:
    Ingestion and storage of the log group are priced on aws_cloudwatch_log_group.
References:
    https://aws.amazon.com/cloudwatch/pricing/
    https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/mask-sensitive-log-data.html
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_data_scanned_gb", "float", "GB ingested into the log group a month (all scanned)"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    attrs = {"group": "DataProtection Logs", "usagetype": ut(r, "DataProtection-Bytes")}
    query = aws_query(r, "AmazonCloudWatch", None, attrs, unit="GB")
    yield usage_component("Data scanned for sensitive data", "GB", ctx.usage, "monthly_data_scanned_gb", query)


PRICER = Pricer(type="aws_cloudwatch_log_data_protection_policy", price=_price, usage_keys=USAGE, doc=__doc__ or "")
