"""aws_ec2_fleet: an EC2 Fleet, the instances it keeps running (or launched once) to reach its target capacity.

Prices:
    Per instance (see aws_instance): instance usage, amortised reserved upfront fee, EBS-optimized
    fee, detailed monitoring, CPU credits and the launch template's block devices, for the
    on-demand and the spot instances of target_capacity_specification: on_demand_target_capacity
    and spot_target_capacity as given, the rest of total_target_capacity as
    default_target_capacity_type. Instances = ceil(units / weighted_capacity) of the override used.
Usage keys:
    operating_system, reserved_instance_type, reserved_instance_term,
    reserved_instance_payment_option, monthly_cpu_credit_hrs, vcpu_count: as for aws_instance,
    per instance (a reservation applies to the on-demand instances only).
Not priced / assumptions:
    The override priced is the one with the lowest priority when all have one, else the first:
    allocation strategies that pick by live price or capacity cannot be known before launch. An
    override without instance_type (instance_requirements) or capacity counted in vCPUs or MiB
    (target_capacity_unit_type vcpu / memory-mib) gives instance hours that are not priced, shown
    with the query. Spot prices are not in the shipped catalog. The fleet itself is free; an
    `instant` or `request` fleet is priced like `maintain` (its instances run until terminated).
References:
    https://aws.amazon.com/ec2/pricing/
    https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-fleet-request-type.html
    https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-fleet-attribute-based-instance-type-selection.html
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._ec2 import INSTANCE_USAGE, InstanceSpec, launch_template_spec, resolve
from costgate.resources.aws._fleet import first_choice, fleet_components, instances
from costgate.resources.base import Pricer, PricingContext, dec

LT = "launch_template_config.launch_template_specification"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    lt = resolve(ctx, r, f"{LT}.launch_template_id", f"{LT}.launch_template_name")
    spec = launch_template_spec(lt) if lt else InstanceSpec(instance_type=None, source=r.address)
    override = first_choice(r.block("launch_template_config").get("override") or [])
    spec = replace(spec, instance_type=override.get("instance_type") or spec.instance_type)
    target = r.block("target_capacity_specification")
    total = dec(target.get("total_target_capacity"))
    on_demand = dec(target.get("on_demand_target_capacity"), Decimal(0)) or Decimal(0)
    spot = dec(target.get("spot_target_capacity"), Decimal(0)) or Decimal(0)
    rest = None if total is None else max(total - on_demand - spot, Decimal(0))
    od_units: Decimal | None
    spot_units: Decimal | None
    if target.get("default_target_capacity_type") == "spot":
        spot_units, od_units = (None if rest is None else spot + rest), on_demand
    else:
        od_units, spot_units = (None if rest is None else on_demand + rest), spot
    if target.get("target_capacity_unit_type") not in (None, "units"):
        # capacity in vCPUs or MiB: the types and the instance count are AWS's choice
        spec = replace(spec, instance_type=None)
        od_units = None if od_units != 0 else od_units
        spot_units = None if spot_units != 0 else spot_units
    weight = override.get("weighted_capacity")
    yield from fleet_components(r, spec, ctx.usage, instances(od_units, weight), instances(spot_units, weight))


PRICER = Pricer(type="aws_ec2_fleet", price=_price, usage_keys=INSTANCE_USAGE, doc=__doc__ or "")
