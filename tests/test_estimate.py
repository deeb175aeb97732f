"""The estimate engine and lookups against a small catalog written by the test itself:
tiers, tier ends, ambiguity, currencies, regions, ranges, before/after and diff."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from costgate.estimate import build_project
from costgate.model import Action, Address, CostComponent, PriceQuery, Resource
from costgate.pricing.build.writer import BuildReport, write_catalog
from costgate.pricing.lookup import NoPrice, PriceBook
from costgate.pricing.manifest import SourceInfo
from costgate.pricing.rows import CatalogRow
from costgate.pricing.store import CatalogStore
from costgate.resources import registry
from costgate.resources.base import Pricer, PricingContext, monthly

D = Decimal


def _row(
    price: str,
    *,
    start: str = "0",
    end: str | None = None,
    sku: str = "S1",
    region: str = "us-east-1",
    currency: str = "USD",
    attrs: dict[str, str] | None = None,
) -> CatalogRow:
    return CatalogRow(
        provider="aws",
        service="AmazonS3",
        family="Storage",
        region=region,
        attributes=attrs or {"storageClass": "General Purpose"},
        unit="GB-Mo",
        price=D(price),
        tier_start=D(start),
        tier_end=None if end is None else D(end),
        sku=sku,
        currency=currency,
        source="test",
        price_date="2026-01-01",
    )


@pytest.fixture()
def book(tmp_path: Path) -> PriceBook:
    rows = [
        _row("0.023", end="51200"),
        _row("0.022", start="51200", end="512000"),
        _row("0.021", start="512000"),
        _row("0.5", attrs={"storageClass": "Capped"}, sku="CAP", end="100"),
        _row("1", attrs={"storageClass": "Twin"}, sku="T1"),
        _row("2", attrs={"storageClass": "Twin"}, sku="T2"),
        _row("7", attrs={"storageClass": "Yuan"}, sku="Y", region="cn-north-1", currency="CNY"),
        _row("1", attrs={"storageClass": "Granted"}, sku="G", start="10", end="100"),
        _row("0.5", attrs={"storageClass": "Granted"}, sku="G", start="100"),
        _row("0", attrs={"storageClass": "Subscription grant"}, sku="F", end="10"),
        _row("0.4", attrs={"storageClass": "Subscription grant"}, sku="F", start="10"),
    ]
    write_catalog(rows, tmp_path / "data", [SourceInfo(id="test", upstream="", price_date="2026-01-01")], BuildReport())
    return PriceBook(CatalogStore.open(tmp_path / "data", cache=tmp_path / "cache"))


def _q(cls: str, region: str = "us-east-1") -> PriceQuery:
    return PriceQuery.of("aws", "AmazonS3", "Storage", region, {"storageClass": cls}, unit="GB-Mo")


def _res(
    quantity: str | None,
    cls: str = "General Purpose",
    *,
    action: Action = Action.CREATE,
    before: str | None = None,
    region: str = "us-east-1",
    split: bool = False,
    flat: bool = False,
) -> Resource:
    values = {"gb": quantity, "cls": cls, "split": split, "flat": flat}
    return Resource(
        address=Address(f"aws_test_thing.t{quantity}"),
        type="aws_test_thing",
        name="t",
        provider="aws",
        region=region,
        action=action,
        values=values,
        before=None if before is None else {"gb": before, "cls": cls},
    )


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    gb = r.get("gb")
    query = _q(r.get("cls"), r.region or "us-east-1")
    quantity = None if gb is None else D(gb)
    yield monthly("Storage", "GB", quantity, query, split_tiers=bool(r.get("split")), tiered=not r.get("flat"))


@pytest.fixture(autouse=True)
def fake_pricer(monkeypatch: pytest.MonkeyPatch) -> None:
    pricer = Pricer(type="aws_test_thing", price=_price)
    real = registry.pricer_for

    def lookup(rtype: str) -> Pricer | None:
        return pricer if rtype == "aws_test_thing" else real(rtype)

    monkeypatch.setattr("costgate.estimate.pricer_for", lookup)
    monkeypatch.setattr(
        "costgate.estimate.support", lambda t: registry.Support.PRICED if t == "aws_test_thing" else registry.support(t)
    )


def test_600_tb_crosses_three_tiers(book: PriceBook) -> None:
    project = build_project("p", "p", [_res(str(600 * 1024))], book)
    (comp,) = project.resources[0].components
    expected = D(51200) * D("0.023") + D(512000 - 51200) * D("0.022") + D(600 * 1024 - 512000) * D("0.021")
    assert comp.monthly_cost == expected


def test_quantity_past_the_last_tier_prices_what_the_tiers_cover_and_lists_the_rest(book: PriceBook) -> None:
    project = build_project("p", "p", [_res("150", "Capped")], book)
    known, rest = project.resources[0].components
    assert (known.name, known.monthly_quantity, known.monthly_cost) == ("Storage (first 100 GB-Mo)", D(100), D(50))
    assert rest.name == "Storage (over 100 GB-Mo)" and rest.monthly_quantity == D(50)
    assert rest.monthly_cost is None and rest.unit_price is None and rest.no_price is not None
    assert "tiers end at 100" in rest.no_price.reason
    assert [c.name for _r, c in project.unpriced] == ["Storage (over 100 GB-Mo)"]
    # the rest is not priced at the last tier's rate even when it alone would fit inside the tiers
    known, rest = build_project("p", "p", [_res("120", "Capped")], book).resources[0].components
    assert known.monthly_cost == D(50) and rest.monthly_quantity == D(20) and rest.monthly_cost is None
    ok = build_project("p", "p", [_res("80", "Capped")], book).resources[0].components
    assert [(c.name, c.monthly_cost) for c in ok] == [("Storage", D(40))]


def test_split_tiers_shows_one_line_per_tier_at_its_own_price(book: PriceBook) -> None:
    gb = 600 * 1024
    comps = build_project("p", "p", [_res(str(gb), split=True)], book).resources[0].components
    assert [(c.name, c.monthly_quantity, c.unit_price) for c in comps] == [
        ("Storage (first 51,200 GB-Mo)", D(51200), D("0.023")),
        ("Storage (51,200-512,000 GB-Mo)", D(512000 - 51200), D("0.022")),
        ("Storage (over 512,000 GB-Mo)", D(gb - 512000), D("0.021")),
    ]
    whole = build_project("p", "p", [_res(str(gb))], book).resources[0].components[0]
    assert sum(c.monthly_cost or 0 for c in comps) == whole.monthly_cost  # the same total, shown by tier
    assert all(c.price is not None and len(c.price.tiers) == 1 for c in comps)  # no step re-applies the tiers
    # within the first tier: one line, named for it
    (one,) = build_project("p", "p", [_res("100", split=True)], book).resources[0].components
    assert (one.name, one.monthly_cost) == ("Storage (first 51,200 GB-Mo)", D("2.3"))


def test_split_tiers_after_a_free_grant_and_past_the_last_tier(book: PriceBook) -> None:
    comps = build_project("p", "p", [_res("130", "Granted", split=True)], book).resources[0].components
    assert [(c.name, c.monthly_quantity, c.monthly_cost) for c in comps] == [
        ("Storage (10-100 GB-Mo)", D(90), D(90)),  # the first 10 GB are not billed, as tiered_cost says
        ("Storage (over 100 GB-Mo)", D(30), D(15)),
    ]
    known, rest = build_project("p", "p", [_res("150", "Capped", split=True)], book).resources[0].components
    assert (known.name, known.monthly_cost) == ("Storage (first 100 GB-Mo)", D(50))  # a single tier: as before
    assert rest.monthly_quantity == D(50) and rest.monthly_cost is None and rest.no_price is not None
    (waiting,) = build_project("p", "p", [_res(None, split=True)], book).resources[0].components
    assert (waiting.name, waiting.unit_price, waiting.monthly_cost) == ("Storage", D("0.023"), None)


def test_untiered_component_pays_the_paid_rate_not_a_zero_priced_grant_tier(book: PriceBook) -> None:
    """tiered=False (a subscription's free grant not given to one resource): every unit at the first
    priced tier's rate, also when the price list shows the grant as a $0 first tier."""
    (flat,) = build_project("p", "p", [_res("25", "Subscription grant", flat=True)], book).resources[0].components
    assert (flat.unit_price, flat.monthly_cost) == (D("0.4"), D(10))
    (waiting,) = build_project("p", "p", [_res(None, "Subscription grant", flat=True)], book).resources[0].components
    assert (waiting.unit_price, waiting.monthly_cost) == (D("0.4"), None)
    (tiered,) = build_project("p", "p", [_res("25", "Subscription grant")], book).resources[0].components
    assert tiered.monthly_cost == D(6)  # tiered: the first 10 are the grant's
    (volume,) = build_project("p", "p", [_res("100", flat=True)], book).resources[0].components
    assert volume.monthly_cost == D("2.3")  # a priced first tier is the rate, as before


def test_ambiguous_products_are_reported_not_guessed(book: PriceBook) -> None:
    answer = book.lookup(_q("Twin"))
    assert isinstance(answer, NoPrice) and "ambiguous" in answer.reason


def test_missing_region_and_foreign_currency_are_honest(book: PriceBook) -> None:
    missing = book.lookup(_q("General Purpose", "ap-south-2"))
    assert isinstance(missing, NoPrice) and "region ap-south-2" in missing.reason and "refresh" in missing.hint
    project = build_project("p", "p", [_res("10", "Yuan", region="cn-north-1")], book)
    comp = project.resources[0].components[0]
    assert comp.monthly_cost is None and comp.no_price is not None and "CNY" in comp.no_price.reason
    assert project.totals.after == 0 and len(project.unpriced) == 1


def test_usage_unknown_is_none_not_zero(book: PriceBook) -> None:
    comp = build_project("p", "p", [_res(None)], book).resources[0].components[0]
    assert comp.monthly_quantity is None and comp.monthly_cost is None and comp.unit_price == D("0.023")


def test_update_diff_and_delete(book: PriceBook) -> None:
    up = _res("200", action=Action.UPDATE, before="100")
    gone = Resource(
        address=Address("aws_test_thing.gone"),
        type="aws_test_thing",
        name="g",
        provider="aws",
        region="us-east-1",
        action=Action.DELETE,
        values={},
        before={"gb": "50", "cls": "General Purpose"},
    )
    project = build_project("p", "p", [up, gone], book)
    by = {r.address: r for r in project.resources}
    assert by[up.address].before_monthly_cost == D("2.3") and by[up.address].monthly_cost == D("4.6")
    assert by["aws_test_thing.gone"].monthly_cost == 0 and by["aws_test_thing.gone"].before_monthly_cost == D("1.15")
    assert project.totals.delta == D("4.6") - D("2.3") - D("1.15")


def test_unsupported_types_are_counted_not_zeroed(book: PriceBook) -> None:
    odd = Resource(
        address=Address("aws_not_a_real_type.x"),
        type="aws_not_a_real_type",
        name="x",
        provider="aws",
        region="us-east-1",
        action=Action.CREATE,
    )
    project = build_project("p", "p", [odd], book)
    assert [r.address for r in project.unsupported] == ["aws_not_a_real_type.x"]


def test_a_lone_tier_that_starts_late_charges_only_from_its_start() -> None:
    from costgate.pricing.lookup import tiered_cost

    assert tiered_cost(D(1_500_000), ((D(1_000_000), None, D("0.5")),)) == D(250_000)
    assert tiered_cost(D(900_000), ((D(1_000_000), None, D("0.5")),)) == 0


def test_no_match_in_a_thinly_seeded_region_points_to_a_refresh(book: PriceBook, tmp_path: Path) -> None:
    thin = book.lookup(_q("Glacier Something"))
    assert isinstance(thin, NoPrice) and thin.reason == "no product in the catalog matches"
    assert "holds only" in thin.hint and "--services AmazonS3 --regions us-east-1" in thin.hint
    rows = [_row(str(i + 1), attrs={"storageClass": f"C{i}"}, sku=f"S{i}") for i in range(120)]
    write_catalog(rows, tmp_path / "full", [SourceInfo(id="test", upstream="", price_date="2026-01-01")], BuildReport())
    full = PriceBook(CatalogStore.open(tmp_path / "full", cache=tmp_path / "cache-full")).lookup(
        _q("Glacier Something")
    )
    assert isinstance(full, NoPrice) and "catalog query" in full.hint and "holds only" not in full.hint


@pytest.mark.parametrize("gb", ["-5", "-1000000", "NaN", "Infinity", "-Infinity", "sNaN"])
def test_no_negative_nan_or_infinite_quantity_reaches_a_total(book: PriceBook, gb: str) -> None:
    # this test pricer turns `gb` into a Decimal without the typed accessors: the estimate's own guard holds
    good = _res("100")
    project = build_project("p", "p", [good, _res(gb)], book)
    bad = project.resources[1].components[0]
    assert bad.monthly_cost is None and bad.no_price is not None
    assert bad.no_price.reason.startswith("quantity is ") and "expected a number >= 0" in bad.no_price.reason
    assert [r.address for r, _c in project.unpriced] == [f"aws_test_thing.t{gb}"]
    assert project.totals.after == D(100) * D("0.023")


def test_a_value_the_pricer_refuses_makes_the_resource_not_priced(
    book: PriceBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    from costgate.resources.base import size_gb

    def strict(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
        yield monthly("Storage", "GB", size_gb(r, "gb"), _q("General Purpose"))

    monkeypatch.setattr("costgate.estimate.pricer_for", lambda t: Pricer(type=t, price=strict))
    project = build_project("p", "p", [_res("-5"), _res("7")], book)
    bad, good = project.resources
    (comp,) = bad.components
    assert comp.no_price is not None and comp.no_price.reason == "gb is '-5', expected a size >= 0"
    assert good.monthly_cost == D(7) * D("0.023") and project.totals.after == good.monthly_cost


def test_equal_components_are_priced_once_and_memoized_totals_follow_replace(book: PriceBook) -> None:
    # 30 instances of one block with equal values: one shared priced component, the right total
    same = [
        Resource(
            address=Address(f"aws_test_thing.t[{i}]"),
            type="aws_test_thing",
            name="t",
            provider="aws",
            region="us-east-1",
            action=Action.CREATE,
            values={"gb": "100", "cls": "General Purpose"},
        )
        for i in range(30)
    ]
    project = build_project("p", "p", [*same, _res("200")], book)
    assert len({id(r.components[0]) for r in project.resources}) == 2
    assert project.totals.after == 30 * D("2.3") + D("4.6")
    assert project.counts.resources == 31
    smaller = replace(project, resources=project.resources[:1])  # a new Project: its own totals, not the memo's
    assert smaller.totals.after == D("2.3") and smaller.counts.resources == 1
    assert project.totals.after == 30 * D("2.3") + D("4.6")
