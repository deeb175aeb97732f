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
    if a.nfsv3 and a.kind == "StorageV2":  # NFSv3 needs a hierarchical namespace
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
        "other": f"{access} Other Operations" if hns else "All Other Operations",
        "iterative_write": f"{prefix}Iterative Write Operations",
        "iterative_read": f"{prefix}Iterative Read Operations",
    }


FILES_TIERS = {"hot": "Hot", "cool": "Cool", "transactionoptimized": "Standard", "premium": "Premium"}
"""Azure Files tiers (Terraform access_tier, lower case) -> the tier word of their Retail Prices skuName."""

FILES_REDUNDANCY = {"RA-GRS": "GRS", "RA-GZRS": "GZRS"}
"""Azure Files has no read-access redundancy: a share in an RA-GRS / RA-GZRS account is GRS / GZRS."""


def files_product(tier: str) -> str:
    """Retail Prices productName of Azure Files at `tier` (a FILES_TIERS value)."""
    return "Premium Files" if tier == "Premium" else "Files v2"


def files_sku(tier: str, redundancy: str) -> str:
    """Retail Prices skuName of Azure Files at `tier` and an account's redundancy ("Hot LRS")."""
    return f"{tier} {FILES_REDUNDANCY.get(redundancy, redundancy)}"


def files_meters(tier: str, redundancy: str) -> dict[str, str]:
    """Azure Files meterNames by component at `tier` ("Hot", "Cool", "Standard", "Premium").

    Hot / Cool: "<tier> <red> Data Stored" (snapshots bill the same meter), "<red> Metadata",
    "<tier> <red> Write / List Operations", "<tier> Read Operations", "<tier> Other Operations"
    ("<tier> GZRS Other Operations" and "Cool GZRS Data Retrieval" for GZRS), "Cool Data Retrieval".
    Transaction optimized (skuName "Standard <red>"): "<red> Data Stored", "<red> Write
    Operations", "Read / List / Protocol Operations" (prefixed "<red> " for ZRS and GZRS).
    Premium (provisioned v1): "Premium <red> Provisioned", "Premium <red> Snapshots".
    """
    r = FILES_REDUNDANCY.get(redundancy, redundancy)
    if tier == "Premium":
        return {"stored": f"Premium {r} Provisioned", "snapshots": f"Premium {r} Snapshots"}
    if tier == "Standard":
        zonal = f"{r} " if r in ("ZRS", "GZRS") else ""
        return {
            "stored": f"{r} Data Stored",
            "snapshots": f"{r} Data Stored",
            "write": f"{r} Write Operations",
            "list": f"{zonal}List Operations",
            "read": f"{zonal}Read Operations",
            "other": f"{zonal}Protocol Operations",
        }
    gz = "GZRS " if r == "GZRS" else ""
    return {
        "stored": f"{tier} {r} Data Stored",
        "snapshots": f"{tier} {r} Data Stored",
        "metadata": f"{r} Metadata",
        "write": f"{tier} {r} Write Operations",
        "list": f"{tier} {r} List Operations",
        "read": f"{tier} Read Operations",
        "other": f"{tier} {gz}Other Operations",
        "retrieval": f"{tier} {gz}Data Retrieval",
        "early_delete": f"{tier} {r} Early Delete",
    }
