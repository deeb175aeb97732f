"""App Service, Functions and analytics pricers end to end in dollars, through the HCL reader and the CLI.

The fixtures' expected.yaml record what is looked up; these check what users see: a Consumption
function app priced from its first execution (Azure's free grant is per subscription, not per
app), an Elastic Premium plan's memory, a legacy plan that says Linux priced at the Linux rate.
Prices are the list prices the shipped catalog holds (eastus unless stated).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from costgate.estimate import build_project
from costgate.model import Action, Address, Resource
from costgate.pricing.lookup import PriceBook
from costgate.pricing.store import CatalogStore
from tests.helpers import FIXTURES, run_cli

AZURE = FIXTURES / "resources" / "azure"


def _resources(case: str) -> dict[str, dict[str, Any]]:
    usage = AZURE / case / "usage.yml"
    argv = ["breakdown", "--path", str(AZURE / case), "--format", "json", "--max-catalog-age-days", "0"]
    result = run_cli(*argv, *(["--usage-file", str(usage)] if usage.exists() else []))
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    return {r["address"]: {c["name"]: c for c in r["components"]} for r in doc["projects"][0]["resources"]}


def _cost(component: dict[str, Any]) -> Decimal | None:
    cost = component["monthly_cost"]
    return None if cost is None else Decimal(str(cost)).quantize(Decimal("0.01"))


def test_consumption_function_app_pays_from_the_first_execution() -> None:
    app = _resources("linux_function_app")["azurerm_linux_function_app.consumption"]
    # 12M executions x 0.25 s x 384 MB (300 MB rounded up to 128 MB steps) = 1,125,000 GB-s at $0.000016
    assert _cost(app["Execution time"]) == Decimal("18.00")
    # 12M executions at $0.20 per million; the subscription's free million is not this app's
    assert _cost(app["Executions"]) == Decimal("2.40")


def test_elastic_premium_plan_bills_once_on_its_first_app() -> None:
    resources = _resources("linux_function_app")
    app = resources["azurerm_linux_function_app.premium"]
    # 2 instances (the app's usage) of EP3: 8 vCPU x $0.173 x 730 and 28 GiB x $0.0123 x 730
    assert _cost(app["vCPU (EP3)"]) == Decimal("1010.32")
    assert _cost(app["Memory (EP3)"]) == Decimal("251.41")
    # the plan and the second app on it add nothing: Azure bills the plan's instances once, and each
    # says where its cost is (a known $0 with its reason, never a bare $0)
    plan = resources["azurerm_service_plan.elastic"]["Plan"]
    second = resources["azurerm_linux_function_app.premium_second"]["Function app"]
    for line in (plan, second):
        assert line["monthly_cost"] == 0 and line["unpriced_reason"] is None
    assert "azurerm_linux_function_app.premium" in plan["no_charge_reason"]
    assert "azurerm_linux_function_app.premium" in second["no_charge_reason"]


def test_elastic_premium_plan_without_an_app_is_priced_on_the_plan() -> None:
    plan = _resources("service_plan")["azurerm_service_plan.elastic"]
    assert _cost(plan["vCPU (EP2)"]) == Decimal("252.58")  # 2 vCPU x $0.173 x 730
    assert _cost(plan["Memory (EP2)"]) == Decimal("62.85")  # 7 GiB x $0.0123 x 730


def test_legacy_plan_of_kind_linux_is_priced_as_linux() -> None:
    plans = _resources("app_service_plan")
    assert _cost(plans["azurerm_app_service_plan.linux_kind_not_reserved"]["Instance usage (I1)"]) == Decimal(
        "208.05"
    )  # Linux I1 $0.285 x 730
    assert _cost(plans["azurerm_app_service_plan.isolated_windows"]["Instance usage (I1)"]) == Decimal(
        "219.00"
    )  # Windows I1 $0.30 x 730


def test_synapse_serverless_sql_and_pipelines() -> None:
    ws = _resources("synapse_workspace")["azurerm_synapse_workspace.main"]
    # 13 TB at $5 from the first TB: Azure lists no free allowance for serverless SQL
    assert _cost(ws["Serverless SQL pool size"]) == Decimal("65.00")
    # 3 DIUs x 29 hours at $0.25; 210 pipeline hours at $0.005; 4,100 self-hosted external hours at $0.0001
    assert _cost(ws["Data pipeline azure hosted data integration units"]) == Decimal("21.75")
    assert _cost(ws["Data pipeline azure hosted integration runtime"]) == Decimal("1.05")
    assert _cost(ws["Data pipeline self hosted external integration runtime"]) == Decimal("0.41")


def test_search_image_extraction_is_shown_per_volume_tier() -> None:
    basic = _resources("search_service")["azurerm_search_service.basic"]
    # 6.1M images: 1M at $1, 4M at $0.80 and 1.1M at $0.65 per 1,000
    assert _cost(basic["Image extraction (first 1,000 1K)"]) == Decimal("1000.00")
    assert _cost(basic["Image extraction (1,000-5,000 1K)"]) == Decimal("3200.00")
    assert _cost(basic["Image extraction (over 5,000 1K)"]) == Decimal("715.00")
    assert Decimal(str(basic["Image extraction (1,000-5,000 1K)"]["unit_price"])) == Decimal("0.8")
    assert _cost(basic["Search usage (Basic, 6 units)"]) == Decimal("442.38")  # 6 units x $0.101 x 730


def test_api_management_consumption_prices_every_call() -> None:
    apim = _resources("api_management")["azurerm_api_management.consumption"]
    # 17M calls at $3.50 per million: the free million is the subscription's, not this instance's
    assert _cost(apim["API management (consumption)"]) == Decimal("59.50")


def test_deleting_the_app_that_shows_an_elastic_premium_plan_hands_the_cost_on() -> None:
    """The plan still bills: when its first app is deleted, the next app shows the cost after the
    change, so the diff is the plan's real change (none), not a lost plan."""

    def res(
        address: str, rtype: str, action: Action, values: dict[str, Any], refs: dict[str, tuple[str, ...]]
    ) -> Resource:
        before = values if action is not Action.CREATE else None
        return Resource(
            address=Address(address),
            type=rtype,
            name=address.split(".")[1],
            provider="azurerm",
            region="eastus",
            action=action,
            values=values,
            before=before,
            refs=refs,
        )

    plan = res(
        "azurerm_service_plan.ep", "azurerm_service_plan", Action.NO_OP, {"sku_name": "EP1", "os_type": "Linux"}, {}
    )
    app = {"service_plan_id": "id"}
    ref = {"service_plan_id": ("azurerm_service_plan.ep",)}
    apps = [
        res("azurerm_linux_function_app.a", "azurerm_linux_function_app", Action.DELETE, app, ref),
        res("azurerm_linux_function_app.b", "azurerm_linux_function_app", Action.NO_OP, app, ref),
    ]
    project = build_project("p", "p", [plan, *apps], PriceBook(CatalogStore.open()))
    after = {r.resource.address: [c.name for c in r.components if not c.no_charge] for r in project.resources}
    before = {r.resource.address: [c.name for c in r.before_components if not c.no_charge] for r in project.resources}
    assert after["azurerm_linux_function_app.b"] == ["vCPU (EP1)", "Memory (EP1)"]
    assert not after["azurerm_linux_function_app.a"] and not after["azurerm_service_plan.ep"]
    assert sum(len(names) for names in before.values()) == 2  # once before too: no change in the total
    plan_lines = next(r.components for r in project.resources if r.resource.address == "azurerm_service_plan.ep")
    assert [c.no_charge for c in plan_lines] == [
        "Elastic Premium vCPU and memory are shown on the function app azurerm_linux_function_app.b"
    ]
