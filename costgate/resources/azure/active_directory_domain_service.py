"""azurerm_active_directory_domain_service: a Microsoft Entra Domain Services managed domain.

Prices:
    The managed domain's replica set per hour at its SKU (Standard, Enterprise, Premium).
Usage keys:
    None.
Not priced / assumptions:
    The replica sets of the domain are their own resources (azurerm_active_directory_domain_service_replica_set).
References:
    https://azure.microsoft.com/pricing/details/microsoft-entra-ds/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, hourly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku") or "Standard").capitalize()
    q = azure_query(
        r,
        "Azure Active Directory Domain Services",
        {"skuName": sku, "meterName": f"{sku} User Forest", "unitOfMeasure": "1 Hour"},
        family="Security",
        unit="1 Hour",
    )
    yield hourly(f"Domain services ({sku})", q)


PRICER = Pricer(type="azurerm_active_directory_domain_service", price=_price, doc=__doc__ or "")
