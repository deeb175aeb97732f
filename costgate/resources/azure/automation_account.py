"""azurerm_automation_account: an Azure Automation account.

Prices:
    Runbook job run time per minute and DSC nodes outside Azure per month (usage).
Usage keys:
    monthly_job_run_mins: job minutes a month. non_azure_config_node_count: DSC nodes outside Azure.
Not priced / assumptions:
    The free 500 job minutes and the free DSC nodes in Azure are not subtracted. Job minutes and nodes can also be given on job schedules and DSC configurations; give each once.
References:
    https://azure.microsoft.com/pricing/details/automation/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _automation
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield _automation.job_run_time(r, ctx, ctx.usage)
    yield _automation.config_nodes(r, ctx, ctx.usage)


PRICER = Pricer(
    type="azurerm_automation_account",
    price=_price,
    usage_keys=(_automation.JOB_USAGE, _automation.NODE_USAGE),
    doc=__doc__ or "",
)
