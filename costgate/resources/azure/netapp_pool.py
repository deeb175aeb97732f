"""azurerm_netapp_pool: an Azure NetApp Files capacity pool.

Prices:
    Capacity: per provisioned GiB-hour by service level (`service_level` Standard, Premium, Ultra;
    Flexible bills throughput too), `size_in_tb` TiB provisioned.
Usage keys:
    (none)
Not priced / assumptions:
    Volumes draw on the pool's capacity and bill nothing extra. Flexible pools' throughput above
    the included 128 MiB/s, cool access, cross-region replication and double encryption are not
    priced. Meter: serviceName "Azure NetApp Files", skuName the service level, meterName
    "<level> Capacity", per GiB-hour.
References:
    https://azure.microsoft.com/pricing/details/netapp/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, dec, monthly

GIB_PER_TIB = Decimal(1024)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    level = str(r.get("service_level") or "Standard").capitalize()
    tib = dec(r.get("size_in_tb"))
    query = azure_query(
        r,
        "Azure NetApp Files",
        {"skuName": level, "meterName": f"{level} Capacity", "type": "Consumption"},
        family="Storage",
        unit="1 GiB/Hour",
    )
    yield monthly(
        f"Capacity ({level})", "GiB", None if tib is None else tib * GIB_PER_TIB, query, unit_multiplier=HOURS_PER_MONTH
    )


PRICER = Pricer(type="azurerm_netapp_pool", price=_price, doc=__doc__ or "")
