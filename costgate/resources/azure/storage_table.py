"""azurerm_storage_table: a table in a storage account.

Prices:
    Capacity: per GB-month (usage: monthly_storage_gb) at the account's redundancy.
    Batch write, write, read, scan, list and delete operations: per 10,000 (usage).
Usage keys:
    monthly_storage_gb: GB the table holds on average.
    monthly_batch_write_operations: batch write operations a month.
    monthly_write_operations: write operations a month.
    monthly_read_operations: read operations a month.
    monthly_scan_operations: scan operations a month.
    monthly_list_operations: list operations a month.
    monthly_delete_operations: delete operations a month.
Not priced / assumptions:
    Meters: productName "Tables", skuName "Standard <redundancy>", or "Account Encrypted
    <redundancy>" when the account is encrypted with a customer-managed key (a
    customer_managed_key block, or an azurerm_storage_account_customer_managed_key naming the
    account: Azure bills such tables at the account-encryption rates); meterName "<redundancy>
    Data Stored" ("Account Encrypted GZRS / RA-GZRS Data Stored" for those two encrypted skus) and
    "<operation> Operations". Standard RA-GZRS tables have no write meters in Azure's list: the
    reference estimator prices their writes at the read meter's figure, costgate leaves them not
    priced. Capacity is priced at the meter's first tier. A table whose account is outside the
    plan is taken to be StorageV2 LRS without a customer-managed key.
References:
    https://azure.microsoft.com/pricing/details/storage/tables/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, usage_in
from costgate.resources.azure._storage import Account, parent_account
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

CMK_TYPE = "azurerm_storage_account_customer_managed_key"
OPERATIONS = ("batch_write", "write", "read", "scan", "list", "delete")
USAGE = (
    UsageKey("monthly_storage_gb", "float", "GB the table holds on average"),
    *(
        UsageKey(f"monthly_{op}_operations", "int", f"{op.replace('_', ' ').capitalize()} operations a month")
        for op in OPERATIONS
    ),
)


def customer_managed_key(ctx: PricingContext, account: Account) -> bool:
    """Whether `account` is encrypted with a customer-managed key (inline, or by a separate resource)."""
    r = account.resource
    if r is None:
        return False
    return bool(r.get("customer_managed_key")) or ctx.referenced_by(r, CMK_TYPE, "storage_account_id")


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    account = parent_account(r, ctx)
    home = account.resource or r
    repl = account.redundancy
    cmk = customer_managed_key(ctx, account)
    sku = f"{'Account Encrypted' if cmk else 'Standard'} {repl}"

    def q(meter: str, unit: str = "10K") -> PriceQuery:
        attrs = {"productName": "Tables", "skuName": sku, "meterName": meter, "type": "Consumption"}
        return azure_query(home, "Storage", {**attrs, "unitOfMeasure": unit}, family="Storage", unit=unit)

    stored = f"Account Encrypted {repl} Data Stored" if cmk and repl in ("GZRS", "RA-GZRS") else f"{repl} Data Stored"
    yield usage_component("Capacity", "GB", ctx.usage, "monthly_storage_gb", q(stored, "1 GB/Month"))
    for op in OPERATIONS:
        label = op.replace("_", " ").title()
        yield usage_in(
            f"{label.capitalize()} operations",
            "10k operations",
            ctx.usage,
            f"monthly_{op}_operations",
            q(f"{label} Operations"),
            divisor=10_000,
        )


PRICER = Pricer(type="azurerm_storage_table", price=_price, usage_keys=USAGE, doc=__doc__ or "")
