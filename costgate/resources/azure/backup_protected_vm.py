"""azurerm_backup_protected_vm: an Azure VM protected by Azure Backup in a Recovery Services vault.

Prices:
    The protected instance per month by the VM's protected size (usage disk_utilization_gb):
    half an instance up to 50 GB, one up to 500 GB, one per started 500 GB beyond; backup
    storage per GB-month (usage) at the vault's redundancy (storage_mode_type of the referenced
    vault: GeoRedundant, LocallyRedundant, ZoneRedundant; default geo-redundant).
Usage keys:
    disk_utilization_gb: data on the VM's disks that is backed up (GB).
    additional_backup_retention_gb: backup storage the recovery points use (GB).
Not priced / assumptions:
    Without disk_utilization_gb the instance fee depends on usage. Azure's instance fee is $5
    up to 50 GB and $10 per 500 GB above (the "Azure VM Protected Instances" meter is the $10
    step). The shipped catalog has no Backup prices: the lines are reported unpriced with their
    queries. The vault itself is free (azurerm_recovery_services_vault).
References:
    https://azure.microsoft.com/pricing/details/backup/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, location_from
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component

USAGE = (
    UsageKey("disk_utilization_gb", "float", "Data on the VM's disks that is backed up (GB)"),
    UsageKey("additional_backup_retention_gb", "float", "Backup storage the recovery points use (GB)"),
)
REDUNDANCY = {"georedundant": "GRS", "locallyredundant": "LRS", "zoneredundant": "ZRS"}


def instances(size_gb: Decimal | None) -> Decimal | None:
    """Protected-instance units for a VM of `size_gb`: 0.5 up to 50 GB, 1 up to 500 GB, then per 500 GB."""
    if size_gb is None:
        return None
    if size_gb <= 50:
        return Decimal("0.5")
    return max(Decimal(1), (size_gb / 500).to_integral_value(rounding=ROUND_CEILING))


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    vault = ctx.resolve(r, "recovery_vault_name")
    redundancy = REDUNDANCY.get(
        str((vault.get("storage_mode_type") if vault else None) or "GeoRedundant").lower(), "GRS"
    )
    region = location_from(r, ctx, "recovery_vault_name", "source_vm_id")

    def q(meter: str, unit: str) -> PriceQuery:
        return azure_query(
            r,
            "Backup",
            {"productName": "Backup", "skuName": "Azure VM", "meterName": meter, "unitOfMeasure": unit},
            family="Storage",
            unit=unit,
            region=region,
        )

    yield monthly(
        "Protected instance",
        "instances",
        instances(ctx.usage.number("disk_utilization_gb")),
        q("Azure VM Protected Instances", "1/Month"),
        usage_based=True,
    )
    yield usage_component(
        f"Backup storage ({redundancy})",
        "GB",
        ctx.usage,
        "additional_backup_retention_gb",
        q(f"{redundancy} Data Stored", "1 GB/Month"),
    )


PRICER = Pricer(type="azurerm_backup_protected_vm", price=_price, usage_keys=USAGE, doc=__doc__ or "")
