"""azurerm_storage_account: a storage account's blob storage.

Prices:
    Capacity: per GB-month (usage: storage_gb) by product (account kind, performance tier,
    hierarchical namespace with NFSv3), access tier (Hot, Cool, Cold; Premium) and redundancy;
    Hot capacity is cheaper above 50 TB and 500 TB (the meter's tiers).
    Write, list and create container, read and other operations: per 10,000 (usage).
    Data retrieval: per GB read from Cool and Cold tiers (usage).
    Blob index: per 10,000 index tags a month (usage), on Standard accounts.
Usage keys:
    storage_gb: GB stored on average.
    monthly_write_operations: write operations a month.
    monthly_list_and_create_container_operations: list and create container operations a month.
    monthly_read_operations: read operations a month.
    monthly_other_operations: other operations a month.
    monthly_data_retrieval_gb: GB read from the Cool or Cold tier a month.
    blob_index_tags: blob index tags stored.
Not priced / assumptions:
    Meters follow Retail Prices spelling: "<access> <redundancy> Data Stored", "<access>
    <redundancy> Write Operations", "<access> <redundancy> List and Create Container
    Operations", "<access> Read Operations", "All Other Operations", "<access> Data Retrieval",
    "<access> Index Tags"; a meter Azure names otherwise shows as not priced. FileStorage
    accounts bill their shares (azurerm_storage_share); queues and tables are priced on
    azurerm_storage_queue / azurerm_storage_table. Early deletion, geo-replication transfer,
    iterative HNS operations and the Archive tier (set per blob) are not priced.
References:
    https://azure.microsoft.com/pricing/details/storage/blobs/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, usage_in
from costgate.resources.azure._storage import Account, account_of
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (
    UsageKey("storage_gb", "float", "GB stored on average"),
    UsageKey("monthly_write_operations", "int", "Write operations a month"),
    UsageKey("monthly_list_and_create_container_operations", "int", "List and create container operations a month"),
    UsageKey("monthly_read_operations", "int", "Read operations a month"),
    UsageKey("monthly_other_operations", "int", "Other operations a month"),
    UsageKey("monthly_data_retrieval_gb", "float", "GB read from the Cool or Cold tier a month"),
    UsageKey("blob_index_tags", "int", "Blob index tags stored"),
)


def product(a: Account) -> str:
    """Retail Prices productName of an account's blob meters."""
    premium = a.tier == "Premium"
    if a.kind == "Storage":
        return "Premium Block Blob" if premium else "General Block Blob"
    if a.kind == "StorageV2" and a.nfsv3:
        return (
            "Premium Block Blob v2 Hierarchical Namespace"
            if premium
            else "General Block Blob v2 Hierarchical Namespace"
        )
    if premium:
        return "Premium Block Blob"
    if a.kind in ("BlobStorage", "BlockBlobStorage") or (a.redundancy == "LRS" and a.access == "Hot"):
        return "Blob Storage"  # LRS Hot StorageV2 capacity is listed under Blob Storage (reference estimator)
    return "General Block Blob v2"


def _q(r: Resource, a: Account, sku: str, meter: str, unit: str | None = None) -> PriceQuery:
    attrs = {"productName": product(a), "skuName": sku, "meterName": meter, "type": "Consumption"}
    return azure_query(r, "Storage", {**attrs, "unitOfMeasure": unit} if unit else attrs, family="Storage", unit=unit)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    a = account_of(r)
    if a.kind == "FileStorage":
        return
    access = "Premium" if a.tier == "Premium" else "Standard" if a.kind == "Storage" else a.access
    sku = f"{access} {a.redundancy}"
    u = ctx.usage
    yield usage_component("Capacity", "GB", u, "storage_gb", _q(r, a, sku, f"{sku} Data Stored", "1 GB/Month"))
    yield usage_in(
        "Write operations",
        "10k operations",
        u,
        "monthly_write_operations",
        _q(r, a, sku, f"{sku} Write Operations", "10K"),
        divisor=10_000,
    )
    yield usage_in(
        "List and create container operations",
        "10k operations",
        u,
        "monthly_list_and_create_container_operations",
        _q(r, a, sku, f"{sku} List and Create Container Operations", "10K"),
        divisor=10_000,
    )
    yield usage_in(
        "Read operations",
        "10k operations",
        u,
        "monthly_read_operations",
        _q(r, a, sku, f"{access} Read Operations", "10K"),
        divisor=10_000,
    )
    yield usage_in(
        "All other operations",
        "10k operations",
        u,
        "monthly_other_operations",
        _q(r, a, sku, "All Other Operations", "10K"),
        divisor=10_000,
    )
    if access in ("Cool", "Cold"):
        yield usage_component(
            "Data retrieval", "GB", u, "monthly_data_retrieval_gb", _q(r, a, sku, f"{access} Data Retrieval", "1 GB")
        )
    if a.tier == "Standard" and a.kind != "Storage" and not a.nfsv3:
        yield usage_in(
            "Blob index", "10k tags", u, "blob_index_tags", _q(r, a, sku, f"{access} Index Tags", "10K"), divisor=10_000
        )


PRICER = Pricer(type="azurerm_storage_account", price=_price, usage_keys=USAGE, doc=__doc__ or "")
