"""azurerm_databricks_workspace: an Azure Databricks workspace.

Prices:
    Databricks units (DBU-hours, usage) by workload and the workspace's sku (standard,
    premium): all-purpose compute, jobs compute and jobs light compute. A trial workspace's
    DBUs are free.
Usage keys:
    monthly_all_purpose_compute_dbu_hrs, monthly_jobs_compute_dbu_hrs,
    monthly_jobs_light_compute_dbu_hrs: DBU-hours a month per workload.
Not priced / assumptions:
    The virtual machines of the clusters bill as Azure VMs in the managed resource group,
    which the plan does not show; SQL warehouses, serverless and model serving DBUs are not
    priced.
References:
    https://azure.microsoft.com/pricing/details/databricks/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, no_charge, usage_component

USAGE = (
    UsageKey("monthly_all_purpose_compute_dbu_hrs", "float", "All-purpose compute DBU-hours a month"),
    UsageKey("monthly_jobs_compute_dbu_hrs", "float", "Jobs compute DBU-hours a month"),
    UsageKey("monthly_jobs_light_compute_dbu_hrs", "float", "Jobs light compute DBU-hours a month"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    tier = str(r.get("sku") or "standard").capitalize()
    if tier == "Trial":
        yield no_charge(r, "Workspace", "Trial tier: no DBU charge during the trial")
        return
    for name, key, workload in (
        ("All-purpose compute DBUs", "monthly_all_purpose_compute_dbu_hrs", "All-purpose Compute"),
        ("Jobs compute DBUs", "monthly_jobs_compute_dbu_hrs", "Jobs Compute"),
        ("Jobs light compute DBUs", "monthly_jobs_light_compute_dbu_hrs", "Jobs Light Compute"),
    ):
        q = azure_query(
            r,
            "Azure Databricks",
            {"skuName": f"{tier} {workload}", "unitOfMeasure": "1 Hour"},
            family="Analytics",
            unit="1 Hour",
        )
        yield usage_component(name, "DBU-hours", ctx.usage, key, q)


PRICER = Pricer(type="azurerm_databricks_workspace", price=_price, usage_keys=USAGE, doc=__doc__ or "")
