"""azurerm_app_service_plan: an App Service plan of the legacy resource type.

Prices:
    Instance usage: per worker-hour by `sku.size` (B1-B3, S1-S3, P1v2-P3v2, P1v3-P3v3, I1-I3,
    I1v2-I3v2, PC2-PC4, D1 shared) times `sku.capacity`; Linux rates when `reserved` is true (Azure's
    Linux flag) or `kind` is Linux. The provider refuses `kind = "Linux"` without `reserved = true`
    (and `kind = "Windows"` with it), so a plan that says Linux either is one or is never created:
    its Linux price is the one the author will pay once the plan applies.
    vCPU and memory: Elastic Premium plans (EP1-EP3) per instance-hour, when no function app of
    the configuration runs on the plan (else on the first such app, by address).
Usage keys:
    instances: workers the plan runs (default `sku.capacity`, else 1).
Not priced / assumptions:
    Free (F1), Dynamic (Y1, consumption) plans have no hourly charge: function executions are
    priced on the function apps; so is a plan of `kind = "FunctionApp"` (the provider's kind for
    a Consumption plan) whatever its size, unless its tier is ElasticPremium. Elastic Premium is billed once however many apps share the
    plan: on its first function app, as azurerm_service_plan does.
References:
    https://azure.microsoft.com/pricing/details/app-service/windows/
    https://azure.microsoft.com/pricing/details/app-service/linux/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._app_service import PLAN_USAGE, legacy_consumption, plan_components
from costgate.resources.base import Pricer, PricingContext, dec, no_charge


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if legacy_consumption(r):
        yield no_charge(r, "Plan", "Consumption plan: executions are billed on its function apps")
        return
    sku = r.block("sku")
    linux = r.get("reserved") is True or str(r.get("kind") or "").lower() == "linux"
    workers = dec(sku.get("capacity"), Decimal(1)) or Decimal(1)
    yield from plan_components(r, sku.get("size"), linux=linux, workers=workers, ctx=ctx)


PRICER = Pricer(type="azurerm_app_service_plan", price=_price, usage_keys=PLAN_USAGE, doc=__doc__ or "")
