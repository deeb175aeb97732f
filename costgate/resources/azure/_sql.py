"""Azure SQL pricing shared by the database, elastic pool and managed instance pricers.

Terraform names a database's size by a SKU ("GP_Gen5_4", "GP_S_Gen5_2", "BC_M_8", "S3", "P6");
Azure's Retail Prices list names the same meters by productName ("SQL Database Single/Elastic
Pool General Purpose - Compute Gen5"), skuName ("4 vCore", "S3") and meterName. This module holds
that translation and the components every vCore or DTU database or pool has, so that
azurerm_mssql_database and the legacy azurerm_sql_database (and both elastic pools) stay lists
of attributes read from their own schema.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import PER_DAY, azure_query
from costgate.resources.base import Usage, UsageKey, hourly, monthly, usage_component

SERVICE = "SQL Database"
FAMILY = "Databases"
TIERS = {"GP": "General Purpose", "BC": "Business Critical", "HS": "Hyperscale"}
TIER_NAMES = {"generalpurpose": "GP", "businesscritical": "BC", "hyperscale": "HS"}
# Hardware families as Terraform spells them -> the productName suffix Azure uses
HARDWARE = {
    "gen5": "Compute Gen5",
    "m": "Compute M Series",
    "dc": "Compute DC-Series",
    "fsv2": "Compute FSv2 Series",
    "prms": "Compute Premium Series",
    "moprms": "Compute Premium Series Memory Optimized",
}
DTU_TIERS = {"b": "Basic", "s": "Standard", "p": "Premium"}
# Storage a DTU database includes before "extra data storage" bills (Basic cannot grow past it)
DTU_INCLUDED_GB = {
    "s": Decimal(250),
    **{f"p{n}": Decimal(500) for n in (1, 2, 4, 6)},
    "p11": Decimal(4096),
    "p15": Decimal(4096),
}
REDUNDANCY = {"geo": "RA-GRS", "georedundant": "RA-GRS", "local": "LRS", "zone": "ZRS", "geozone": "RA-GZRS"}
DEFAULT_VCORE_MAX_GB = Decimal(32)
"""A vCore database or pool without max_size_gb gets Azure's default maximum, 32 GB, and is billed on it."""

BACKUP_USAGE = (
    UsageKey("long_term_retention_storage_gb", "float", "Long-term retention backup storage a month (GB)"),
    UsageKey("backup_storage_gb", "float", "Point-in-time-restore backup storage beyond the free allowance (GB)"),
)


@dataclass(frozen=True, slots=True)
class VCore:
    """A vCore SKU: tier code (GP, BC, HS), hardware family, vCores, serverless or provisioned."""

    sku: str
    tier: str
    hardware: str
    cores: int
    serverless: bool = False

    @property
    def tier_name(self) -> str:
        """The tier as Azure's product names spell it ("General Purpose")."""
        return TIERS[self.tier]


def parse_vcore(sku: str, cores: int | None = None) -> VCore | None:
    """GP_Gen5_4, GP_S_Gen5_2, BC_M_8, HS_PRMS_4 (or a pool's GP_Gen5 with `cores`); None if not vCore."""
    m = re.fullmatch(r"(GP|BC|HS)(_S)?_([A-Za-z0-9]+)(?:_(\d+))?", sku.strip(), re.IGNORECASE)
    if not m:
        return None
    count = int(m.group(4)) if m.group(4) else cores
    if count is None:
        return None
    return VCore(sku, m.group(1).upper(), m.group(3).lower(), count, serverless=bool(m.group(2)))


def compute_product(v: VCore) -> str:
    """The productName of a vCore compute meter (single databases and elastic pools share it)."""
    hardware = HARDWARE.get(v.hardware, f"Compute {v.hardware}")
    if v.serverless:
        return f"SQL Database {v.tier_name} - Serverless - {hardware}"
    scope = "SingleDB/Elastic Pool" if v.tier == "HS" else "Single/Elastic Pool"
    return f"SQL Database {scope} {v.tier_name} - {hardware}"


def query(r: Resource, region: str, attributes: dict[str, str], unit: str = "1 Hour") -> PriceQuery:
    """A SQL Database query in `region` (the database's, or its server's)."""
    return azure_query(r, SERVICE, {**attributes, "unitOfMeasure": unit}, family=FAMILY, region=region, unit=unit)


def vcore_compute(
    r: Resource, region: str, v: VCore, usage: Usage, *, label: str, zone_redundant: bool
) -> Iterator[CostComponent]:
    """Compute (per vCore-hour when serverless, per hour of the size otherwise) and GP zone redundancy."""
    product = compute_product(v)
    if v.serverless:
        hours = usage.number("monthly_vcore_hours")
        yield monthly(
            f"Compute (serverless, {v.sku})",
            "vCore-hours",
            hours,
            query(r, region, {"productName": product, "skuName": "1 vCore", "meterName": "vCore"}),
            usage_based=True,
        )
        if zone_redundant:
            yield monthly(
                f"Zone redundancy (serverless, {v.sku})",
                "vCore-hours",
                hours,
                query(
                    r,
                    region,
                    {
                        "productName": product,
                        "skuName": "1 vCore Zone Redundancy",
                        "meterName": "Zone Redundancy vCore",
                    },
                ),
                usage_based=True,
            )
        return
    yield hourly(
        f"Compute ({label})",
        query(r, region, {"productName": product, "skuName": f"{v.cores} vCore", "meterName": "vCore"}),
    )
    if zone_redundant and v.tier == "GP":
        yield hourly(
            f"Zone redundancy ({label})",
            query(
                r,
                region,
                {
                    "productName": product,
                    "skuName": f"{v.cores} vCore Zone Redundancy",
                    "meterName": "Zone Redundancy vCore",
                },
            ),
        )


def license_component(
    r: Resource, v: VCore, *, service: str = SERVICE, scope: str = "SQL Database Single/Elastic Pool"
) -> CostComponent:
    """The SQL Server licence per vCore-hour (license_type LicenseIncluded), a Global meter."""
    q = azure_query(
        r,
        service,
        {"productName": f"{scope} {v.tier_name} - SQL License", "unitOfMeasure": "1 Hour"},
        family=FAMILY,
        region="global",
        unit="1 Hour",
    )
    return monthly("SQL license", "vCore-hours", HOURS_PER_MONTH * v.cores, q)


def vcore_storage(r: Resource, region: str, v: VCore, size_gb: Decimal, *, zone_redundant: bool) -> CostComponent:
    """Data storage per GB-month of the maximum size (serverless storage is General Purpose's)."""
    sku = v.tier_name + (" Zone Redundancy" if zone_redundant and v.tier == "GP" else "")
    scope = "SingleDB" if v.tier == "HS" else "Single/Elastic Pool"
    return monthly(
        "Storage",
        "GB",
        size_gb,
        query(
            r,
            region,
            {"productName": f"SQL Database {scope} {v.tier_name} - Storage", "skuName": sku},
            unit="1 GB/Month",
        ),
    )


def dtu_tier(sku: str) -> str | None:
    """Basic, Standard or Premium for a DTU SKU (Basic, S0-S12, P1-P15); None otherwise."""
    key = sku.strip().lower()
    if key == "basic":
        return "Basic"
    return DTU_TIERS[key[0]] if re.fullmatch(r"[sp]\d+", key) else None


def dtu_compute(r: Resource, region: str, sku: str) -> CostComponent:
    """A DTU database's size, billed per day ('1/Day'), shown per hour; a SKU that is neither
    vCore nor DTU (DW100c, DS100) is looked up by its name alone, and reported unpriced."""
    tier = dtu_tier(sku)
    attrs = (
        {"skuName": sku}
        if tier is None
        else {"productName": f"SQL Database Single {tier}", "skuName": "B" if tier == "Basic" else sku.upper()}
    )
    q = query(r, region, attrs, unit="1/Day")
    return monthly(f"Compute ({sku.upper()})", "hours", HOURS_PER_MONTH, q, unit_multiplier=PER_DAY)


def extra_storage(
    r: Resource, region: str, tier: str, extra_gb: Decimal | None, usage_based: bool = False
) -> Iterator[CostComponent]:
    """Storage a DTU database or pool has beyond what its size includes (per GB-month)."""
    if extra_gb is not None and extra_gb <= 0:
        return
    q = query(
        r,
        region,
        {"productName": f"SQL Database {tier} - Storage", "skuName": tier, "meterName": "Data Stored"},
        unit="1 GB/Month",
    )
    yield monthly("Extra data storage", "GB", extra_gb, q, usage_based=usage_based)


def dtu_extra_gb(sku: str, max_size_gb: Decimal | None, usage: Usage) -> Decimal | None:
    """Extra storage of a DTU database: the usage's extra_data_storage_gb, else max size minus included."""
    given = usage.number("extra_data_storage_gb")
    if given is not None:
        return given
    key = sku.strip().lower()
    included = DTU_INCLUDED_GB.get(key, DTU_INCLUDED_GB.get(key[:1])) if key != "basic" else None
    if included is None or max_size_gb is None:
        return Decimal(0)
    return max_size_gb - included


def backups(r: Resource, region: str, usage: Usage, storage_account_type: str | None) -> Iterator[CostComponent]:
    """Long-term retention and point-in-time-restore backup storage (usage), by backup redundancy."""
    redundancy = REDUNDANCY.get(str(storage_account_type or "Geo").lower().replace("_", ""), "RA-GRS")
    yield usage_component(
        f"Long-term retention ({redundancy})",
        "GB",
        usage,
        "long_term_retention_storage_gb",
        query(
            r,
            region,
            {
                "productName": "SQL Database - LTR Backup Storage",
                "skuName": f"Backup {redundancy}",
                "meterName": f"Backup {redundancy} Data Stored",
            },
            unit="1 GB/Month",
        ),
    )
    yield usage_component(
        f"PITR backup storage ({redundancy})",
        "GB",
        usage,
        "backup_storage_gb",
        query(
            r,
            region,
            {
                "productName": "SQL Database Single/Elastic Pool PITR Backup Storage",
                "skuName": f"Backup {redundancy}",
                "meterName": f"{redundancy} Data Stored",
            },
            unit="1 GB/Month",
        ),
    )


def database(
    r: Resource,
    region: str,
    sku: str,
    usage: Usage,
    *,
    max_gb: Decimal | None,
    zone_redundant: bool,
    replicas: int,
    licensed: bool,
    storage_account_type: str | None,
) -> Iterator[CostComponent]:
    """Every component of a single (not pooled) database of `sku`, DTU or vCore."""
    backup = backups(r, region, usage, storage_account_type)
    v = parse_vcore(sku)
    if v is None:
        yield dtu_compute(r, region, sku)
        tier = dtu_tier(sku)
        if tier and tier != "Basic":
            given = usage.number("extra_data_storage_gb") is not None
            yield from extra_storage(r, region, tier, dtu_extra_gb(sku, max_gb, usage), usage_based=given)
        yield from backup
        return
    yield from vcore_compute(r, region, v, usage, label=f"provisioned, {sku}", zone_redundant=zone_redundant)
    if replicas and v.tier == "HS" and not v.serverless:
        q = query(r, region, {"productName": compute_product(v), "skuName": f"{v.cores} vCore", "meterName": "vCore"})
        yield hourly("Read replicas", q, count=replicas)
    if licensed and not v.serverless:
        scope = "SQL Database SingleDB/Elastic Pool" if v.tier == "HS" else "SQL Database Single/Elastic Pool"
        yield license_component(r, v, scope=scope)
    yield vcore_storage(r, region, v, max_gb or DEFAULT_VCORE_MAX_GB, zone_redundant=zone_redundant)
    if v.tier != "HS":
        yield from backup


POOL_TIERS = {"basicpool": "Basic", "standardpool": "Standard", "premiumpool": "Premium"}
# Storage an eDTU pool includes (GB) per size: Standard includes its eDTU count, Premium these
POOL_PREMIUM_INCLUDED_GB = {
    125: 250,
    250: 500,
    500: 750,
    1000: 1024,
    1500: 1536,
    2000: 2048,
    2500: 2560,
    3000: 3072,
    3500: 3584,
    4000: 4096,
}


def dtu_pool(r: Resource, region: str, tier: str, edtus: int, max_gb: Decimal | None) -> Iterator[CostComponent]:
    """An eDTU elastic pool: the pool size per hour (billed per day) and storage above what it includes."""
    q = query(
        r,
        region,
        {"productName": f"SQL Database Elastic Pool - {tier}", "skuName": f"{edtus} DTU Pack", "meterName": "eDTUs"},
        unit="1/Day",
    )
    yield monthly(f"Compute ({tier}, {edtus} DTUs)", "hours", HOURS_PER_MONTH, q, unit_multiplier=PER_DAY)
    included = (
        Decimal(edtus)
        if tier == "Standard"
        else Decimal(POOL_PREMIUM_INCLUDED_GB[edtus])
        if tier == "Premium" and edtus in POOL_PREMIUM_INCLUDED_GB
        else None
    )
    if included is not None and max_gb is not None:
        yield from extra_storage(r, region, tier, max_gb - included)


def vcore_pool(
    r: Resource, region: str, v: VCore, usage: Usage, *, max_gb: Decimal | None, zone_redundant: bool, licensed: bool
) -> Iterator[CostComponent]:
    """A vCore elastic pool: compute, General Purpose zone redundancy, licence and storage."""
    label = f"{v.sku}, {v.cores} vCore"
    yield from vcore_compute(r, region, v, usage, label=label, zone_redundant=zone_redundant)
    if licensed:
        yield license_component(r, v)
    yield vcore_storage(r, region, v, max_gb or DEFAULT_VCORE_MAX_GB, zone_redundant=zone_redundant)


MI_SERVICE = "SQL Managed Instance"
MI_INCLUDED_GB = Decimal(32)
MI_REDUNDANCY = {"grs": "RA-GRS", "gzrs": "RA-GZRS", "lrs": "LRS", "zrs": "ZRS"}


def managed_instance(r: Resource, usage: Usage) -> Iterator[CostComponent]:
    """A SQL managed instance: compute, licence, storage above 32 GB and backups (usage)."""
    sku, cores = str(r.get("sku_name") or "GP_Gen5"), int(r.get("vcores") or 0)
    v = parse_vcore(sku, cores) or VCore(sku, "GP", "gen5", cores)
    hardware = HARDWARE.get(v.hardware, f"Compute {v.hardware}")

    def q(attrs: dict[str, str], unit: str = "1 GB/Month") -> PriceQuery:
        return azure_query(r, MI_SERVICE, {**attrs, "unitOfMeasure": unit}, family=FAMILY, unit=unit)

    yield hourly(
        f"Compute ({sku.upper()} {cores} cores)",
        q(
            {
                "productName": f"SQL Managed Instance {v.tier_name} - {hardware}",
                "skuName": f"{cores} vCore",
            },
            "1 Hour",
        ),
    )
    if str(r.get("license_type") or "LicenseIncluded") != "BasePrice":
        yield license_component(r, v, service=MI_SERVICE, scope="SQL Managed Instance")
    extra = Decimal(int(r.get("storage_size_in_gb") or MI_INCLUDED_GB)) - MI_INCLUDED_GB
    if extra > 0:
        yield monthly(
            "Additional storage",
            "GB",
            extra,
            q({"productName": "SQL Managed Instance General Purpose - Storage", "skuName": "General Purpose"}),
        )
    kind = MI_REDUNDANCY.get(str(r.get("storage_account_type") or "GRS").lower(), "RA-GRS")
    yield usage_component(
        f"PITR backup storage ({kind})",
        "GB",
        usage,
        "backup_storage_gb",
        q({"productName": "SQL Managed Instance PITR Backup Storage", "meterName": f"{kind} Data Stored"}),
    )
    yield usage_component(
        f"LTR backup storage ({kind})",
        "GB",
        usage,
        "long_term_retention_storage_gb",
        q({"productName": "SQL Managed Instance - LTR Backup Storage", "meterName": f"LTR Backup {kind} Data Stored"}),
    )
