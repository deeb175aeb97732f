"""google_compute_vpn_tunnel: a Cloud VPN tunnel (Classic or HA VPN).

Prices:
    VPN tunnel: per tunnel-hour.
    Internet egress through the tunnel, by destination (usage), one line per volume tier reached.
Usage keys:
    monthly_egress_data_transfer_gb: GB sent through the tunnel a month, by destination
    (worldwide, china, australia).
Not priced / assumptions:
    Google bills VPN egress at the premium-tier internet egress rates of the gateway's region.
    The gateways (google_compute_vpn_gateway, google_compute_ha_vpn_gateway) bill nothing themselves.
References:
    https://cloud.google.com/network-connectivity/docs/vpn/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, hourly
from costgate.resources.google._common import compute_query
from costgate.resources.google._network import EGRESS_USAGE, egress_components


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield hourly("VPN tunnel", compute_query(r, "Network", {"resourceGroup": "VPN", "vpnComponent": "tunnel"}, "h"))
    yield from egress_components(r, ctx.usage, "IPsec traffic")


PRICER = Pricer(type="google_compute_vpn_tunnel", price=_price, usage_keys=(EGRESS_USAGE,), doc=__doc__ or "")
