"""azurerm_site_recovery_replicated_vm: a VM that Azure Site Recovery replicates to another region.

Prices:
    Protected instance: per VM replicated to Azure a month (Retail Prices serviceName "Azure Site
    Recovery", meterName "VM Replicated to Azure"), in the target region (the location of
    `target_resource_group_id`'s resource group when the plan tells, else the VM's own).
Usage keys:
    (none)
Not priced / assumptions:
    The replica managed disks, cache storage account and the storage of recovery points are
    billed as storage where they are declared (or by Azure outside the plan) and are not priced
    here; the first 31 days of each protected instance are free and not applied. This machine's
    catalog has no Site Recovery rows, so the query (no serviceFamily asked) could not be checked
    here and the component shows as not priced until `catalog refresh`.
References:
    https://azure.microsoft.com/pricing/details/site-recovery/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, consumption, location_of
from costgate.resources.base import Pricer, PricingContext, monthly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    target = ctx.resolve(r, "target_resource_group_id")
    region = location_of(target) if target is not None and target.region else None
    attrs = consumption({"meterName": "VM Replicated to Azure"}, "1/Month")
    q = azure_query(r, "Azure Site Recovery", attrs, unit="1/Month", region=region)
    yield monthly("Protected instance", "months", 1, q)


PRICER = Pricer(type="azurerm_site_recovery_replicated_vm", price=_price, doc=__doc__ or "")
