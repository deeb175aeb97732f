"""azurerm_virtual_network_peering: one direction of a virtual network peering.

Prices:
    Inbound and outbound data transfer: per GB (usage: monthly_data_transfer_gb), at the
    intra-region rates when both networks are in one region, else at the global peering rates.
Usage keys:
    monthly_data_transfer_gb: GB sent over this peering a month (billed once as egress on the
    sending side and once as ingress on the receiving side).
Not priced / assumptions:
    The two networks' regions come from the virtual networks the peering names (in the plan);
    when either is unknown the peering is taken to be regional. Global peering meters are sold
    per billing zone: the zone of the network this peering belongs to.
References:
    https://azure.microsoft.com/pricing/details/virtual-network/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, location_of, zone_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_data_transfer_gb", "float", "GB sent over this peering a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    source = ctx.resolve(r, "virtual_network_name")
    remote = ctx.resolve(r, "remote_virtual_network_id")
    regional = source is None or remote is None or location_of(source) == location_of(remote)
    home = source or r
    for direction, meter in (("Inbound", "Ingress"), ("Outbound", "Egress")):
        attrs = {"productName": "Virtual Network Peering", "type": "Consumption", "unitOfMeasure": "1 GB"}
        if regional:
            query = azure_query(
                home,
                "Virtual Network",
                {**attrs, "meterName": f"Intra-Region {meter}"},
                family="Networking",
                unit="1 GB",
            )
        else:
            query = zone_query(home, "Virtual Network", {**attrs, "meterName": f"Inter-Region {meter}"}, unit="1 GB")
        yield usage_component(f"{direction} data transfer", "GB", ctx.usage, "monthly_data_transfer_gb", query)


PRICER = Pricer(type="azurerm_virtual_network_peering", price=_price, usage_keys=USAGE, doc=__doc__ or "")
