"""aws_autoscaling_group: the instances an autoscaling group runs, as its launch template or
launch configuration describes them.

Prices:
    Per instance (see aws_instance): instance usage, amortised reserved upfront fee, EBS-optimized fee, detailed monitoring,
    CPU credits, and the template's or configuration's block devices, times the instance count.
    Mixed instances policy: the first override's type (weighted capacity divides the count),
    on-demand base and percentage as AWS allocates them; the spot share is priced as spot.
Usage keys:
    instances: instances running on average (default: desired_capacity, else min_size).
    operating_system, reserved_instance_type, reserved_instance_term,
    reserved_instance_payment_option, monthly_cpu_credit_hrs, vcpu_count: as for aws_instance, per instance.
Not priced / assumptions:
    A group whose desired_capacity is unset and whose min_size is 0 has an unknown count: its
    components depend on usage (`instances`). A launch configuration has an 8 GB gp2 root volume
    unless it says otherwise and detailed monitoring on unless enable_monitoring is false; a
    launch template's disks are its block_device_mappings only. Spot prices are not in the catalog.
References:
    https://aws.amazon.com/ec2/autoscaling/pricing/
    https://docs.aws.amazon.com/autoscaling/ec2/userguide/allocation-strategies.html
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from costgate.model import CostComponent, Resource
from costgate.resources.aws._ec2 import (
    INSTANCE_USAGE,
    instance_components,
    instance_count,
    launch_configuration_spec,
    launch_template_spec,
    resolve,
    size_range,
    split_capacity,
)
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (UsageKey("instances", "float", "Instances the group runs on average"), *INSTANCE_USAGE)
MIXED_LT = "mixed_instances_policy.launch_template.launch_template_specification"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    count = instance_count(ctx.usage, r.get("desired_capacity"), r.get("min_size"))
    span = size_range(r.get("min_size"), r.get("max_size"))
    if lc := resolve(ctx, r, "launch_configuration"):
        yield from instance_components(r, launch_configuration_spec(lc), ctx.usage, count=count, count_range=span)
    elif lt := resolve(ctx, r, "launch_template.id", "launch_template.name"):
        yield from instance_components(r, launch_template_spec(lt), ctx.usage, count=count, count_range=span)
    elif lt := resolve(ctx, r, f"{MIXED_LT}.launch_template_id", f"{MIXED_LT}.launch_template_name"):
        spec = launch_template_spec(lt)
        policy = r.block("mixed_instances_policy")
        overrides: list[Mapping[str, Any]] = (policy.get("launch_template") or [{}])[0].get("override") or []
        override = overrides[0] if overrides else {}
        spec = replace(spec, instance_type=override.get("instance_type") or spec.instance_type)
        dist = (policy.get("instances_distribution") or [{}])[0]
        if count is None:
            yield from instance_components(r, spec, ctx.usage, count=None, count_range=span)
            return
        on_demand, spot = split_capacity(
            count,
            dist.get("on_demand_base_capacity"),
            dist.get("on_demand_percentage_above_base_capacity"),
            override.get("weighted_capacity"),
        )
        if on_demand:
            yield from instance_components(r, spec, ctx.usage, count=on_demand)
        if spot:
            yield from instance_components(r, replace(spec, spot=True), ctx.usage, count=spot)


PRICER = Pricer(type="aws_autoscaling_group", price=_price, usage_keys=USAGE, doc=__doc__ or "")
