"""aws_kinesisanalyticsv2_application: a Managed Service for Apache Flink (or SQL) application.

Prices:
    Processing (stream): per KPU running all month (usage: kinesis_processing_units).
    Processing (orchestration): one extra KPU all month for Flink applications.
    Running storage: 50 GB per KPU, per GB-month (Flink; from kinesis_processing_units).
    Backup: per GB-month of durable application backups (Flink; usage: durable_application_backup_gb).
Usage keys:
    kinesis_processing_units: average KPUs the application runs on.
    durable_application_backup_gb: GB of durable application backups stored.
Not priced / assumptions:
    Flink applications are billed under the KPU-Hour-Java usage type, SQL applications under
    KPU-Hour (same price). Studio notebooks are not distinguished.
References:
    https://aws.amazon.com/managed-service-apache-flink/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._kinesis_analytics import BACKUP_KEY, KPU_KEY, backup, kpus, running_storage
from costgate.resources.base import Pricer, PricingContext

USAGE = (KPU_KEY, BACKUP_KEY)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    flink = str(r.get("runtime_environment", "")).upper().startswith("FLINK")
    yield kpus("Processing (stream)", r, ctx.usage.number(KPU_KEY.name), java=flink)
    if flink:
        yield kpus("Processing (orchestration)", r, Decimal(1), java=True, usage_based=False)
        yield running_storage(r, ctx.usage)
        yield backup(r, ctx.usage)


PRICER = Pricer(type="aws_kinesisanalyticsv2_application", price=_price, usage_keys=USAGE, doc=__doc__ or "")
