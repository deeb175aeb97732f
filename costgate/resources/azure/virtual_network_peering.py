"""azurerm_virtual_network_peering: one direction of a virtual network peering.

Prices:
    Inbound and outbound data transfer: per GB (usage: monthly_data_transfer_gb), at the
    intra-region rates when both networks are in one region (meters sold region-free, "Global"),
    else at the global peering rates of a billing zone: egress at the sending network's zone,
    ingress at the receiving (remote) network's zone (Zone 1 $0.035, Zone 2 $0.09 per GB).
Usage keys:
    monthly_data_transfer_gb: GB sent over this peering a month (billed once as egress on the
    sending side and once as ingress on the receiving side).
Not priced / assumptions:
    The two networks' regions come from the virtual networks the peering names (in the plan);
    when either is unknown the peering is taken to be regional. Zones: costgate/pricing/azure_zones.py.
References:
    https://azure.microsoft.com/pricing/details/virtual-network/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._peering import peering_components
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (UsageKey("monthly_data_transfer_gb", "float", "GB sent over this peering a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    source = ctx.resolve(r, "virtual_network_name")
    remote = ctx.resolve(r, "remote_virtual_network_id")
    yield from peering_components(r, ctx.usage, "monthly_data_transfer_gb", source, remote)


PRICER = Pricer(type="azurerm_virtual_network_peering", price=_price, usage_keys=USAGE, doc=__doc__ or "")
