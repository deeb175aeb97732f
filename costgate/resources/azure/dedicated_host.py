"""azurerm_dedicated_host: an Azure Dedicated Host.

Prices:
    Host: per hour by `sku_name` (e.g. DSv3-Type1, Esv5-Type1), whatever VMs run on it.
Usage keys:
    (none)
Not priced / assumptions:
    VMs placed on the host bill nothing for compute (their disks still bill, on the VM). Windows
    Server and SQL Server licenses (`license_type` Windows_Server_Perpetual) bill per host core on
    separate meters that are not priced. The host is looked up by armSkuName with the hyphen
    Azure's list spells as an underscore ("DSv3-Type1" -> "DSv3_Type1"); a miss shows as not priced.
References:
    https://azure.microsoft.com/pricing/details/virtual-machines/dedicated-host/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, consumption
from costgate.resources.base import Pricer, PricingContext, hourly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = r.get("sku_name")
    if not sku:
        return
    query = azure_query(
        r,
        "Virtual Machines",
        consumption({"armSkuName": str(sku).replace("-", "_")}, "1 Hour"),
        family="Compute",
        unit="1 Hour",
    )
    yield hourly(f"Dedicated host ({sku})", query)


PRICER = Pricer(type="azurerm_dedicated_host", price=_price, doc=__doc__ or "")
