"""aws_fsx_openzfs_file_system: an FSx for OpenZFS file system.

Prices:
    Throughput capacity: per MBps-month provisioned.
    SSD storage: per GB-month of provisioned storage capacity.
    Provisioned IOPS: user-provisioned SSD IOPS beyond the 3 IOPS per GB included, per IOPS-month.
    Backup storage: per GB-month (usage: backup_storage_gb).
Usage keys:
    backup_storage_gb: backup storage, GB.
    compression_savings_percent: accepted for usage-file compatibility; it does not change the
    estimate (see below).
Not priced / assumptions:
    FSx bills the SSD capacity provisioned, whatever compression saves inside it, so data
    compression does not lower the storage line (the reference estimator shrinks it).
    Multi-AZ deployments are queried as deploymentOption Multi-AZ.
References:
    https://aws.amazon.com/fsx/openzfs/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number, usage_component

USAGE = (
    UsageKey("backup_storage_gb", "float", "Backup storage, GB"),
    UsageKey(
        "compression_savings_percent", "float", "Accepted for compatibility; provisioned capacity is billed in full"
    ),
)
INCLUDED_IOPS_PER_GB = Decimal(3)


def _q(r: Resource, family: str, attrs: Mapping[str, str], unit: str) -> PriceQuery:
    return aws_query(r, "AmazonFSx", family, {"fileSystemType": "OpenZFS", **attrs}, unit=unit)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    deployment = {
        "deploymentOption": "Multi-AZ" if str(r.get("deployment_type", "")).startswith("MULTI_AZ") else "Single-AZ"
    }
    storage = number(r, "storage_capacity")
    yield monthly(
        "Throughput capacity",
        "MBps",
        number(r, "throughput_capacity"),
        _q(r, "Provisioned Throughput", deployment, "MiBps-Mo"),
    )
    yield monthly("SSD storage", "GB", storage, _q(r, "Storage", {**deployment, "storageType": "SSD"}, "GB-Mo"))
    iops = r.block("disk_iops_configuration")
    if iops.get("mode") == "USER_PROVISIONED":
        extra = (number(iops, "iops") or Decimal(0)) - INCLUDED_IOPS_PER_GB * (storage or Decimal(0))
        if extra > 0:
            yield monthly("Provisioned IOPS", "IOPS", extra, _q(r, "Provisioned IOPS", deployment, "IOPS-Mo"))
    yield usage_component(
        "Backup storage", "GB", ctx.usage, "backup_storage_gb", _q(r, "Storage", {"storageType": "Backup"}, "GB-Mo")
    )


PRICER = Pricer(type="aws_fsx_openzfs_file_system", price=_price, usage_keys=USAGE, doc=__doc__ or "")
