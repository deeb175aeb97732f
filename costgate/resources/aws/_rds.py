"""RDS and Aurora pricing shared by aws_db_instance, aws_rds_cluster and aws_rds_cluster_instance.

Terraform names engines ("oracle-se2", "aurora-postgresql"); AWS's price list names them by
databaseEngine, databaseEdition and licenseModel. This module holds that translation, the
instance-hour query (on-demand or reserved), the extras every instance can carry (CPU credits,
Performance Insights, Extended Support) and the tables they need, so each pricer stays a list
of components.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.pricing.aws_regions import USAGE_TYPE_PREFIX
from costgate.resources.aws._common import aws_query, region_of, ut
from costgate.resources.base import Usage, UsageKey, hourly, monthly, usage_component

SERVICE = "AmazonRDS"
NO_LICENSE = "No license required"
LICENSE_INCLUDED = "License included"
BYOL = "Bring your own license"


@dataclass(frozen=True, slots=True)
class Engine:
    """An engine as the price list names it; `license` is the model AWS applies by default."""

    name: str
    edition: str | None = None
    license: str = NO_LICENSE

    @property
    def aurora(self) -> bool:
        """True for Aurora MySQL and Aurora PostgreSQL."""
        return self.name.startswith("Aurora")


ENGINES: dict[str, Engine] = {
    "mysql": Engine("MySQL"),
    "postgres": Engine("PostgreSQL"),
    "mariadb": Engine("MariaDB"),
    "aurora": Engine("Aurora MySQL"),
    "aurora-mysql": Engine("Aurora MySQL"),
    "aurora-postgresql": Engine("Aurora PostgreSQL"),
    # Oracle SE and EE are offered bring-your-own-license only; SE1 and SE2 default to included.
    "oracle-se": Engine("Oracle", "Standard", BYOL),
    "oracle-se1": Engine("Oracle", "Standard One", LICENSE_INCLUDED),
    "oracle-se2": Engine("Oracle", "Standard Two", LICENSE_INCLUDED),
    "oracle-se2-cdb": Engine("Oracle", "Standard Two", LICENSE_INCLUDED),
    "oracle-ee": Engine("Oracle", "Enterprise", BYOL),
    "oracle-ee-cdb": Engine("Oracle", "Enterprise", BYOL),
    "sqlserver-ex": Engine("SQL Server", "Express", LICENSE_INCLUDED),
    "sqlserver-web": Engine("SQL Server", "Web", LICENSE_INCLUDED),
    "sqlserver-se": Engine("SQL Server", "Standard", LICENSE_INCLUDED),
    "sqlserver-ee": Engine("SQL Server", "Enterprise", LICENSE_INCLUDED),
}
"""Terraform `engine` -> price-list engine (RDS Custom and Db2 are not in the catalog)."""

LICENSE_MODELS = {
    "license-included": LICENSE_INCLUDED,
    "bring-your-own-license": BYOL,
    "general-public-license": NO_LICENSE,
    "postgresql-license": NO_LICENSE,
}

RESERVED_TERM = {"1_year": "1yr", "3_year": "3yr"}
RESERVED_PAYMENT = {"no_upfront": "No Upfront", "partial_upfront": "Partial Upfront", "all_upfront": "All Upfront"}

RESERVED_USAGE = (
    UsageKey("reserved_instance_term", "str", "Reserved instance term: 1_year or 3_year"),
    UsageKey("reserved_instance_payment_option", "str", "Reserved payment: no_upfront, partial_upfront or all_upfront"),
)
INSTANCE_USAGE = (
    *RESERVED_USAGE,
    UsageKey("monthly_cpu_credit_hrs", "float", "Hours a month a T-class instance bursts above baseline"),
    UsageKey("vcpu_count", "int", "vCPUs that burst (default: the class's vCPUs)"),
    UsageKey(
        "monthly_additional_performance_insights_requests",
        "int",
        "Performance Insights API requests a month beyond the free tier",
    ),
)

# Extended Support: the first day of year 1 and of year 3 per engine major version (AWS release
# calendars, see References in the pricers). Aurora MySQL 2 reaches its end before a year 3.
EXTENDED_SUPPORT: dict[tuple[str, str], tuple[date, date | None]] = {
    ("MySQL", "5.7"): (date(2024, 3, 1), date(2026, 3, 1)),
    ("MySQL", "8.0"): (date(2026, 8, 1), date(2028, 8, 1)),
    ("AuroraMySQL", "2"): (date(2024, 12, 1), None),
    ("AuroraMySQL", "3"): (date(2028, 5, 1), date(2030, 5, 1)),
    **{
        ("PostgreSQL", str(v)): (date(2013 + v, 3 if v > 11 else 4, 1), date(2015 + v, 3 if v > 11 else 4, 1))
        for v in range(11, 17)
    },
    **{
        ("AuroraPostgreSQL", str(v)): (date(2013 + v, 3 if v > 11 else 4, 1), date(2015 + v, 3 if v > 11 else 4, 1))
        for v in range(11, 17)
    },
}
ES_ENGINE = {
    "MySQL": "MySQL",
    "PostgreSQL": "PostgreSQL",
    "Aurora MySQL": "AuroraMySQL",
    "Aurora PostgreSQL": "AuroraPostgreSQL",
}


def engine_of(name: str | None) -> Engine | None:
    """The price-list engine for a Terraform engine name (None when unknown)."""
    return ENGINES.get(str(name or "").lower())


def vcpus(instance_class: str) -> int | None:
    """vCPUs of a DB instance class from its size (t2 micro/small have 1); None when unknown."""
    family, _, size = instance_class.removeprefix("db.").partition(".")
    if size in ("micro", "small"):
        return 1 if family == "t2" else 2
    if size in ("medium", "large"):
        return 2
    found = re.fullmatch(r"(\d*)xlarge", size)
    return 4 * int(found.group(1) or 1) if found else None


def reserved_term(usage: Usage) -> dict[str, str] | None:
    """The reserved term the usage asks for, or None for on-demand."""
    term = RESERVED_TERM.get(usage.text("reserved_instance_term") or "")
    payment = RESERVED_PAYMENT.get(usage.text("reserved_instance_payment_option") or "")
    return {"leaseContractLength": term, "purchaseOption": payment} if term and payment else None


def instance_component(
    r: Resource,
    engine: Engine,
    cls: str,
    usage: Usage,
    *,
    deployment: str | None = "Single-AZ",
    license_model: str | None = None,
    io_optimized: bool = False,
) -> CostComponent:
    """The instance-hour line, reserved when the usage gives a term (hourly fee only)."""
    attrs = {
        "instanceType": cls,
        "databaseEngine": engine.name,
        "deploymentOption": deployment or "Single-AZ",
        "licenseModel": license_model or engine.license,
    }
    if engine.edition:
        attrs["databaseEdition"] = engine.edition
    if io_optimized:
        attrs["storage"] = "Aurora IO Optimization Mode"
    term = reserved_term(usage)
    label = ", ".join(x for x in ("reserved" if term else "on-demand", deployment or "", cls) if x)
    query = aws_query(
        r,
        SERVICE,
        "Database Instance",
        attrs,
        unit="Hrs",
        purchase_option="reserved" if term else "on_demand",
        term=term,
    )
    return hourly(f"Database instance ({label})", query)


def pi_usagetype(r: Resource, suffix: str) -> str:
    """Performance Insights usage types use a colon and name us-east-1 too ("USE1:PI_API")."""
    return f"{USAGE_TYPE_PREFIX.get(region_of(r)) or 'USE1'}:{suffix}"


def extras(r: Resource, engine: Engine, cls: str, usage: Usage, on: date) -> Iterator[CostComponent]:
    """CPU credits (T classes), Performance Insights and Extended Support of one instance."""
    cpus = vcpus(cls)
    family = cls.removeprefix("db.").partition(".")[0]
    if family.startswith("t") and usage.number("monthly_cpu_credit_hrs") is not None:
        hours, count = usage.number("monthly_cpu_credit_hrs"), usage.number("vcpu_count") or cpus
        query = aws_query(
            r,
            SERVICE,
            "CPU Credits",
            {"databaseEngine": engine.name, "usagetype": ut(r, f"CPUCredits:db.{family}")},
            unit="vCPU-Hours",
        )
        yield monthly(
            "CPU credits",
            "vCPU-hours",
            None if hours is None or count is None else hours * count,
            query,
            usage_based=True,
        )
    if r.get("performance_insights_enabled") is True:
        if int(r.get("performance_insights_retention_period") or 7) > 7:
            query = aws_query(
                r,
                SERVICE,
                "Performance Insights",
                {"usagetype": pi_usagetype(r, f"PI_LTR:{family.upper()}")},
                unit="vCPU-Months",
            )
            yield monthly(f"Performance Insights long-term retention ({cls})", "vCPU-months", cpus, query)
        yield pi_api(r, usage)
    yield from extended_support(r, engine, cls, on)


def pi_api(r: Resource, usage: Usage) -> CostComponent:
    """Performance Insights API calls beyond the free tier (usage)."""
    query = aws_query(r, SERVICE, "Performance Insights", {"usagetype": pi_usagetype(r, "PI_API")}, unit="API Calls")
    return usage_component(
        "Performance Insights API",
        "1000 requests",
        usage,
        "monthly_additional_performance_insights_requests",
        query,
        per=1000,
    )


def major_version(engine: Engine, version: str) -> str:
    """The major version AWS's Extended Support usage types name (Aurora MySQL 5.7 is "2")."""
    parts = version.lower().split(".")
    if engine.name == "Aurora MySQL":
        if "mysql_aurora" in parts and len(parts) > parts.index("mysql_aurora") + 1:
            return parts[parts.index("mysql_aurora") + 1]
        return {"5": "2", "8": "3"}.get(parts[0], parts[0])
    return ".".join(parts[:2]) if engine.name == "MySQL" else parts[0]


def extended_support(r: Resource, engine: Engine, cls: str, on: date) -> Iterator[CostComponent]:
    """Extended Support per vCPU-hour once the engine's major version left standard support."""
    version, name = r.get("engine_version"), ES_ENGINE.get(engine.name)
    if not version or name is None:
        return
    major = major_version(engine, str(version))
    dates = EXTENDED_SUPPORT.get((name, major))
    if dates is None or on < dates[0]:
        return
    year3 = dates[1] is not None and on >= dates[1]
    label, tier = ("year 3", "Yr3") if year3 else ("year 1", "Yr1-Yr2")
    cpus = vcpus(cls)
    query = aws_query(
        r, SERVICE, None, {"usagetype": ut(r, f"ExtendedSupport:{tier}:{name}{major}")}, unit="vCPU-Hours"
    )
    yield monthly(f"Extended support ({label})", "vCPU-hours", None if cpus is None else cpus * HOURS_PER_MONTH, query)


def aurora_query(r: Resource, family: str, suffix: str, unit: str, engine: Engine | None = None) -> PriceQuery:
    """A query for an Aurora cluster line by usage type (and engine where AWS splits by it)."""
    attrs = {"usagetype": ut(r, suffix)}
    if engine is not None:
        attrs["databaseEngine"] = engine.name
    return aws_query(r, SERVICE, family, attrs, unit=unit)


def per_month(value: Decimal | None, factor: Decimal | int) -> Decimal | None:
    """`value` times `factor`, or None when the value is not given."""
    return None if value is None else value * Decimal(factor)
