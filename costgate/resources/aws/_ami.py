"""EBS snapshot storage of an AMI made from an instance or copied from another AMI.

An AMI stores one EBS snapshot per block device. The first snapshot of a volume stores up to the
volume's size (later ones only changed blocks), so the sizes found here are upper bounds and the
storage is counted as usage-based, as aws_ebs_snapshot counts it. Usage `storage_gb` overrides.
"""

from __future__ import annotations

from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.aws.instance import _spec
from costgate.resources.base import PricingContext, UsageKey, monthly, number

STORAGE_KEY = UsageKey("storage_gb", "float", "GB of EBS snapshots the AMI stores (default: its volumes' sizes)")


def instance_volumes_gb(instance: Resource, ctx: PricingContext) -> Decimal | None:
    """GB of the volumes of an aws_instance of the plan (root default as aws_instance prices it)."""
    sizes = [v.size for v in _spec(instance, ctx).volumes]
    return None if any(s is None for s in sizes) else sum((s for s in sizes if s is not None), Decimal(0))


def ami_volumes_gb(ami: Resource, ctx: PricingContext) -> Decimal | None:
    """GB of an AMI of the plan: its instance's volumes, or its ebs_block_device sizes."""
    if ami.type == "aws_ami_from_instance":
        instance = ctx.resolve(ami, "source_instance_id")
        return None if instance is None else instance_volumes_gb(instance, ctx)
    if ami.type == "aws_ami_copy":
        source = ctx.resolve(ami, "source_ami_id")
        return None if source is None else ami_volumes_gb(source, ctx)
    sizes = [number(b, "volume_size") for b in ami.blocks("ebs_block_device")]
    return None if not sizes or any(s is None for s in sizes) else sum((s for s in sizes if s is not None), Decimal(0))


def snapshot_storage(r: Resource, ctx: PricingContext, size: Decimal | None) -> CostComponent:
    """EBS snapshot storage per GB-month (usage storage_gb, else `size`)."""
    given = ctx.usage.number(STORAGE_KEY.name)
    query = aws_query(r, "AmazonEC2", "Storage Snapshot", {"usagetype": ut(r, "EBS:SnapshotUsage")}, unit="GB-Mo")
    return monthly("EBS snapshot storage", "GB", size if given is None else given, query, usage_based=True)
