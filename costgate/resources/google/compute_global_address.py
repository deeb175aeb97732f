"""google_compute_global_address: a global static external IP address (for global load balancers).

Prices:
    IP address (unused): per hour, when no global forwarding rule in the configuration uses it.
Usage keys:
    None.
Not priced / assumptions:
    Addresses reserved for VPC peering or Private Service Connect (purpose VPC_PEERING or
    PRIVATE_SERVICE_CONNECT, or address_type INTERNAL) are free: a no-charge line says so; so does one for
    an address a google_compute_global_forwarding_rule uses (billed with the rule).
References:
    https://cloud.google.com/vpc/network-pricing#ipaddress
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, hourly, no_charge
from costgate.resources.google._common import compute_query


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if str(r.get("address_type") or "EXTERNAL").upper() == "INTERNAL" or r.get("purpose") in (
        "VPC_PEERING",
        "PRIVATE_SERVICE_CONNECT",
    ):
        yield no_charge(
            r,
            "IP address",
            "an internal address (internal, VPC peering or Private Service Connect range) has no charge",
        )
        return
    if ctx.referencing(r, "google_compute_global_forwarding_rule", "ip_address"):
        yield no_charge(r, "IP address", "used by a global forwarding rule: billed with the rule")
        return
    yield hourly(
        "IP address (unused)", compute_query(r, "Network", {"ipUsage": "unused", "resourceGroup": "IpAddress"}, "h")
    )


PRICER = Pricer(type="google_compute_global_address", price=_price, doc=__doc__ or "")
