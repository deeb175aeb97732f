"""aws_rds_cluster_instance: an instance of an Aurora cluster (provisioned or Serverless v2).

Prices:
    Database instance: per hour by class and Aurora engine (reserved: hourly fee, by usage);
    I/O-optimized clusters (storage_type aurora-iopt1) use the I/O-optimized instance price.
    Aurora serverless v2 (instance_class db.serverless): per ACU-hour (usage), I/O-optimized
    rate on I/O-optimized clusters.
    CPU credits (T classes, usage), Performance Insights long-term retention (per vCPU-month,
    per ACU-month for Serverless v2, when retention > 7 days) and API calls (usage), Extended
    Support (per vCPU-hour).
Usage keys:
    capacity_units_per_hr (Serverless v2 ACUs), reserved_instance_term,
    reserved_instance_payment_option, monthly_cpu_credit_hrs, vcpu_count,
    monthly_additional_performance_insights_requests.
Not priced / assumptions:
    The engine is the instance's `engine` (or its cluster's); storage, I/O and backups are
    billed on aws_rds_cluster. Reserved instances: the hourly fee only, upfront fees not
    amortised. Extended Support is dated against the pricing date (today, or --as-of) (see aws_db_instance).
References:
    https://aws.amazon.com/rds/aurora/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._rds import (
    INSTANCE_USAGE,
    SERVICE,
    Engine,
    aurora_query,
    engine_of,
    extras,
    instance_component,
    per_month,
    pi_api,
    pi_usagetype,
)
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (
    UsageKey("capacity_units_per_hr", "float", "Aurora Serverless v2 capacity units (ACUs) in use, on average"),
    *INSTANCE_USAGE,
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    cluster = ctx.resolve(r, "cluster_identifier")
    name = r.get("engine") or (cluster.get("engine") if cluster else None) or "aurora-mysql"
    engine, cls = engine_of(name) or Engine(str(name)), str(r.get("instance_class") or "unknown")
    optimized = cluster is not None and cluster.get("storage_type") == "aurora-iopt1"
    if cls != "db.serverless":
        yield instance_component(r, engine, cls, ctx.usage, deployment=None, io_optimized=optimized)
        yield from extras(r, engine, cls, ctx.usage, ctx.today)
        return
    acus = ctx.usage.number("capacity_units_per_hr")
    suffix = "Aurora:ServerlessV2IOOptimizedUsage" if optimized else "Aurora:ServerlessV2Usage"
    yield monthly(
        "Aurora serverless v2" + (" (I/O-optimized)" if optimized else ""),
        "ACU-hours",
        per_month(acus, HOURS_PER_MONTH),
        aurora_query(r, "ServerlessV2", suffix, "ACU-Hr", engine),
        usage_based=True,
    )
    if r.get("performance_insights_enabled") is True:
        if int(r.get("performance_insights_retention_period") or 7) > 7:
            query = aws_query(
                r,
                SERVICE,
                "Performance Insights",
                {"databaseEngine": engine.name, "usagetype": pi_usagetype(r, "PI_LTR_FMR:Serverless")},
                unit="ACU-Months",
            )
            yield monthly(
                "Performance Insights long-term retention (serverless)", "ACU-months", acus, query, usage_based=True
            )
        yield pi_api(r, ctx.usage)


PRICER = Pricer(type="aws_rds_cluster_instance", price=_price, usage_keys=USAGE, doc=__doc__ or "")
