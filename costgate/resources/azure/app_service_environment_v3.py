"""azurerm_app_service_environment_v3: an App Service Environment v3.

Prices:
    Empty environment: an environment that hosts no App Service plan in this plan file is billed
    as one Windows I1v2 instance-hour (Azure's minimum charge); one with plans costs nothing
    itself, its plans are priced on azurerm_service_plan.
Usage keys:
    (none)
Not priced / assumptions:
    A zone-redundant environment's minimum instance charge and dedicated hosts
    (`dedicated_host_count`) are not priced. Plans are recognised by their
    `app_service_environment_id`.
References:
    https://azure.microsoft.com/pricing/details/app-service/windows/
    https://learn.microsoft.com/azure/app-service/environment/overview#pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, consumption
from costgate.resources.base import Pricer, PricingContext, hourly, no_charge


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if ctx.referencing(r, "azurerm_service_plan", "app_service_environment_id"):
        yield no_charge(
            r,
            "Environment",
            "hosts App Service plans: the Isolated v2 instances are billed on each azurerm_service_plan",
        )
        return
    attrs = consumption({"productName": "Azure App Service Isolated v2 Plan", "skuName": "I1 v2"}, "1 Hour")
    yield hourly(
        "Empty environment (I1v2)", azure_query(r, "Azure App Service", attrs, family="Compute", unit="1 Hour")
    )


PRICER = Pricer(type="azurerm_app_service_environment_v3", price=_price, doc=__doc__ or "")
