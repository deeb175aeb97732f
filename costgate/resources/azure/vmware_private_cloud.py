"""azurerm_vmware_private_cloud: an Azure VMware Solution private cloud.

Prices:
    Hosts: per host-hour by `sku_name` (av36, av36p, av52, av64) for the management cluster's
    `management_cluster.size` hosts.
Usage keys:
    (none)
Not priced / assumptions:
    Extra clusters are priced on azurerm_vmware_cluster. Reserved hosts, the ExpressRoute Global
    Reach used to reach on-premises and NSX/HCX add-ons are not priced. The meter is looked up by
    skuName ("AV36"); a miss shows as not priced.
References:
    https://azure.microsoft.com/pricing/details/azure-vmware/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._avs import hosts
from costgate.resources.base import Pricer, PricingContext, dec


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    size = dec(r.block("management_cluster").get("size"))
    if r.get("sku_name") and size:
        yield hosts(r, str(r.get("sku_name")), size)


PRICER = Pricer(type="azurerm_vmware_private_cloud", price=_price, doc=__doc__ or "")
