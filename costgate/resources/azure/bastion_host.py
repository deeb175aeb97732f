"""azurerm_bastion_host: an Azure Bastion host.

Prices:
    Bastion host: per hour by SKU (`sku` Basic, the default, Standard or Premium).
    Outbound data transfer: per GB (usage), the first 5 GB a month free and cheaper in larger
    volumes (the meter's tiers).
Usage keys:
    monthly_outbound_data_gb: GB transferred out through the host a month.
Not priced / assumptions:
    Scale units above the two a Standard or Premium host includes (`scale_units`) are billed
    extra by Azure and are not priced. The Developer SKU is free.
References:
    https://azure.microsoft.com/pricing/details/azure-bastion/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, consumption
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, no_charge, usage_component

USAGE = (UsageKey("monthly_outbound_data_gb", "float", "GB transferred out through the host a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku") or "Basic").capitalize()
    if sku == "Developer":
        yield no_charge(r, "Bastion host", "the Developer SKU has no charge")
        return
    host = consumption({"skuName": sku, "meterName": f"{sku} Gateway"}, "1 Hour")
    yield hourly("Bastion host", azure_query(r, "Azure Bastion", host, family="Networking", unit="1 Hour"))
    data = {"skuName": sku, "meterName": f"{sku} Data Transfer Out", "type": "Consumption"}
    yield usage_component(
        "Outbound data transfer",
        "GB",
        ctx.usage,
        "monthly_outbound_data_gb",
        azure_query(r, "Azure Bastion", data, family="Networking", unit="1 GB"),
    )


PRICER = Pricer(type="azurerm_bastion_host", price=_price, usage_keys=USAGE, doc=__doc__ or "")
