"""azurerm_storage_share: an Azure Files share.

Prices:
    Data at rest: Standard shares per GB-month stored (usage: storage_gb) by access tier
    (`access_tier` TransactionOptimized, the default, Hot, Cool) and the account's redundancy;
    Premium shares (accounts of kind FileStorage, or `access_tier = "Premium"`) per provisioned
    GiB (`quota`).
    Snapshots: per GB-month (usage: snapshots_storage_gb).
    Read, write, list and other operations: Standard shares, per 10,000 (usage).
    Data retrieval: Cool shares, per GB (usage).
Usage keys:
    storage_gb: GB stored (Standard shares).
    snapshots_storage_gb: GB of share snapshots.
    monthly_read_operations: read operations a month.
    monthly_write_operations: write operations a month.
    monthly_list_operations: list operations a month.
    monthly_other_operations: other operations a month.
    monthly_data_retrieval_gb: GB read from a Cool share a month.
Not priced / assumptions:
    Meters follow Retail Prices spelling under productName "Files v2" / "Premium Files":
    "<tier> <redundancy> Data Stored" (Premium: "Provisioned", "Snapshots"), "<tier> Read
    Operations", "<tier> <redundancy> Write Operations", "<tier> <redundancy> List Operations",
    "<tier> Other Operations", "<tier> Data Retrieval"; a meter named otherwise shows as not
    priced. A share whose account is outside the plan is taken to be Standard LRS. Provisioned v2
    shares and metadata at rest are not priced.
References:
    https://azure.microsoft.com/pricing/details/storage/files/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, usage_in
from costgate.resources.azure._storage import parent_account
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly, usage_component

USAGE = (
    UsageKey("storage_gb", "float", "GB stored (Standard shares)"),
    UsageKey("snapshots_storage_gb", "float", "GB of share snapshots"),
    UsageKey("monthly_read_operations", "int", "Read operations a month"),
    UsageKey("monthly_write_operations", "int", "Write operations a month"),
    UsageKey("monthly_list_operations", "int", "List operations a month"),
    UsageKey("monthly_other_operations", "int", "Other operations a month"),
    UsageKey("monthly_data_retrieval_gb", "float", "GB read from a Cool share a month"),
)
TIERS = {"hot": "Hot", "cool": "Cool", "transactionoptimized": "Standard", "premium": "Premium"}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    account = parent_account(r, ctx)
    tier = (
        "Premium" if account.kind == "FileStorage" else TIERS.get(str(r.get("access_tier") or "").lower(), "Standard")
    )
    sku = f"{tier} {account.redundancy}"
    home = account.resource or r

    def q(meter: str, unit: str) -> PriceQuery:
        attrs = {
            "productName": "Premium Files" if tier == "Premium" else "Files v2",
            "skuName": sku,
            "meterName": meter,
            "type": "Consumption",
        }
        return azure_query(home, "Storage", attrs, family="Storage", unit=unit)

    u = ctx.usage
    if tier == "Premium":
        yield monthly("Provisioned storage", "GB", dec(r.get("quota")), q(f"{sku} Provisioned", "1 GiB/Month"))
        yield usage_component("Snapshots", "GB", u, "snapshots_storage_gb", q(f"{sku} Snapshots", "1 GiB/Month"))
        return
    yield usage_component("Data at rest", "GB", u, "storage_gb", q(f"{sku} Data Stored", "1 GB/Month"))
    yield usage_component("Snapshots", "GB", u, "snapshots_storage_gb", q(f"{sku} Data Stored", "1 GB/Month"))
    for name, key, meter in (
        ("Read operations", "monthly_read_operations", f"{tier} Read Operations"),
        ("Write operations", "monthly_write_operations", f"{sku} Write Operations"),
        ("List operations", "monthly_list_operations", f"{sku} List Operations"),
        ("Other operations", "monthly_other_operations", f"{tier} Other Operations"),
    ):
        yield usage_in(name, "10k operations", u, key, q(meter, "10K"), divisor=10_000)
    if tier == "Cool":
        yield usage_component(
            "Data retrieval", "GB", u, "monthly_data_retrieval_gb", q(f"{tier} Data Retrieval", "1 GB")
        )


PRICER = Pricer(type="azurerm_storage_share", price=_price, usage_keys=USAGE, doc=__doc__ or "")
