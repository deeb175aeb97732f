"""aws_db_instance: an RDS database instance (MySQL, PostgreSQL, MariaDB, Oracle, SQL Server).

Prices:
    Database instance: per hour by class, engine, edition, licence model and Single-/Multi-AZ;
    reserved (hourly fee) when the usage gives a term and payment option.
    Storage: per GB-month by type (gp2, gp3, io1, io2, magnetic) and deployment.
    Provisioned IOPS: io1/io2 all IOPS; gp3 IOPS above the baseline (3,000 below 400 GB, 12,000
    from 400 GB). Provisioned throughput: gp3 above 125 MiB/s (500 MiB/s from 400 GB).
    I/O requests: magnetic storage, per million (usage).
    Additional backup storage: per GB-month beyond the free allowance (usage).
    CPU credits (T classes, when monthly_cpu_credit_hrs is given), Performance Insights long-term retention (per vCPU-month
    when retention > 7 days) and API calls (usage), Extended Support (per vCPU-hour).
Usage keys:
    additional_backup_storage_gb, monthly_standard_io_requests, reserved_instance_term,
    reserved_instance_payment_option, monthly_cpu_credit_hrs, vcpu_count,
    monthly_additional_performance_insights_requests.
Not priced / assumptions:
    Unknown until apply, AWS's defaults apply: Single-AZ; storage gp2 (io1 when iops is set);
    the licence model AWS offers the engine (included for SQL Server and Oracle SE1/SE2, BYOL for
    Oracle SE/EE). allocated_storage unknown: 20 GB, RDS's smallest gp2 size (a replica takes
    its source's size and engine). io1/io2 below AWS's minimums (100 GB, 1,000 IOPS) are raised.
    Reserved instances: the hourly fee only; upfront fees are not amortised.
    Extended Support is dated against the pricing date (today, or --as-of): a version is priced in year 1 or year 3
    from AWS's release calendar; no engine_version (AWS picks a current one) means none.
    An engine the price list does not know (RDS Custom, Db2) or cannot be told (no engine and
    no source in the plan) is looked up as written and reported unpriced, never as $0.
    An Aurora engine here is priced as the instance and storage it declares; Aurora clusters
    and their instances are aws_rds_cluster / aws_rds_cluster_instance.
References:
    https://aws.amazon.com/rds/pricing/
    https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support-charges.html
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.aws._rds import (
    INSTANCE_USAGE,
    LICENSE_MODELS,
    SERVICE,
    Engine,
    engine_of,
    extras,
    instance_component,
)
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number, usage_component

USAGE = (
    UsageKey("additional_backup_storage_gb", "float", "Backup storage a month beyond the free allowance (GB)"),
    UsageKey("monthly_standard_io_requests", "float", "I/O requests a month on magnetic storage"),
    *INSTANCE_USAGE,
)
NAMES = {"standard": "magnetic"}
VOLUME = {
    "gp2": ("General Purpose", "GP2-Storage"),
    "gp3": ("General Purpose-GP3", "GP3-Storage"),
    "io1": ("Provisioned IOPS", "PIOPS-Storage"),
    "io2": ("Provisioned IOPS-IO2", "IO2-Storage"),
    "standard": ("Magnetic", "StorageUsage"),
}


def _storage(r: Resource, size: Decimal, ctx: PricingContext, az: str) -> Iterator[CostComponent]:
    kind = str(r.get("storage_type") or ("io1" if r.get("iops") else "gp2")).lower()
    volume, suffix = VOLUME.get(kind, VOLUME["gp2"])
    pre, iops = ("Multi-AZ-" if az == "Multi-AZ" else ""), number(r, "iops", Decimal(0)) or Decimal(0)
    size = max(size, Decimal(100)) if kind in ("io1", "io2") else size

    def q(family: str, usagetype: str, unit: str, **more: str) -> PriceQuery:
        return aws_query(
            r,
            SERVICE,
            family,
            {"databaseEngine": "Any", "deploymentOption": az, "usagetype": ut(r, f"RDS:{pre}{usagetype}"), **more},
            unit=unit,
        )

    yield monthly(
        f"Storage ({NAMES.get(kind, kind)})", "GB", size, q("Database Storage", suffix, "GB-Mo", volumeType=volume)
    )
    if kind in ("io1", "io2"):
        yield monthly(
            "Provisioned IOPS",
            "IOPS",
            max(iops, Decimal(1000)),
            q("Provisioned IOPS", "PIOPS" if kind == "io1" else "IO2-PIOPS", "IOPS-Mo"),
        )
    if kind == "gp3":
        big = size >= 400
        if iops > (base := Decimal(12000 if big else 3000)):
            yield monthly(
                f"Provisioned GP3 IOPS (above {base:,})",
                "IOPS",
                iops - base,
                q("Provisioned IOPS", "GP3-PIOPS", "IOPS-Mo"),
            )
        throughput = number(r, "storage_throughput", Decimal(0)) or Decimal(0)
        if throughput > (base := Decimal(500 if big else 125)):
            yield monthly(
                f"Provisioned GP3 throughput (above {base} MiB/s)",
                "MiB/s",
                throughput - base,
                q("Provisioned Throughput", "GP3-Throughput", "MBPS-Mo"),
            )
    if kind == "standard":
        io = aws_query(
            r,
            SERVICE,
            "System Operation",
            {"databaseEngine": "Any", "usagetype": ut(r, "RDS:StorageIOUsage")},
            unit="IOs",
        )
        yield usage_component(
            "I/O requests", "1M requests", ctx.usage, "monthly_standard_io_requests", io, per=1_000_000
        )


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    source = ctx.resolve(r, "replicate_source_db")
    name = r.get("engine") or (source.get("engine") if source else None)
    engine, cls = engine_of(name) or Engine(str(name or "unknown")), str(r.get("instance_class") or "unknown")
    az = "Multi-AZ" if r.get("multi_az") is True else "Single-AZ"
    license_model = LICENSE_MODELS.get(str(r.get("license_model") or ""))
    yield instance_component(r, engine, cls, ctx.usage, deployment=az, license_model=license_model)
    size = number(r, "allocated_storage") or (number(source, "allocated_storage") if source else None) or Decimal(20)
    yield from _storage(r, size, ctx, az)
    if r.get("backup_retention_period") != 0:
        attrs = (
            {"databaseEngine": engine.name, "usagetype": ut(r, "Aurora:BackupUsage")}
            if engine.aurora
            else {"databaseEngine": "Any", "usagetype": ut(r, "RDS:ChargedBackupUsage")}
        )
        yield usage_component(
            "Additional backup storage",
            "GB",
            ctx.usage,
            "additional_backup_storage_gb",
            aws_query(r, SERVICE, "Storage Snapshot", attrs, unit="GB-Mo"),
        )
    yield from extras(r, engine, cls, ctx.usage, ctx.today)


PRICER = Pricer(type="aws_db_instance", price=_price, usage_keys=USAGE, doc=__doc__ or "")
