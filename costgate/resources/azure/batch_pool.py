"""azurerm_batch_pool: an Azure Batch pool of VMs.

Prices:
    Dedicated nodes: per node-hour by `vm_size` at the pay-as-you-go VM rate (Linux, or Windows for
    a `windows` node agent), `fixed_scale.target_dedicated_nodes` nodes.
    Low-priority (spot) nodes: `fixed_scale.target_low_priority_nodes` nodes at the spot rate.
Usage keys:
    dedicated_nodes: dedicated nodes running on average (autoscaled pools).
    low_priority_nodes: spot nodes running on average (autoscaled pools).
    monthly_hrs: hours each node runs a month (default 730).
Not priced / assumptions:
    Batch itself is free; nodes bill as VMs. An autoscaled pool (`auto_scale`) depends on usage.
    The nodes' OS disks and any software license of their image are not priced.
References:
    https://azure.microsoft.com/pricing/details/batch/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._vm import scaled, vm_hours
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec

USAGE = (
    UsageKey("dedicated_nodes", "float", "Dedicated nodes running on average"),
    UsageKey("low_priority_nodes", "float", "Spot (low-priority) nodes running on average"),
    UsageKey("monthly_hrs", "float", "Hours each node runs a month", 730),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    size = r.get("vm_size")
    if not size:
        return
    windows = "windows" in str(r.get("node_agent_sku_id") or "").lower()
    fixed = r.block("fixed_scale")
    hours = ctx.usage.number("monthly_hrs")
    hours = HOURS_PER_MONTH if hours is None else hours
    for key, attribute, priority in (
        ("dedicated_nodes", "target_dedicated_nodes", None),
        ("low_priority_nodes", "target_low_priority_nodes", "spot"),
    ):
        nodes = ctx.usage.number(key)
        nodes = nodes if nodes is not None else dec(fixed.get(attribute)) if fixed else None
        if nodes == 0 or (nodes is None and priority):
            continue
        vm = vm_hours(r, size, windows=windows, priority=priority, hours=hours)
        yield from scaled(iter([vm]), nodes)


PRICER = Pricer(type="azurerm_batch_pool", price=_price, usage_keys=USAGE, doc=__doc__ or "")
