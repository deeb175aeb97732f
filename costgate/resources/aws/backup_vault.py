"""aws_backup_vault: an AWS Backup vault, billed for the backups and restores of what it protects.

Prices:
    All from usage, per GB-month stored or per GB or request restored, by resource type:
    EFS backup (warm), EFS backup (cold): monthly_efs_warm_backup_gb, monthly_efs_cold_backup_gb.
    EFS restore (warm), EFS restore (cold): monthly_efs_warm_restore_gb, monthly_efs_cold_restore_gb.
    EFS restore (item-level): per request, monthly_efs_item_restore_requests.
    EBS snapshot: monthly_ebs_snapshot_gb. RDS snapshot: monthly_rds_snapshot_gb.
    Aurora snapshot: monthly_aurora_snapshot_gb.
    DynamoDB backup, DynamoDB restore: monthly_dynamodb_backup_gb, monthly_dynamodb_restore_gb.
    FSx for Windows backup, FSx for Lustre backup: monthly_fsx_windows_backup_gb,
    monthly_fsx_lustre_backup_gb.
Usage keys:
    The twelve keys above (the reference estimator's names), GB a month or restore requests.
Not priced / assumptions:
    As in the reference estimator, EFS backups are AWSBackup products and the other backups are
    the protected service's own backup-storage products (EC2 snapshots, RDS and Aurora backup
    storage, DynamoDB on-demand backups and restores, FSx backups); EFS cold backup is the
    AWSBackup cold early-delete product, which AWS prices at the cold storage rate. Aurora is
    queried as Aurora PostgreSQL (the reference's choice; Aurora MySQL bills the same rate).
    The shipped catalog holds these prices for us-west-1 (where the public price facts recorded
    them); elsewhere the catalog prices what the protected services' pricers also price, and the
    rest is listed as not priced until `catalog refresh`. The vault itself is free.
References:
    https://aws.amazon.com/backup/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

# key, component name, unit, service, family, usagetype suffix, prefix style, other attributes, catalog unit
_LINES: tuple[tuple[str, str, str, str, str, str, bool, Mapping[str, str], str | None], ...] = (
    (
        "monthly_efs_warm_backup_gb",
        "EFS backup (warm)",
        "GB",
        "AWSBackup",
        "AWS Backup Storage",
        "WarmStorage-ByteHrs-EFS",
        True,
        {},
        None,
    ),
    (
        "monthly_efs_cold_backup_gb",
        "EFS backup (cold)",
        "GB",
        "AWSBackup",
        "AWS Backup Early Delete Size",
        "EarlyDelete-ColdByteHrs-EFS",
        True,
        {},
        None,
    ),
    (
        "monthly_efs_warm_restore_gb",
        "EFS restore (warm)",
        "GB",
        "AWSBackup",
        "AWS Backup Storage",
        "PartialRestore-Warm-EFS",
        True,
        {},
        None,
    ),
    (
        "monthly_efs_cold_restore_gb",
        "EFS restore (cold)",
        "GB",
        "AWSBackup",
        "AWS Backup Storage",
        "PartialRestore-Cold-EFS",
        True,
        {},
        None,
    ),
    (
        "monthly_efs_item_restore_requests",
        "EFS restore (item-level)",
        "requests",
        "AWSBackup",
        "AWS Backup Storage",
        "PartialRestore-Jobs-EFS",
        True,
        {},
        None,
    ),
    (
        "monthly_ebs_snapshot_gb",
        "EBS snapshot",
        "GB",
        "AmazonEC2",
        "Storage Snapshot",
        "EBS:SnapshotUsage",
        False,
        {},
        "GB-Mo",
    ),
    (
        "monthly_rds_snapshot_gb",
        "RDS snapshot",
        "GB",
        "AmazonRDS",
        "Storage Snapshot",
        "RDS:ChargedBackupUsage",
        False,
        {"databaseEngine": "Any"},
        "GB-Mo",
    ),
    (
        "monthly_aurora_snapshot_gb",
        "Aurora snapshot",
        "GB",
        "AmazonRDS",
        "Storage Snapshot",
        "Aurora:BackupUsage",
        False,
        {"databaseEngine": "Aurora PostgreSQL"},
        "GB-Mo",
    ),
    (
        "monthly_dynamodb_backup_gb",
        "DynamoDB backup",
        "GB",
        "AmazonDynamoDB",
        "Amazon DynamoDB On-Demand Backup Storage",
        "TimedBackupStorage-ByteHrs",
        False,
        {},
        "GB-Mo",
    ),
    (
        "monthly_dynamodb_restore_gb",
        "DynamoDB restore",
        "GB",
        "AmazonDynamoDB",
        "Amazon DynamoDB Restore Data Size",
        "RestoreDataSize-Bytes",
        False,
        {},
        "GB",
    ),
    (
        "monthly_fsx_windows_backup_gb",
        "FSx for Windows backup",
        "GB",
        "AmazonFSx",
        "Storage",
        "BackupUsage",
        True,
        {"fileSystemType": "Windows"},
        None,
    ),
    (
        "monthly_fsx_lustre_backup_gb",
        "FSx for Lustre backup",
        "GB",
        "AmazonFSx",
        "Storage",
        "BackupUsage",
        True,
        {"fileSystemType": "Lustre"},
        None,
    ),
)

USAGE = tuple(
    UsageKey(
        key,
        "int" if unit == "requests" else "float",
        f"{name}: {'restore requests' if unit == 'requests' else 'GB'} a month",
    )
    for key, name, unit, *_ in _LINES
)


def _query(
    r: Resource, service: str, family: str, suffix: str, regional: bool, attributes: Mapping[str, str], unit: str | None
) -> PriceQuery:
    usagetype = regional_ut(r, suffix) if regional else ut(r, suffix)
    return aws_query(r, service, family, {**attributes, "usagetype": usagetype}, unit=unit)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    for key, name, unit, service, family, suffix, regional, attributes, catalog_unit in _LINES:
        yield usage_component(
            name, unit, ctx.usage, key, _query(r, service, family, suffix, regional, attributes, catalog_unit)
        )


PRICER = Pricer(type="aws_backup_vault", price=_price, usage_keys=USAGE, doc=__doc__ or "")
