"""aws_cloudwatch_log_group: a CloudWatch Logs log group.

Prices:
    Data ingested: per GB ingested (usage: monthly_data_ingested_gb).
    Archival Storage: per GB-month stored (usage: storage_gb).
    Insights queries data scanned: per GB scanned by Logs Insights (usage: monthly_data_scanned_gb).
Usage keys:
    monthly_data_ingested_gb: GB ingested a month.
    storage_gb: GB stored (archived).
    monthly_data_scanned_gb: GB scanned by Logs Insights queries a month.
Not priced / assumptions:
    log_group_class INFREQUENT_ACCESS ingests at its own rate (usagetype DataProcessingIA-Bytes),
    which the us-east-1 snapshot does not have. Vended logs' volume tiers, the free tier and
    subscription-filter delivery are not priced.
References:
    https://aws.amazon.com/cloudwatch/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (
    UsageKey("monthly_data_ingested_gb", "float", "GB ingested a month"),
    UsageKey("storage_gb", "float", "GB stored (archived logs)"),
    UsageKey("monthly_data_scanned_gb", "float", "GB scanned by Logs Insights queries a month"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    ingest = (
        "DataProcessingIA-Bytes"
        if str(r.get("log_group_class", "")).upper() == "INFREQUENT_ACCESS"
        else "DataProcessing-Bytes"
    )
    yield usage_component(
        "Data ingested",
        "GB",
        ctx.usage,
        "monthly_data_ingested_gb",
        aws_query(
            r, "AmazonCloudWatch", "Data Payload", {"group": "Ingested Logs", "usagetype": ut(r, ingest)}, unit="GB"
        ),
    )
    yield usage_component(
        "Archival Storage",
        "GB",
        ctx.usage,
        "storage_gb",
        aws_query(
            r, "AmazonCloudWatch", "Storage Snapshot", {"usagetype": ut(r, "TimedStorage-ByteHrs")}, unit="GB-Mo"
        ),
    )
    yield usage_component(
        "Insights queries data scanned",
        "GB",
        ctx.usage,
        "monthly_data_scanned_gb",
        aws_query(
            r,
            "AmazonCloudWatch",
            "Data Payload",
            {"group": "Queried Logs", "usagetype": ut(r, "DataScanned-Bytes")},
            unit="GB",
        ),
    )


PRICER = Pricer(type="aws_cloudwatch_log_group", price=_price, usage_keys=USAGE, doc=__doc__ or "")
