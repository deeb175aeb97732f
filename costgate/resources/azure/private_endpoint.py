"""azurerm_private_endpoint: a private endpoint (Private Link).

Prices:
    Private endpoint: per hour it exists.
    Inbound and outbound data processed: per GB (usage), cheaper above 1 PB and 5 PB a month
    (the meters' tiers).
Usage keys:
    monthly_inbound_data_processed_gb: GB processed into the endpoint a month.
    monthly_outbound_data_processed_gb: GB processed out of the endpoint a month.
Not priced / assumptions:
    Azure sells Private Link meters region-free.
References:
    https://azure.microsoft.com/pricing/details/private-link/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import consumption, global_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component

USAGE = (
    UsageKey("monthly_inbound_data_processed_gb", "float", "GB processed into the endpoint a month"),
    UsageKey("monthly_outbound_data_processed_gb", "float", "GB processed out of the endpoint a month"),
)


def _meter(r: Resource, meter: str, unit: str) -> PriceQuery:
    attrs = consumption({"productName": "Virtual Network Private Link", "meterName": meter}, unit)
    return global_query(r, "Virtual Network", attrs, unit=unit)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield hourly("Private endpoint", _meter(r, "Standard Private Endpoint", "1 Hour"))
    yield usage_component(
        "Inbound data processed",
        "GB",
        ctx.usage,
        "monthly_inbound_data_processed_gb",
        _meter(r, "Standard Data Processed - Ingress", "1 GB"),
        split_tiers=True,
    )
    yield usage_component(
        "Outbound data processed",
        "GB",
        ctx.usage,
        "monthly_outbound_data_processed_gb",
        _meter(r, "Standard Data Processed - Egress", "1 GB"),
        split_tiers=True,
    )


PRICER = Pricer(type="azurerm_private_endpoint", price=_price, usage_keys=USAGE, doc=__doc__ or "")
price_endpoint = _price
"""The pricing function, shared with the private endpoints services create for themselves
(azurerm_search_shared_private_link_service)."""
