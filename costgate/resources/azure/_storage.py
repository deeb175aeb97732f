"""Azure Storage account properties shared by accounts, shares, queues and tables.

Storage meters are named by product (productName: "Blob Storage", "General Block Blob v2",
"Files v2", "Queues v2", "Tables", ...), skuName "<access tier> <redundancy>" ("Hot LRS",
"Standard RA-GRS") and meterName. Terraform spells read-access redundancy RAGRS / RAGZRS; Azure's
meters spell it RA-GRS / RA-GZRS.
"""

from __future__ import annotations

from dataclasses import dataclass

from costgate.model import Resource
from costgate.resources.base import PricingContext

REDUNDANCY = {"RAGRS": "RA-GRS", "RAGZRS": "RA-GZRS"}
ACCOUNT_REFS = ("storage_account_name", "storage_account_id")


@dataclass(frozen=True, slots=True)
class Account:
    """What prices a storage account: kind, performance tier, redundancy, access tier, HNS/NFS."""

    kind: str = "StorageV2"
    tier: str = "Standard"
    redundancy: str = "LRS"
    access: str = "Hot"
    nfsv3: bool = False
    resource: Resource | None = None


def account_of(r: Resource) -> Account:
    """An azurerm_storage_account's pricing properties (provider defaults where unset)."""
    redundancy = str(r.get("account_replication_type") or "LRS").upper()
    return Account(
        kind=str(r.get("account_kind") or "StorageV2"),
        tier=str(r.get("account_tier") or "Standard").capitalize(),
        redundancy=REDUNDANCY.get(redundancy, redundancy),
        access=str(r.get("access_tier") or "Hot").capitalize(),
        nfsv3=bool(r.get("nfsv3_enabled")),
        resource=r,
    )


def parent_account(r: Resource, ctx: PricingContext) -> Account:
    """The storage account a share, queue or table lives in (defaults when outside the plan).

    A reference names the account's configuration block; when that block has several instances
    (for_each) and the child's `storage_account_name` is known, the instance of that name is meant.
    """
    name = r.get("storage_account_name")
    for attribute in ACCOUNT_REFS:
        found = ctx.resolve(r, attribute)
        if found is None or found.type != "azurerm_storage_account":
            continue
        if isinstance(name, str) and found.get("name") != name:
            block = found.address.split("[", 1)[0]
            siblings = (x for a, x in ctx.resources.items() if a.startswith(block + "[") and x.get("name") == name)
            found = next(siblings, found)
        return account_of(found)
    return Account()
