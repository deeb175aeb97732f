"""azurerm_function_app: a function app of the legacy resource type.

Prices:
    Execution time: per GB-second on a Consumption plan (usage); memory rounded up to 128 MB and
    at least 100 ms per execution.
    Executions: per million on a Consumption plan (usage).
    vCPU and memory of the Elastic Premium plan it runs on (EP1-EP3: 1/2/4 vCPUs, 3.5/7/14 GB
    per instance, all month), when it is the first (by address) of the plan's function apps in
    the configuration: the plan bills once however many apps share it.
Usage keys:
    monthly_executions: executions a month.
    execution_duration_ms: average execution time in milliseconds.
    memory_mb: average memory per execution in MB.
    instances: Elastic Premium instances (default: the plan's `instances` usage, else its
    worker count).
Not priced / assumptions:
    The other apps of an Elastic Premium plan add nothing (the reference estimator prices the plan
    on every app, counting a shared plan once per app); a plan no app of the configuration runs on
    is priced on the plan. An app on a dedicated plan (`app_service_plan_id`) costs nothing itself:
    the plan is priced on azurerm_service_plan / azurerm_app_service_plan. An app whose plan is
    outside the plan file is taken to run on a Consumption plan. The storage account it needs is
    priced on azurerm_storage_account. Azure's monthly free grant (400,000 GB-s, 1 million
    executions) is per subscription, shared by all its Consumption apps, so it is not deducted from
    any one app.
References:
    https://azure.microsoft.com/pricing/details/functions/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._functions import FUNCTION_USAGE, function_components
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from function_components(r, ctx, "app_service_plan_id")


PRICER = Pricer(type="azurerm_function_app", price=_price, usage_keys=FUNCTION_USAGE, doc=__doc__ or "")
