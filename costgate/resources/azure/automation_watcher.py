"""azurerm_automation_watcher: a watcher task of an Automation account.

Prices:
    The watcher per hour it exists.
Usage keys:
    None.
Not priced / assumptions:
    The runbook it starts bills job run time on the account or schedule. Azure's free
    watcher hours are per subscription and not subtracted.
References:
    https://azure.microsoft.com/pricing/details/automation/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure import _automation
from costgate.resources.base import Pricer, PricingContext, monthly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield monthly("Watcher", "hours", HOURS_PER_MONTH, _automation.watcher(r, ctx), tiered=False)


PRICER = Pricer(type="azurerm_automation_watcher", price=_price, usage_keys=(), doc=__doc__ or "")
