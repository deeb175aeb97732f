"""aws_rds_cluster: an Aurora cluster's storage, I/O, backups and serverless (v1) capacity.

Prices:
    Aurora serverless (v1, engine_mode serverless): per ACU-hour (usage: capacity_units_per_hr).
    Storage: per GB-month, standard or I/O-optimized (storage_type aurora-iopt1) (usage).
    I/O requests: per million, standard storage only; I/O-optimized includes I/O (usage).
    Backup storage: per GB-month beyond the free day when backup_retention_period > 1 (usage).
    Backtrack: Aurora MySQL provisioned, per million change records stored (usage).
    Snapshot export: per GB exported to S3 (usage).
Usage keys:
    capacity_units_per_hr, storage_gb, write_requests_per_sec, read_requests_per_sec,
    backup_snapshot_size_gb, average_statements_per_hr, change_records_per_statement,
    backtrack_window_hrs (default: the cluster's backtrack_window), snapshot_export_size_gb.
Not priced / assumptions:
    Instances are priced by aws_rds_cluster_instance (provisioned and Serverless v2).
    Backup storage: AWS keeps one snapshot's worth free, so the billed size is
    backup_snapshot_size_gb x (retention days - 1); retention unknown: AWS's default, 1 day.
    Multi-AZ DB clusters (engine mysql or postgres): the cluster-hour of
    db_cluster_instance_class (AWS prices the writer and two readable standbys together),
    storage per GB-month and io1 IOPS; usage-based Aurora lines do not apply.
References:
    https://aws.amazon.com/rds/aurora/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.aws._rds import SERVICE, Engine, aurora_query, engine_of, instance_component, per_month
from costgate.resources.base import Pricer, PricingContext, Usage, UsageKey, monthly, number, usage_component

CLUSTER_VOLUME = {"io1": "PIOPS", "io2": "IO2", "gp3": "GP3"}

USAGE = tuple(
    UsageKey(k, "float", d)
    for k, d in (
        ("capacity_units_per_hr", "Aurora Serverless v1 capacity units (ACUs) in use, on average"),
        ("storage_gb", "Cluster storage (GB)"),
        ("write_requests_per_sec", "Write I/O requests a second, on average"),
        ("read_requests_per_sec", "Read I/O requests a second, on average"),
        ("backup_snapshot_size_gb", "Size of one backup snapshot (GB)"),
        ("average_statements_per_hr", "Statements a cluster runs an hour (backtrack)"),
        ("change_records_per_statement", "Change records a statement makes (backtrack)"),
        ("backtrack_window_hrs", "Backtrack window (hours)"),
        ("snapshot_export_size_gb", "Snapshot data exported to S3 a month (GB)"),
    )
)


def _multi_az_cluster(r: Resource, engine: Engine) -> Iterator[CostComponent]:
    cls, kind = str(r.get("db_cluster_instance_class") or "unknown"), str(r.get("storage_type") or "io1")
    yield instance_component(r, engine, cls, Usage(), deployment="Multi-AZ (readable standbys)")
    attrs = {"databaseEngine": "Any", "deploymentOption": "Multi-AZ (readable standbys)"}
    yield monthly(
        f"Storage ({kind})",
        "GB",
        number(r, "allocated_storage"),
        aws_query(
            r,
            SERVICE,
            "Database Storage",
            {**attrs, "usagetype": ut(r, f"RDS:Multi-AZCluster-{CLUSTER_VOLUME.get(kind, kind.upper())}-Storage")},
            unit="GB-Mo",
        ),
    )
    if kind == "io1":
        yield monthly(
            "Provisioned IOPS",
            "IOPS",
            number(r, "iops"),
            aws_query(
                r,
                SERVICE,
                "Provisioned IOPS",
                {**attrs, "usagetype": ut(r, "RDS:Multi-AZCluster-PIOPS")},
                unit="IOPS-Mo",
            ),
        )


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    u, engine = ctx.usage, engine_of(r.get("engine") or "aurora") or Engine(str(r.get("engine")))
    if not engine.aurora:
        yield from _multi_az_cluster(r, engine)
        return
    if str(r.get("engine_mode") or "provisioned") == "serverless":
        yield monthly(
            "Aurora serverless",
            "ACU-hours",
            per_month(u.number("capacity_units_per_hr"), HOURS_PER_MONTH),
            aurora_query(r, "Serverless", "Aurora:ServerlessUsage", "ACU-Hr", engine),
            usage_based=True,
        )
    optimized = r.get("storage_type") == "aurora-iopt1"
    yield usage_component(
        "Storage (I/O-optimized)" if optimized else "Storage",
        "GB",
        u,
        "storage_gb",
        aurora_query(
            r, "Database Storage", "Aurora:IO-OptimizedStorageUsage" if optimized else "Aurora:StorageUsage", "GB-Mo"
        ),
    )
    if not optimized:
        reads, writes = u.number("read_requests_per_sec"), u.number("write_requests_per_sec")
        io = None if reads is None or writes is None else (reads + writes) * HOURS_PER_MONTH * 3600 / 1_000_000
        yield monthly(
            "I/O requests",
            "1M requests",
            io,
            aurora_query(r, "System Operation", "Aurora:StorageIOUsage", "IOs"),
            usage_based=True,
            unit_multiplier=1_000_000,
        )
    retention = int(number(r, "backup_retention_period", Decimal(1)) or 1)
    if retention > 1:
        yield monthly(
            "Backup storage",
            "GB",
            per_month(u.number("backup_snapshot_size_gb"), retention - 1),
            aurora_query(r, "Storage Snapshot", "Aurora:BackupUsage", "GB-Mo", engine),
            usage_based=True,
        )
    if engine.name == "Aurora MySQL" and str(r.get("engine_mode") or "provisioned") != "serverless":
        window = u.number("backtrack_window_hrs") or per_month(number(r, "backtrack_window"), 1 / Decimal(3600))
        rate, changes = u.number("average_statements_per_hr"), u.number("change_records_per_statement")
        records = None if None in (window, rate, changes) else window * rate * changes * HOURS_PER_MONTH / 1_000_000  # type: ignore[operator]
        yield monthly(
            "Backtrack",
            "1M change-records",
            records,
            aurora_query(r, "System Operation", "Aurora:BacktrackUsage", "CR-Hr"),
            usage_based=True,
            unit_multiplier=1_000_000,
        )
    yield usage_component(
        "Snapshot export",
        "GB",
        u,
        "snapshot_export_size_gb",
        aurora_query(r, "System Operation", "Aurora:SnapshotExportToS3", "GB", engine),
    )


PRICER = Pricer(type="aws_rds_cluster", price=_price, usage_keys=USAGE, doc=__doc__ or "")
