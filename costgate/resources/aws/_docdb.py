"""Amazon DocumentDB queries shared by clusters, cluster instances and snapshots."""

from __future__ import annotations

from costgate.model import PriceQuery, Resource
from costgate.resources.aws._common import aws_query, ut

SERVICE = "AmazonDocDB"


def backup_query(r: Resource) -> PriceQuery:
    """Backup and snapshot storage beyond the free allowance, per GB-month."""
    return aws_query(r, SERVICE, "Storage Snapshot", {"usagetype": ut(r, "BackupUsage")}, unit="GB-Mo")
