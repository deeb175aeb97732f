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


def product(a: Account) -> str:
    """Retail Prices productName of an account's blob meters."""
    premium = a.tier == "Premium"
    if a.kind == "Storage":
        return "Premium Block Blob" if premium else "General Block Blob"
    if a.nfsv3 and a.kind in ("StorageV2", "BlockBlobStorage"):  # NFSv3 needs a hierarchical namespace
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


SHARED = {"RA-GRS": "GRS", "RA-GZRS": "GZRS"}
"""Read-access skus bill the operation meters of their write redundancy ("Hot GRS Write Operations")."""


def meters_of(a: Account, access: str) -> dict[str, str]:
    """meterNames of an account's operations, by component."""
    r = a.redundancy
    ops = SHARED.get(r, r)
    if a.tier == "Premium":
        return {"write": f"{r} Write Operations", "read": f"{r} Read Operations", "other": f"{r} All Other Operations"}
    if a.kind == "Storage":
        return {"write": f"{r} Write Operations", "read": "Read Operations", "other": "All Other Operations"}
    hns = a.kind == "StorageV2" and a.nfsv3  # HNS write meters name no LRS / ZRS redundancy
    prefix = f"{access} " if hns and ops in ("LRS", "ZRS") else f"{access} {ops} "
    return {
        "write": f"{prefix}Write Operations",
        "list": f"{ops} List and Create Container Operations",
        "read": f"{access} Read Operations",
        "other": "All Other Operations",
        "iterative_write": f"{prefix}Iterative Write Operations",
        "iterative_read": f"{prefix}Iterative Read Operations",
    }
