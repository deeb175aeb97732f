"""azurerm_traffic_manager_endpoint: an endpoint of a Traffic Manager profile (provider 2.x type).

Prices:
    Basic health check: per endpoint-month, at the "Non-Azure Endpoint" rate for
    `type = "externalEndpoints"` and the "Azure Endpoint" rate for Azure and nested endpoints.
    Fast interval health checks add-on: per endpoint-month when the profile probes every 10
    seconds (`monitor_config.interval_in_seconds = 10`).
Usage keys:
    (none)
Not priced / assumptions:
    The same meters as the azurerm_traffic_manager_{azure,external,nested}_endpoint types that
    replaced it in provider 3.0; the profile is found through `profile_name`. DNS queries are
    priced on azurerm_traffic_manager_profile. Meters are sold region-free.
References:
    https://azure.microsoft.com/pricing/details/traffic-manager/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._traffic_manager import endpoint_components
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    external = "external" in str(r.get("type") or "").lower()
    sku = "Non-Azure Endpoint" if external else "Azure Endpoint"
    yield from endpoint_components(r, ctx, sku, profile_attr="profile_name")


PRICER = Pricer(type="azurerm_traffic_manager_endpoint", price=_price, doc=__doc__ or "")
