"""Helpers shared by Azure pricers: the resource's location and queries in Azure's schema.

Azure's Retail Prices schema names a product by serviceName (the catalog's `service`),
productName, skuName, armSkuName and meterName, per armRegionName; the catalog's `family` is
serviceFamily. Readers already give `Resource.region` as Azure's canonical location name
("West Europe" -> "westeurope"), from the resource's `location` or its resource group's.
"""

from __future__ import annotations

from collections.abc import Mapping

from costgate.model import PriceQuery, Resource

DEFAULT_REGION = "eastus"


def location_of(resource: Resource) -> str:
    """The resource's Azure location, canonical spelling (readers resolve one; default eastus)."""
    return normalize_location(resource.region) if resource.region else DEFAULT_REGION


def normalize_location(value: str) -> str:
    """Azure's canonical location name in any spelling: 'West Europe', 'westeurope' -> 'westeurope'."""
    return value.replace(" ", "").replace("-", "").lower()


def azure_query(
    resource: Resource,
    service: str,
    attributes: Mapping[str, str] | None = None,
    *,
    family: str | None = None,
    unit: str | None = None,
    purchase_option: str = "on_demand",
    region: str | None = None,
) -> PriceQuery:
    """A catalog query for an Azure meter in the resource's location (or `region`, e.g. 'global')."""
    return PriceQuery.of(
        "azure", service, family, region or location_of(resource), attributes,
        purchase_option=purchase_option, unit=unit,
    )
