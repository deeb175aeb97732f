"""Google types: free and priced lists are real provider types, large enough, never overlapping,
never a type Google bills listed free; and the Compute Engine purchase semantics (spot,
commitments, sustained-use discounts) that every VM-shaped pricer shares."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from costgate.resources.base import Usage
from costgate.resources.google._common import purchase_of, zones_of
from costgate.resources.google._compute import sud_factor
from costgate.resources.google.free import CONFIGURATION_TYPES, FREE_TYPES, PROVIDER_TYPES
from costgate.resources.registry import Support, all_pricers, support
from tests.helpers import run_cli

# Types Google bills by themselves (or by what they start); none may be listed free.
BILLED = (
    "google_compute_instance",
    "google_compute_disk",
    "google_compute_address",
    "google_compute_router_nat",
    "google_compute_vpn_tunnel",
    "google_compute_forwarding_rule",
    "google_compute_security_policy_rule",
    "google_compute_reservation",
    "google_compute_region_commitment",
    "google_compute_resource_policy",
    "google_kms_crypto_key_version",
    "google_storage_bucket_object",
    "google_vpc_access_connector",
    "google_monitoring_alert_policy",
    "google_monitoring_uptime_check_config",
    "google_logging_metric",
    "google_cloud_tasks_queue",
    "google_workflows_workflow",
    "google_certificate_manager_certificate",
    "google_container_cluster",
    "google_sql_database_instance",
    "google_pubsub_topic",
)


def test_provider_type_list_is_derived_and_plausible() -> None:
    assert len(PROVIDER_TYPES) > 1300
    assert {"google_compute_instance", "google_project_iam_member", "google_compute_machine_image"} <= PROVIDER_TYPES


def test_every_free_and_priced_type_is_a_provider_type() -> None:
    priced = set(all_pricers("google"))
    assert not (priced - PROVIDER_TYPES), sorted(priced - PROVIDER_TYPES)
    assert not (FREE_TYPES - PROVIDER_TYPES), sorted(FREE_TYPES - PROVIDER_TYPES)


def test_breadth_and_no_overlap() -> None:
    priced = set(all_pricers("google"))
    assert len(priced) >= 60
    assert len(FREE_TYPES) >= 170 and len(CONFIGURATION_TYPES) >= 140
    assert not priced & FREE_TYPES


@pytest.mark.parametrize("rtype", BILLED)
def test_billed_types_are_not_free(rtype: str) -> None:
    assert rtype not in FREE_TYPES
    assert support(rtype) is not Support.FREE


def test_resources_command_counts_google() -> None:
    doc = json.loads(run_cli("resources", "--provider", "google", "--format", "json").out)
    counts = doc["counts"]["google"]
    assert counts["priced"] == len(all_pricers("google")) >= 60
    assert counts["free"] == len(FREE_TYPES) >= 170


@pytest.mark.parametrize(
    ("scheduling", "usage", "option", "usage_type", "term"),
    [
        ({}, {}, "on_demand", "OnDemand", None),
        ({"preemptible": True}, {}, "spot", "Preemptible", None),
        ({"provisioning_model": "SPOT", "preemptible": True}, {}, "spot", "Preemptible", None),
        ({}, {"committed_use_term": "1_year"}, "committed", "Commit1Yr", {"commitment": "1yr"}),
        ({}, {"committed_use_term": "3_year"}, "committed", "Commit3Yr", {"commitment": "3yr"}),
        ({"preemptible": True}, {"committed_use_term": "3_year"}, "spot", "Preemptible", None),
    ],
)
def test_purchase_of(scheduling: dict, usage: dict, option: str, usage_type: str, term: dict | None) -> None:
    p = purchase_of(scheduling, Usage(usage))
    assert (p.option, p.usage_type, dict(p.term) if p.term else None) == (option, usage_type, term)


@pytest.mark.parametrize(
    ("family", "hours", "factor"),
    [
        ("n1", Decimal(730), Decimal("0.7")),  # (1 + .8 + .6 + .4) / 4
        ("n1", Decimal("182.5"), Decimal(1)),  # first quarter of the month: full price
        ("n1", Decimal(400), Decimal("0.87375")),  # (182.5 + 146 + 35 x .6) / 400
        ("n2", Decimal(730), Decimal("0.80020")),  # (1 + .8678 + .733 + .6) / 4
        ("e2", Decimal(730), Decimal(1)),  # E2 earns no sustained-use discount
    ],
)
def test_sustained_use_factor(family: str, hours: Decimal, factor: Decimal) -> None:
    assert sud_factor(family, hours)[0] == factor


@pytest.mark.parametrize(
    ("location", "node_locations", "zones"),
    [
        ("us-central1", None, 3),
        ("us-central1-a", None, 1),
        ("us-central1", ["us-central1-a", "us-central1-b"], 2),
    ],
)
def test_zones_of(location: str, node_locations: list[str] | None, zones: int) -> None:
    assert zones_of(location, node_locations) == zones


def test_provider_type_script_reads_registrations() -> None:
    """scripts/google_provider_types.py keeps resources and IAM resources, drops data sources."""
    import importlib.util

    from tests.helpers import REPO

    spec = importlib.util.spec_from_file_location(
        "google_provider_types", REPO / "scripts" / "google_provider_types.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    go = """
    func init() {
        registry.Schema{
            Name:        "google_compute_disk",
            ProductName: "compute",
            Type:        registry.SchemaTypeResource,
            Schema:      ResourceComputeDisk(),
        }.Register()
        registry.Schema{
            Name: "google_compute_disk_iam_member",
            Type: registry.SchemaTypeIAMResource,
        }.Register()
        registry.Schema{
            Name: "google_compute_disk",
            Type: registry.SchemaTypeDataSource,
        }.Register()
        registry.Schema{
            Name: "google_compute_disk_iam_policy",
            Type: registry.SchemaTypeIAMDataSource,
        }.Register()
        registry.FrameworkResource{
            Name: "google_apigee_keystores_aliases_key_cert_file",
        }.Register()
    }
    """
    assert module.types_in(go) == {
        "google_compute_disk",
        "google_compute_disk_iam_member",
        "google_apigee_keystores_aliases_key_cert_file",
    }
