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
    Meters: productName "Tables", skuName "Standard <redundancy>", meterName "<redundancy> Data
    Stored" and "<operation> Operations". Accounts encrypted with customer-managed keys bill the
    "Account Encrypted" meters, which are not read. A table whose account is outside the plan is
    taken to be LRS.
References:
    https://azure.microsoft.com/pricing/details/storage/tables/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, usage_in
from costgate.resources.azure._storage import parent_account
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

OPERATIONS = ("batch_write", "write", "read", "scan", "list", "delete")
USAGE = (
    UsageKey("monthly_storage_gb", "float", "GB the table holds on average"),
    *(
        UsageKey(f"monthly_{op}_operations", "int", f"{op.replace('_', ' ').capitalize()} operations a month")
        for op in OPERATIONS
    ),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    account = parent_account(r, ctx)
    home = account.resource or r
    sku = f"Standard {account.redundancy}"

    def q(meter: str, unit: str = "10K") -> PriceQuery:
        return azure_query(
            home,
            "Storage",
            {"productName": "Tables", "skuName": sku, "meterName": meter, "type": "Consumption"},
            family="Storage",
            unit=unit,
        )

    yield usage_component(
        "Capacity", "GB", ctx.usage, "monthly_storage_gb", q(f"{account.redundancy} Data Stored", "1 GB/Month")
    )
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
