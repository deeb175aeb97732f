"""Kinesis Data Analytics (Managed Service for Apache Flink) components."""

from __future__ import annotations

from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Usage, UsageKey, monthly, usage_component

SERVICE, FAMILY = "AmazonKinesisAnalytics", "Kinesis Analytics"
KPU_KEY = UsageKey("kinesis_processing_units", "int", "Kinesis Processing Units the application runs on, on average")
BACKUP_KEY = UsageKey("durable_application_backup_gb", "int", "GB of durable application backups (snapshots) stored")
RUNNING_STORAGE_GB_PER_KPU = Decimal(50)


def kpus(name: str, r: Resource, quantity: Decimal | None, *, java: bool, usage_based: bool = True) -> CostComponent:
    """KPUs running all month, in KPU-months (730 KPU-hours each)."""
    suffix = "KPU-Hour-Java" if java else "KPU-Hour"
    return monthly(
        name,
        "KPU",
        quantity,
        aws_query(r, SERVICE, FAMILY, {"usagetype": ut(r, suffix)}, unit="Hrs"),
        usage_based=usage_based,
        unit_multiplier=HOURS_PER_MONTH,
    )


def running_storage(r: Resource, usage: Usage) -> CostComponent:
    """50 GB of running application storage per KPU, per GB-month."""
    units = usage.number(KPU_KEY.name)
    return monthly(
        "Running storage",
        "GB",
        None if units is None else units * RUNNING_STORAGE_GB_PER_KPU,
        aws_query(r, SERVICE, FAMILY, {"usagetype": ut(r, "RunningApplicationStorage")}, unit="GB-Mo"),
        usage_based=True,
    )


def backup(r: Resource, usage: Usage) -> CostComponent:
    """Durable application backups, per GB-month (usage)."""
    return usage_component(
        "Backup",
        "GB",
        usage,
        BACKUP_KEY.name,
        aws_query(r, SERVICE, FAMILY, {"usagetype": ut(r, "DurableApplicationBackups")}, unit="GB-Mo"),
    )
