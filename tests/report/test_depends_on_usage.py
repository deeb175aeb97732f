""" "Depends on usage" has one definition (PricedComponent.depends_on_usage) that every output and
count reads. Before it was one, the JSON `usage_based` flag followed the pricer's flag, the table's
quantity column said "depends on usage" for any missing quantity (an unpriced component too), and
`counts.usage_based_components` counted only priced ones: three answers for one estimate."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from costgate.estimate import CatalogInfo, Estimate, build_project
from costgate.model import Action, Address, CostComponent, PriceQuery, Resource
from costgate.pricing.build.writer import BuildReport, write_catalog
from costgate.pricing.lookup import PriceBook
from costgate.pricing.manifest import SourceInfo
from costgate.pricing.rows import CatalogRow
from costgate.pricing.store import CatalogStore
from costgate.report.base import Report
from costgate.report.registry import render
from costgate.resources import registry
from costgate.resources.base import Pricer, PricingContext


def _query(region: str) -> PriceQuery:
    return PriceQuery.of("aws", "AmazonS3", "Storage", region, {"storageClass": "General Purpose"}, unit="GB-Mo")


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    # a pricer that leaves quantities to usage without setting the usage_based flag
    yield CostComponent(name="Stored data", unit="GB", monthly_quantity=None, query=_query("us-east-1"))
    yield CostComponent(name="Replicated data", unit="GB", monthly_quantity=None, query=_query("ap-south-2"))
    yield CostComponent(name="Base data", unit="GB", monthly_quantity=Decimal(10), query=_query("us-east-1"))
    yield CostComponent(
        name="Logged data", unit="GB", monthly_quantity=Decimal(4), query=_query("us-east-1"), usage_based=True
    )


@pytest.fixture()
def estimate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Estimate:
    row = CatalogRow(
        provider="aws",
        service="AmazonS3",
        family="Storage",
        region="us-east-1",
        attributes={"storageClass": "General Purpose"},
        unit="GB-Mo",
        price=Decimal("0.023"),
        tier_start=Decimal(0),
        tier_end=None,
        sku="S1",
        currency="USD",
        source="test",
        price_date="2026-01-01",
    )
    write_catalog(
        [row], tmp_path / "data", [SourceInfo(id="test", upstream="", price_date="2026-01-01")], BuildReport()
    )
    book = PriceBook(CatalogStore.open(tmp_path / "data", cache=tmp_path / "cache"))
    pricer = Pricer(type="aws_test_bucket", price=_price)
    real = registry.pricer_for
    monkeypatch.setattr("costgate.estimate.pricer_for", lambda t: pricer if t == "aws_test_bucket" else real(t))
    monkeypatch.setattr(
        "costgate.estimate.support",
        lambda t: registry.Support.PRICED if t == "aws_test_bucket" else registry.support(t),
    )
    resource = Resource(
        address=Address("aws_test_bucket.b"),
        type="aws_test_bucket",
        name="b",
        provider="aws",
        region="us-east-1",
        action=Action.CREATE,
        values={},
    )
    project = build_project("p", "plan.json", [resource], book)
    return Estimate(projects=(project,), catalog=CatalogInfo("test", "2026-01-01", "2026-01-01"))


def test_every_output_and_count_agrees_on_what_depends_on_usage(estimate: Estimate) -> None:
    (component_list,) = [r.components for r in estimate.projects[0].resources]
    depends = [c.name for c in component_list if c.depends_on_usage]
    assert depends == ["Stored data"]  # priced, no quantity; "Replicated data" has no price at all
    assert estimate.counts.usage_based_components == 1

    doc = json.loads(render("breakdown", "json", Report(estimate)))
    (row,) = doc["projects"][0]["resources"]
    by_name = {c["name"]: c for c in row["components"]}
    assert doc["counts"]["usage_based_components"] == 1
    # every component that depends on usage is flagged usage-based (the pricer's flag alone said false)
    assert by_name["Stored data"]["usage_based"] is True and by_name["Stored data"]["monthly_cost"] is None
    assert by_name["Logged data"]["usage_based"] is True and by_name["Base data"]["usage_based"] is False
    assert by_name["Replicated data"]["unpriced_reason"] and by_name["Replicated data"]["monthly_quantity"] is None

    table = render("breakdown", "table", Report(estimate))
    rows = [line for line in table.splitlines() if "depends on usage" in line and "components depend" not in line]
    assert [line.split()[0] for line in rows] == ["Stored"]  # not the unpriced component's row
    assert "1 components depend on usage" in table

    markdown = render("diff", "markdown", Report(estimate, diff=True))
    cells = [line for line in markdown.splitlines() if line.startswith("|") and "depends on usage" in line]
    assert len(cells) == 1 and "Stored data" in cells[0]
    assert "1 cost component depends on usage nobody gave" in markdown
