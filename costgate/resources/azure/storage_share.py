"""azurerm_storage_share: an Azure Files share.

Prices:
    Data at rest: Standard shares per GB-month stored (usage: storage_gb) by access tier
    (`access_tier` TransactionOptimized, the default, Hot, Cool) and the account's redundancy;
    Premium shares (accounts of kind FileStorage, or `access_tier = "Premium"`) per provisioned
    GiB (`quota`).
    Snapshots: per GB-month (usage: snapshots_storage_gb).
    Metadata at rest: Hot and Cool shares, per GB-month (usage: metadata_at_rest_storage_gb).
    Read, write, list and other operations: Standard shares, per 10,000 (usage).
    Data retrieval and early deletion: Cool shares, per GB (usage).
Usage keys:
    storage_gb: GB stored (Standard shares).
    snapshots_storage_gb: GB of share snapshots.
    metadata_at_rest_storage_gb: GB of file-system metadata (Hot and Cool shares).
    monthly_read_operations: read operations a month.
    monthly_write_operations: write operations a month.
    monthly_list_operations: list operations a month.
    monthly_other_operations: other operations a month.
    monthly_data_retrieval_gb: GB read from a Cool share a month.
    early_deletion_gb: GB deleted from a Cool share before its 30 days.
Not priced / assumptions:
    Meters under productName "Files v2" / "Premium Files" as Retail Prices spells them
    (_storage.files_meters; evidence in mappings/azure/Storage-files.yaml): Hot / Cool "<tier>
    <redundancy> Data Stored" (snapshots bill the same meter), "<redundancy> Metadata", "<tier>
    <redundancy> Write / List Operations", "<tier> Read Operations", "<tier> Other Operations";
    transaction optimized (skuName "Standard <redundancy>") "<redundancy> Data Stored",
    "<redundancy> Write Operations", "Read / List / Protocol Operations" (prefixed by ZRS / GZRS
    for those); Premium "Premium <redundancy> Provisioned" / "Snapshots". Files has no
    read-access redundancy: a share in an RA-GRS / RA-GZRS account is priced as GRS / GZRS. A
    share whose account is outside the plan is taken to be StorageV2 LRS. The early-deletion
    meter's spelling is not confirmed (it shows as not priced until a source lists it);
    provisioned v2 shares are not priced. The reference estimator prices a Premium share from
    usage (storage_gb); costgate prices the provisioned quota, which is what Azure bills.
References:
    https://azure.microsoft.com/pricing/details/storage/files/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._files import files_components
from costgate.resources.azure._storage import FILES_TIERS, parent_account
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec

USAGE = (
    UsageKey("storage_gb", "float", "GB stored (Standard shares)"),
    UsageKey("snapshots_storage_gb", "float", "GB of share snapshots"),
    UsageKey("metadata_at_rest_storage_gb", "float", "GB of file-system metadata (Hot and Cool shares)"),
    UsageKey("monthly_read_operations", "int", "Read operations a month"),
    UsageKey("monthly_write_operations", "int", "Write operations a month"),
    UsageKey("monthly_list_operations", "int", "List operations a month"),
    UsageKey("monthly_other_operations", "int", "Other operations a month"),
    UsageKey("monthly_data_retrieval_gb", "float", "GB read from a Cool share a month"),
    UsageKey("early_deletion_gb", "float", "GB deleted from a Cool share before its 30 days"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    account = parent_account(r, ctx)
    tier = (
        "Premium"
        if account.kind == "FileStorage"
        else FILES_TIERS.get(str(r.get("access_tier") or "").lower(), "Standard")
    )
    quota = dec(r.get("quota")) if tier == "Premium" else None
    yield from files_components(account.resource or r, tier, account.redundancy, ctx.usage, provisioned_gb=quota)


PRICER = Pricer(type="azurerm_storage_share", price=_price, usage_keys=USAGE, doc=__doc__ or "")
