"""aws_flow_log: VPC, subnet, network interface or transit gateway flow logs, delivered as vended logs.

Prices:
    By log_destination_type (default cloud-watch-logs), per GB of flow logs a month (usage:
    monthly_logs_gb), at AWS's tiered vended-log rates (AmazonCloudWatch, family Data Payload):
    cloud-watch-logs: Vended logs ingested (group Ingested Logs, usagetype VendedLog-Bytes);
    s3: Vended logs delivered to S3 (group Delivered Logs, S3-Egress-Bytes), plus Parquet
    conversion per GB (group Converted Logs, S3-Egress-InputBytes) when
    destination_options.file_format is parquet;
    kinesis-data-firehose: Vended logs delivered to Firehose (group Delivered Logs, FH-Egress-Bytes).
Usage keys:
    monthly_logs_gb: GB of flow log records a month.
Not priced / assumptions:
    The volume of records depends on the traffic: every component depends on usage. Storage is
    billed where the logs land (aws_cloudwatch_log_group, aws_s3_bucket, the delivery stream),
    priced there. The tiers are per account and month; the estimate starts them at zero for each
    flow log.
References:
    https://aws.amazon.com/cloudwatch/pricing/
    https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html#flow-logs-pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_logs_gb", "float", "GB of flow log records a month"),)
DESTINATIONS = {
    "cloud-watch-logs": ("Vended logs ingested (CloudWatch Logs)", "Ingested Logs", "VendedLog-Bytes"),
    "s3": ("Vended logs delivered (S3)", "Delivered Logs", "S3-Egress-Bytes"),
    "kinesis-data-firehose": ("Vended logs delivered (Firehose)", "Delivered Logs", "FH-Egress-Bytes"),
}


def _q(r: Resource, family: str | None, group: str, usagetype: str) -> PriceQuery:
    return aws_query(r, "AmazonCloudWatch", family, {"group": group, "usagetype": ut(r, usagetype)}, unit="GB")


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    destination = str(r.get("log_destination_type") or "cloud-watch-logs")
    name, group, usagetype = DESTINATIONS.get(destination, (f"Vended logs ({destination})", "", destination))
    yield usage_component(name, "GB", ctx.usage, "monthly_logs_gb", _q(r, "Data Payload", group, usagetype))
    if destination == "s3" and str(r.block("destination_options").get("file_format") or "").lower() == "parquet":
        query = _q(r, None, "Converted Logs", "S3-Egress-InputBytes")
        yield usage_component("Parquet conversion", "GB", ctx.usage, "monthly_logs_gb", query)


PRICER = Pricer(type="aws_flow_log", price=_price, usage_keys=USAGE, doc=__doc__ or "")
