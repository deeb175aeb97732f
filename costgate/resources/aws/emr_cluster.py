"""aws_emr_cluster: an EMR cluster's master and core nodes (instance groups or instance fleets).

Prices:
    EC2 instances: each node's instance hours as for aws_instance (Linux, shared tenancy),
    on-demand or, for fleets' spot capacity and groups with a bid_price, spot.
    EMR uplift: the EMR charge per instance-hour by instance type (ElasticMapReduce offer).
    EBS volumes: each node's ebs_config volumes (size x volumes_per_instance).
Usage keys:
    (none)
Not priced / assumptions:
    Instance groups: instance_count (default 1) nodes of instance_type. Instance fleets: the
    first instance_type_configs entry, target_on_demand_capacity / its weighted_capacity
    on-demand nodes plus target_spot_capacity / weighted_capacity spot nodes (AWS chooses among
    the configured types at launch; the first is the stated preference). Task nodes are separate
    resources (aws_emr_instance_group / aws_emr_instance_fleet). The root volume and the EBS
    volumes EMR attaches by default to EBS-only types when ebs_config is absent are not priced.
    No shipped price source has EMR uplift prices: that component shows as not priced until a
    catalog refresh; spot prices are not in the shipped catalog either.
References:
    https://aws.amazon.com/emr/pricing/
    https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-storage.html
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import ROUND_CEILING, Decimal
from typing import Any

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._ebs import volume_of
from costgate.resources.aws._ec2 import InstanceSpec, instance_components
from costgate.resources.base import Pricer, PricingContext, Usage, UsageKey, integer, monthly, number

USAGE: tuple[UsageKey, ...] = ()


def _nodes(
    r: Resource, role: str, itype: str, count: Decimal, spot: bool, ebs: list[Mapping[str, Any]], path: str
) -> Iterator[CostComponent]:
    volumes = tuple(
        volume_of(v, path=f"{path}/ebs_config[{i}]", size_key="size", type_key="type")
        for i, v in enumerate(ebs)
        for _ in range(integer(v, "volumes_per_instance", 1, high=1000) or 1)
    )
    spec = InstanceSpec(instance_type=itype, spot=spot, volumes=volumes, source=path)
    yield from instance_components(r, spec, Usage(), count=count)
    uplift = aws_query(
        r, "ElasticMapReduce", "Elastic Map Reduce Instance", {"instanceType": itype, "softwareType": "EMR"}, unit="Hrs"
    )
    yield monthly(f"EMR uplift ({role}, {itype})", "hours", HOURS_PER_MONTH * count, uplift, path=path)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    for role in ("master", "core"):
        group, fleet = r.block(f"{role}_instance_group"), r.block(f"{role}_instance_fleet")
        path = f"{r.address}/{role}_instance_{'group' if group else 'fleet'}"
        if group.get("instance_type"):
            count = number(group, "instance_count", Decimal(1)) or Decimal(1)
            spot = group.get("bid_price") not in (None, "")
            yield from _nodes(
                r, role, str(group["instance_type"]), count, spot, list(group.get("ebs_config") or []), path
            )
        elif fleet.get("instance_type_configs"):
            config = next(iter(fleet["instance_type_configs"]))
            weight = number(config, "weighted_capacity", Decimal(1)) or Decimal(1)
            for spot, key in ((False, "target_on_demand_capacity"), (True, "target_spot_capacity")):
                units = number(fleet, key, Decimal(0)) or Decimal(0)
                if units > 0:
                    count = (units / weight).to_integral_value(rounding=ROUND_CEILING)
                    yield from _nodes(
                        r, role, str(config["instance_type"]), count, spot, list(config.get("ebs_config") or []), path
                    )


PRICER = Pricer(type="aws_emr_cluster", price=_price, usage_keys=USAGE, doc=__doc__ or "")
