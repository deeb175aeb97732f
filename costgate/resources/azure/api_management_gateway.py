"""azurerm_api_management_gateway: a self-hosted gateway of an API Management service.

Prices:
    Self-hosted gateway: per gateway-month (Retail Prices skuName "Gateway", meterName
    "Gateway Unit", per hour), when its service runs the Premium tier.
Usage keys:
    (none)
Not priced / assumptions:
    Azure bills each gateway resource as one deployment, whatever the number of its nodes. The
    Developer tier includes self-hosted gateways at no charge, so a gateway of a Developer
    service yields a no-charge line; the other tiers cannot host one. A service outside the
    configuration is taken to be Premium. Do not also count this gateway in the service's
    self_hosted_gateway_count usage key (that key is for gateways the configuration does not
    declare). The meter is looked up in the service's location.
References:
    https://azure.microsoft.com/pricing/details/api-management/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query, location_from
from costgate.resources.base import Pricer, PricingContext, monthly, no_charge


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    service = ctx.resolve(r, "api_management_id")
    if service is not None and str(service.get("sku_name") or "").lower().startswith("developer"):
        yield no_charge(r, "Self-hosted gateway", "included in the Developer tier")
        return
    attrs = {"skuName": "Gateway", "meterName": "Gateway Unit", "unitOfMeasure": "1 Hour"}
    region = location_from(r, ctx, "api_management_id")
    query = azure_query(r, "API Management", attrs, family="Developer Tools", unit="1 Hour", region=region)
    yield monthly("Self-hosted gateway", "gateways", 1, query, unit_multiplier=HOURS_PER_MONTH)


PRICER = Pricer(type="azurerm_api_management_gateway", price=_price, doc=__doc__ or "")
