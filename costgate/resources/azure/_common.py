"""Helpers shared by Azure pricers: the resource's location and queries in Azure's schema.

Azure's Retail Prices schema names a product by serviceName (the catalog's `service`),
productName, skuName, armSkuName and meterName, per armRegionName; the catalog's `family` is
serviceFamily. Readers already give `Resource.region` as Azure's canonical location name
("West Europe" -> "westeurope"), from the resource's `location` or its resource group's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.pricing.azure_zones import cdn_zone as cdn_delivery_zone
from costgate.pricing.azure_zones import network_zone
from costgate.resources.base import PricingContext, Usage, monthly

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
        "azure",
        service,
        family,
        region or location_of(resource),
        attributes,
        purchase_option=purchase_option,
        unit=unit,
    )


def global_query(
    resource: Resource,
    service: str,
    attributes: Mapping[str, str] | None = None,
    *,
    family: str | None = "Networking",
    unit: str | None = None,
) -> PriceQuery:
    """A query for a meter Azure sells region-free (armRegionName "Global" or empty), stored as `global`.

    Load Balancer, NAT Gateway, Private Link, Traffic Manager, Azure DNS and Front Door bill such
    meters whatever the resource's location (a query by a real region finds nothing).
    """
    return azure_query(resource, service, attributes, family=family, unit=unit, region="global")


def consumption(attributes: Mapping[str, str], unit: str) -> dict[str, str]:
    """Retail Prices attributes of a pay-as-you-go meter: `attributes` plus type and unitOfMeasure."""
    return {**attributes, "type": "Consumption", "unitOfMeasure": unit}


def address_order(address: str) -> tuple[object, ...]:
    """A sort key that puts `x[2]` before `x[10]`: count indexes compare as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", address))


def usage_in(
    name: str, unit: str, usage: Usage, key: str, query: PriceQuery, *, divisor: Decimal | int, path: str = ""
) -> CostComponent:
    """A usage-based component counted in units of `divisor` of the usage value, priced per such unit.

    Azure prices many meters per bundle ("1M" queries, "10K" operations): the usage file gives
    single queries or operations, the component counts bundles, one bundle = one catalog unit.
    """
    raw = usage.number(key)
    return monthly(name, unit, None if raw is None else raw / Decimal(divisor), query, path=path, usage_based=True)


def billing_zone(location: str) -> str:
    """Azure's data-transfer billing zone of a location, as Retail Prices spells it (armRegionName).

    Zone-priced meters (Azure DNS, Front Door, inter-region bandwidth, VNet peering) are listed
    under these names instead of a location; the table and its source are in
    costgate/pricing/azure_zones.py.
    """
    return network_zone(location)


def zone_query(
    resource: Resource,
    service: str,
    attributes: Mapping[str, str] | None = None,
    *,
    family: str | None = "Networking",
    unit: str | None = None,
    zone: str | None = None,
) -> PriceQuery:
    """A query for a meter sold per billing zone (the resource's, unless `zone` is given)."""
    return azure_query(
        resource, service, attributes, family=family, unit=unit, region=zone or billing_zone(location_of(resource))
    )


def reserved_query(
    resource: Resource,
    service: str,
    attributes: Mapping[str, str],
    *,
    reservation_term: str,
    family: str | None = None,
    unit: str | None = None,
) -> PriceQuery:
    """A query for a reservation price (Retail Prices type Reservation, reservationTerm "1 Year" / "3 Years").

    Azure lists a reservation's retailPrice as the price of the whole term, not per unit of use.
    """
    return PriceQuery.of(
        "azure",
        service,
        family,
        location_of(resource),
        attributes,
        purchase_option="reserved",
        unit=unit,
        term={"reservationTerm": reservation_term},
    )


def cdn_zone(location: str) -> str:
    """The CDN / Front Door (classic) delivery zone of a location (five zones; table and source in
    costgate/pricing/azure_zones.py)."""
    return cdn_delivery_zone(location)


def location_from(resource: Resource, ctx: PricingContext, *parents: str) -> str:
    """The location of a resource that may have none of its own (a SQL database, a Cosmos DB
    container): its own `location` or resource group's when the reader found one, else that of
    the first resource its `parents` attributes reference (server_id, account_name...), else
    the default."""
    if resource.region and resource.region_source == "resource":
        return location_of(resource)
    for attribute in parents:
        parent = ctx.resolve(resource, attribute)
        if parent is not None:
            return location_from(parent, ctx, *parents)
    return location_of(resource)


PER_DAY = Decimal(1) / Decimal(24)
"""Unit multiplier of an hourly component whose Azure meter is priced per day ('1/Day')."""


def is_set(resource: Resource, attribute: str) -> bool:
    """True when `attribute` is given: a value, a reference (e.g. another resource's id, only
    known after apply) or a value the plan leaves unknown."""
    return (
        resource.get(attribute) not in (None, "")
        or bool(resource.refs.get(attribute))
        or resource.is_unknown(attribute)
    )
