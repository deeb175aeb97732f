"""aws_msk_cluster: an Amazon MSK (Managed Streaming for Apache Kafka) provisioned cluster.

Prices:
    Broker instances: per broker-hour, number_of_broker_nodes x 730 h a month, by
    broker_node_group_info.instance_type.
    Storage: per GB-month, the EBS volume of every broker
    (broker_node_group_info.storage_info.ebs_storage_info.volume_size, or the older ebs_volume_size;
    AWS's default is 1000 GB). A broker count known only after apply is reported as unknown.
Usage keys:
    (none)
Not priced / assumptions:
    Provisioned storage throughput (provisioned_throughput), tiered storage, MSK Connect and
    data transfer are not priced. Storage autoscaling (an aws_appautoscaling_target) is not
    followed: the configured volume size is priced.
References:
    https://aws.amazon.com/msk/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, monthly, number

FAMILY = "Managed Streaming for Apache Kafka (MSK)"
DEFAULT_VOLUME_GB = Decimal(1000)


def _first(block: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = block.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, Mapping) else {}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    group = r.block("broker_node_group_info")
    brokers = None if r.is_unknown("number_of_broker_nodes") else number(r, "number_of_broker_nodes", Decimal(0))
    yield monthly(
        "Broker instances",
        "hours",
        None if brokers is None else brokers * HOURS_PER_MONTH,
        aws_query(r, "AmazonMSK", FAMILY, {"instanceType": str(group.get("instance_type", ""))}, unit="Hrs"),
    )
    ebs = _first(_first(group, "storage_info"), "ebs_storage_info")
    size = number(ebs, "volume_size") or number(group, "ebs_volume_size") or DEFAULT_VOLUME_GB
    yield monthly(
        "Storage",
        "GB",
        None if brokers is None else size * brokers,
        aws_query(r, "AmazonMSK", FAMILY, {"storageFamily": "GP2"}, unit="GB-Mo"),
    )


PRICER = Pricer(type="aws_msk_cluster", price=_price, doc=__doc__ or "")
