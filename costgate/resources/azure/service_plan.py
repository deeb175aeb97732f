"""azurerm_service_plan: an App Service plan (web apps, function apps, Logic Apps Standard).

Prices:
    Instance usage: per worker-hour by `sku_name` (B1-B3, S1-S3, P1v2-P3v2, P0v3-P5mv3, I1v2-I6v2,
    P1-P3, I1-I3, PC2-PC4, D1 shared), Linux (`os_type = "Linux"`) or Windows rates, times
    `worker_count`.
    vCPU and memory: Elastic Premium plans (EP1-EP3, Azure Functions Premium) per always-ready
    instance-hour (EP1 1 vCPU and 3.5 GB, EP2 2 and 7, EP3 4 and 14), when no function app of
    the configuration runs on the plan (else on the first such app, by address).
Usage keys:
    instances: workers the plan runs (default `worker_count`, else 1); an autoscaled plan's
    average belongs here.
Not priced / assumptions:
    Free (F1), Consumption (Y1) and Flex Consumption (FC1) plans have no hourly charge: function
    executions are priced on the function apps. Workflow Standard plans (WS1-WS3) are billed as
    Logic Apps Standard vCPU and memory, not here. Elastic Premium instances scaled out above
    the always-ready ones (`maximum_elastic_worker_count`) depend on load and are not priced.
    Azure bills an Elastic Premium plan's instances once however many apps share it: the cost is
    shown on the first of its function apps (where the reference estimator shows it; it prices it
    on every app of the plan) and on the plan only when no app of the configuration runs on it.
References:
    https://azure.microsoft.com/pricing/details/app-service/windows/
    https://azure.microsoft.com/pricing/details/app-service/linux/
    https://azure.microsoft.com/pricing/details/functions/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._app_service import PLAN_USAGE, plan_components
from costgate.resources.base import Pricer, PricingContext, dec


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    linux = str(r.get("os_type") or "").lower() == "linux"
    workers = dec(r.get("worker_count"), Decimal(1)) or Decimal(1)
    yield from plan_components(r, r.get("sku_name"), linux=linux, workers=workers, ctx=ctx)


PRICER = Pricer(type="azurerm_service_plan", price=_price, usage_keys=PLAN_USAGE, doc=__doc__ or "")
