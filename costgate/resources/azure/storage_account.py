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
    FileStorage accounts (Azure Files): data at rest, snapshots and metadata per GB-month,
    write, list, read and other operations per 10,000, Cool data retrieval and early deletion
    per GB (usage, for the account's shares as a whole); Premium ones data at rest (provisioned
    GiB) and snapshots.
Usage keys:
    storage_gb: GB stored on average.
    monthly_write_operations: write operations a month.
    monthly_list_and_create_container_operations: list and create container operations a month
        (list operations, for a FileStorage account).
    monthly_read_operations: read operations a month.
    monthly_other_operations: other operations a month.
    monthly_iterative_read_operations: iterative (directory) read operations a month (NFSv3).
    monthly_iterative_write_operations: iterative (directory) write operations a month (NFSv3).
    monthly_data_retrieval_gb: GB read from the Cool or Cold tier a month.
    early_deletion_gb: GB deleted or moved out of the Cool or Cold tier before its minimum days.
    blob_index_tags: blob index tags stored.
    data_at_rest_storage_gb: GB stored in a FileStorage account's shares.
    snapshots_storage_gb: GB of share snapshots in a FileStorage account.
    metadata_at_rest_storage_gb: GB of file-system metadata in a FileStorage account.
Not priced / assumptions:
    Meters follow Retail Prices spelling (evidence in mappings/azure/Storage-accounts.yaml):
    "<access> <redundancy> Data Stored", "<access> <redundancy> Write Operations", "<redundancy>
    List and Create Container Operations", "<access> Read Operations", "All Other Operations",
    "<access> Data Retrieval", "<access> <redundancy> Early Delete", "Index Tags" ("GRS Index
    Tags" for GRS / RA-GRS). RA-GRS / RA-GZRS skus bill the GRS / GZRS operation meters. NFSv3
    StorageV2 accounts (productName "General Block Blob v2 Hierarchical Namespace") bill "<access>
    Other Operations" and iterative meters "<access> [<redundancy> ]Iterative Read / Write
    Operations", their LRS / ZRS write meters naming no redundancy ("Hot Write Operations").
    v1 accounts (skuName "Standard <redundancy>") bill "<redundancy> Data Stored", "<redundancy>
    Write Operations", "Read Operations" and "All Other Operations"; Premium block blob accounts
    "<redundancy> ..." meters. A meter the catalog lacks shows as not priced. The reference
    estimator prices v1 read / other operations from the "Other" / "Delete Operations" meters as
    stand-ins; costgate queries the meters Azure names for them. NFSv3 BlockBlobStorage accounts
    bill the Premium Block Blob meters, as the reference estimator prices them (its printed
    "$0.20 / $0.26 per GB" for them are 0.195 / 0.259 rounded to cents: it prints unit prices of
    $0.10 and more to the cent). FileStorage accounts bill Azure Files meters (_files.py, as
    azurerm_storage_share; evidence in mappings/azure/Storage-files.yaml) from usage given on the
    account: a plan that also prices the account's shares should give share usage on one of the
    two, not both. Queues and tables are priced on azurerm_storage_queue / azurerm_storage_table.
    NFSv3 StorageV2 accounts list containers free (as the reference has it); geo-replication
    transfer and the Archive tier (set per blob) are not priced.
References:
    https://azure.microsoft.com/pricing/details/storage/blobs/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, usage_in
from costgate.resources.azure._files import STANDARD_KEYS, files_components
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
    UsageKey("data_at_rest_storage_gb", "float", "GB stored in a FileStorage account's shares"),
    UsageKey("snapshots_storage_gb", "float", "GB of share snapshots in a FileStorage account"),
    UsageKey("metadata_at_rest_storage_gb", "float", "GB of file-system metadata in a FileStorage account"),
)
FILE_KEYS = {
    **STANDARD_KEYS,
    "stored": "data_at_rest_storage_gb",
    "list": "monthly_list_and_create_container_operations",
}
"""A FileStorage account's Azure Files usage keys (the reference estimator's names)."""


def _q(r: Resource, a: Account, sku: str, meter: str, unit: str | None = None) -> PriceQuery:
    attrs = {"productName": product(a), "skuName": sku, "meterName": meter, "type": "Consumption"}
    return azure_query(r, "Storage", {**attrs, "unitOfMeasure": unit} if unit else attrs, family="Storage", unit=unit)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    a = account_of(r)
    if a.kind == "FileStorage":  # Azure Files: the account's shares as a whole, from usage
        tier = "Premium" if a.tier == "Premium" else a.access
        yield from files_components(r, tier, a.redundancy, ctx.usage, keys=FILE_KEYS)
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
