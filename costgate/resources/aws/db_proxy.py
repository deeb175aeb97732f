"""aws_db_proxy: an RDS Proxy.

Prices:
    Proxy vCPU-hours: per vCPU of each database instance the proxy serves, per hour (minimum 2
    vCPUs an instance). Targets come from aws_db_proxy_target resources that name this proxy:
    an aws_db_instance, or an aws_rds_cluster and its aws_rds_cluster_instance members.
    Aurora Serverless v2 members (db.serverless) are billed per ACU-hour (minimum 8 ACUs), which
    depends on the capacity the cluster scales to (usage: monthly_acu_hrs).
Usage keys:
    vcpu_count: vCPUs of the proxy's target instances when the plan does not show its targets.
    monthly_acu_hrs: ACU-hours a month of Aurora Serverless v2 targets (at least 8 ACUs an hour).
Not priced / assumptions:
    vCPUs come from the instance class's size (large = 2, xlarge = 4, Nxlarge = 4N); a class
    whose size does not say (metal) leaves the quantity unknown. The price is the same for every
    engine; the query names the target's engine (engine_family when there is no target).
    Only eu-west-1 has RDS Proxy rows in the shipped catalog (terracost); us-east-1 shows as not
    priced until a catalog refresh.
References:
    https://aws.amazon.com/rds/proxy/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.aws._instance_vcpus import vcpus
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component

USAGE = (
    UsageKey("vcpu_count", "int", "vCPUs of the proxy's target instances when the plan does not show them"),
    UsageKey("monthly_acu_hrs", "float", "ACU-hours a month of Aurora Serverless v2 targets"),
)
MIN_VCPUS = Decimal(2)
FAMILY_ENGINE = {"MYSQL": "MySQL", "POSTGRESQL": "PostgreSQL", "SQLSERVER": "SQL Server"}
ENGINES = {
    "mysql": "MySQL",
    "mariadb": "MariaDB",
    "postgres": "PostgreSQL",
    "aurora-mysql": "Aurora MySQL",
    "aurora-postgresql": "Aurora PostgreSQL",
    "aurora": "Aurora MySQL",
}


def _engine(engine: str) -> str | None:
    return "SQL Server" if engine.startswith("sqlserver") else ENGINES.get(engine)


def _targets(r: Resource, ctx: PricingContext) -> tuple[str | None, list[str]]:
    """(engine, instance classes) of the databases the proxy's targets point at."""
    engine: str | None = None
    classes: list[str] = []
    targets = {t.address: t for t in ctx.referencing(r, "aws_db_proxy_target", "db_proxy_name")}
    for target in targets.values():
        if (db := ctx.resolve(target, "db_instance_identifier")) is not None:
            engine, classes = _engine(str(db.get("engine", ""))), [*classes, str(db.get("instance_class", ""))]
        elif (cluster := ctx.resolve(target, "db_cluster_identifier")) is not None:
            engine = _engine(str(cluster.get("engine", "")))
            # referencing() sees a counted resource twice (by address and by bare config address)
            members = {m.address: m for m in ctx.referencing(cluster, "aws_rds_cluster_instance", "cluster_identifier")}
            classes += [str(m.get("instance_class", "")) for m in members.values()]
    return engine, classes


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    engine, classes = _targets(r, ctx)
    engine = engine or FAMILY_ENGINE.get(str(r.get("engine_family", "")).upper(), "MySQL")
    provisioned = [c for c in classes if c != "db.serverless"]
    sizes = [vcpus(c) for c in provisioned]
    total: Decimal | None = None
    if provisioned and all(s is not None for s in sizes):
        total = sum((max(s or MIN_VCPUS, MIN_VCPUS) for s in sizes), Decimal(0))
    elif not classes:
        total = ctx.usage.number("vcpu_count")
    q = aws_query(
        r, "AmazonRDS", "RDSProxy", {"databaseEngine": engine, "usagetype": ut(r, "RDS:ProxyUsage")}, unit="Hrs"
    )
    if provisioned or not classes:
        yield monthly(
            "Proxy (per vCPU)",
            "vCPU-hours",
            None if total is None else total * HOURS_PER_MONTH,
            q,
            usage_based=not classes,
        )
    if "db.serverless" in classes:
        acu = aws_query(
            r,
            "AmazonRDS",
            "RDSProxy",
            {"databaseEngine": engine, "usagetype": ut(r, "RDS:Proxy-ASv2-Usage")},
            unit="ACU-Hr",
        )
        yield usage_component("Proxy (per ACU, Serverless v2)", "ACU-hours", ctx.usage, "monthly_acu_hrs", acu)


PRICER = Pricer(type="aws_db_proxy", price=_price, usage_keys=USAGE, doc=__doc__ or "")
