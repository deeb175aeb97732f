"""Azure Cosmos DB pricing shared by its databases, containers, keyspaces, graphs and tables.

Cosmos DB bills throughput and storage where they are provisioned (a database with shared
throughput, or a container, collection, table or graph with its own) in every region of the
account (its geo_location blocks), and backups per account configuration. Each of these
Terraform types references its account (account_name, or a keyspace/database that does); this
module follows the reference, reads the account's regions, write mode, backup policy and
capabilities, and yields the components per region.

A resource's own account_name wins over the account of the database or keyspace it names: Azure
creates it under the account it names (the reference estimator follows the database instead, so
a configuration whose account_name and database disagree prices differently there). Zone
redundancy (x1.25) applies to autoscale throughput as to standard throughput (the reference
applies it to standard throughput only); a multi-region-write account's RU/s are not marked up.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, location_from, normalize_location
from costgate.resources.base import PricingContext, Usage, UsageKey, dec, monthly

SERVICE = "Azure Cosmos DB"
ACCOUNT = "azurerm_cosmosdb_account"
PARENTS = ("account_name", "cassandra_keyspace_id", "keyspace_name", "database_name")
ZONE_FACTOR, AUTOSCALE_FACTOR = Decimal("1.25"), Decimal("1.5")
USAGE = (
    UsageKey("storage_gb", "float", "Transactional (and analytical) storage per region (GB)"),
    UsageKey(
        "max_request_units_utilization_percentage", "float", "Autoscale: average share of the maximum RU/s used (%)"
    ),
    UsageKey("monthly_serverless_request_units", "float", "Serverless account: request units consumed a month"),
    UsageKey("monthly_analytical_storage_write_operations", "float", "Analytical store write operations a month"),
    UsageKey("monthly_analytical_storage_read_operations", "float", "Analytical store read operations a month"),
    UsageKey("monthly_restored_data_gb", "float", "Data restored from backup a month (GB)"),
)


def account_of(r: Resource, ctx: PricingContext) -> Resource | None:
    """The azurerm_cosmosdb_account behind `r`, following account, keyspace and database references,
    or an account_name given as a literal that names one account of the configuration."""
    seen: set[str] = set()
    current: Resource | None = r
    while current is not None and current.address not in seen:
        if current.type == ACCOUNT:
            return current
        seen.add(current.address)
        parent = next((p for p in (ctx.resolve(current, a) for a in PARENTS) if p is not None), None)
        current = parent if parent is not None else _named_account(current, ctx)
    return None


def _named_account(r: Resource, ctx: PricingContext) -> Resource | None:
    """The account whose name is `r`'s literal account_name (one of that name, or the one in `r`'s
    resource group); None when the name is unknown or ambiguous."""
    name = r.get("account_name")
    if not isinstance(name, str) or not name:
        return None
    found = ctx.with_value(ACCOUNT, "name", name)
    if len(found) > 1:
        found = [a for a in found if a.get("resource_group_name") == r.get("resource_group_name")]
    return found[0] if len(found) == 1 else None


def regions(account: Resource | None, r: Resource, ctx: PricingContext) -> list[tuple[str, bool]]:
    """(location, zone redundant) per region of the account, the write region first."""
    blocks: list[Mapping[str, Any]] = sorted(
        account.blocks("geo_location") if account else [], key=lambda b: int(b.get("failover_priority") or 0)
    )
    out = [
        (normalize_location(str(b["location"])), b.get("zone_redundant") is True) for b in blocks if b.get("location")
    ]
    return out or [(location_from(account or r, ctx, *PARENTS), False)]


def _q(r: Resource, region: str, attributes: dict[str, str], unit: str) -> PriceQuery:
    return azure_query(r, SERVICE, {**attributes, "unitOfMeasure": unit}, family="Databases", region=region, unit=unit)


def _capabilities(account: Resource | None) -> set[str]:
    return {str(c.get("name")) for c in account.blocks("capabilities")} if account else set()


def throughput(
    r: Resource, usage: Usage, account: Resource | None, zones: list[tuple[str, bool]]
) -> Iterator[CostComponent]:
    """Provisioned or autoscale RU/s per region, or serverless request units."""
    multi = account is not None and (
        account.get("multiple_write_locations_enabled") is True
        or account.get("enable_multiple_write_locations") is True
    )
    sku, meter = ("mRUs", "100 Multi-master RU/s") if multi else ("RUs", "100 RU/s")
    fixed, autoscale = dec(r.get("throughput")), dec(r.block("autoscale_settings").get("max_throughput"))
    if fixed is None and autoscale is None:
        if "EnableServerless" in _capabilities(account):
            units = usage.number("monthly_serverless_request_units")
            factor = ZONE_FACTOR if zones[0][1] else Decimal(1)
            yield monthly(
                "Request units (serverless)",
                "1M RU",
                None if units is None else units / 1_000_000 * factor,
                _q(
                    r,
                    zones[0][0],
                    {"productName": "Azure Cosmos DB serverless", "skuName": "RUs", "meterName": "1M RUs"},
                    "1M",
                ),
                usage_based=True,
                unit_multiplier=1,
            )
        return  # a container without its own throughput shares its database's, priced there
    hundreds: Decimal | None
    if fixed is not None:
        label, hundreds = "provisioned", fixed / 100
    else:
        share = usage.number("max_request_units_utilization_percentage")
        label = "autoscale"
        hundreds = (
            None
            if share is None or autoscale is None
            else autoscale * share / 100 / 100 * (AUTOSCALE_FACTOR if not multi else 1)
        )
    for region, zone in zones:
        quantity = None if hundreds is None else hundreds * (ZONE_FACTOR if zone and not multi else 1)
        yield monthly(
            f"Provisioned throughput ({label}, {region})",
            "RU/s x 100",
            quantity,
            _q(r, region, {"productName": "Azure Cosmos DB", "skuName": sku, "meterName": meter}, "1/Hour"),
            usage_based=label == "autoscale",
            unit_multiplier=HOURS_PER_MONTH,
        )


def storage(
    r: Resource, usage: Usage, account: Resource | None, zones: list[tuple[str, bool]]
) -> Iterator[CostComponent]:
    """Transactional storage per region; analytical storage and operations when the account enables it."""
    gb = usage.number("storage_gb")
    analytical = account is not None and account.get("analytical_storage_enabled") is True
    for region, _zone in zones:
        yield monthly(
            f"Transactional storage ({region})",
            "GB",
            gb,
            _q(
                r,
                region,
                {"productName": "Azure Cosmos DB", "skuName": "RUs", "meterName": "Data Stored"},
                "1 GB/Month",
            ),
            usage_based=True,
        )
        if analytical:
            store = {"productName": "Azure Cosmos DB Analytics Storage", "skuName": "Standard"}
            yield monthly(
                f"Analytical storage ({region})",
                "GB",
                gb,
                _q(r, region, {**store, "meterName": "Standard Data Stored"}, "1 GB/Month"),
                usage_based=True,
            )
            for kind in ("write", "read"):
                ops = usage.number(f"monthly_analytical_storage_{kind}_operations")
                yield monthly(
                    f"Analytical {kind} operations ({region})",
                    "10K operations",
                    None if ops is None else ops / 10_000,
                    _q(r, region, {**store, "meterName": f"Standard {kind.capitalize()} Operations"}, "10K"),
                    usage_based=True,
                )


def backups(
    r: Resource, ctx: PricingContext, account: Resource | None, zones: list[tuple[str, bool]]
) -> Iterator[CostComponent]:
    """Backup storage beyond the two free periodic copies, or continuous (30-day) backup, per region
    of the account; restores in the account's own location (its ARM region, where the restore meter is
    billed), not per replica."""
    usage = ctx.usage
    backup = account.block("backup") if account else {}
    gb = usage.number("storage_gb")
    if str(backup.get("type") or "Periodic").lower() == "continuous":
        if str(backup.get("tier") or "Continuous30Days") != "Continuous7Days":  # the 7-day tier is free
            for region, _zone in zones:
                yield monthly(
                    f"Continuous backup ({region})",
                    "GB",
                    gb,
                    _q(
                        r,
                        region,
                        {
                            "productName": "Azure Cosmos DB - PITR",
                            "skuName": "Backup",
                            "meterName": "Cont 30D Bckp Continuous Backup",
                        },
                        "1 GB",
                    ),
                    usage_based=True,
                )
    else:
        interval = (dec(backup.get("interval_in_minutes")) or Decimal(240)) / 60
        retention = dec(backup.get("retention_in_hours")) or Decimal(8)
        copies = max(int(retention // interval) - 2, 0)
        for region, _zone in zones if copies else ():
            yield monthly(
                f"Periodic backup ({region}, {copies} extra copies)",
                "GB",
                None if gb is None else gb * copies,
                _q(
                    r,
                    region,
                    {
                        "productName": "Azure Cosmos DB Snapshot",
                        "skuName": "Standard",
                        "meterName": "Backup Data Stored",
                    },
                    "1 GB/Month",
                ),
                usage_based=True,
            )
    yield monthly(
        "Restored data",
        "GB",
        usage.number("monthly_restored_data_gb"),
        _q(
            r,
            location_from(account or r, ctx, *PARENTS),
            {"productName": "Azure Cosmos DB - PITR", "skuName": "Backup", "meterName": "Cont 30D Bckp Data Restore"},
            "1 GB",
        ),
        usage_based=True,
    )


def price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    """Every component of one Cosmos DB database, container, keyspace, table or graph."""
    account = account_of(r, ctx)
    zones = regions(account, r, ctx)
    yield from throughput(r, ctx.usage, account, zones)
    yield from storage(r, ctx.usage, account, zones)
    yield from backups(r, ctx, account, zones)
