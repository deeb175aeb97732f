"""VNet peering data transfer, shared by peerings and Virtual WAN hub connections.

Azure bills traffic over a peering once as egress on the sending side and once as ingress on
the receiving side: at the intra-region meters (sold region-free, "Global") when both networks
are in one region, else at the global peering meters of a billing zone (egress at the sender's
zone, ingress at the receiver's). A virtual hub's connection to a virtual network is billed the
same way (Virtual WAN: hub to VNet traffic is VNet peering traffic).
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import global_query, location_of, zone_query
from costgate.resources.base import Usage, usage_component


def peering_components(
    r: Resource, usage: Usage, key: str, source: Resource | None, remote: Resource | None
) -> Iterator[CostComponent]:
    """Inbound and outbound data transfer of `key` GB between `source` and `remote` (either may
    be unknown: the peering is then taken to be regional)."""
    regional = source is None or remote is None or location_of(source) == location_of(remote)
    for direction, meter, side in (("Inbound", "Ingress", remote), ("Outbound", "Egress", source)):
        if regional:
            attrs = {"productName": "Virtual Network Peering", "meterName": f"Intra-Region {meter}"}
            query = global_query(source or r, "Virtual Network", {**attrs, "type": "Consumption"}, unit="1 GB")
        else:
            attrs = {"productName": "Global Virtual Network Peering", "meterName": f"Inter-Region {meter}"}
            query = zone_query(side or r, "Virtual Network", {**attrs, "type": "Consumption"}, unit="1 GB")
        yield usage_component(f"{direction} data transfer", "GB", usage, key, query)
