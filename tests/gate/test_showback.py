"""Showback arithmetic: owners, unallocated, shared pools split even / proportional / fixed,
every split exact to the last digit, unpriced components counted, never $0."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from costgate.estimate import PricedComponent, ResourceCost
from costgate.gate.ownership import OwnershipResolver
from costgate.gate.showback import Showback, compute, split
from costgate.model import PriceQuery
from costgate.pricing.lookup import NoPrice
from tests.gate.helpers import config, estimate, resource

TEAMS = """
teams:
  - name: payments
  - name: search
  - name: platform
"""


def _est():  # type: ignore[no-untyped-def]
    return estimate(
        resource("aws_instance.pay", None, "100", tags={"team": "payments"}),
        resource("aws_instance.pay2", "20", "20", tags={"team": "payments"}),
        resource("aws_instance.search", None, "300", tags={"team": "search"}),
        resource("aws_nat_gateway.shared", None, "33.33", tags={"team": "platform"}),
        resource("aws_instance.nobody", None, "7"),
    )


def _run(tmp_path: Path, extra: str = "", by: str = "team") -> Showback:
    loaded = config(TEAMS + extra, tmp_path)
    est = _est()
    return compute(est, loaded.config, OwnershipResolver.of(loaded).resolve_all(est), by)


def _after(sb: Showback) -> dict[str | None, Decimal]:
    return {r.owner: r.total.after for r in sb.rows}


def test_direct_cost_per_team_and_unallocated_row(tmp_path: Path) -> None:
    sb = _run(tmp_path)
    assert _after(sb) == {
        "payments": Decimal(120),
        "platform": Decimal("33.33"),
        "search": Decimal(300),
        None: Decimal(7),
    }
    assert sb.rows[-1].unallocated and sb.rows[-1].resources == 1
    assert {r.owner: r.total.before for r in sb.rows}["payments"] == Decimal(20)
    assert sum((r.total.after for r in sb.rows), Decimal(0)) == sb.total.after == Decimal("460.33")


POOL = """
showback:
  shared:
    - name: network
      match: {owner: platform}
      split: %s
"""


def test_even_split_is_exact(tmp_path: Path) -> None:
    sb = _run(tmp_path, POOL % "even")
    got = _after(sb)
    assert "platform" not in got  # the pool's owner has no direct cost left, so it takes no share
    assert got["payments"] == Decimal(120) + Decimal("16.665")
    assert got["search"] == Decimal(300) + Decimal("16.665")
    assert sum(got.values(), Decimal(0)) == Decimal("460.33")
    assert sb.pools[0].amount.after == Decimal("33.33") and sb.pools[0].resources == 1


def test_proportional_split_follows_direct_cost(tmp_path: Path) -> None:
    sb = _run(tmp_path, POOL % "proportional")
    shares = {r.owner: r.shared.after for r in sb.rows}
    # direct after-cost 120 : 300, so 33.33 * 120/420 and 33.33 * 300/420
    assert shares["payments"] == Decimal("9.5228571429")
    assert shares["search"] == Decimal("23.8071428571")
    assert shares["payments"] + shares["search"] == Decimal("33.33")
    assert shares[None] == 0  # unallocated never takes a share by default


def test_fixed_percentages(tmp_path: Path) -> None:
    extra = POOL % "fixed" + "      percentages: {payments: 70, search: 30}\n"
    sb = _run(tmp_path, extra)
    shares = {r.owner: r.shared.after for r in sb.rows}
    assert shares["payments"] == Decimal("23.331") and shares["search"] == Decimal("9.999")


def test_pool_for_another_dimension_leaves_team_alone(tmp_path: Path) -> None:
    extra = POOL % "even" + "      by: project\n"
    assert _after(_run(tmp_path, extra))["platform"] == Decimal("33.33")


@pytest.mark.parametrize(
    "amount,weights",
    [
        ("100", {"a": 1, "b": 1, "c": 1}),
        ("0.01", {"a": 1, "b": 2, "c": 3, "d": 4}),
        ("1234.56789012345678", {"a": 3, "b": 7}),
        ("0", {"a": 1}),
    ],
)
def test_split_sums_exactly(amount: str, weights: dict[str, int]) -> None:
    parts = split(Decimal(amount), {k: Decimal(v) for k, v in weights.items()})
    assert sum(parts.values(), Decimal(0)) == Decimal(amount)
    assert set(parts) == set(weights)
    assert all(v >= 0 for v in parts.values())


def test_by_tag_region_project(tmp_path: Path) -> None:
    assert _after(_run(tmp_path, by="tag:team"))[None] == Decimal(7)
    assert _after(_run(tmp_path, by="region")) == {"us-east-1": Decimal("460.33")}
    assert _after(_run(tmp_path, by="project")) == {"app": Decimal("460.33")}


def test_unpriced_components_are_counted_not_zero(tmp_path: Path) -> None:
    base = resource("aws_instance.gap", None, "10", tags={"team": "search"})
    query = PriceQuery.of("aws", "AmazonEC2", "Compute Instance", "us-east-1")
    missing = PricedComponent(
        name="Odd thing",
        unit="hours",
        monthly_quantity=Decimal(730),
        unit_price=None,
        monthly_cost=None,
        usage_based=False,
        no_price=NoPrice(query, "no such product"),
        query=query,
    )
    gap = ResourceCost(base.resource, base.support, components=(*base.components, missing))
    est = estimate(gap)
    loaded = config(TEAMS, tmp_path)
    sb = compute(est, loaded.config, OwnershipResolver.of(loaded).resolve_all(est), "service")
    rows = {r.owner: r for r in sb.rows}
    assert rows["AmazonEC2"].incomplete.unpriced_components == 1
    assert rows["AmazonEC2"].total.after == Decimal(0)  # the unpriced component's service; its cost is unknown
    assert rows[None].total.after == Decimal(10)  # the helper's component has no query: no service
    assert not sb.counts.complete


@pytest.mark.parametrize("text", ["C:\\temp\\", "[bold]loud[/bold]", ":thumbs_up:"])
def test_the_table_shows_owner_names_as_they_are(tmp_path: Path, text: str) -> None:
    """An owner (a tag value here) reaches rich as Text: no markup, no emoji, no doubled backslash."""
    from costgate.report.showback import render_table

    est = estimate(resource("aws_instance.a", None, "5", tags={"env": text}))
    loaded = config(TEAMS, tmp_path)
    sb = compute(est, loaded.config, OwnershipResolver.of(loaded).resolve_all(est), "tag:env")
    out = render_table(sb, width=200)
    assert f"│ {text} " in out and "\U0001f44d" not in out and "\\\\" not in out
