"""The GCP price_facts mappings for network egress, load balancing, image storage, Cloud Functions egress and
Redis Cluster extras, checked through `catalog query` on the shipped catalog.

Each case is a product a future pricer will look up with the attributes costgate's GCP schema gives it; the
lookup must find exactly one product, at the unit price the reference estimator printed in the oracle. A
mapping that loses its `price:` filter (the NAT and load-balancer "Data processed" lines, the image and
Artifact Registry "Storage" lines), a wrong unit or divisor, or a line filed under the wrong product makes
these fail.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.pricing.catalog_queries import attr_args as _attrs
from tests.pricing.catalog_queries import query as _query

CASES = [
    # (service, region, attributes, catalog unit, price)
    # google_service_networking_connection: "Traffic within the same region" / "... within the US or Canada"
    (
        "Compute Engine",
        "us-central1",
        {"description": "Network Vpn Inter Region Egress from Americas to Americas"},
        "GiBy",
        "0.02",
    ),
    (
        "Compute Engine",
        "us-central1",
        {"description": "Network Vpn Inter Region Egress from Americas to Montreal"},
        "GiBy",
        "0.02",
    ),
    # target proxies: "Proxy instance" and "Data processed" (not Cloud NAT's 0.045)
    (
        "Compute Engine",
        "us-central1",
        {"resourceGroup": "LoadBalancing", "lbComponent": "forwarding-rule-minimum"},
        "h",
        "0.025",
    ),
    (
        "Compute Engine",
        "us-central1",
        {"resourceGroup": "LoadBalancing", "lbComponent": "internal-data-processing"},
        "GiBy",
        "0.008",
    ),
    # google_compute_image / google_compute_machine_image "Storage" (not Artifact Registry's 0.10)
    ("Compute Engine", "us-central1", {"resourceGroup": "ImageStorage"}, "GiBy.mo", "0.05"),
    ("Compute Engine", "us-central1", {"resourceGroup": "MachineImageStorage"}, "GiBy.mo", "0.05"),
    # google_artifact_registry_repository "Storage": one price for every location, stored in `global`
    ("Artifact Registry", "global", {"resourceGroup": "Storage"}, "GiBy.mo", "0.10"),
    # google_cloud_run_v2_service "Number of requests": a global SKU, printed under the service's region
    ("Cloud Run", "global", {"resourceGroup": "Requests"}, "count", "0.0000004"),
    # google_cloudfunctions_function "Outbound data transfer"
    ("Cloud Run Functions", "us-central1", {"resourceGroup": "NetworkEgress"}, "GiBy", "0.12"),
    # google_redis_cluster "AOF persistence" (per GB-hour) and "Backups" (0.0811103 per GB-month / 730)
    ("Cloud Memorystore for Redis", "us-central1", {"resourceGroup": "RedisClusterAOF"}, "GiBy.h", "0.0005479452055"),
    ("Cloud Memorystore for Redis", "us-central1", {"resourceGroup": "RedisBackup"}, "GiBy.h", "0.00011111"),
]


@pytest.mark.parametrize(
    ("service", "region", "attrs", "unit", "price"), CASES, ids=[f"{c[0]}:{'/'.join(c[2].values())}" for c in CASES]
)
def test_gcp_product_is_unique_at_the_printed_price(
    service: str, region: str, attrs: dict[str, str], unit: str, price: str
) -> None:
    found = _query("--provider", "google", "--service", service, "--region", region, *_attrs(attrs))
    assert len(found) == 1, found
    assert found[0]["unit"] == unit
    assert found[0]["purchase_option"] == "on_demand"
    assert abs(Decimal(str(found[0]["price"])) - Decimal(price)) <= Decimal(price) * Decimal("0.0001")


def test_redis_cluster_backups_keep_the_exact_printed_figure() -> None:
    """0.0811103 was printed as is; 0.08111 is $81.11 / 1000 GB. The catalog holds the exact one, per GB-hour."""
    found = _query(
        "--provider",
        "google",
        "--service",
        "Cloud Memorystore for Redis",
        "--region",
        "us-central1",
        "--attr",
        "resourceGroup=RedisBackup",
    )
    assert [Decimal(str(r["price"])) for r in found] == [Decimal("0.0811103") / 730]


def test_internet_egress_stays_with_pricing_yml() -> None:
    """price_facts' GCS egress lines are global SKUs: us-central1 internet egress is pricing.yml's alone."""
    found = _query(
        "--provider",
        "google",
        "--service",
        "Compute Engine",
        "--region",
        "us-central1",
        "--attr",
        "resourceGroup=PremiumInternetEgress",
        "--attr",
        "destination=worldwide",
    )
    assert {r["source"] for r in found} == {"cyclenerd-gcp"}
    assert sorted(Decimal(str(r["tier_start"])) for r in found) == [0, 1024, 10240]
    assert not _query(
        "--provider",
        "google",
        "--service",
        "Cloud Storage",
        "--region",
        "us-central1",
        "--attr",
        "resourceGroup=PremiumInternetEgress",
    )


def test_inter_region_egress_of_other_continents_is_not_filed_under_us_central1() -> None:
    """ "Traffic within Europe" etc. are SKUs of europe-west1, asia-northeast1, ...: price_facts mislabels them."""
    for sku in (
        "Network Vpn Inter Region Egress from EMEA to EMEA",
        "Network Vpn Inter Region Egress from Japan to Seoul",
        "Network Vpn Inter Region Egress from Finland to Singapore",
    ):
        assert not _query(
            "--provider",
            "google",
            "--service",
            "Compute Engine",
            "--region",
            "us-central1",
            "--attr",
            f"description={sku}",
        )
