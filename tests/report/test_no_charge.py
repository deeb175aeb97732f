"""A line that costs nothing says why, in every output, and is not a gap; a priced resource whose
pricer gives no line at all is a gap ("No cost components", not priced), never a bare $0."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from costgate.estimate import NO_COMPONENTS, CatalogInfo, Estimate, build_project
from costgate.model import Action, Address, CostComponent, Resource
from costgate.pricing.build.writer import BuildReport, write_catalog
from costgate.pricing.lookup import PriceBook
from costgate.pricing.manifest import SourceInfo
from costgate.pricing.store import CatalogStore
from costgate.report.base import Report
from costgate.report.registry import render
from costgate.resources import registry
from costgate.resources.base import Pricer, PricingContext, cannot_price, no_charge

REASON = "included in the Developer tier"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if r.get("tier") == "developer":
        yield no_charge(r, "Self-hosted gateway", REASON)
    # any other tier: nothing at all (the developer error the estimate must flag)


def _resource(name: str, tier: str) -> Resource:
    return Resource(
        address=Address(f"azurerm_test_gateway.{name}"),
        type="azurerm_test_gateway",
        name=name,
        provider="azure",
        region="eastus",
        action=Action.CREATE,
        values={"tier": tier},
    )


@pytest.fixture()
def estimate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Estimate:
    write_catalog([], tmp_path / "data", [SourceInfo(id="test", upstream="", price_date="2026-01-01")], BuildReport())
    book = PriceBook(CatalogStore.open(tmp_path / "data", cache=tmp_path / "cache"))
    pricer = Pricer(type="azurerm_test_gateway", price=_price)
    real = registry.pricer_for
    monkeypatch.setattr("costgate.estimate.pricer_for", lambda t: pricer if t == "azurerm_test_gateway" else real(t))
    monkeypatch.setattr(
        "costgate.estimate.support",
        lambda t: registry.Support.PRICED if t == "azurerm_test_gateway" else registry.support(t),
    )
    resources = [_resource("dev", "developer"), _resource("prem", "premium")]
    project = build_project("p", "plan.json", resources, book)
    return Estimate(projects=(project,), catalog=CatalogInfo("test", "2026-01-01", "2026-01-01"))


def test_no_charge_is_a_known_zero_and_no_line_is_a_gap(estimate: Estimate) -> None:
    dev, prem = estimate.projects[0].resources
    (line,) = dev.components
    assert line.monthly_cost == 0 and line.no_price is None and line.no_charge == REASON
    assert dev.after_complete  # a known $0 is not a gap
    (gap,) = prem.components
    assert gap.name == NO_COMPONENTS and gap.no_price is not None and gap.monthly_cost is None
    assert "azurerm_test_gateway pricer gave no cost line" in gap.no_price.reason
    assert not gap.usage_based and not gap.invalid
    counts = estimate.counts
    assert (counts.components, counts.unpriced_after, counts.usage_based_components) == (2, 1, 0)
    assert not estimate.complete


def test_every_output_says_why(estimate: Estimate) -> None:
    doc = json.loads(render("breakdown", "json", Report(estimate)))
    rows = {r["address"]: r["components"] for r in doc["projects"][0]["resources"]}
    (dev,) = rows["azurerm_test_gateway.dev"]
    assert dev["monthly_cost"] == 0 and dev["no_charge_reason"] == REASON and dev["unpriced_reason"] is None
    (prem,) = rows["azurerm_test_gateway.prem"]
    assert prem["no_charge_reason"] is None and prem["monthly_cost"] is None and prem["unpriced_reason"]
    assert [u["address"] for u in doc["unpriced"]] == ["azurerm_test_gateway.prem"]

    table = render("breakdown", "table", Report(estimate))
    (row,) = [line for line in table.splitlines() if "Self-hosted gateway" in line]
    assert f"(no charge: {REASON})" in row and row.rstrip().endswith("$0.00")
    (missing, listed) = [line for line in table.splitlines() if NO_COMPONENTS in line]
    assert missing.rstrip().endswith("not priced") and listed.startswith("Not priced: azurerm_test_gateway.prem")

    markdown = render("diff", "markdown", Report(estimate, diff=True))
    assert f"no charge: {REASON}" in markdown
    html = render("breakdown", "html", Report(estimate))
    assert f"no charge: {REASON}" in html


def test_a_no_charge_or_cannot_price_line_needs_a_reason() -> None:
    with pytest.raises(ValueError, match="needs a reason"):
        no_charge(_resource("x", "developer"), "Gateway", " ")
    with pytest.raises(ValueError, match="needs a reason"):
        cannot_price(_resource("x", "developer"), "Gateway", "")


def test_cannot_price_is_not_priced_with_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_catalog([], tmp_path / "data", [SourceInfo(id="test", upstream="", price_date="2026-01-01")], BuildReport())
    book = PriceBook(CatalogStore.open(tmp_path / "data", cache=tmp_path / "cache"))
    why = "its configuration is outside the plan"
    pricer = Pricer(type="azurerm_test_gateway", price=lambda r, _ctx: [cannot_price(r, "Gateway", why)])
    monkeypatch.setattr("costgate.estimate.pricer_for", lambda t: pricer)
    monkeypatch.setattr("costgate.estimate.support", lambda t: registry.Support.PRICED)
    (cost,) = build_project("p", "plan.json", [_resource("x", "premium")], book).resources
    (line,) = cost.components
    assert line.no_price is not None and line.no_price.reason == why and line.monthly_cost is None
    assert not line.usage_based and not line.depends_on_usage and not cost.after_complete


def test_focus_has_no_row_for_no_charge_and_counts_only_the_gap(estimate: Estimate) -> None:
    from datetime import date

    from costgate.report.focus import charges_of, focus_rows

    result = focus_rows(estimate, charges_of(estimate), day=date(2026, 1, 15))
    assert result.rows == () and result.left_out == 1  # the gap line is left out; the $0 line is no charge
