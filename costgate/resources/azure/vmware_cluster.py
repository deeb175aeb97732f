"""azurerm_vmware_cluster: an extra cluster of an Azure VMware Solution private cloud.

Prices:
    Hosts: per host-hour by `sku_name` for the cluster's `cluster_node_count` hosts, in the private
    cloud's location.
Usage keys:
    (none)
Not priced / assumptions:
    The meter is looked up by skuName ("AV36"); a miss shows as not priced. A cluster whose private
    cloud is outside the plan is priced in the default location.
References:
    https://azure.microsoft.com/pricing/details/azure-vmware/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._avs import hosts
from costgate.resources.base import Pricer, PricingContext, dec


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    count = dec(r.get("cluster_node_count"))
    cloud = ctx.resolve(r, "vmware_cloud_id")
    if r.get("sku_name") and count:
        yield hosts(cloud or r, str(r.get("sku_name")), count)


PRICER = Pricer(type="azurerm_vmware_cluster", price=_price, doc=__doc__ or "")
