"""aws_spot_fleet_request: a Spot Fleet, spot (and optionally on-demand) instances up to its target capacity.

Prices:
    Per instance (see aws_instance): instance usage, detailed monitoring, CPU credits, public IPv4
    address and the disks of the launch specification or launch template used:
    on_demand_target_capacity units on demand, the rest of target_capacity as spot.
    Instances = ceil(units / weighted_capacity) of the specification or override used.
Usage keys:
    operating_system, monthly_cpu_credit_hrs, vcpu_count: as for aws_instance, per instance.
Not priced / assumptions:
    The launch specification or launch template override priced is the one with the lowest
    priority when all have one, else the first the plan lists (launch_specification is a set):
    allocation strategies that pick by live spot price or capacity cannot be known before launch.
    A launch specification without root_block_device has the 8 GB gp2 root volume of aws_instance.
    An override without instance_type (instance_requirements) or capacity in vCPUs or MiB gives
    instance hours that are not priced, shown with the query. Spot prices are not in the shipped
    catalog. The request itself is free.
References:
    https://aws.amazon.com/ec2/spot/pricing/
    https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-fleet.html
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from costgate.model import CostComponent, Resource
from costgate.resources.aws._ebs import volume_of
from costgate.resources.aws._ec2 import (
    DEFAULT_ROOT,
    INSTANCE_USAGE,
    TENANCY,
    InstanceSpec,
    flag,
    launch_template_spec,
    resolve,
)
from costgate.resources.aws._fleet import first_choice, fleet_components, instances
from costgate.resources.base import Pricer, PricingContext, dec

USAGE = tuple(k for k in INSTANCE_USAGE if not k.name.startswith("reserved_"))  # spot fleets are not reserved
LT = "launch_template_config.launch_template_specification"


def _spec_of(r: Resource, ls: Mapping[str, Any]) -> InstanceSpec:
    """An instance spec from one launch_specification block."""
    roots = ls.get("root_block_device") or [{}]
    root = volume_of(roots[0], path="launch_specification/root_block_device", default_size=DEFAULT_ROOT.size)
    extra = tuple(
        volume_of(b, path=f"launch_specification/ebs_block_device[{i}]")
        for i, b in enumerate(ls.get("ebs_block_device") or [])
    )
    return InstanceSpec(
        instance_type=ls.get("instance_type"),
        tenancy=TENANCY.get(str(ls.get("placement_tenancy") or "default"), "Shared"),
        ebs_optimized=bool(flag(ls.get("ebs_optimized"))),
        monitoring=bool(flag(ls.get("monitoring"))),
        volumes=(root, *extra),
        public_ipv4=bool(flag(ls.get("associate_public_ip_address"))),
    )


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    weight: Any = None
    if specs := r.blocks("launch_specification"):
        chosen = first_choice(specs)
        spec, weight = _spec_of(r, chosen), chosen.get("weighted_capacity")
    else:
        lt = resolve(ctx, r, f"{LT}.id", f"{LT}.name")
        spec = launch_template_spec(lt) if lt else InstanceSpec(instance_type=None, source=r.address)
        override = first_choice(r.block("launch_template_config").get("overrides") or [])
        spec = replace(spec, instance_type=override.get("instance_type") or spec.instance_type)
        weight = override.get("weighted_capacity")
    total = dec(r.get("target_capacity"))
    on_demand = dec(r.get("on_demand_target_capacity"), Decimal(0)) or Decimal(0)
    spot: Decimal | None = None if total is None else max(total - on_demand, Decimal(0))
    od_units: Decimal | None = on_demand
    if r.get("target_capacity_unit_type") not in (None, "units"):
        # capacity in vCPUs or MiB: the types and the instance count are AWS's choice
        spec = replace(spec, instance_type=None)
        od_units = None if on_demand else on_demand
        spot = None if spot != 0 else spot
    yield from fleet_components(r, spec, ctx.usage, instances(od_units, weight), instances(spot, weight))


PRICER = Pricer(type="aws_spot_fleet_request", price=_price, usage_keys=USAGE, doc=__doc__ or "")
