"""aws_efs_file_system: an Elastic File System file system (Regional or One Zone).

Prices:
    Storage (standard / one zone): per GB-month (usage: storage_gb).
    Storage (infrequent access): per GB-month, when a lifecycle policy moves files to IA
    (usage: infrequent_access_storage_gb).
    Read / write requests (infrequent access): per GB read from or written to IA (usage).
    Provisioned throughput: MiB/s beyond what the stored data earns (50 KiB/s per GB,
    i.e. storage_gb / 20), per MiB/s-month.
Usage keys:
    storage_gb: data in the Standard (or One Zone) class, GB.
    infrequent_access_storage_gb: data in the Infrequent Access class, GB.
    monthly_infrequent_access_read_gb: GB read from Infrequent Access a month.
    monthly_infrequent_access_write_gb: GB written to Infrequent Access a month.
Not priced / assumptions:
    Elastic throughput (billed per GB transferred), the Archive class and backups are not
    priced. Without storage_gb the provisioned throughput is counted in full.
References:
    https://aws.amazon.com/efs/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number, usage_component

USAGE = (
    UsageKey("storage_gb", "float", "Data in the Standard (or One Zone) class, GB"),
    UsageKey("infrequent_access_storage_gb", "float", "Data in the Infrequent Access class, GB"),
    UsageKey("monthly_infrequent_access_read_gb", "float", "GB read from Infrequent Access a month"),
    UsageKey("monthly_infrequent_access_write_gb", "float", "GB written to Infrequent Access a month"),
)
GB_PER_MIBPS = Decimal(20)


def _q(r: Resource, usagetype: str, *, family: str = "Storage", unit: str = "GB-Mo") -> PriceQuery:
    return aws_query(r, "AmazonEFS", family, {"usagetype": ut(r, usagetype)}, unit=unit)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    u = ctx.usage
    one_zone = bool(r.get("availability_zone_name"))
    zone, z = ("one zone", "-Z") if one_zone else ("standard", "")
    yield usage_component(f"Storage ({zone})", "GB", u, "storage_gb", _q(r, f"TimedStorage{z}-ByteHrs"))
    throughput = number(r, "provisioned_throughput_in_mibps")
    if r.get("throughput_mode") == "provisioned" and throughput:
        earned = (u.number("storage_gb") or Decimal(0)) / GB_PER_MIBPS
        yield monthly(
            "Provisioned throughput",
            "MiBps",
            max(throughput - earned, Decimal(0)),
            _q(r, "ProvisionedTP-MiBpsHrs", family="Provisioned Throughput", unit="MiBps-Mo"),
            usage_based=True,
        )
    if any(p.get("transition_to_ia") for p in r.blocks("lifecycle_policy")):
        yield usage_component(
            f"Storage ({zone}, infrequent access)",
            "GB",
            u,
            "infrequent_access_storage_gb",
            _q(r, f"IATimedStorage{z}-ByteHrs"),
        )
        yield usage_component(
            "Read requests (infrequent access)",
            "GB",
            u,
            "monthly_infrequent_access_read_gb",
            _q(r, "IADataAccess-Bytes", unit="GB"),
        )
        yield usage_component(
            "Write requests (infrequent access)",
            "GB",
            u,
            "monthly_infrequent_access_write_gb",
            _q(r, "IADataAccess-Write-Bytes", unit="GB"),
        )


PRICER = Pricer(type="aws_efs_file_system", price=_price, usage_keys=USAGE, doc=__doc__ or "")
