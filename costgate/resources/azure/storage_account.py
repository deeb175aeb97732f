"""azurerm_storage_account: a storage account's blob storage.

Prices:
    Capacity: per GB-month (usage: storage_gb) by product (account kind, performance tier,
    hierarchical namespace with NFSv3), access tier (Hot, Cool, Cold; Premium) and redundancy;
    Hot capacity is cheaper above 50 TB and 500 TB (the meter's tiers).
    Write, list and create container, read and other operations: per 10,000 (usage); NFSv3
    (hierarchical namespace) accounts also iterative reads per 10,000 and writes per 100.
    Data retrieval and early deletion: per GB read from / deleted early out of the Cool and Cold
    tiers (usage; early deletion on StorageV2 accounts, as Azure bills it for general-purpose v2).
    Blob index: per 10,000 index tags a month (usage), on Standard v2 and blob accounts.
Usage keys:
    storage_gb: GB stored on average.
    monthly_write_operations: write operations a month.
    monthly_list_and_create_container_operations: list and create container operations a month.
    monthly_read_operations: read operations a month.
    monthly_other_operations: other operations a month.
    monthly_iterative_read_operations: iterative (directory) read operations a month (NFSv3).
    monthly_iterative_write_operations: iterative (directory) write operations a month (NFSv3).
    monthly_data_retrieval_gb: GB read from the Cool or Cold tier a month.
    early_deletion_gb: GB deleted or moved out of the Cool or Cold tier before its minimum days.
    blob_index_tags: blob index tags stored.
Not priced / assumptions:
    Meters follow Retail Prices spelling (evidence in mappings/azure/Storage-accounts.yaml):
    "<access> <redundancy> Data Stored", "<access> <redundancy> Write Operations", "<redundancy>
    List and Create Container Operations", "<access> Read Operations", "All Other Operations",
    "<access> Data Retrieval", "<access> <redundancy> Early Delete", "Index Tags" ("GRS Index
    Tags" for GRS / RA-GRS). RA-GRS / RA-GZRS skus bill the GRS / GZRS operation meters; NFSv3
    accounts' LRS / ZRS write meters name no redundancy ("Hot Write Operations"). v1 accounts
    (skuName "Standard <redundancy>") bill "<redundancy> Data Stored", "<redundancy> Write
    Operations", "Read Operations" and "All Other Operations"; Premium block blob accounts
    "<redundancy> ..." meters. A meter the catalog lacks shows as not priced. The reference
    estimator prices v1 read / other operations from the "Other" / "Delete Operations" meters as
    stand-ins; costgate queries the meters Azure names for them. NFSv3 BlockBlobStorage accounts
    (which need a hierarchical namespace) are priced as Premium Block Blob v2 Hierarchical
    Namespace: the reference's code names plain Premium Block Blob for them, but its own output
    prints the HNS figures (westus 0.20 / 0.26, against 0.195 / 0.259 without NFSv3).
    FileStorage accounts bill their shares (azurerm_storage_share); queues and tables are priced
    on azurerm_storage_queue / azurerm_storage_table. NFSv3 accounts list containers free (as the
    reference has it); geo-replication transfer and the Archive tier (set per blob) are not priced.
References:
    https://azure.microsoft.com/pricing/details/storage/blobs/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, usage_in
from costgate.resources.azure._storage import Account, account_of, meters_of, product
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (
    UsageKey("storage_gb", "float", "GB stored on average"),
    UsageKey("monthly_write_operations", "int", "Write operations a month"),
    UsageKey("monthly_list_and_create_container_operations", "int", "List and create container operations a month"),
    UsageKey("monthly_read_operations", "int", "Read operations a month"),
    UsageKey("monthly_other_operations", "int", "Other operations a month"),
    UsageKey("monthly_iterative_read_operations", "int", "Iterative (HNS directory) read operations a month"),
    UsageKey("monthly_iterative_write_operations", "int", "Iterative (HNS directory) write operations a month"),
    UsageKey("monthly_data_retrieval_gb", "float", "GB read from the Cool or Cold tier a month"),
    UsageKey("early_deletion_gb", "float", "GB deleted early out of the Cool or Cold tier a month"),
    UsageKey("blob_index_tags", "int", "Blob index tags stored"),
)


def _q(r: Resource, a: Account, sku: str, meter: str, unit: str | None = None) -> PriceQuery:
    attrs = {"productName": product(a), "skuName": sku, "meterName": meter, "type": "Consumption"}
    return azure_query(r, "Storage", {**attrs, "unitOfMeasure": unit} if unit else attrs, family="Storage", unit=unit)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    a = account_of(r)
    if a.kind == "FileStorage":
        return
    access = "Premium" if a.tier == "Premium" else "Standard" if a.kind == "Storage" else a.access
    sku = f"{access} {a.redundancy}"
    meters = meters_of(a, access)
    u = ctx.usage
    stored = f"{a.redundancy} Data Stored" if a.kind == "Storage" else f"{sku} Data Stored"  # v1: no tier in it
    yield usage_component("Capacity", "GB", u, "storage_gb", _q(r, a, sku, stored, "1 GB/Month"))
    ops = [("Write operations", "monthly_write_operations", meters["write"])]
    hns = a.kind == "StorageV2" and a.nfsv3
    if not hns:  # NFSv3 accounts list containers free (reference estimator)
        ops.append(
            (
                "List and create container operations",
                "monthly_list_and_create_container_operations",
                meters.get("list", f"{a.redundancy} List and Create Container Operations"),
            )
        )
    ops += [
        ("Read operations", "monthly_read_operations", meters["read"]),
        ("All other operations", "monthly_other_operations", meters["other"]),
    ]
    if hns and a.tier == "Standard":
        ops.append(("Iterative read operations", "monthly_iterative_read_operations", meters["iterative_read"]))
        yield usage_in(
            "Iterative write operations",
            "100 operations",
            u,
            "monthly_iterative_write_operations",
            _q(r, a, sku, meters["iterative_write"], "100"),
            divisor=100,
        )
    for name, key, meter in ops:
        yield usage_in(name, "10k operations", u, key, _q(r, a, sku, meter, "10K"), divisor=10_000)
    if access in ("Cool", "Cold"):
        yield usage_component(
            "Data retrieval", "GB", u, "monthly_data_retrieval_gb", _q(r, a, sku, f"{access} Data Retrieval", "1 GB")
        )
    if a.tier == "Standard" and a.kind != "Storage" and not a.nfsv3:
        index = "GRS Index Tags" if a.redundancy in ("GRS", "RA-GRS") else "Index Tags"
        yield usage_in(
            "Blob index", "10k tags", u, "blob_index_tags", _q(r, a, sku, index, "10K/Month"), divisor=10_000
        )
    if access in ("Cool", "Cold") and a.kind == "StorageV2":
        yield usage_component(
            "Early deletion", "GB", u, "early_deletion_gb", _q(r, a, sku, f"{sku} Early Delete", "1 GB")
        )


PRICER = Pricer(type="azurerm_storage_account", price=_price, usage_keys=USAGE, doc=__doc__ or "")
