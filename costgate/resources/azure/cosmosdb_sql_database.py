"""azurerm_cosmosdb_sql_database: a Cosmos DB for NoSQL database (throughput shared by its containers).

Prices:
    Throughput in every region of the account (geo_location): provisioned (throughput) per
    100 RU/s-hour, autoscale (autoscale_settings) at 1.5 times that on the share of the maximum
    used (usage), zone-redundant regions at 1.25 times; multi-region-write accounts at the
    multi-master meter. On a serverless account (capability EnableServerless) without
    throughput: request units (usage). Transactional storage per region (usage); analytical
    storage and its read and write operations when the account enables the analytical store.
    Backups: periodic copies beyond the two free ones (retention_in_hours over
    interval_in_minutes), or continuous 30-day backup, per region; restored data (usage) at the
    account's own location, where its restore meter ("Cont 30D Bckp Data Restore") is billed.
Usage keys:
    storage_gb: data stored per region (GB); give it where the data lives, not on both a
    database and its containers. max_request_units_utilization_percentage: autoscale use.
    monthly_serverless_request_units, monthly_analytical_storage_write_operations,
    monthly_analytical_storage_read_operations, monthly_restored_data_gb.
Not priced / assumptions:
    Without throughput on a provisioned account the resource shares its database's (or
    keyspace's) throughput, which is priced there; the reference estimator prices it as
    serverless instead. The 7-day continuous backup tier is free. The account itself adds
    nothing (azurerm_cosmosdb_account is free); free-tier discounts, reserved capacity and
    dedicated gateways are not applied.
References:
    https://azure.microsoft.com/pricing/details/cosmos-db/autoscale-provisioned/
    https://learn.microsoft.com/azure/cosmos-db/periodic-backup-storage-redundancy
"""

from __future__ import annotations

from costgate.resources.azure import _cosmos
from costgate.resources.base import Pricer

PRICER = Pricer(type="azurerm_cosmosdb_sql_database", price=_cosmos.price, usage_keys=_cosmos.USAGE, doc=__doc__ or "")
