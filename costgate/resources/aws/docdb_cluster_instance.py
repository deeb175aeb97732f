"""aws_docdb_cluster_instance: an instance of an Amazon DocumentDB cluster.

Prices:
    Database instance: per hour, by instance class.
    Storage: per GB-month (usage: data_storage_gb).
    I/O requests: per million (usage: monthly_io_requests).
    CPU credits: burstable (db.t3, db.t4g) vCPU-hours above baseline (usage: monthly_cpu_credit_hrs).
Usage keys:
    data_storage_gb: data stored, GB.
    monthly_io_requests: I/O requests a month.
    monthly_cpu_credit_hrs: vCPU-hours of CPU credits a month (burstable classes).
Not priced / assumptions:
    DocumentDB bills storage and I/O per cluster; the usage-file format puts them on the
    instance, so give them on one instance only. I/O-optimized clusters and reserved
    instances are not priced.
References:
    https://aws.amazon.com/documentdb/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.aws._docdb import SERVICE
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component

USAGE = (
    UsageKey("data_storage_gb", "float", "Data stored, GB"),
    UsageKey("monthly_io_requests", "float", "I/O requests a month"),
    UsageKey("monthly_cpu_credit_hrs", "float", "vCPU-hours of CPU credits a month (burstable classes)"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    cls = str(r.get("instance_class", ""))
    yield hourly(
        f"Database instance (on-demand, {cls})",
        aws_query(r, SERVICE, "Database Instance", {"instanceType": cls}, unit="Hrs"),
    )
    yield usage_component(
        "Storage",
        "GB",
        ctx.usage,
        "data_storage_gb",
        aws_query(r, SERVICE, "Database Storage", {"usagetype": ut(r, "StorageUsage")}, unit="GB-Mo"),
    )
    yield usage_component(
        "I/O requests",
        "1M requests",
        ctx.usage,
        "monthly_io_requests",
        aws_query(r, SERVICE, "System Operation", {"usagetype": ut(r, "StorageIOUsage")}, unit="IOs"),
        per=1_000_000,
    )
    family = cls.split(".")[1] if cls.count(".") == 2 else ""
    if family in ("t3", "t4g"):
        yield usage_component(
            "CPU credits",
            "vCPU-hours",
            ctx.usage,
            "monthly_cpu_credit_hrs",
            aws_query(r, SERVICE, "CPU Credits", {"usagetype": ut(r, f"CPUCredits:db.{family}")}, unit="vCPU-Hours"),
        )


PRICER = Pricer(type="aws_docdb_cluster_instance", price=_price, usage_keys=USAGE, doc=__doc__ or "")
