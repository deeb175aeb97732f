"""aws_kinesis_firehose_delivery_stream: a Kinesis Data Firehose (Amazon Data Firehose) stream.

Prices:
    Data ingested: per GB ingested (usage: monthly_data_ingested_gb), tiered (first 500 TB,
    next 1.5 PB, next 3 PB, over 5 PB).
    Format conversion: per GB converted, when the S3 destination converts records to
    Parquet/ORC (same usage).
    VPC data: per GB delivered into a VPC, when a destination has vpc_config (same usage).
    VPC AZ delivery: per hour per subnet (availability zone) of the destination's vpc_config.
Usage keys:
    monthly_data_ingested_gb: GB ingested a month.
Not priced / assumptions:
    Ingestion is billed in 5 KB records; the usage is taken as billed GB. When subnet ids are
    unknown until apply, one AZ per subnet the configuration references (at least one). The
    catalog snapshot holds only the first 500 TB tier: more shows as not priced. Dynamic
    partitioning and the destinations' own charges (S3, OpenSearch, ...) are not priced here.
References:
    https://aws.amazon.com/firehose/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component

USAGE = (UsageKey("monthly_data_ingested_gb", "float", "GB ingested a month"),)
SERVICE, FAMILY = "AmazonKinesisFirehose", "Kinesis Firehose"


def _converts(r: Resource) -> bool:
    conversion = _first(r.block("extended_s3_configuration").get("data_format_conversion_configuration"))
    return bool(conversion) and conversion.get("enabled") is not False


def _first(value: Any) -> Mapping[str, Any]:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, Mapping) else {}


def _vpc_azs(r: Resource) -> int:
    """Subnets of the first destination delivering into a VPC (0: none does)."""
    for key in sorted(k for k in r.values if k.endswith("_configuration")):
        vpc = _first(r.block(key).get("vpc_config"))
        if vpc:
            subnets = vpc.get("subnet_ids")
            if isinstance(subnets, list) and subnets:
                return len(subnets)
            return max(1, len(r.refs.get(f"{key}.vpc_config.subnet_ids", ())))
    return 0


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    key = "monthly_data_ingested_gb"
    yield usage_component(
        "Data ingested",
        "GB",
        ctx.usage,
        key,
        aws_query(r, SERVICE, FAMILY, {"group": "Event-by-Event Processing"}, unit="GB"),
    )
    if _converts(r):
        yield usage_component(
            "Format conversion",
            "GB",
            ctx.usage,
            key,
            aws_query(r, SERVICE, FAMILY, {"operation": "DataFormatConversion"}, unit="GB"),
        )
    azs = _vpc_azs(r)
    if azs:
        yield usage_component(
            "VPC data", "GB", ctx.usage, key, aws_query(r, SERVICE, FAMILY, {"operation": "VpcBandwidth"}, unit="GB")
        )
        yield hourly(
            "VPC AZ delivery", aws_query(r, SERVICE, FAMILY, {"operation": "RunVpcInstance"}, unit="Hrs"), count=azs
        )


PRICER = Pricer(type="aws_kinesis_firehose_delivery_stream", price=_price, usage_keys=USAGE, doc=__doc__ or "")
