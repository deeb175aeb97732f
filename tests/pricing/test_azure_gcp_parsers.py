"""Azure Retail Prices and GCP Cloud Billing Catalog items, written to their documented
formats, turned into catalog rows; and the karpenter-azure / Cyclenerd build sources on the
corpus files."""

from __future__ import annotations

import json
from decimal import Decimal

from costgate.pricing.build import cyclenerd_gcp, karpenter_azure
from costgate.pricing.refresh import azure, gcp
from tests.helpers import load_yaml, need_shared
from tests.pricing.conftest import PRICES


def test_azure_items_map_to_rows_with_purchase_options() -> None:
    items = json.loads((PRICES / "azure" / "retail_vm_eastus_page1.json").read_text())["Items"]
    rows = [azure.item_row(i, price_date="2026-11-27") for i in items]
    assert rows[-1] is None  # DevTestConsumption is not a price anyone pays by default
    linux, windows, spot, reserved = rows[:4]
    assert linux is not None and windows is not None and spot is not None and reserved is not None
    assert (linux.service, linux.region, linux.unit, linux.price) == (
        "Virtual Machines",
        "eastus",
        "1 Hour",
        Decimal("0.096"),
    )
    assert linux.attributes["armSkuName"] == "Standard_D2s_v3" and linux.attributes["operatingSystem"] == "Linux"
    assert linux.attributes["productName"] == "Virtual Machines DSv3 Series" and linux.family == "Compute"
    assert windows.attributes["operatingSystem"] == "Windows" and windows.price == Decimal("0.188")
    assert spot.purchase_option == "spot"
    assert reserved.purchase_option == "reserved" and dict(reserved.term) == {"reservationTerm": "1 Year"}
    # the shipped karpenter rows carry the same query attributes as API rows
    shipped = karpenter_azure.vm_attributes("eastus", "Standard_D2s_v3")
    assert {k: linux.attributes[k] for k in shipped} == shipped


def test_azure_global_meters_are_stored_as_global_whatever_their_spelling() -> None:
    base = {
        "currencyCode": "USD",
        "retailPrice": 0.045,
        "unitOfMeasure": "1 Hour",
        "serviceName": "NAT Gateway",
        "productName": "NAT Gateway",
        "skuName": "Standard",
        "meterName": "Standard Gateway",
        "type": "Consumption",
        "meterId": "m",
        "skuId": "s",
        "effectiveStartDate": "2026-01-01T00:00:00Z",
    }
    for spelling in ("Global", "global", ""):
        row = azure.item_row({**base, "armRegionName": spelling}, price_date="2026-11-27")
        assert row is not None and row.region == "global", spelling


def test_azure_odata_filter_escapes_quotes() -> None:
    assert (
        azure.odata_filter("Virtual Machines", "eastus")
        == "serviceName eq 'Virtual Machines' and armRegionName eq 'eastus'"
    )
    assert azure.odata_filter("O'Brien", None) == "serviceName eq 'O''Brien'"


def test_gcp_sku_tiers_regions_and_nanos() -> None:
    page = json.loads((PRICES / "gcp" / "billing_skus_compute_page2.json").read_text())
    ram, egress = page["skus"]
    (row,) = gcp.sku_rows(ram, regions=None, price_date="")
    assert (row.service, row.family, row.region, row.unit) == ("Compute Engine", "Compute", "us-central1", "GiBy.h")
    assert row.price == Decimal("0.00292353") and row.price_date == "2026-11-20"
    assert row.attributes == {
        "description": "E2 Instance Ram running in Americas",
        "resourceGroup": "RAM",
        "usageType": "OnDemand",
        "skuId": "F449-33EC-A5EF",
    }
    tiers = [(r.tier_start, r.tier_end, r.price) for r in gcp.sku_rows(egress, regions=None, price_date="")]
    assert tiers == [
        (0, 1, 0),
        (1, 1024, Decimal("0.12")),
        (1024, 10240, Decimal("0.11")),
        (10240, None, Decimal("0.08")),
    ]
    core = json.loads((PRICES / "gcp" / "billing_skus_compute_page1.json").read_text())["skus"][0]
    assert {r.region for r in gcp.sku_rows(core, regions=None, price_date="")} == {"us-central1", "us-east1"}
    assert {r.region for r in gcp.sku_rows(core, regions={"us-east1"}, price_date="")} == {"us-east1"}


def test_small_pricing_yml_purchase_options() -> None:
    doc = load_yaml((PRICES / "gcp" / "pricing.yml").read_text())
    rows = list(cyclenerd_gcp.rows_from_doc(doc, source="t", price_date="2026-11-20"))
    e2 = {
        (r.purchase_option, tuple(r.term.values())): r.price
        for r in rows
        if r.attributes.get("machineType") == "e2-standard-2" and r.region == "us-central1" and r.family == "Compute"
    }
    assert e2 == {
        ("on_demand", ()): Decimal("0.06701142"),
        ("spot", ()): Decimal("0.040212"),
        ("committed", ("1yr",)): Decimal("0.0422171860"),  # month_1y / 730
        ("committed", ("3yr",)): Decimal("0.0301551340"),
    }
    gcs = {r.region: r.price for r in rows if r.service == "Cloud Storage"}
    assert gcs == {"us-central1": Decimal("0.02"), "us": Decimal("0.026")}
    egress = sorted(
        (r.tier_start, r.tier_end, r.price)
        for r in rows
        if r.attributes.get("resourceGroup") == "PremiumInternetEgress"
    )
    assert egress == [(0, 1024, Decimal("0.12")), (1024, 10240, Decimal("0.11")), (10240, None, Decimal("0.08"))]
    (lic,) = [r for r in rows if r.family == "License"]
    assert (lic.region, lic.attributes["license"], lic.price) == ("global", "windows", Decimal("0.092"))


def test_karpenter_azure_source_drops_hosts_and_zero_prices() -> None:
    prices = need_shared() / "prices"
    rows = list(karpenter_azure.rows(prices))
    assert len({r.region for r in rows}) == 57
    assert all(r.price > 0 for r in rows)
    assert not [r for r in rows if "_Type" in r.attributes["armSkuName"] or "PLACEHOLDER" in r.attributes["armSkuName"]]
    (d2,) = [r for r in rows if r.region == "eastus" and r.attributes["armSkuName"] == "Standard_D2s_v3"]
    assert d2.price == Decimal("0.096") and d2.attributes["meterName"] == "D2s v3"


def test_cyclenerd_source_covers_43_regions() -> None:
    prices = need_shared() / "prices"
    rows = list(cyclenerd_gcp.rows(prices))
    compute_regions = {r.region for r in rows if r.family == "Compute"}
    assert len(compute_regions) == 43
    kinds = {(r.service, r.family, r.attributes.get("resourceGroup", r.attributes.get("diskType", ""))) for r in rows}
    for expected in [
        ("Compute Engine", "Network", "CloudNat"),
        ("Compute Engine", "Network", "VPN"),
        ("Compute Engine", "Network", "IpAddress"),
        ("Compute Engine", "Network", "PremiumInternetEgress"),
        ("Compute Engine", "Storage", "pd-ssd"),
        ("Compute Engine", "Storage", "pd-snapshot"),
        ("Cloud Storage", "Storage", "Storage"),
        ("Compute Engine", "License", ""),
    ]:
        assert expected in kinds, expected
