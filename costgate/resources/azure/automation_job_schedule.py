"""azurerm_automation_job_schedule: a runbook job schedule of an Automation account.

Prices:
    Job run time of the scheduled runbook per minute (usage).
Usage keys:
    monthly_job_run_mins: minutes the scheduled jobs run a month.
Not priced / assumptions:
    The free 500 job minutes of the account are not subtracted.
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


PRICER = Pricer(
    type="azurerm_automation_job_schedule", price=_price, usage_keys=(_automation.JOB_USAGE,), doc=__doc__ or ""
)
