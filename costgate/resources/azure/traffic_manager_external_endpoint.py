"""azurerm_traffic_manager_external_endpoint: an external endpoint of a Traffic Manager profile.

Prices:
    Basic health check: per endpoint-month ("Non-Azure Endpoint" rate).
    Fast interval health checks add-on: per endpoint-month when the profile probes every 10
    seconds (`monitor_config.interval_in_seconds = 10`).
Usage keys:
    (none)
Not priced / assumptions:
    DNS queries and Traffic View are priced on azurerm_traffic_manager_profile. A profile outside
    the plan is taken to probe at the default 30-second interval. Meters are sold region-free.
References:
    https://azure.microsoft.com/pricing/details/traffic-manager/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._traffic_manager import endpoint_components
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from endpoint_components(r, ctx, "Non-Azure Endpoint")


PRICER = Pricer(type="azurerm_traffic_manager_external_endpoint", price=_price, doc=__doc__ or "")
