"""azurerm_storage_queue: a queue in a storage account.

Prices:
    Capacity: per GB-month (usage: monthly_storage_gb) at the account's redundancy.
    Class 1 operations (writes, creates) and class 2 operations (reads, other): per 10,000 (usage).
    Geo-replication data transfer: per GB for geo-redundant accounts (usage).
Usage keys:
    monthly_storage_gb: GB the queue holds on average.
    monthly_class_1_operations: class 1 operations a month.
    monthly_class_2_operations: class 2 operations a month.
    monthly_geo_replication_data_transfer_gb: GB replicated to the secondary region a month.
Not priced / assumptions:
    Meters: productName "Queues v2" ("Queues" for general-purpose v1 accounts), skuName
    "Standard <redundancy>", meterName "<redundancy> Data Stored", "Class 1 Operations",
    "Class 2 Operations"; geo-replication "Geo-Replication v2 Data Transfer" (productName
    "Storage - Bandwidth"). A queue whose account is outside the plan is taken to be StorageV2 LRS.
References:
    https://azure.microsoft.com/pricing/details/storage/queues/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, usage_in
from costgate.resources.azure._storage import parent_account
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (
    UsageKey("monthly_storage_gb", "float", "GB the queue holds on average"),
    UsageKey("monthly_class_1_operations", "int", "Class 1 (write) operations a month"),
    UsageKey("monthly_class_2_operations", "int", "Class 2 (read and other) operations a month"),
    UsageKey("monthly_geo_replication_data_transfer_gb", "float", "GB replicated to the secondary region a month"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    account = parent_account(r, ctx)
    home = account.resource or r
    sku = f"Standard {account.redundancy}"
    product = "Queues" if account.kind == "Storage" else "Queues v2"

    def q(meter: str, unit: str, prod: str = product, skuname: str = sku) -> PriceQuery:
        attrs = {"productName": prod, "skuName": skuname, "meterName": meter, "type": "Consumption"}
        return azure_query(home, "Storage", attrs, family="Storage", unit=unit)

    u = ctx.usage
    yield usage_component(
        "Capacity", "GB", u, "monthly_storage_gb", q(f"{account.redundancy} Data Stored", "1 GB/Month")
    )
    yield usage_in(
        "Class 1 operations",
        "10k operations",
        u,
        "monthly_class_1_operations",
        q("Class 1 Operations", "10K"),
        divisor=10_000,
    )
    yield usage_in(
        "Class 2 operations",
        "10k operations",
        u,
        "monthly_class_2_operations",
        q("Class 2 Operations", "10K"),
        divisor=10_000,
    )
    if account.redundancy not in ("LRS", "ZRS"):
        yield usage_component(
            "Geo-replication data transfer",
            "GB",
            u,
            "monthly_geo_replication_data_transfer_gb",
            q("Geo-Replication v2 Data Transfer", "1 GB", "Storage - Bandwidth", "Geo-Replication v2"),
        )


PRICER = Pricer(type="azurerm_storage_queue", price=_price, usage_keys=USAGE, doc=__doc__ or "")
