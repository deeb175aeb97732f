"""azurerm_windows_function_app: a Windows function app.

Prices:
    Execution time: per GB-second on a Consumption plan (usage); memory rounded up to 128 MB and
    at least 100 ms per execution.
    Executions: per million on a Consumption plan (usage).
Usage keys:
    monthly_executions: executions a month.
    execution_duration_ms: average execution time in milliseconds.
    memory_mb: average memory per execution in MB.
Not priced / assumptions:
    An app on a dedicated or Elastic Premium plan (`service_plan_id`) costs nothing itself: the plan
    is priced, once, on azurerm_service_plan / azurerm_app_service_plan. An app whose plan is
    outside the plan file is taken to run on a Consumption plan. The storage account it needs is
    priced on azurerm_storage_account. Azure's monthly free grant (400,000 GB-s, 1 million executions) is per
    subscription, shared by all its Consumption apps, so it is not deducted from any one app.
References:
    https://azure.microsoft.com/pricing/details/functions/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._functions import FUNCTION_USAGE, consumption_components, on_consumption
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if on_consumption(ctx.resolve(r, "service_plan_id")):
        yield from consumption_components(r, ctx)


PRICER = Pricer(type="azurerm_windows_function_app", price=_price, usage_keys=FUNCTION_USAGE, doc=__doc__ or "")
