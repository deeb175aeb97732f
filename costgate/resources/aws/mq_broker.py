"""aws_mq_broker: an Amazon MQ broker (ActiveMQ or RabbitMQ).

Prices:
    Broker instance: per hour (730 h a month) by engine, host_instance_type and deployment mode
    (SINGLE_INSTANCE is Single-AZ; ACTIVE_STANDBY_MULTI_AZ and CLUSTER_MULTI_AZ are Multi-AZ, whose
    hourly price covers the whole standby pair or 3-node cluster).
    Storage: per GB-month (usage: storage_size_gb); ActiveMQ on EFS (storage_type "efs", the
    ActiveMQ default) or EBS, RabbitMQ on EBS. A RabbitMQ cluster stores on each of its 3 nodes.
Usage keys:
    storage_size_gb: GB of broker storage used (per broker node).
Not priced / assumptions:
    Data transfer is billed as data transfer. An ActiveMQ active/standby pair on EFS shares one
    file system, so its storage is counted once.
References:
    https://aws.amazon.com/amazon-mq/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, monthly

USAGE = (UsageKey("storage_size_gb", "float", "GB of broker storage used (per broker node)"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    engine = "RabbitMQ" if str(r.get("engine_type", "")).lower() == "rabbitmq" else "ActiveMQ"
    mode = str(r.get("deployment_mode", "SINGLE_INSTANCE")).upper()
    multi_az = mode in ("ACTIVE_STANDBY_MULTI_AZ", "CLUSTER_MULTI_AZ")
    yield hourly(
        "Broker instance",
        aws_query(
            r,
            "AmazonMQ",
            "Broker Instances",
            {
                "instanceType": str(r.get("host_instance_type", "")),
                "brokerEngine": engine,
                "deploymentOption": "Multi-AZ" if multi_az else "Single-AZ",
            },
            unit="Hrs",
        ),
    )
    storage = "ebs" if engine == "RabbitMQ" else str(r.get("storage_type", "efs")).lower()
    suffix = {"RabbitMQ": "TimedStorage-RabbitMQ-ByteHrs"}.get(
        engine, "TimedStorage-EBS-ByteHrs" if storage == "ebs" else "TimedStorage-ByteHrs"
    )
    nodes = 3 if engine == "RabbitMQ" and multi_az else 1
    gb = ctx.usage.number("storage_size_gb")
    yield monthly(
        f"Storage ({storage.upper()})",
        "GB",
        None if gb is None else gb * Decimal(nodes),
        aws_query(r, "AmazonMQ", "Broker Storage", {"usagetype": regional_ut(r, suffix)}, unit="GB-Mo"),
        usage_based=True,
    )


PRICER = Pricer(type="aws_mq_broker", price=_price, usage_keys=USAGE, doc=__doc__ or "")
