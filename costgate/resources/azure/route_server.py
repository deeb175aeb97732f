"""azurerm_route_server: an Azure Route Server (BGP route exchange with network virtual appliances).

Prices:
    Route Server: per hour it is deployed (Retail Prices serviceName "Azure Route Server",
    skuName "Standard", meterName "Standard Route Server").
Usage keys:
    (none)
Not priced / assumptions:
    Its Standard public IP is priced on azurerm_public_ip. Traffic does not flow through a route
    server (it only exchanges routes), so nothing is billed per GB. This machine's catalog has no
    Route Server rows, so the query's names could not be checked against a catalog here (no
    serviceFamily is asked, to match however Azure files the service); the component shows as
    not priced until `catalog refresh`.
References:
    https://azure.microsoft.com/pricing/details/route-server/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, consumption
from costgate.resources.base import Pricer, PricingContext, hourly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    attrs = consumption({"skuName": "Standard", "meterName": "Standard Route Server"}, "1 Hour")
    yield hourly("Route Server", azure_query(r, "Azure Route Server", attrs, unit="1 Hour"))


PRICER = Pricer(type="azurerm_route_server", price=_price, doc=__doc__ or "")
