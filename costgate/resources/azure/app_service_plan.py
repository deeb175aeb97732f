"""azurerm_app_service_plan: an App Service plan of the legacy resource type.

Prices:
    Instance usage: per worker-hour by `sku.size` (B1-B3, S1-S3, P1v2-P3v2, P1v3-P3v3, I1-I3,
    I1v2-I3v2, PC2-PC4, D1 shared) times `sku.capacity`; Linux rates when `reserved` is true (Azure's
    Linux flag; the provider requires it for `kind = "Linux"`), or `kind` is Linux and `reserved`
    is unset.
    vCPU and memory: Elastic Premium plans (`sku.tier` ElasticPremium, EP1-EP3) per instance-hour.
Usage keys:
    instances: workers the plan runs (default `sku.capacity`, else 1).
Not priced / assumptions:
    Free (F1), Dynamic (Y1, consumption) plans have no hourly charge: function executions are
    priced on the function apps. Elastic Premium is priced on the plan, once, not on each app.
References:
    https://azure.microsoft.com/pricing/details/app-service/windows/
    https://azure.microsoft.com/pricing/details/app-service/linux/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._app_service import PLAN_USAGE, plan_components
from costgate.resources.base import Pricer, PricingContext, dec


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = r.block("sku")
    reserved = r.get("reserved")  # ARM's Linux flag: a kind of Linux without it is still a Windows plan
    linux = bool(reserved) if reserved is not None else str(r.get("kind") or "").lower() == "linux"
    workers = dec(sku.get("capacity"), Decimal(1)) or Decimal(1)
    yield from plan_components(r, sku.get("size"), linux=linux, workers=workers, usage=ctx.usage)


PRICER = Pricer(type="azurerm_app_service_plan", price=_price, usage_keys=PLAN_USAGE, doc=__doc__ or "")
