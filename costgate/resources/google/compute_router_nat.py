"""google_compute_router_nat: a Cloud NAT gateway on a Cloud Router.

Prices:
    Assigned VMs (first 32): per VM-hour, up to 32 VMs (Google's hourly gateway rate is 32 times
    the per-VM rate; above 32 VMs the gateway costs that flat rate).
    Data processed: per GB through the gateway (usage).
Usage keys:
    assigned_vms: VMs that use the gateway on average.
    monthly_data_processed_gb: GB processed a month.
Not priced / assumptions:
    NAT IP addresses are priced on their google_compute_address. Without assigned_vms the
    gateway charge depends on usage.
References:
    https://cloud.google.com/nat/pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component
from costgate.resources.google._common import compute_query

USAGE = (
    UsageKey("assigned_vms", "int", "VMs using the NAT gateway on average"),
    UsageKey("monthly_data_processed_gb", "float", "GB processed by the NAT gateway a month"),
)
VMS_PER_GATEWAY_RATE = Decimal(32)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    vms = ctx.usage.number("assigned_vms")
    hours = None if vms is None else min(vms, VMS_PER_GATEWAY_RATE) * 730
    q = compute_query(r, "Network", {"natComponent": "gateway", "resourceGroup": "CloudNat"}, "h")
    yield monthly(
        "Assigned VMs (first 32)", "VM-hours", hours, q, usage_based=True, unit_multiplier=1 / VMS_PER_GATEWAY_RATE
    )
    q = compute_query(r, "Network", {"natComponent": "data-processing", "resourceGroup": "CloudNat"}, "GiBy")
    yield usage_component("Data processed", "GB", ctx.usage, "monthly_data_processed_gb", q)


PRICER = Pricer(type="google_compute_router_nat", price=_price, usage_keys=USAGE, doc=__doc__ or "")
