"""aws_fsx_windows_file_system: an FSx for Windows File Server file system.

Prices:
    Throughput capacity: per MBps-month provisioned (throughput_capacity).
    SSD or HDD storage: per GB-month of storage_capacity, by storage_type (SSD unless HDD).
    Backup storage: per GB-month (usage: backup_storage_gb).
    Each at the deployment's rate: Single-AZ (SINGLE_AZ_1, SINGLE_AZ_2) or Multi-AZ (MULTI_AZ_1).
Usage keys:
    backup_storage_gb: backup storage, GB.
Not priced / assumptions:
    The shipped catalog holds the us-east-1 Multi-AZ prices only (the public price facts it is
    built from hold no Single-AZ figures): Single-AZ components are listed as not priced until
    `catalog refresh`. Backup storage is queried by AWS's BackupUsage usagetype, whose exact
    us-east-1 spelling is not confirmed, so no price is mapped for it. SSD IOPS provisioned
    beyond the included 3 per GB are not priced. Queries leave the catalog unit out.
References:
    https://aws.amazon.com/fsx/windows/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number, usage_component

USAGE = (UsageKey("backup_storage_gb", "float", "Backup storage, GB"),)


def _q(r: Resource, family: str, attributes: Mapping[str, str]) -> PriceQuery:
    return aws_query(r, "AmazonFSx", family, {"fileSystemType": "Windows", **attributes})


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    multi = "MULTI_AZ" in str(r.get("deployment_type", "SINGLE_AZ_1")).upper()
    deployment = {"deploymentOption": "Multi-AZ" if multi else "Single-AZ"}
    storage = "HDD" if str(r.get("storage_type", "SSD")).upper() == "HDD" else "SSD"
    yield monthly(
        "Throughput capacity", "MBps", number(r, "throughput_capacity"), _q(r, "Provisioned Throughput", deployment)
    )
    yield monthly(
        f"{storage} storage",
        "GB",
        number(r, "storage_capacity"),
        _q(r, "Storage", {**deployment, "storageType": storage}),
    )
    yield usage_component(
        "Backup storage",
        "GB",
        ctx.usage,
        "backup_storage_gb",
        _q(r, "Storage", {**deployment, "usagetype": regional_ut(r, "BackupUsage")}),
    )


PRICER = Pricer(type="aws_fsx_windows_file_system", price=_price, usage_keys=USAGE, doc=__doc__ or "")
