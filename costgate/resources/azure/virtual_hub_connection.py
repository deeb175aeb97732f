"""azurerm_virtual_hub_connection: a Virtual WAN hub's connection to a virtual network.

Prices:
    Inbound and outbound data transfer: per GB between the hub and the network, at VNet
    peering rates (usage: monthly_data_transfer_gb): intra-region when the hub and the network
    are in one region, else global peering rates by billing zone.
Usage keys:
    monthly_data_transfer_gb: GB sent between the hub and the network a month (billed once as
    egress and once as ingress).
Not priced / assumptions:
    A VNet connection has no hourly fee: Virtual WAN's connection units apply to on-premises
    endpoints (VPN sites, users, ExpressRoute circuits) only. Traffic the hub routes between
    networks is billed as data processed on azurerm_virtual_hub. The regions come from the hub
    and the network the connection names (in the plan); when either is unknown the traffic is
    taken to be regional.
References:
    https://learn.microsoft.com/azure/virtual-wan/pricing-concepts
    https://azure.microsoft.com/pricing/details/virtual-network/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._peering import peering_components
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (UsageKey("monthly_data_transfer_gb", "float", "GB sent between the hub and the network a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    hub = ctx.resolve(r, "virtual_hub_id")
    network = ctx.resolve(r, "remote_virtual_network_id")
    yield from peering_components(r, ctx.usage, "monthly_data_transfer_gb", network, hub)


PRICER = Pricer(type="azurerm_virtual_hub_connection", price=_price, usage_keys=USAGE, doc=__doc__ or "")
