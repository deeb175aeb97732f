"""aws_kinesisanalyticsv2_application_snapshot: a snapshot (durable backup) of a Flink application.

Prices:
    Backup: per GB-month stored (usage: durable_application_backup_gb).
Usage keys:
    durable_application_backup_gb: GB the snapshot stores.
Not priced / assumptions:
    The application's own durable_application_backup_gb covers its automatic backups; give
    snapshot sizes here to avoid counting them twice.
References:
    https://aws.amazon.com/managed-service-apache-flink/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._kinesis_analytics import BACKUP_KEY, backup
from costgate.resources.base import Pricer, PricingContext

USAGE = (BACKUP_KEY,)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield backup(r, ctx.usage)


PRICER = Pricer(type="aws_kinesisanalyticsv2_application_snapshot", price=_price, usage_keys=USAGE, doc=__doc__ or "")
