"""Azure's type lists: every free and priced type is a real azurerm type, the free list is big
enough and holds no type Azure bills, and `costgate resources --provider azure` shows them."""

from __future__ import annotations

import json

import pytest

from costgate.resources.azure.free import FREE_TYPES
from costgate.resources.registry import Support, all_pricers, support
from tests.helpers import REPO, run_cli

PROVIDER_TYPES = REPO / "costgate" / "resources" / "azure" / "provider_types.txt"

# Types Azure bills by themselves (per hour, per month, per GB or per operation they serve), or
# that create or switch on something billed. None may be listed free, priced yet or not.
BILLED = (
    "azurerm_linux_virtual_machine",
    "azurerm_windows_virtual_machine",
    "azurerm_virtual_machine",
    "azurerm_managed_disk",
    "azurerm_snapshot",
    "azurerm_image",
    "azurerm_shared_image_version",
    "azurerm_kubernetes_cluster",
    "azurerm_kubernetes_cluster_node_pool",
    "azurerm_service_plan",
    "azurerm_app_service_plan",
    "azurerm_storage_account",
    "azurerm_storage_blob",
    "azurerm_storage_share_file",
    "azurerm_public_ip",
    "azurerm_public_ip_prefix",
    "azurerm_nat_gateway",
    "azurerm_lb",
    "azurerm_lb_rule",
    "azurerm_lb_outbound_rule",
    "azurerm_signalr_shared_private_link_resource",  # a private endpoint, at Private Link rates
    "azurerm_web_pubsub_shared_private_link_resource",
    "azurerm_firewall",
    "azurerm_firewall_policy",
    "azurerm_application_gateway",
    "azurerm_virtual_network_gateway",
    "azurerm_virtual_network_gateway_connection",
    "azurerm_vpn_gateway",
    "azurerm_express_route_circuit",
    "azurerm_express_route_port",
    "azurerm_express_route_gateway",
    "azurerm_virtual_hub",
    "azurerm_virtual_hub_connection",
    "azurerm_virtual_network_peering",
    "azurerm_private_endpoint",
    "azurerm_bastion_host",
    "azurerm_dns_zone",
    "azurerm_private_dns_zone",
    "azurerm_mssql_database",
    "azurerm_mssql_elasticpool",
    "azurerm_sql_database",
    "azurerm_mssql_managed_instance",
    "azurerm_postgresql_flexible_server",
    "azurerm_mysql_flexible_server",
    "azurerm_postgresql_server",
    "azurerm_cosmosdb_sql_container",
    "azurerm_redis_cache",
    "azurerm_managed_redis",
    "azurerm_key_vault_key",
    "azurerm_key_vault_certificate",
    "azurerm_key_vault_managed_hardware_security_module",
    "azurerm_log_analytics_workspace",
    "azurerm_log_analytics_data_export_rule",
    "azurerm_application_insights",
    "azurerm_monitor_metric_alert",
    "azurerm_monitor_scheduled_query_rules_alert_v2",
    "azurerm_monitor_diagnostic_setting",
    "azurerm_eventhub_namespace",
    "azurerm_eventhub_cluster",
    "azurerm_servicebus_namespace",
    "azurerm_eventgrid_topic",
    "azurerm_api_management",
    "azurerm_synapse_workspace",
    "azurerm_synapse_sql_pool",
    "azurerm_data_factory",
    "azurerm_data_factory_integration_runtime_azure",
    "azurerm_data_factory_managed_private_endpoint",
    "azurerm_databricks_workspace",
    "azurerm_cognitive_deployment",
    "azurerm_search_service",
    "azurerm_backup_protected_vm",
    "azurerm_automation_account",
    "azurerm_logic_app_standard",
    "azurerm_security_center_subscription_pricing",
    "azurerm_advanced_threat_protection",
    "azurerm_resource_group_template_deployment",
    "azurerm_resource_deployment_script_azure_cli",
    "azurerm_batch_pool",
    "azurerm_container_group",
    "azurerm_container_registry",
    "azurerm_container_app",
)


def _provider_types() -> set[str]:
    return {
        line.strip() for line in PROVIDER_TYPES.read_text().splitlines() if line.strip() and not line.startswith("#")
    }


def test_provider_type_list_names_its_versions() -> None:
    header = [line for line in PROVIDER_TYPES.read_text().splitlines() if line.startswith("#")]
    assert any(line.startswith("# v5.") for line in header), header
    assert len(_provider_types()) > 1000


def test_every_free_and_priced_type_is_an_azurerm_type() -> None:
    known = _provider_types()
    unknown = sorted((set(FREE_TYPES) | set(all_pricers("azure"))) - known)
    assert not unknown, f"not azurerm resource types: {unknown}"


def test_free_list_is_broad() -> None:
    assert len(FREE_TYPES) >= 380
    for rtype in (
        "azurerm_resource_group",
        "azurerm_virtual_network",
        "azurerm_subnet",
        "azurerm_network_security_group",
        "azurerm_role_assignment",
        "azurerm_network_interface",
        "azurerm_policy_definition",
    ):
        assert support(rtype) is Support.FREE, rtype


@pytest.mark.parametrize("rtype", BILLED)
def test_billed_types_are_never_free(rtype: str) -> None:
    assert rtype in _provider_types(), f"{rtype} is not a real type (fix the test)"
    assert rtype not in FREE_TYPES


def test_resources_command_lists_azure() -> None:
    run = run_cli("resources", "--provider", "azure", "--format", "json")
    assert run.code == 0
    doc = json.loads(run.out)
    assert list(doc["providers"]) == ["azure"]
    assert doc["counts"]["azure"]["free"] == len(FREE_TYPES)
    assert doc["counts"]["azure"]["priced"] == len(all_pricers("azure"))
    assert "azurerm_resource_group" in doc["providers"]["azure"]["free"]
    table = run_cli("resources", "--provider", "azure")
    assert table.out.startswith(f"azure: {len(all_pricers('azure'))} priced, {len(FREE_TYPES)} free")
    assert "  free    azurerm_subnet\n" in table.out


@pytest.mark.parametrize("name", ["azurex", "azurerm", ""])
def test_unknown_provider_is_a_usage_error(name: str) -> None:
    run = run_cli("resources", "--provider", name)
    assert run.code == 2
    assert run.out == ""
    assert "--provider" in run.err and len(run.err.strip().splitlines()) == 1


def test_provider_types_name_each_type_once() -> None:
    """Doc files that already carry the prefix (azurerm_security_center_server_vulnerability_assessment
    .html.markdown in v3.117.1) name their type once, not `azurerm_azurerm_...`."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("derive", REPO / "scripts" / "derive_azurerm_types.py")
    assert spec is not None and spec.loader is not None
    derive = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(derive)
    assert derive.type_of("azurerm_sentinel_alert_rule_nrt.html.markdown") == "azurerm_sentinel_alert_rule_nrt"
    assert derive.type_of("lb.html.markdown") == "azurerm_lb"
    names = [line for line in PROVIDER_TYPES.read_text().splitlines() if not line.startswith("#")]
    assert not [n for n in names if n.startswith("azurerm_azurerm_")]
    assert "azurerm_security_center_server_vulnerability_assessment" in names
