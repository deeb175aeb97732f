"""google_sql_database_instance: a Cloud SQL instance (MySQL, PostgreSQL, SQL Server).

Prices:
    SQL instance: per hour for shared-core tiers (db-f1-micro, db-g1-small) and MySQL's legacy
    db-n1-standard/highmem tiers; otherwise vCPUs and memory per hour (db-custom-CPU-MB, the
    standard/highmem tiers of other engines and names at 3.75 / 6.5 GB per vCPU, and
    db-lightweight-N at N vCPUs with 3.75 GB), zonal or regional (HA).
    Storage: per GB-month, SSD or HDD, zonal or regional. Backups: per GB-month (usage).
    IP address (if unused): per hour when a public IPv4 address is enabled.
    SQL Server licence: per vCPU-hour by edition.
Usage keys:
    backup_storage_gb: GB of backups kept a month.
Not priced / assumptions:
    Storage without disk_size is 10 GB (Cloud SQL's minimum). db-lightweight-N: Google's
    instance settings list "Lightweight" machine types but document no shape per tier name; they
    are priced as N vCPUs with 3.75 GB, the smallest memory Cloud SQL allows an instance and the
    shape the reference estimator uses (the memory assumed is in the component name). Enterprise Plus tiers
    (db-perf-optimized-*) and SQL Server licences are looked up but the shipped catalog lacks
    them. Read replicas are priced as the instances they are. Committed-use discounts are not
    applied.
References:
    https://cloud.google.com/sql/pricing
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, hourly, monthly, usage_component
from costgate.resources.google._common import GLOBAL, gcp_query
from costgate.resources.google._compute import first

USAGE = (UsageKey("backup_storage_gb", "float", "GB of backups kept a month"),)
SERVICE = "Cloud SQL"
SHARED = ("db-f1-micro", "db-g1-small")
TIER_RE = re.compile(r"^db-(?:n1-)?(?P<kind>standard|highmem)-(?P<cpus>\d+)$")
CUSTOM_RE = re.compile(r"^db-custom-(?P<cpus>\d+)-(?P<mb>\d+)$")
LIGHTWEIGHT_RE = re.compile(r"^db-lightweight-(?P<cpus>\d+)$")
LIGHTWEIGHT_GB = Decimal("3.75")
"""Memory of a db-lightweight-N tier: Cloud SQL's minimum for dedicated cores (3,840 MB)."""
GB_PER_CPU = {"standard": Decimal("3.75"), "highmem": Decimal("6.5")}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    settings = r.block("settings")
    tier, engine = str(settings.get("tier") or "db-f1-micro"), str(r.get("database_version") or "").upper()
    avail = "regional" if str(settings.get("availability_type") or "").upper() == "REGIONAL" else "zonal"
    named, custom, light = TIER_RE.match(tier), CUSTOM_RE.match(tier), LIGHTWEIGHT_RE.match(tier)
    cpus = gb = None
    if tier in SHARED or (tier.startswith("db-n1-") and engine.startswith("MYSQL")):
        yield hourly(
            f"SQL instance ({tier}, {avail})",
            gcp_query(
                r,
                SERVICE,
                {"availabilityType": avail, "resourceGroup": "SQLInstance", "tier": tier},
                family="ApplicationServices",
                unit="h",
            ),
        )
    elif named or custom or light:
        cpus = Decimal((named or custom or light).group("cpus"))  # type: ignore[union-attr]
        if named:
            gb = cpus * GB_PER_CPU[named.group("kind")]
        else:
            gb = Decimal(custom.group("mb")) / 1024 if custom else LIGHTWEIGHT_GB
        q = gcp_query(
            r,
            SERVICE,
            {"availabilityType": avail, "resourceGroup": "SQLGen2InstancesCPU"},
            family="ApplicationServices",
            unit="h",
        )
        yield monthly(f"vCPUs ({cpus}, {avail})", "hours", cpus * HOURS_PER_MONTH, q)
        q = gcp_query(
            r,
            SERVICE,
            {"availabilityType": avail, "resourceGroup": "SQLGen2InstancesRAM"},
            family="ApplicationServices",
            unit="GiBy.h",
        )
        yield monthly(f"Memory ({gb.normalize():f} GB, {avail})", "GB", gb, q, unit_multiplier=HOURS_PER_MONTH)
    else:
        yield hourly(
            f"SQL instance ({tier}, {avail})",
            gcp_query(
                r,
                SERVICE,
                {"availabilityType": avail, "resourceGroup": "SQLInstance", "tier": tier},
                family="ApplicationServices",
                unit="h",
            ),
        )
    if engine.startswith("SQLSERVER") and cpus is not None:
        edition = engine.rsplit("_", 1)[-1].lower()
        q = gcp_query(
            r,
            SERVICE,
            {"edition": edition, "resourceGroup": "SQLServerLicense"},
            family="ApplicationServices",
            unit="h",
        )
        yield monthly(f"SQL Server licence ({edition})", "vCPU-hours", cpus * HOURS_PER_MONTH, q)
    disk = "HDD" if str(settings.get("disk_type") or "PD_SSD").upper() == "PD_HDD" else "SSD"
    size = dec(settings.get("disk_size")) or Decimal(10)
    yield monthly(
        f"Storage ({disk}, {avail})",
        "GB",
        size,
        gcp_query(
            r, SERVICE, {"availabilityType": avail, "resourceGroup": disk}, family="ApplicationServices", unit="GiBy.mo"
        ),
    )
    yield usage_component(
        "Backups",
        "GB",
        ctx.usage,
        "backup_storage_gb",
        gcp_query(r, SERVICE, {"resourceGroup": "PDSnapshot"}, family="ApplicationServices", unit="GiBy.mo"),
    )
    if first(settings, "ip_configuration").get("ipv4_enabled", True) is not False:
        yield hourly(
            "IP address (if unused)",
            gcp_query(
                r, SERVICE, {"resourceGroup": "IpAddress"}, family="ApplicationServices", unit="h", region=GLOBAL
            ),
        )


PRICER = Pricer(type="google_sql_database_instance", price=_price, usage_keys=USAGE, doc=__doc__ or "")
