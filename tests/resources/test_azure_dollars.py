"""Azure data and monitoring pricers end to end in dollars, through the HCL reader and the CLI.

The fixtures' expected.yaml record what is looked up; these check the arithmetic users see: a
per-day meter shown per hour, a whole-cache meter shared by its nodes, per-subscription free
grants that must not zero every rule, a Workflow Standard plan billed once for the apps it runs,
and a database that takes its server's location. Prices are Azure's list prices the shipped
catalog holds (eastus unless stated).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from tests.helpers import FIXTURES, run_cli

AZURE = FIXTURES / "resources" / "azure"


def _resources(case: str) -> dict[str, dict[str, Any]]:
    result = (
        run_cli(
            "breakdown",
            "--path",
            str(AZURE / case),
            "--usage-file",
            str(AZURE / case / "usage.yml"),
            "--format",
            "json",
            "--max-catalog-age-days",
            "0",
        )
        if (AZURE / case / "usage.yml").exists()
        else run_cli("breakdown", "--path", str(AZURE / case), "--format", "json", "--max-catalog-age-days", "0")
    )
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    return {r["address"]: {c["name"]: c for c in r["components"]} for r in doc["projects"][0]["resources"]}


def _cost(component: dict[str, Any]) -> Decimal | None:
    cost = component["monthly_cost"]
    return None if cost is None else Decimal(str(cost)).quantize(Decimal("0.01"))


@pytest.mark.parametrize(
    ("address", "name", "cost"),
    [
        # S12 is $145.17 a day: 730 hours are 30.4167 days
        ("azurerm_mssql_database.standard", "Compute (S12)", "4415.59"),
        # GP_Gen5_4 $0.6089 an hour, licence $0.09997 per vCore-hour
        ("azurerm_mssql_database.general_purpose", "Compute (provisioned, GP_Gen5_4)", "444.47"),
        ("azurerm_mssql_database.general_purpose", "SQL license", "291.90"),
        # serverless: 430 vCore-hours of usage at $0.52
        ("azurerm_mssql_database.serverless", "Compute (serverless, GP_S_Gen5_4)", "223.60"),
    ],
)
def test_sql_database(address: str, name: str, cost: str) -> None:
    assert _cost(_resources("mssql_database")[address][name]) == Decimal(cost)


def test_database_takes_its_servers_location() -> None:
    """P6 is priced in eastus only: a database on the West Europe server must not get it."""
    premium = _resources("mssql_database")["azurerm_mssql_database.premium"]["Compute (P6)"]
    assert premium["monthly_cost"] is None


def test_redis_standard_cache_meter_is_shared_by_its_two_nodes() -> None:
    caches = _resources("redis_cache")
    assert _cost(caches["azurerm_redis_cache.standard"]["Cache usage (Standard_C3)"]) == Decimal(
        "328.50"
    )  # $0.45 x 730
    assert _cost(caches["azurerm_redis_cache.premium_sharded"]["Cache usage (Premium_P2)"]) == Decimal(
        "3646.35"
    )  # 9 x $0.555 x 730


def test_subscription_free_grants_do_not_zero_each_rule() -> None:
    """Azure's first 10 time series are free per subscription; one rule's one series still costs $0.10."""
    alerts = _resources("monitor_metric_alert")
    assert _cost(alerts["azurerm_monitor_metric_alert.single"]["Metrics monitoring"]) == Decimal("0.10")
    assert _cost(alerts["azurerm_monitor_metric_alert.dimensions"]["Metrics monitoring"]) == Decimal("1.20")
    disabled = alerts["azurerm_monitor_metric_alert.disabled"]
    assert list(disabled) == ["Alert rule"] and disabled["Alert rule"]["monthly_cost"] == 0
    assert disabled["Alert rule"]["no_charge_reason"] == "disabled: a disabled rule is not billed"


def test_workflow_standard_plan_is_billed_once() -> None:
    apps = _resources("logic_app_standard")
    first = apps["azurerm_logic_app_standard.a_orders"]
    assert _cost(first["Workflow vCPU (WS2)"]) == Decimal("575.84")  # 2 workers x 2 vCPU x 730 h x $0.19721
    assert not any(name.startswith("Workflow") for name in apps["azurerm_logic_app_standard.b_billing"])


def test_cosmos_throughput_per_region_with_zone_redundancy() -> None:
    table = _resources("cosmosdb_sql_container")["azurerm_cosmosdb_sql_container.provisioned"]
    assert _cost(table["Provisioned throughput (provisioned, westus)"]) == Decimal(
        "29.20"
    )  # 5 x 100 RU/s x $0.008 x 730
    assert _cost(table["Provisioned throughput (provisioned, centralus)"]) == Decimal("36.50")  # zone redundant: x 1.25
