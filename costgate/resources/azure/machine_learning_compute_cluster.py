"""azurerm_machine_learning_compute_cluster: an Azure Machine Learning compute cluster.

Prices:
    Instance usage: per node-hour by `vm_size` at the Linux VM rate, dedicated or low priority
    (`vm_priority = "LowPriority"`), for the nodes it runs: usage `instances`, else
    `scale_settings.min_node_count` (a cluster that scales to zero depends on usage).
Usage keys:
    instances: nodes running on average.
    monthly_hrs: hours each node runs a month (default 730).
Not priced / assumptions:
    Node OS disks and the workspace's resources are not priced here. Low-priority nodes are
    billed at Azure's low-priority rate (the reference estimator ignores `vm_priority` and prices
    pay as you go); the shipped catalog has no low-priority rates, so they show as not priced
    with their query until a `catalog refresh` fetches them.
References:
    https://azure.microsoft.com/pricing/details/machine-learning/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._vm import scaled, vm_hours
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec

USAGE = (
    UsageKey("instances", "int", "Nodes running on average"),
    UsageKey("monthly_hrs", "float", "Hours each node runs a month", 730),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    size = r.get("vm_size")
    if not size:
        return
    nodes = ctx.usage.number("instances")
    if nodes is None:
        nodes = dec(r.block("scale_settings").get("min_node_count")) or None
    hours = ctx.usage.number("monthly_hrs")
    priority = "low" if str(r.get("vm_priority") or "").lower() == "lowpriority" else None
    vm = vm_hours(r, size, windows=False, priority=priority, hours=HOURS_PER_MONTH if hours is None else hours)
    yield from scaled(iter([vm]), nodes)


PRICER = Pricer(type="azurerm_machine_learning_compute_cluster", price=_price, usage_keys=USAGE, doc=__doc__ or "")
