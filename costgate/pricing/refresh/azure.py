"""Azure prices for `catalog refresh`: the public Retail Prices API.

One OData query per (serviceName, armRegionName), following NextPageLink until it is null.
Items keep Azure's own field names as attributes; two are derived so a pricer can ask for
them exactly, as the shipped karpenter-azure rows do: `operatingSystem` (Windows when the
productName says so, else Linux) for Virtual Machines, and the purchase option (spot and
low priority meters are separate SKUs in Azure's list, reservations are `type`
Reservation with a reservationTerm). Dev/test prices are left out.

Meters Azure sells per billing zone (Azure DNS, Front Door, CDN, bandwidth, VNet peering) come
under armRegionName "Zone 1", "Zone 2", ... rather than a location: they are stored under that
zone as a region of its own (costgate/pricing/azure_zones.py), and a refresh of a location also
fetches the zones its resources are billed in (`zones_of`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from costgate.errors import CatalogError
from costgate.pricing.azure_zones import cdn_zone, network_zone, zone_region
from costgate.pricing.refresh.http import HttpClient
from costgate.pricing.rows import CatalogRow

DEFAULT_BASE_URL = "https://prices.azure.com"
PRICES_PATH = "/api/retail/prices"
API_VERSION = "2023-01-01-preview"
SOURCE_ID = "azure-retail-prices-api"
MAX_PAGES = 10_000

_ATTRIBUTES = (
    "armRegionName",
    "armSkuName",
    "meterName",
    "productName",
    "skuName",
    "unitOfMeasure",
    "type",
    "meterId",
    "productId",
    "skuId",
    "serviceFamily",
)


def zones_of(regions: Iterable[str]) -> list[str]:
    """The billing zones (network and CDN) of the locations in `regions`, in order, without the
    zones or `global` already there: what a refresh of those locations must fetch as well."""
    asked = set(regions)
    zones: list[str] = []
    for region in regions:
        if region in ("", "global") or zone_region(region):
            continue
        for zone in (network_zone(region), cdn_zone(region)):
            if zone not in asked and zone not in zones:
                zones.append(zone)
    return zones


def odata_filter(service: str, region: str | None) -> str:
    """`serviceName eq '...' and armRegionName eq '...'` with quotes escaped the OData way."""
    parts = [f"serviceName eq '{service.replace(chr(39), chr(39) * 2)}'"]
    if region:
        parts.append(f"armRegionName eq '{region.replace(chr(39), chr(39) * 2)}'")
    return " and ".join(parts)


def item_row(item: Mapping[str, Any], *, price_date: str) -> CatalogRow | None:
    """One Retail Prices item as a catalog row (None for prices costgate does not use)."""
    kind = str(item.get("type", ""))
    if kind not in ("Consumption", "Reservation") or item.get("isPrimaryMeterRegion") is False:
        return None
    service = str(item["serviceName"])
    attrs = {k: str(item[k]) for k in _ATTRIBUTES if item.get(k) not in (None, "")}
    sku_name = attrs.get("skuName", "")
    if service == "Virtual Machines":
        attrs["operatingSystem"] = "Windows" if "Windows" in attrs.get("productName", "") else "Linux"
    term: dict[str, str] = {}
    if kind == "Reservation":
        po = "reserved"
        if item.get("reservationTerm"):
            term["reservationTerm"] = str(item["reservationTerm"])
    elif sku_name.endswith(" Spot"):
        po = "spot"
    elif sku_name.endswith(" Low Priority"):
        po = "low_priority"
    else:
        po = "on_demand"
    # meters sold region-free come as armRegionName "" or "Global": one spelling, as mappings use;
    # meters sold per billing zone ("Zone 1", "US Gov Zone 1") keep the zone's name, spelled one way
    region = str(item.get("armRegionName") or "global")
    if region.lower() == "global":
        region = "global"
    region = zone_region(region) or region
    effective = str(item.get("effectiveStartDate", ""))[:10]
    return CatalogRow(
        provider="azure",
        service=service,
        family=str(item.get("serviceFamily") or "") or None,
        region=region,
        attributes=attrs,
        unit=str(item["unitOfMeasure"]),
        price=Decimal(str(item["retailPrice"])),
        purchase_option=po,
        term=term,
        currency=str(item.get("currencyCode") or "USD"),
        tier_start=Decimal(str(item.get("tierMinimumUnits") or 0)),
        sku=f"azure:{item.get('meterId', '')}:{item.get('skuId', '')}:{kind}:{term.get('reservationTerm', '')}",
        source=SOURCE_ID,
        price_date=price_date or effective,
        description=f"{item.get('productName', '')} {sku_name} {item.get('meterName', '')}".strip(),
    )


def fetch(
    http: HttpClient,
    *,
    service: str,
    region: str | None,
    base_url: str = DEFAULT_BASE_URL,
    price_date: str = "",
    on_page: Callable[[int], None] | None = None,
) -> Iterator[CatalogRow]:
    """Every usable price of `service` in `region`, page by page."""
    url: str | None = base_url.rstrip("/") + PRICES_PATH
    params: dict[str, str] | None = {"api-version": API_VERSION, "$filter": odata_filter(service, region)}
    pages = 0
    while url:
        doc = http.get_json(url, params=params)
        params = None  # NextPageLink carries the whole query
        try:
            items = doc["Items"]
            following = doc.get("NextPageLink")
        except (KeyError, TypeError) as exc:
            raise CatalogError("not a Retail Prices API page (no 'Items')", path=url.split("?")[0]) from exc
        for item in items:
            try:
                row = item_row(item, price_date=price_date)
            except (KeyError, TypeError, InvalidOperation) as exc:
                raise CatalogError(f"unexpected Retail Prices item ({exc!r})", path=url.split("?")[0]) from exc
            if row is not None:
                yield row
        pages += 1
        if on_page is not None:
            on_page(len(items))
        if pages >= MAX_PAGES:
            raise CatalogError(f"Retail Prices API paging did not end after {MAX_PAGES} pages", path=url.split("?")[0])
        url = str(following) if following else None
