"""google_compute_external_vpn_gateway: a peer (on-premises or other cloud) VPN gateway.

Prices:
    IPsec traffic to the peer: premium-tier internet egress by destination (usage), one line per
    volume tier reached.
Usage keys:
    monthly_egress_data_transfer_gb: GB sent to the peer gateway a month, by destination
    (worldwide, china, australia).
Not priced / assumptions:
    The resource describes a gateway outside Google Cloud, which bills nothing itself; tunnel
    hours are priced on google_compute_vpn_tunnel. Give the traffic here or on the tunnels, not both.
References:
    https://cloud.google.com/network-connectivity/docs/vpn/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext
from costgate.resources.google._network import EGRESS_USAGE, egress_components


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from egress_components(r, ctx.usage, "IPsec traffic")


PRICER = Pricer(type="google_compute_external_vpn_gateway", price=_price, usage_keys=(EGRESS_USAGE,), doc=__doc__ or "")
