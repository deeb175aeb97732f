"""google_compute_address: a regional static IP address.

Prices:
    IP address (standard VM): per hour when a google_compute_instance in the configuration uses it
    (access_config.nat_ip); IP address (unused): per hour when nothing in the configuration does.
Usage keys:
    None.
Not priced / assumptions:
    Internal addresses (address_type = "INTERNAL") are free (a no-charge line). An address
    used by a forwarding rule or Cloud NAT is billed with that product, so it yields a no-charge line too.
    A static IP used by a spot/preemptible VM is billed at the preemptible rate, which the shipped
    catalog lacks (a global SKU): it shows as not priced.
References:
    https://cloud.google.com/vpc/network-pricing#ipaddress
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, hourly, no_charge
from costgate.resources.google._common import compute_query, purchase_of

USERS = (("google_compute_forwarding_rule", "ip_address"), ("google_compute_router_nat", "nat_ips"))


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if str(r.get("address_type") or "EXTERNAL").upper() == "INTERNAL":
        yield no_charge(r, "IP address", "internal addresses have no charge")
        return
    if any(ctx.referencing(r, rtype, attr) for rtype, attr in USERS):
        yield no_charge(r, "IP address", "used by a forwarding rule or Cloud NAT: billed with that product")
        return
    vms = ctx.referencing(r, "google_compute_instance", "network_interface.access_config.nat_ip")
    if not vms:
        yield hourly(
            "IP address (unused)", compute_query(r, "Network", {"ipUsage": "unused", "resourceGroup": "IpAddress"}, "h")
        )
        return
    spot = purchase_of(vms[0].block("scheduling"), ctx.usage).option == "spot"
    usage, label = ("preemptible-vm", "preemptible VM") if spot else ("standard-vm", "standard VM")
    yield hourly(
        f"IP address ({label})", compute_query(r, "Network", {"ipUsage": usage, "resourceGroup": "IpAddress"}, "h")
    )


PRICER = Pricer(type="google_compute_address", price=_price, doc=__doc__ or "")
