"""Azure's billing zones: the location -> zone tables, the zone rows the shipped catalog holds
(Azure DNS, Front Door (classic), VNet peering), and `catalog refresh` storing and fetching
zone-priced meters from a stand-in Retail Prices API."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from costgate.model import PriceQuery
from costgate.pricing.azure_zones import cdn_zone, network_zone, zone_region
from costgate.pricing.lookup import PriceBook, refresh_command
from costgate.pricing.refresh.azure import item_row, zones_of
from costgate.pricing.refresh.http import HttpClient
from costgate.pricing.refresh.progress import NullProgress
from costgate.pricing.refresh.run import RefreshRequest, refresh
from costgate.pricing.store import CatalogStore
from tests.pricing.catalog_queries import assert_one_at_price, query


@pytest.mark.parametrize(
    ("location", "zone"),
    [
        ("West Europe", "Zone 1"),
        ("eastus", "Zone 1"),
        ("australiacentral", "Zone 1"),  # the FAQ puts Australia Central in Zone 1, unlike Australia East
        ("australiaeast", "Zone 2"),
        ("Japan West", "Zone 2"),
        ("centralindia", "Zone 2"),
        ("brazilsouth", "Zone 3"),
        ("southafricanorth", "Zone 3"),
        ("uaenorth", "Zone 3"),
        ("usgovvirginia", "US Gov Zone 1"),
        ("chinaeast2", "Zone 1 (China)"),
        ("japannorth", "Zone 2"),  # not in the table: its name's prefix decides
    ],
)
def test_network_zone_of_a_location(location: str, zone: str) -> None:
    assert network_zone(location) == zone


@pytest.mark.parametrize(
    ("location", "zone"),
    [
        ("westeurope", "Zone 1"),
        ("eastasia", "Zone 2"),
        ("brazilsouth", "Zone 3"),
        ("australiaeast", "Zone 4"),
        ("centralindia", "Zone 5"),
        ("southafricanorth", "Zone 1"),
    ],
)
def test_cdn_zone_of_a_location(location: str, zone: str) -> None:
    assert cdn_zone(location) == zone


@pytest.mark.parametrize(
    ("name", "zone"),
    [
        ("Zone 1", "Zone 1"),
        ("zone1", "Zone 1"),
        ("ZONE 3", "Zone 3"),
        ("US Gov Zone 1", "US Gov Zone 1"),
        ("usgovzone1", "US Gov Zone 1"),
        ("Zone 1 (China)", "Zone 1 (China)"),
        ("DE Zone 1", "DE Zone 1"),
        ("westeurope", None),
        ("global", None),
        ("zone", None),
    ],
)
def test_zone_region_spelling(name: str, zone: str | None) -> None:
    assert zone_region(name) == zone


def test_a_zone_meter_is_stored_under_its_zone() -> None:
    item = {
        "serviceName": "Azure DNS",
        "productName": "Azure DNS",
        "meterName": "Public Zone",
        "armRegionName": "zone 1",
        "unitOfMeasure": "1/Month",
        "retailPrice": 0.5,
        "type": "Consumption",
    }
    row = item_row(item, price_date="2026-12-01")
    assert row is not None and row.region == "Zone 1"


def test_zones_of_the_locations_asked_for() -> None:
    assert zones_of(["westeurope", "japaneast", "centralindia", "global", "Zone 1"]) == ["Zone 2", "Zone 5"]
    assert zones_of(["eastus"]) == ["Zone 1"]


def test_refresh_command_quotes_names_with_spaces() -> None:
    q = PriceQuery.of("azure", "Azure DNS", "Networking", "Zone 1", {"meterName": "Public Zone"})
    assert refresh_command(q) == "costgate catalog refresh --provider azure --services 'Azure DNS' --regions 'Zone 1'"
    assert refresh_command(q, region=False) == "costgate catalog refresh --provider azure --services 'Azure DNS'"


# ---- the shipped catalog: price_facts lines mapped into their zones ------------------------------------

DNS = {"productName": "Azure DNS"}
FD = {"productName": "Azure Front Door Service", "skuName": "Standard"}


@pytest.mark.parametrize(
    ("service", "region", "attrs", "unit", "price"),
    [
        ("Azure DNS", "Zone 1", {**DNS, "meterName": "Public Zone"}, "1/Month", "0.5"),
        ("Azure DNS", "Zone 1", {**DNS, "meterName": "Private Zone"}, "1/Month", "0.5"),
        ("Azure DNS", "Zone 1", {**DNS, "meterName": "Public Queries"}, "1M", "0.4"),
        ("Azure DNS", "Zone 1", {**DNS, "meterName": "Private Queries"}, "1M", "0.4"),
        (
            "Azure Front Door Service",
            "Zone 1",
            {**FD, "meterName": "Standard Included Routing Rules"},
            "1 Hour",
            "0.03",
        ),
        (
            "Azure Front Door Service",
            "Zone 1",
            {**FD, "meterName": "Standard Overage Routing Rules"},
            "1 Hour",
            "0.012",
        ),
        ("Azure Front Door Service", "Zone 1", {**FD, "meterName": "Standard Custom Domain"}, "1/Month", "5"),
        ("Azure Front Door Service", "Zone 1", {**FD, "meterName": "Standard Data Transfer In"}, "1 GB", "0.01"),
        ("Azure Front Door Service", "Zone 1", {**FD, "meterName": "Standard Data Transfer Out"}, "1 GB", "0.17"),
        ("Virtual Network", "global", {"meterName": "Intra-Region Ingress"}, "1 GB", "0.01"),
        ("Virtual Network", "global", {"meterName": "Intra-Region Egress"}, "1 GB", "0.01"),
        ("Virtual Network", "Zone 1", {"meterName": "Inter-Region Ingress"}, "1 GB", "0.035"),
        ("Virtual Network", "Zone 1", {"meterName": "Inter-Region Egress"}, "1 GB", "0.035"),
        ("Virtual Network", "Zone 2", {"meterName": "Inter-Region Ingress"}, "1 GB", "0.09"),
    ],
)
def test_zone_rows_in_the_shipped_catalog(
    service: str, region: str, attrs: dict[str, str], unit: str, price: str
) -> None:
    assert_one_at_price("azure", service, region, attrs, unit, price)


@pytest.mark.parametrize(
    ("service", "meter", "end"),
    [
        ("Azure DNS", "Public Queries", 1000),
        ("Azure DNS", "Public Zone", 25),
        ("Azure Front Door Service", "Standard Data Transfer Out", 10000),
    ],
)
def test_first_tier_only_ends_where_the_price_ends(service: str, meter: str, end: int) -> None:
    (found,) = query("--provider", "azure", "--service", service, "--region", "Zone 1", "--attr", f"meterName={meter}")
    assert Decimal(str(found["tier_end"])) == end


LA = {"productName": "Log Analytics", "skuName": "Analytics Logs"}
SWA = {"productName": "Static Web Apps", "skuName": "Standard"}


@pytest.mark.parametrize(
    ("service", "region", "attrs", "unit", "price", "start"),
    [
        ("Log Analytics", "westeurope", {**LA, "meterName": "Analytics Logs Data Ingestion"}, "1 GB", "2.99", 5),
        ("Log Analytics", "westeurope", {**LA, "meterName": "Analytics Logs Data Retention"}, "1 GB/Month", "0.13", 0),
        ("Azure App Service", "centralus", {**SWA, "meterName": "Standard App"}, "1/Month", "9", 0),
        ("Azure App Service", "centralus", {**SWA, "meterName": "Standard Bandwidth Usage"}, "1 GB", "0.2", 100),
    ],
)
def test_regional_rows_with_their_free_grants(
    service: str, region: str, attrs: dict[str, str], unit: str, price: str, start: int
) -> None:
    """Paid tiers that start after the free grant (5 GB ingested, 100 GB served) keep that start."""
    assert_one_at_price("azure", service, region, attrs, unit, price)
    (found,) = query("--provider", "azure", "--service", service, "--region", region, *_attr_args(attrs))
    assert Decimal(str(found["tier_start"])) == start


def _attr_args(attrs: dict[str, str]) -> list[str]:
    return [arg for k, v in attrs.items() for arg in ("--attr", f"{k}={v}")]


def test_zone_meters_are_not_under_the_labelled_location() -> None:
    assert query("--provider", "azure", "--service", "Azure DNS", "--region", "westeurope") == []


# ---- catalog refresh against a stand-in Retail Prices API ---------------------------------------------


def _item(meter: str, region: str, price: float, tier: float, unit: str) -> dict[str, object]:
    return {
        "currencyCode": "USD",
        "tierMinimumUnits": tier,
        "retailPrice": price,
        "unitPrice": price,
        "armRegionName": region,
        "location": region,
        "effectiveStartDate": "2026-11-01T00:00:00Z",
        "meterId": f"m-{meter}-{region}",
        "meterName": meter,
        "productId": "DZH318Z0BQ5B",
        "skuId": "DZH318Z0BQ5B/0001",
        "productName": "Azure DNS",
        "skuName": meter.split()[0],
        "serviceName": "Azure DNS",
        "serviceFamily": "Networking",
        "unitOfMeasure": unit,
        "type": "Consumption",
        "isPrimaryMeterRegion": True,
    }


def _page(items: list[dict[str, object]]) -> str:
    return json.dumps({"BillingCurrency": "USD", "Items": items, "NextPageLink": None, "Count": len(items)})


def _filter(region: str) -> dict[str, str]:
    return {
        "api-version": "2023-01-01-preview",
        "$filter": f"serviceName eq 'Azure DNS' and armRegionName eq '{region}'",
    }


def test_refresh_of_a_location_fetches_its_zones_meters(httpserver: HTTPServer, seed_catalog: Path) -> None:
    zone1 = [
        _item("Public Zone", "Zone 1", 0.5, 0, "1/Month"),
        _item("Public Zone", "Zone 1", 0.1, 25, "1/Month"),
        _item("Public Queries", "Zone 1", 0.4, 0, "1M"),
        _item("Public Queries", "Zone 1", 0.2, 1000, "1M"),
    ]
    httpserver.expect_request("/api/retail/prices", query_string=_filter("westeurope")).respond_with_data(
        _page([]), content_type="application/json"
    )
    httpserver.expect_request("/api/retail/prices", query_string=_filter("Zone 1")).respond_with_data(
        _page(zone1), content_type="application/json"
    )
    request = RefreshRequest(
        providers=("azure",),
        services=("Azure DNS",),
        regions=("westeurope",),
        azure_base_url=httpserver.url_for("").rstrip("/"),
    )
    http = HttpClient(timeout=(2.0, 2.0), retries=0, sleep=lambda _s: None)
    _manifest, report = refresh(request, seed_catalog, http=http, progress=NullProgress(), today="2026-12-01")
    assert report.rows_by_scope == {("azure", "Azure DNS", "Zone 1"): 4}
    assert report.empty == ["azure Azure DNS westeurope"]  # the location itself sells nothing: said so
    queries = PriceQuery.of("azure", "Azure DNS", "Networking", "Zone 1", {"meterName": "Public Queries"})
    price = PriceBook(CatalogStore.open(seed_catalog)).lookup(queries)
    assert getattr(price, "tiers", None) == (
        (Decimal(0), Decimal(1000), Decimal("0.4")),
        (Decimal(1000), None, Decimal("0.2")),
    )


def test_refresh_asks_for_a_zone_in_any_spelling(httpserver: HTTPServer, seed_catalog: Path) -> None:
    httpserver.expect_request("/api/retail/prices", query_string=_filter("Zone 2")).respond_with_data(
        _page([_item("Public Zone", "Zone 2", 0.5, 0, "1/Month")]), content_type="application/json"
    )
    request = RefreshRequest(
        providers=("azure",),
        services=("Azure DNS",),
        regions=("zone2",),
        azure_base_url=httpserver.url_for("").rstrip("/"),
    )
    http = HttpClient(timeout=(2.0, 2.0), retries=0, sleep=lambda _s: None)
    _manifest, report = refresh(request, seed_catalog, http=http, progress=NullProgress(), today="2026-12-01")
    assert report.rows_by_scope == {("azure", "Azure DNS", "Zone 2"): 1}
    assert report.empty == []
