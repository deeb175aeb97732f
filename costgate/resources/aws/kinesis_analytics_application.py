"""aws_kinesis_analytics_application: a Kinesis Data Analytics for SQL application (v1).

Prices:
    Processing (stream): per KPU running all month (usage: kinesis_processing_units).
Usage keys:
    kinesis_processing_units: average KPUs the application runs on.
Not priced / assumptions:
    SQL applications bill KPU-hours only (no orchestration KPU, running storage or backups).
References:
    https://aws.amazon.com/managed-service-apache-flink/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._kinesis_analytics import KPU_KEY, kpus
from costgate.resources.base import Pricer, PricingContext

USAGE = (KPU_KEY,)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield kpus("Processing (stream)", r, ctx.usage.number(KPU_KEY.name), java=False)


PRICER = Pricer(type="aws_kinesis_analytics_application", price=_price, usage_keys=USAGE, doc=__doc__ or "")
