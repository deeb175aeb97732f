"""The known-free AWS list: big enough, well formed, real provider types, and never a type AWS bills."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import tempfile
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from costgate.resources.aws import free
from costgate.resources.aws.free import FREE_TYPES
from costgate.resources.registry import Support, support
from tests.helpers import REPO

AWS_TYPE = re.compile(r"aws_[a-z0-9]+(?:_[a-z0-9]+)*")

# Types AWS bills by themselves (hourly, per month, per GB stored, per request they serve, or per
# protected/monitored resource). None of them may be listed free, whether costgate prices them yet
# or not.
BILLED = (
    # compute, storage, networking
    "aws_instance",
    "aws_spot_instance_request",
    "aws_spot_fleet_request",
    "aws_ec2_fleet",
    "aws_ec2_host",
    "aws_ec2_capacity_reservation",
    "aws_ec2_capacity_block_reservation",
    "aws_autoscaling_group",
    "aws_ebs_volume",
    "aws_ebs_snapshot",
    "aws_ebs_snapshot_copy",
    "aws_ebs_fast_snapshot_restore",
    "aws_ami",
    "aws_ami_copy",
    "aws_eip",
    "aws_nat_gateway",
    "aws_lb",
    "aws_alb",
    "aws_elb",
    "aws_vpc_endpoint",
    "aws_vpn_connection",
    "aws_ec2_transit_gateway_vpc_attachment",
    "aws_ec2_transit_gateway_peering_attachment",
    "aws_ec2_client_vpn_endpoint",
    "aws_ec2_client_vpn_network_association",
    "aws_ec2_traffic_mirror_session",
    "aws_dx_connection",
    "aws_dx_lag",
    "aws_dx_hosted_connection",
    "aws_dx_connection_confirmation",
    "aws_globalaccelerator_accelerator",
    "aws_networkfirewall_firewall",
    "aws_vpc_ipam",
    "aws_ec2_network_insights_analysis",
    "aws_networkmanager_core_network",
    "aws_vpclattice_service",
    "aws_verifiedaccess_endpoint",
    "aws_route53_zone",
    "aws_route53_record",
    "aws_route53_health_check",
    "aws_route53_traffic_policy_instance",
    "aws_route53_resolver_endpoint",
    "aws_route53_resolver_firewall_domain_list",
    "aws_route53domains_registered_domain",
    "aws_cloudfront_distribution",
    "aws_cloudfront_function",
    # storage and data services
    "aws_s3_bucket",
    "aws_s3_object",
    "aws_s3_directory_bucket",
    "aws_s3_bucket_inventory",
    "aws_s3_bucket_analytics_configuration",
    "aws_s3_bucket_replication_configuration",
    "aws_efs_file_system",
    "aws_fsx_lustre_file_system",
    "aws_fsx_windows_file_system",
    "aws_backup_vault",
    "aws_glacier_vault",
    "aws_storagegateway_gateway",
    "aws_db_instance",
    "aws_rds_cluster",
    "aws_rds_cluster_instance",
    "aws_db_proxy",
    "aws_db_snapshot",
    "aws_dynamodb_table",
    "aws_elasticache_cluster",
    "aws_elasticache_replication_group",
    "aws_elasticache_serverless_cache",
    "aws_memorydb_cluster",
    "aws_docdb_cluster_instance",
    "aws_neptune_cluster_instance",
    "aws_redshift_cluster",
    "aws_redshiftserverless_workgroup",
    "aws_opensearch_domain",
    "aws_elasticsearch_domain",
    "aws_dax_cluster",
    "aws_keyspaces_table",
    "aws_timestreamwrite_table",
    "aws_msk_cluster",
    "aws_msk_serverless_cluster",
    "aws_mq_broker",
    "aws_kinesis_stream",
    "aws_kinesis_stream_consumer",
    "aws_kinesis_firehose_delivery_stream",
    "aws_kinesis_video_stream",
    "aws_glue_job",
    "aws_glue_crawler",
    "aws_athena_workgroup",
    "aws_emr_cluster",
    "aws_dms_replication_instance",
    # application services
    "aws_lambda_function",
    "aws_lambda_provisioned_concurrency_config",
    "aws_sqs_queue",
    "aws_sns_topic",
    "aws_sns_topic_subscription",
    "aws_sfn_state_machine",
    "aws_api_gateway_rest_api",
    "aws_api_gateway_stage",
    "aws_apigatewayv2_api",
    "aws_appsync_graphql_api",
    "aws_appsync_api_cache",
    "aws_ecs_service",
    "aws_eks_cluster",
    "aws_eks_node_group",
    "aws_eks_fargate_profile",
    "aws_ecr_repository",
    "aws_apprunner_service",
    "aws_elastic_beanstalk_environment",
    "aws_sagemaker_endpoint",
    "aws_sagemaker_notebook_instance",
    "aws_bedrock_provisioned_model_throughput",
    "aws_transfer_server",
    "aws_workspaces_workspace",
    "aws_lightsail_instance",
    "aws_lightsail_static_ip",
    "aws_codepipeline",
    "aws_codebuild_project",
    "aws_codebuild_fleet",
    "aws_mwaa_environment",
    "aws_cognito_user_pool",
    "aws_sesv2_dedicated_ip_pool",
    "aws_cloudwatch_event_bus",
    "aws_cloudwatch_event_archive",
    "aws_cloudwatch_event_connection",
    "aws_scheduler_schedule",
    # security, management, monitoring
    "aws_kms_key",
    "aws_kms_replica_key",
    "aws_kms_external_key",
    "aws_secretsmanager_secret",
    "aws_acm_certificate",
    "aws_acmpca_certificate_authority",
    "aws_acmpca_certificate",
    "aws_cloudhsm_v2_hsm",
    "aws_wafv2_web_acl",
    "aws_wafv2_rule_group",
    "aws_waf_web_acl",
    "aws_waf_rule",
    "aws_waf_rule_group",
    "aws_waf_rate_based_rule",
    "aws_wafregional_web_acl",
    "aws_wafregional_rule",
    "aws_shield_subscription",
    "aws_shield_protection",
    "aws_fms_policy",
    "aws_guardduty_detector",
    "aws_guardduty_detector_feature",
    "aws_inspector2_enabler",
    "aws_macie2_account",
    "aws_macie2_classification_job",
    "aws_securityhub_account",
    "aws_securityhub_standards_subscription",
    "aws_accessanalyzer_analyzer",
    "aws_detective_graph",
    "aws_cloudtrail",
    "aws_cloudtrail_event_data_store",
    "aws_config_config_rule",
    "aws_config_configuration_recorder",
    "aws_cloudwatch_metric_alarm",
    "aws_cloudwatch_composite_alarm",
    "aws_cloudwatch_dashboard",
    "aws_cloudwatch_log_group",
    "aws_cloudwatch_metric_stream",
    "aws_cloudwatch_log_metric_filter",
    "aws_flow_log",
    "aws_synthetics_canary",
    "aws_prometheus_workspace",
    "aws_grafana_workspace",
    "aws_ssm_parameter",
    "aws_ssm_activation",
    "aws_directory_service_directory",
    "aws_budgets_budget_action",
    "aws_dlm_lifecycle_policy",
    "aws_rbin_rule",
    "aws_network_interface",
    "aws_vpc_endpoint_subnet_association",
    "aws_sns_topic_data_protection_policy",
)

REQUIRED_FREE = ("aws_launch_template", "aws_launch_configuration", "aws_eip_association")


def test_at_least_450_free_types() -> None:
    assert len(FREE_TYPES) >= 450, len(FREE_TYPES)


def test_free_types_are_valid_aws_type_names() -> None:
    bad = sorted(t for t in FREE_TYPES if not AWS_TYPE.fullmatch(t))
    assert not bad, bad


@pytest.mark.parametrize("rtype", REQUIRED_FREE)
def test_configuration_priced_on_its_users_is_free(rtype: str) -> None:
    assert rtype in FREE_TYPES
    assert support(rtype) is Support.FREE


def test_billed_list_is_well_formed() -> None:
    assert len(BILLED) == len(set(BILLED)), "duplicate in BILLED"
    assert all(AWS_TYPE.fullmatch(t) for t in BILLED)


@pytest.mark.parametrize("rtype", BILLED)
def test_billed_type_is_never_free(rtype: str) -> None:
    assert rtype not in FREE_TYPES
    assert support(rtype) is not Support.FREE


def test_types_the_docstring_keeps_out_are_not_free() -> None:
    """The module docstring's 'Kept out on purpose' paragraph names types that must stay out."""
    doc = free.__doc__ or ""
    kept_out = doc[doc.index("Kept out on purpose") :]
    named = set(re.findall(r"aws_[a-z0-9_]*[a-z0-9]", kept_out))
    assert named, "the docstring names no kept-out types"
    assert not named & FREE_TYPES, sorted(named & FREE_TYPES)
    wildcards = re.findall(r"(aws_[a-z0-9_]+_)\*", kept_out)
    assert not [t for t in FREE_TYPES for p in wildcards if t.startswith(p)]


def _load_make_fixtures() -> ModuleType:
    """scripts/make_fixtures.py by path (scripts/ is not a package): its Terraform toolchain helpers."""
    name = "make_fixtures"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


PROVIDER_CONFIG = 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n}\n'


@cache
def provider_resource_types() -> frozenset[str] | None:
    """Every resource type of the installed AWS provider (its schema), or None without Terraform/mirror."""
    make_fixtures = _load_make_fixtures()
    with make_fixtures.toolchain() as tc:
        if tc is None:
            return None
        with tempfile.TemporaryDirectory(prefix="costgate-schema-") as tmp:
            (Path(tmp) / "main.tf").write_text(PROVIDER_CONFIG, encoding="utf-8")
            make_fixtures._run(tc, ["init", "-input=false", "-no-color"], cwd=Path(tmp))
            raw = make_fixtures._run(tc, ["providers", "schema", "-json"], cwd=Path(tmp))
    schemas = json.loads(raw)["provider_schemas"]
    (aws,) = [v for k, v in schemas.items() if k.endswith("/hashicorp/aws")]
    return frozenset(aws["resource_schemas"])


def test_free_types_are_real_provider_resource_types() -> None:
    """Checked against the AWS provider's own schema (5.x in the mirror); skipped without Terraform."""
    real = provider_resource_types()
    if real is None:
        pytest.skip("terraform or the provider mirror is absent")
    assert len(real) > 1000, "the provider schema lists too few resource types"
    unknown = sorted(FREE_TYPES - real)
    assert not unknown, f"not resource types of the AWS provider: {unknown}"
    assert not sorted(set(BILLED) - real), "BILLED names a type the provider does not have"


@pytest.mark.parametrize(
    ("rtype", "kind"),
    [
        ("terraform_data", "state"),
        ("null_resource", "state"),
        ("random_password", "state"),
        ("time_sleep", "state"),
        ("tls_private_key", "state"),
        ("local_file", "state"),
        ("kubernetes_deployment", "cluster"),
        ("helm_release", "cluster"),
        ("kubectl_manifest", "cluster"),
        ("github_repository", "subscription"),
        ("datadog_monitor", "subscription"),
    ],
)
def test_non_cloud_types_are_free_with_the_kind_of_free(rtype: str, kind: str) -> None:
    """No cloud cost is "free", not "unsupported", and the reason says which kind of free."""
    from costgate.resources.registry import support_reason

    assert support(rtype) is Support.FREE
    assert kind in support_reason(rtype)


@pytest.mark.parametrize(
    "rtype", ["tfe_workspace", "mongodbatlas_cluster", "snowflake_warehouse", "cloudflare_worker_script"]
)
def test_providers_billed_per_resource_stay_unsupported(rtype: str) -> None:
    """Outside the three clouds, a provider that bills per resource is never called free."""
    assert support(rtype) is Support.UNSUPPORTED
