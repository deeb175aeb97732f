"""azurerm_machine_learning_compute_instance: an Azure Machine Learning compute instance.

Prices:
    Instance usage: per hour by `virtual_machine_size` at the Linux VM rate (Azure Machine
    Learning adds no surcharge), for the hours it runs (usage: monthly_hrs, default 730).
Usage keys:
    monthly_hrs: hours the instance runs a month (an idle-shutdown schedule lowers it).
Not priced / assumptions:
    An instance has no location of its own: the provider creates it in its workspace's
    (machine_learning_workspace_id) location, so it is priced there, and in the default region
    when the workspace is not in the configuration (the reference estimator always prices the
    default region, eastus). Its OS disk and the workspace's storage, key vault and registry are
    priced on their own resources, not here.
References:
    https://azure.microsoft.com/pricing/details/machine-learning/
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import location_from
from costgate.resources.azure._vm import vm_hours
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (UsageKey("monthly_hrs", "float", "Hours the instance runs a month", 730),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if size := r.get("virtual_machine_size"):
        hours = ctx.usage.number("monthly_hrs")
        placed = replace(r, region=location_from(r, ctx, "machine_learning_workspace_id"), region_source="resource")
        yield vm_hours(placed, size, windows=False, hours=HOURS_PER_MONTH if hours is None else hours)


PRICER = Pricer(type="azurerm_machine_learning_compute_instance", price=_price, usage_keys=USAGE, doc=__doc__ or "")
