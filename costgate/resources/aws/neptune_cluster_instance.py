"""aws_neptune_cluster_instance: an instance of an Amazon Neptune cluster.

Prices:
    Database instance: per hour, by instance class.
    CPU credits: burstable (db.t3, db.t4g) vCPU-hours above baseline (usage: monthly_cpu_credit_hrs).
Usage keys:
    monthly_cpu_credit_hrs: vCPU-hours of CPU credits a month (burstable classes).
Not priced / assumptions:
    Serverless instances (db.serverless, billed per NCU-hour) and reserved instances are not
    priced. Storage and I/O are priced on the cluster.
References:
    https://aws.amazon.com/neptune/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.aws._neptune import SERVICE
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component

USAGE = (UsageKey("monthly_cpu_credit_hrs", "float", "vCPU-hours of CPU credits a month (burstable classes)"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    cls = str(r.get("instance_class", ""))
    yield hourly(
        f"Database instance (on-demand, {cls})",
        aws_query(r, SERVICE, "Database Instance", {"instanceType": cls}, unit="Hrs"),
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


PRICER = Pricer(type="aws_neptune_cluster_instance", price=_price, usage_keys=USAGE, doc=__doc__ or "")
