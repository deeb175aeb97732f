"""EBS volume pricing shared by volumes, instance block devices, launch templates and node groups.

One volume is priced the same wherever it is declared: storage per GB-month by volume type,
plus provisioned IOPS (io1, io2 in AWS's three IOPS tiers, gp3 above its 3,000 free IOPS),
gp3 throughput above its 125 MiB/s free baseline, and I/O requests for magnetic volumes.
`count` multiplies everything (an autoscaling group's instances each have their own disks).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Usage, monthly, number, size_gb, text

DEFAULT_VOLUME_TYPE = "gp2"
"""The EC2 API's volume type when none is given (the provider leaves it to AWS)."""

GP3_FREE_IOPS = Decimal(3000)
GP3_FREE_THROUGHPUT = Decimal(125)
IO2_IOPS_TIERS = (
    (Decimal(0), Decimal(32000), "EBS:VolumeP-IOPS.io2"),
    (Decimal(32000), Decimal(64000), "EBS:VolumeP-IOPS.io2.tier2"),
    (Decimal(64000), None, "EBS:VolumeP-IOPS.io2.tier3"),
)
MIB_PER_GIB = Decimal(1024)

# volumeApiName -> (component name, storage usagetype suffix, catalog unit)
STORAGE: Mapping[str, tuple[str, str, str]] = {
    "gp2": ("Storage (general purpose SSD, gp2)", "EBS:VolumeUsage.gp2", "GB-Mo"),
    "gp3": ("Storage (general purpose SSD, gp3)", "EBS:VolumeUsage.gp3", "GB-Mo"),
    "io1": ("Storage (provisioned IOPS SSD, io1)", "EBS:VolumeUsage.piops", "GB-Mo"),
    "io2": ("Storage (provisioned IOPS SSD, io2)", "EBS:VolumeUsage.io2", "GB-month"),
    "st1": ("Storage (throughput optimized HDD, st1)", "EBS:VolumeUsage.st1", "GB-Mo"),
    "sc1": ("Storage (cold HDD, sc1)", "EBS:VolumeUsage.sc1", "GB-Mo"),
    "standard": ("Storage (magnetic)", "EBS:VolumeUsage", "GB-Mo"),
}


@dataclass(frozen=True, slots=True)
class Volume:
    """One EBS volume as declared: type, GB, and provisioned IOPS / throughput when given."""

    type: str
    size: Decimal | None
    iops: Decimal | None = None
    throughput: Decimal | None = None
    path: str = ""


def volume_of(
    block: Mapping[str, Any],
    *,
    path: str = "",
    size_key: str = "volume_size",
    type_key: str = "volume_type",
    default_size: Decimal | None = None,
) -> Volume:
    """Read a volume from a block (ebs_block_device, root_block_device, launch template `ebs`)."""
    return Volume(
        type=(text(block, type_key) or DEFAULT_VOLUME_TYPE).lower(),
        size=size_gb(block, size_key, default_size),
        iops=number(block, "iops"),
        throughput=number(block, "throughput"),
        path=path,
    )


def _ebs(r: Resource, family: str, unit: str, attrs: Mapping[str, str]) -> Any:
    return aws_query(r, "AmazonEC2", family, attrs, unit=unit)


def volume_components(r: Resource, v: Volume, usage: Usage, *, count: Decimal = Decimal(1)) -> Iterator[CostComponent]:
    """Cost components of volume `v` (times `count`); an unknown size depends on usage."""
    name, suffix, unit = STORAGE.get(v.type, (f"Storage ({v.type})", f"EBS:VolumeUsage.{v.type}", "GB-Mo"))
    attrs = {"volumeApiName": v.type, "usagetype": ut(r, suffix)}
    size = None if v.size is None else v.size * count
    yield monthly(name, "GB", size, _ebs(r, "Storage", unit, attrs), path=v.path)
    if v.type == "io1" and v.iops:
        yield _iops(r, v, v.iops * count, "EBS:VolumeP-IOPS.piops")
    elif v.type == "io2" and v.iops:
        for low, high, tier in IO2_IOPS_TIERS:
            part = (v.iops if high is None else min(v.iops, high)) - low
            if part > 0:
                yield _iops(r, v, part * count, tier, tier=tier != IO2_IOPS_TIERS[0][2])
    elif v.type == "gp3":
        if v.iops and v.iops > GP3_FREE_IOPS:
            yield _iops(r, v, (v.iops - GP3_FREE_IOPS) * count, "EBS:VolumeP-IOPS.gp3")
        if v.throughput and v.throughput > GP3_FREE_THROUGHPUT:
            attrs = {
                "group": "EBS Throughput",
                "volumeApiName": "gp3",
                "usagetype": ut(r, "EBS:VolumeP-Throughput.gp3"),
            }
            yield monthly(
                "Provisioned throughput",
                "Mbps",
                (v.throughput - GP3_FREE_THROUGHPUT) * count,
                _ebs(r, "Provisioned Throughput", "GiBps-mo", attrs),
                path=v.path,
                unit_multiplier=1 / MIB_PER_GIB,
            )
    elif v.type == "standard":
        raw = usage.number("monthly_standard_io_requests")
        attrs = {"group": "EBS I/O Requests", "volumeApiName": "standard", "usagetype": ut(r, "EBS:VolumeIOUsage")}
        yield monthly(
            "I/O requests",
            "1M requests",
            None if raw is None else raw * count / 1_000_000,
            _ebs(r, "System Operation", "IOs", attrs),
            path=v.path,
            usage_based=True,
            unit_multiplier=1_000_000,
        )


def _iops(r: Resource, v: Volume, quantity: Decimal, suffix: str, *, tier: bool = False) -> CostComponent:
    group = {"EBS:VolumeP-IOPS.io2.tier2": "EBS IOPS Tier 2", "EBS:VolumeP-IOPS.io2.tier3": "EBS IOPS Tier 3"}.get(
        suffix, "EBS IOPS"
    )
    attrs = {"group": group, "volumeApiName": v.type, "usagetype": ut(r, suffix)}
    name = f"Provisioned IOPS ({group.removeprefix('EBS IOPS ').lower()})" if tier else "Provisioned IOPS"
    return monthly(name, "IOPS", quantity, _ebs(r, "System Operation", "IOPS-Mo", attrs), path=v.path)
