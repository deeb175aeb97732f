"""aws_eks_node_group: the EC2 instances of an EKS managed node group.

Prices:
    Per node (see aws_instance): instance usage (on-demand, reserved, or spot for capacity_type
    SPOT; a partial- or all-upfront reservation adds its amortised upfront fee), EBS-optimized fee,
    detailed monitoring and CPU credits from the launch template, and
    the node disk, times the node count.
Usage keys:
    instances: nodes running on average (default: scaling_config.desired_size, else min_size).
    operating_system, reserved_instance_type, reserved_instance_term,
    reserved_instance_payment_option, monthly_cpu_credit_hrs, vcpu_count: as for aws_instance, per node.
Not priced / assumptions:
    The instance type is the first of instance_types, else the launch template's, else t3.medium
    (EKS's default). The disk is the launch template's block devices, else disk_size (default
    20 GB) of gp2; with a launch template the plan cannot resolve, the disk size depends on usage.
    ami_type WINDOWS_* means Windows. Spot prices are not in the catalog.
References:
    https://aws.amazon.com/eks/pricing/
    https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._ebs import Volume
from costgate.resources.aws._ec2 import (
    INSTANCE_USAGE,
    InstanceSpec,
    instance_components,
    instance_count,
    launch_template_spec,
    resolve,
    size_range,
)
from costgate.resources.base import Pricer, PricingContext, UsageKey, number

USAGE = (UsageKey("instances", "float", "Nodes the group runs on average"), *INSTANCE_USAGE)
DEFAULT_INSTANCE_TYPE = "t3.medium"
DEFAULT_DISK_GB = Decimal(20)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    scaling = r.block("scaling_config")
    count = instance_count(ctx.usage, scaling.get("desired_size"), scaling.get("min_size"))
    lt = resolve(ctx, r, "launch_template.id", "launch_template.name")
    spec = launch_template_spec(lt) if lt else InstanceSpec(instance_type=None)
    types = r.get("instance_types") or []
    # a launch template the plan cannot point to (a reference through a local) hides the disk size
    unresolved = lt is None and bool(r.blocks("launch_template"))
    disk = Volume("gp2", None if unresolved else number(r, "disk_size", DEFAULT_DISK_GB))
    spec = replace(
        spec,
        instance_type=types[0] if types else spec.instance_type or DEFAULT_INSTANCE_TYPE,
        os="Windows" if str(r.get("ami_type", "")).upper().startswith("WINDOWS") else "Linux",
        spot=spec.spot or str(r.get("capacity_type", "")).upper() == "SPOT",
        volumes=spec.volumes or (disk,),
        source=spec.source,
    )
    span = size_range(scaling.get("min_size"), scaling.get("max_size"))
    yield from instance_components(r, spec, ctx.usage, count=count, count_range=span)


PRICER = Pricer(type="aws_eks_node_group", price=_price, usage_keys=USAGE, doc=__doc__ or "")
