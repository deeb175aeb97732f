"""Google SKUs sold at one price everywhere (Billing Catalog serviceRegions ["global"]) price the
same in every region with the shipped catalog: a Pub/Sub topic, a GKE cluster's management fee,
Artifact Registry storage, Cloud Run requests or a DNS zone in europe-west1 or asia-east1 is neither "not priced" nor priced differently from
us-central1. Regional SKUs (Cloud SQL instances, Autopilot resources) stay in their region."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import run_cli

REGIONS = ("us-central1", "europe-west1", "asia-east1")

MAIN_TF = """
provider "google" {{
  region = "{region}"
}}

resource "google_pubsub_topic" "topic" {{
  name = "events"
}}

resource "google_pubsub_subscription" "sub" {{
  name  = "events-sub"
  topic = google_pubsub_topic.topic.id
}}

resource "google_container_cluster" "cluster" {{
  name                     = "gke"
  location                 = "{region}"
  remove_default_node_pool = true
  initial_node_count       = 1
}}

resource "google_dns_managed_zone" "zone" {{
  name     = "zone"
  dns_name = "example.com."
}}

resource "google_artifact_registry_repository" "repo" {{
  location      = "{region}"
  repository_id = "images"
  format        = "DOCKER"
}}

resource "google_cloud_run_v2_service" "api" {{
  name     = "api"
  location = "{region}"
  template {{
    containers {{
      image = "us-docker.pkg.dev/cloudrun/container/hello"
    }}
  }}
}}

resource "google_logging_project_sink" "sink" {{
  name        = "sink"
  destination = "storage.googleapis.com/some-bucket"
}}
"""

USAGE = """version: 0.1
resource_usage:
  google_pubsub_topic.topic:
    monthly_message_data_tb: 2
  google_pubsub_subscription.sub:
    monthly_message_data_tb: 1
  google_logging_project_sink.sink:
    monthly_logging_data_gb: 100
  google_artifact_registry_repository.repo:
    storage_gb: 40
  google_cloud_run_v2_service.api:
    monthly_requests: 5000000
"""

# Written from Google's price pages, not read from the catalog: Pub/Sub throughput $40 per TiB,
# the GKE cluster management fee $0.10 an hour (x 730), a Cloud DNS managed zone $0.20 a month,
# Cloud Logging ingestion $0.50 per GiB, Artifact Registry storage $0.10 per GB-month ("the same for both
# regional and multi-regional repositories"), Cloud Run requests $0.40 per million (the monthly free 2M
# belong to the billing account and are not applied).
EXPECTED = {
    ("google_pubsub_topic.topic", "Message ingestion data"): "80.00",
    ("google_pubsub_subscription.sub", "Message delivery data"): "40.00",
    ("google_container_cluster.cluster", "Cluster management fee"): "73.00",
    ("google_dns_managed_zone.zone", "Managed zone"): "0.20",
    ("google_logging_project_sink.sink", "Logging data"): "50.00",
    ("google_artifact_registry_repository.repo", "Storage"): "4.00",
    ("google_cloud_run_v2_service.api", "Number of requests"): "2.00",
}


def _breakdown(tmp_path: Path, region: str) -> dict[str, Any]:
    folder = tmp_path / region
    folder.mkdir()
    (folder / "main.tf").write_text(MAIN_TF.format(region=region))
    (folder / "usage.yml").write_text(USAGE)
    run = run_cli("breakdown", "--path", str(folder), "--usage-file", str(folder / "usage.yml"), "--format", "json")
    assert run.code == 0, run.err
    doc: dict[str, Any] = json.loads(run.out)
    return doc


def _priced(doc: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(address, component) -> monthly cost to the cent, for every priced component."""
    return {
        (r["address"], c["name"]): f"{c['monthly_cost']:.2f}"
        for p in doc["projects"]
        for r in p["resources"]
        for c in r["components"]
        if c["unpriced_reason"] is None and c["monthly_cost"] is not None
    }


@pytest.fixture(scope="module")
def breakdowns(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("google-global")
    return {region: _breakdown(tmp, region) for region in REGIONS}


@pytest.mark.parametrize("region", REGIONS)
def test_global_skus_price_in_every_region(breakdowns: dict[str, dict[str, Any]], region: str) -> None:
    priced = _priced(breakdowns[region])
    for key, cost in EXPECTED.items():
        assert priced.get(key) == cost, (region, key, priced.get(key))


def test_same_priced_components_everywhere(breakdowns: dict[str, dict[str, Any]]) -> None:
    reference = _priced(breakdowns["us-central1"])
    for region in REGIONS[1:]:
        assert _priced(breakdowns[region]) == reference, region
    unpriced = {region: [u for u in breakdowns[region]["unpriced"] if "global" in json.dumps(u)] for region in REGIONS}
    assert unpriced == {region: [] for region in REGIONS}


def test_regional_prices_are_not_moved_to_global() -> None:
    """Only the global SKUs live in region "global": Cloud SQL instances and Autopilot pod
    resources are priced per region and stay there."""
    run = run_cli(
        "catalog", "query", "--provider", "google", "--region", "global", "--limit", "100000", "--format", "json"
    )
    assert run.code == 0, run.err
    rows = json.loads(run.out)
    rows = rows["products"] if isinstance(rows, dict) else rows
    groups = {(r["service"], r["attributes"].get("resourceGroup")) for r in rows if r["service"] != "Compute Engine"}
    assert groups == {
        ("Cloud Pub/Sub", "MessageDelivery"),
        ("Cloud Pub/Sub", "MessageIngestion"),
        ("Cloud Pub/Sub", "RetainedAckedMessageStorage"),
        ("Cloud Pub/Sub", "SnapshotMessageBacklog"),
        ("Cloud DNS", "ManagedZone"),
        ("Cloud DNS", "DNSQuery"),
        ("Cloud Logging", "LogVolume"),
        ("Kubernetes Engine", "ClusterManagementFee"),
        ("Cloud SQL", "IpAddress"),
        ("Cloud Run Functions", "Invocations"),
        ("Artifact Registry", "Storage"),
        ("Cloud Run", "Requests"),
    }
