"""costgate against the oracle (an independent estimator's expected breakdowns).

Holds the share of reproduced fixed-price components of the core AWS types to its floor;
skips where ../shared is absent. The figures per type come from scripts/oracle_score.py.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.helpers import REPO, need_shared

CORE_TYPES = [
    "aws_instance",
    "aws_ebs_volume",
    "aws_db_instance",
    "aws_rds_cluster",
    "aws_rds_cluster_instance",
    "aws_nat_gateway",
    "aws_eip",
    "aws_lb",
    "aws_alb",
    "aws_elb",
    "aws_eks_cluster",
    "aws_eks_node_group",
    "aws_autoscaling_group",
    "aws_ecs_service",
    "aws_lambda_function",
    "aws_s3_bucket",
    "aws_dynamodb_table",
    "aws_elasticache_cluster",
    "aws_cloudwatch_log_group",
    "aws_vpc_endpoint",
    "aws_kms_key",
    "aws_secretsmanager_secret",
    "aws_route53_zone",
]
FIXED_FLOOR = 0.95


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("oracle_score", REPO / "scripts" / "oracle_score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["oracle_score"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def score():  # type: ignore[no-untyped-def]
    corpus = need_shared()
    scorer = _scorer()
    cases = sorted(p for p in (corpus / "oracle" / "aws").iterdir() if p.is_dir())
    return scorer.run(cases)


def test_core_types_fixed_price_share(score) -> None:  # type: ignore[no-untyped-def]
    matched, total = score.share("fixed", CORE_TYPES)
    assert total > 400
    assert matched / total >= FIXED_FLOOR, f"{matched}/{total} fixed-price components reproduced"


def test_scorer_rejects_a_wrong_price() -> None:
    """The matcher must fail a component whose cost is off (guards against a scorer that always matches)."""
    from decimal import Decimal

    from costgate.estimate import PricedComponent

    scorer = _scorer()
    exp = {"unit_price": 0.096, "unit_price_abs_tol": 1e-6, "monthly_quantity": 730.0, "monthly_cost": 70.08}
    good = PricedComponent("x", "hours", Decimal(730), Decimal("0.096"), Decimal("70.08"), False)
    bad = PricedComponent("x", "hours", Decimal(730), Decimal("0.192"), Decimal("140.16"), False)
    assert scorer._close(good, exp)
    assert not scorer._close(bad, exp)


# Ratchets on every AWS type with the cases' usage files (issue 4 targets 98 % / 95 %; these hold
# what was measured so a change cannot lose ground unseen). Usage-only types (aws_data_transfer)
# count like any other: a component the usage file asks for and costgate cannot price is a miss.
ALL_FIXED_FLOOR = 0.95
ALL_USAGE_FLOOR = 0.57


def test_all_types_shares_hold(score) -> None:  # type: ignore[no-untyped-def]
    fm, fn = score.share("fixed")
    um, un = score.share("usage")
    assert fn > 500 and un > 900
    assert fm / fn >= ALL_FIXED_FLOOR, f"{fm}/{fn} fixed-price components reproduced"
    assert um / un >= ALL_USAGE_FLOOR, f"{um}/{un} usage-based components reproduced"


def test_usage_only_resources_are_scored_not_excluded(score) -> None:  # type: ignore[no-untyped-def]
    assert score.total[("aws_data_transfer", "usage")] == 169
    assert not [k for k in score.excluded if k[0] == "aws_data_transfer"]


# Azure and Google cases carry only .tf files: the scorer reads them with the HCL reader and each
# case's usage.yml. Floors hold the figures measured when the scorer learned them (docs/oracle.md
# has the per-type table and the reasons for every remaining miss); they may only go up.
GOOGLE_FIXED_FLOOR, GOOGLE_USAGE_FLOOR = 0.86, 0.86
GOOGLE_SUD_FIXED_FLOOR = 0.88
AZURE_FIXED_FLOOR, AZURE_USAGE_FLOOR = 0.75, 0.765


def _provider_score(provider: str, defaults=None):  # type: ignore[no-untyped-def]
    corpus = need_shared()
    scorer = _scorer()
    return scorer.run(scorer.cases_of(provider, corpus / "oracle"), defaults=defaults)


def test_google_shares_hold() -> None:
    score = _provider_score("google")
    fm, fn = score.share("fixed")
    um, un = score.share("usage")
    assert fn > 800 and un > 300, (fn, un)
    assert fm / fn >= GOOGLE_FIXED_FLOOR, f"{fm}/{fn} fixed-price Google components reproduced"
    assert um / un >= GOOGLE_USAGE_FLOOR, f"{um}/{un} usage-based Google components reproduced"
    # types whose every expected line costgate reproduces today
    for rtype in (
        "google_compute_disk",
        "google_redis_instance",
        "google_bigquery_table",
        "google_pubsub_subscription",
    ):
        assert (
            score.matched[(rtype, "fixed")] + score.matched[(rtype, "usage")]
            == score.total[(rtype, "fixed")] + score.total[(rtype, "usage")]
            > 0
        ), rtype


def test_google_egress_tiers_global_skus_and_sql_tiers_hold() -> None:
    """Internet egress one line per volume tier, Artifact Registry storage and Cloud Run requests as
    global SKUs, db-lightweight-N Cloud SQL tiers (docs/oracle.md, Google): every line of these types
    is reproduced except the departures on purpose (a MySQL "replica", bucket operations and
    same-continent transfer no source prices, Artifact Registry egress)."""
    score = _provider_score("google")
    for rtype in ("google_cloud_run_v2_service", "google_compute_external_vpn_gateway"):
        got = score.matched[(rtype, "fixed")] + score.matched[(rtype, "usage")]
        assert got == score.total[(rtype, "fixed")] + score.total[(rtype, "usage")] > 0, rtype
    sql = "google_sql_database_instance"
    assert score.matched[(sql, "fixed")] == score.total[(sql, "fixed")] - 3
    assert score.matched[("google_storage_bucket", "usage")] >= 21
    assert score.matched[("google_container_registry", "usage")] >= 15
    assert score.matched[("google_artifact_registry_repository", "usage")] >= 6


def test_google_sustained_use_option_reproduces_the_discounted_figures() -> None:
    """The reference estimator applies sustained-use discounts; costgate does when asked."""
    scorer = _scorer()
    off, on = _provider_score("google"), _provider_score("google", scorer.SUSTAINED_USE)
    assert on.share("fixed")[0] > off.share("fixed")[0]
    fm, fn = on.share("fixed")
    assert fm / fn >= GOOGLE_SUD_FIXED_FLOOR, f"{fm}/{fn} with sustained-use discounts"
    assert (
        on.matched[("google_compute_region_instance_group_manager", "fixed")]
        == on.total[("google_compute_region_instance_group_manager", "fixed")]
    )


def test_azure_shares_hold() -> None:
    score = _provider_score("azure")
    fm, fn = score.share("fixed")
    um, un = score.share("usage")
    assert fn > 1000 and un > 1000, (fn, un)
    assert fm / fn >= AZURE_FIXED_FLOOR, f"{fm}/{fn} fixed-price Azure components reproduced"
    assert um / un >= AZURE_USAGE_FLOOR, f"{um}/{un} usage-based Azure components reproduced"
    # Logic App Standard apps on for_each plans (plan[each.key]) each price their own plan's size
    assert score.matched[("azurerm_logic_app_standard", "fixed")] >= 6


AZURE_COMPUTE_CASES = (
    "hdinsight_hadoop_cluster_test",
    "hdinsight_hbase_cluster_test",
    "hdinsight_interactive_query_cluster_test",
    "hdinsight_kafka_cluster_test",
    "hdinsight_spark_cluster_test",
    "kubernetes_cluster_node_pool_test",
    "managed_disk_test",
    "windows_virtual_machine_test",
    "windows_virtual_machine_scale_set_test",
)


def test_azure_compute_types_hold() -> None:
    """HDInsight nodes, AKS node disks, ultra disk sizes and Standard disk operations (docs/oracle.md,
    "Compute"): every expected line of these types is reproduced, except the departures on purpose
    (Windows OS disks of 127 GiB, Kafka disk operations)."""
    corpus = need_shared()
    scorer = _scorer()
    cases = [c for c in scorer.cases_of("azure", corpus / "oracle") if c.name in AZURE_COMPUTE_CASES]
    assert len(cases) == len(AZURE_COMPUTE_CASES)
    score = scorer.run(cases)
    full = (
        "azurerm_hdinsight_hadoop_cluster",
        "azurerm_hdinsight_hbase_cluster",
        "azurerm_hdinsight_interactive_query_cluster",
        "azurerm_hdinsight_spark_cluster",
        "azurerm_kubernetes_cluster_node_pool",
        "azurerm_managed_disk",
    )
    for rtype in full:
        got = score.matched[(rtype, "fixed")] + score.matched[(rtype, "usage")]
        assert got == score.total[(rtype, "fixed")] + score.total[(rtype, "usage")] > 0, rtype
    assert score.matched[("azurerm_hdinsight_kafka_cluster", "fixed")] >= 12
    # Standard disk operations of 127 GiB Windows OS disks bill at the S4 / E4 meter
    assert score.matched[("azurerm_windows_virtual_machine", "usage")] == 7
    assert score.matched[("azurerm_windows_virtual_machine_scale_set", "usage")] == 2


AZURE_STORAGE_CASES = ("storage_account_test", "storage_table_test", "storage_queue_test", "private_endpoint_test")


def test_azure_storage_types_hold() -> None:
    """Storage account operations, v1 / Premium / NFSv3 meters and table capacity and operations by
    redundancy and customer-managed key, FileStorage accounts' Azure Files meters (docs/oracle.md, "Storage
    accounts, tables and queues"): every table line is reproduced except the two Standard RA-GZRS writes left
    unpriced on purpose; private_endpoint_test's Cool LRS FileStorage account all but its early deletion."""
    corpus = need_shared()
    scorer = _scorer()
    cases = [c for c in scorer.cases_of("azure", corpus / "oracle") if c.name in AZURE_STORAGE_CASES]
    assert len(cases) == len(AZURE_STORAGE_CASES)
    score = scorer.run(cases)
    assert score.matched[("azurerm_storage_table", "usage")] == score.total[("azurerm_storage_table", "usage")] - 2
    assert score.matched[("azurerm_storage_account", "usage")] >= 310


def test_scorer_reads_a_case_without_a_plan_through_the_hcl_reader(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A case with only .tf files is priced in HCL mode and matched like a plan case (no ../shared needed)."""
    import json

    scorer = _scorer()
    case = tmp_path / "google" / "disk_case"
    case.mkdir(parents=True)
    (case / "main.tf").write_text(
        'provider "google" {\n  region = "us-central1"\n}\n\n'
        'resource "google_compute_disk" "data" {\n  name = "data"\n  zone = "us-central1-a"\n  type = "pd-ssd"\n  size = 100\n}\n'
    )
    right = {
        "name": "SSD provisioned storage (pd-ssd)",
        "unit": "GB",
        "monthly_quantity": 100.0,
        "monthly_cost": 17.0,
        "unit_price": 0.17,
        "unit_price_abs_tol": 0.0001,
        "usage_based": False,
    }
    wrong = {**right, "monthly_cost": 34.0, "unit_price": 0.34}
    for comp, matched in ((right, 1), (wrong, 0)):
        (case / "expected.json").write_text(
            json.dumps({"resources": [{"address": "google_compute_disk.data", "components": [comp]}]})
        )
        score = scorer.run(scorer.cases_of("google", tmp_path))
        assert (score.matched[("google_compute_disk", "fixed")], score.total[("google_compute_disk", "fixed")]) == (
            matched,
            1,
        )


def test_scorer_sets_apart_a_case_whose_input_is_rejected(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    scorer = _scorer()
    case = tmp_path / "google" / "bad_usage"
    case.mkdir(parents=True)
    (case / "main.tf").write_text('resource "google_compute_disk" "data" {\n  name = "data"\n  size = 10\n}\n')
    (case / "usage.yml").write_text(
        "version: 0.1\nresource_usage:\n  google_compute_disk.data: {}\n  google_compute_disk.data: {}\n"
    )
    (case / "expected.json").write_text(
        json.dumps(
            {
                "resources": [
                    {
                        "address": "google_compute_disk.data",
                        "components": [
                            {
                                "name": "x",
                                "unit": "GB",
                                "monthly_quantity": 10.0,
                                "monthly_cost": 0.4,
                                "unit_price": 0.04,
                                "usage_based": False,
                            }
                        ],
                    }
                ]
            }
        )
    )
    score = scorer.run(scorer.cases_of("google", tmp_path))
    assert score.total[("google_compute_disk", "fixed")] == 0
    assert score.excluded[("google_compute_disk", "fixed", "case input rejected")] == 1
    assert score.unreadable and "bad_usage" in score.unreadable[0]


def test_azure_ai_services_and_defender_types_hold() -> None:
    """Azure OpenAI deployments (lines mapped into the regions whose deployments printed them), AI
    services accounts (commitment fees) and Defender plans (list prices behind per-month figures)."""
    corpus = need_shared()
    scorer = _scorer()
    names = ("cognitive_deployment_test", "cognitive_account_test", "security_center_subscription_pricing_test")
    score = scorer.run([corpus / "oracle" / "azure" / name for name in names])
    floors = {
        ("azurerm_cognitive_deployment", "fixed"): 161,
        ("azurerm_cognitive_deployment", "usage"): 187,
        ("azurerm_cognitive_account", "fixed"): 11,
        ("azurerm_cognitive_account", "usage"): 11,
        ("azurerm_security_center_subscription_pricing", "usage"): 34,
    }
    for key, floor in floors.items():
        assert score.matched[key] >= floor, (key, score.matched[key], score.total[key])
    assert (
        score.matched[("azurerm_security_center_subscription_pricing", "usage")]
        == score.total[("azurerm_security_center_subscription_pricing", "usage")]
    )


AZURE_APP_CASES = (
    "api_management_test",
    "app_service_plan_test",
    "function_app_test",
    "function_linux_app_test",
    "function_windows_app_test",
    "search_service_test",
    "synapse_workspace_test",
)


def test_azure_app_and_analytics_types_hold() -> None:
    """Functions, App Service plans, API Management, Search and Synapse (docs/oracle.md, "App Service,
    Functions, ..."): Consumption executions and API calls at the paid rate, search image extraction
    per tier and Synapse pipelines reproduce every line; a Linux plan that says so is priced as Linux."""
    corpus = need_shared()
    scorer = _scorer()
    cases = [c for c in scorer.cases_of("azure", corpus / "oracle") if c.name in AZURE_APP_CASES]
    assert len(cases) == len(AZURE_APP_CASES)
    score = scorer.run(cases)
    for rtype in ("azurerm_api_management", "azurerm_search_service", "azurerm_synapse_workspace"):
        got = score.matched[(rtype, "fixed")] + score.matched[(rtype, "usage")]
        assert got == score.total[(rtype, "fixed")] + score.total[(rtype, "usage")] > 0, rtype
    for rtype in ("azurerm_linux_function_app", "azurerm_windows_function_app"):
        assert score.matched[(rtype, "usage")] == score.total[(rtype, "usage")] == 32, rtype
        # every app finds its own plan through `for_each = { for e in <plans> : e.name => e }` and
        # `each.value.id`: the first app of each Elastic Premium plan shows the plan's cost
        assert score.matched[(rtype, "fixed")] >= 24, rtype
    # a legacy plan of kind FunctionApp runs its apps on Consumption
    assert score.matched[("azurerm_function_app", "usage")] == score.total[("azurerm_function_app", "usage")]
    assert score.matched[("azurerm_app_service_plan", "fixed")] >= 9  # all but the Linux Isolated I1 departure
    # the first app of each Elastic Premium plan shows the plan's vCPU and memory
    assert score.matched[("azurerm_function_app", "fixed")] >= 4


AZURE_DATABASE_CASES = (
    "cosmosdb_sql_database_test",
    "cosmosdb_mongo_database_test",
    "mariadb_server_test",
    "mssql_elasticpool_test",
    "mssql_managed_instance_test",
    "mysql_server_test",
    "postgresql_server_test",
    "sql_managed_instance_test",
)


def test_azure_database_types_hold() -> None:
    """Single servers, elastic pools, managed instances and Cosmos DB backups (docs/oracle.md,
    "Databases"): every fixed line of the single servers, pools and instances, and the Cosmos
    analytical store and periodic / continuous backups per account region."""
    corpus = need_shared()
    scorer = _scorer()
    cases = [c for c in scorer.cases_of("azure", corpus / "oracle") if c.name in AZURE_DATABASE_CASES]
    assert len(cases) == len(AZURE_DATABASE_CASES)
    score = scorer.run(cases)
    for rtype in ("azurerm_mariadb_server", "azurerm_mysql_server", "azurerm_postgresql_server"):
        assert score.matched[(rtype, "fixed")] == score.total[(rtype, "fixed")] == 12, rtype
        assert score.matched[(rtype, "usage")] == score.total[(rtype, "usage")] == 3, rtype
    for rtype in ("azurerm_mssql_elasticpool", "azurerm_mssql_managed_instance", "azurerm_sql_managed_instance"):
        assert score.matched[(rtype, "fixed")] == score.total[(rtype, "fixed")] > 0, rtype
    # Cosmos DB lines of these two cases (test_azure_cosmos_messaging_and_flexible_servers_hold holds the rest)
    assert score.matched[("azurerm_cosmosdb_sql_database", "fixed")] >= 19  # of 26
    assert score.matched[("azurerm_cosmosdb_sql_database", "usage")] >= 7  # of 14
    assert score.matched[("azurerm_cosmosdb_mongo_database", "fixed")] >= 18  # of 25


AZURE_COSMOS_CASES = (
    "cosmosdb_cassandra_keyspace_test_with_blank_geo_location",
    "cosmosdb_cassandra_table_test",
    "cosmosdb_gremlin_database_test",
    "cosmosdb_gremlin_graph_test",
    "cosmosdb_mongo_collection_test",
    "cosmosdb_mongo_database_test",
    "cosmosdb_sql_container_test",
    "cosmosdb_sql_database_test",
    "cosmosdb_table_test",
    "event_hubs_namespace_test",
    "mysql_flexible_server_test",
    "postgresql_flexible_server_test",
)


def test_azure_cosmos_messaging_and_flexible_servers_hold() -> None:
    """Cosmos DB analytical-store operations and restored data, Event Hubs Capture and extended
    retention, MySQL flexible IOPS and PostgreSQL flexible eastus storage (docs/oracle.md,
    "Databases"): what remains of these types are the departures listed there."""
    corpus = need_shared()
    scorer = _scorer()
    cases = [c for c in scorer.cases_of("azure", corpus / "oracle") if c.name in AZURE_COSMOS_CASES]
    assert len(cases) == len(AZURE_COSMOS_CASES)
    score = scorer.run(cases)
    for rtype in ("cassandra_table", "gremlin_graph", "sql_container", "sql_database", "table"):
        # every usage line; of the fixed ones, all but serverless RUs and zone-redundant autoscale
        assert (
            score.matched[(f"azurerm_cosmosdb_{rtype}", "usage")] == score.total[(f"azurerm_cosmosdb_{rtype}", "usage")]
        )
        assert (
            score.matched[(f"azurerm_cosmosdb_{rtype}", "fixed")]
            >= score.total[(f"azurerm_cosmosdb_{rtype}", "fixed")] - 2
        )
    assert score.matched[("azurerm_cosmosdb_mongo_database", "usage")] >= 36  # of 39
    assert score.matched[("azurerm_cosmosdb_cassandra_keyspace", "usage")] >= 31  # of 35
    assert score.matched[("azurerm_eventhub_namespace", "fixed")] >= 10  # of 13: the rest is a dedicated cluster's
    assert score.matched[("azurerm_mysql_flexible_server", "fixed")] >= 6  # of 9
    assert score.matched[("azurerm_postgresql_flexible_server", "usage")] >= 8  # of 11
