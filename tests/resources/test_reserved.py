"""Reserved EC2 instances: hourly rate plus the upfront fee amortised over the term (issue 4 part 3).

Priced against a catalog the test writes itself, with AWS's two rows per reserved offering: the
effective hourly rate (unit Hrs) and the one-time upfront fee (unit Quantity). An all-upfront
1-year reservation costs upfront/12 a month, never $0.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from costgate.estimate import PricedComponent, ResourceCost, build_project
from costgate.model import HOURS_PER_MONTH, Action, Address, Resource
from costgate.pricing.build.writer import BuildReport, write_catalog
from costgate.pricing.lookup import PriceBook
from costgate.pricing.manifest import SourceInfo
from costgate.pricing.rows import CatalogRow
from costgate.pricing.store import CatalogStore
from costgate.resources.aws._ec2 import InstanceSpec, instance_components
from costgate.resources.base import Usage

D = Decimal
ITYPE = "m5.large"
ATTRS = {
    "instanceType": ITYPE,
    "operatingSystem": "Linux",
    "tenancy": "Shared",
    "preInstalledSw": "NA",
    "capacitystatus": "Used",
    "licenseModel": "No License required",
}
# (term, payment): (hourly rate, upfront fee); the fees are chosen so that fee/12 and fee/36 are exact
OFFERS = {
    ("1yr", "All Upfront"): ("0", "1051.2"),
    ("1yr", "Partial Upfront"): ("0.03", "525.6"),
    ("1yr", "No Upfront"): ("0.062", None),
    ("3yr", "All Upfront"): ("0", "2102.4"),
    ("3yr", "Partial Upfront"): ("0.031", "1051.2"),
    ("3yr", "No Upfront"): ("0.043", None),
}
UPFRONT = "Upfront fee (amortised)"
HOURLY = f"Instance usage (Linux/UNIX, reserved, {ITYPE})"


def _row(unit: str, price: str, term: str, payment: str) -> CatalogRow:
    return CatalogRow(
        provider="aws",
        service="AmazonEC2",
        family="Compute Instance",
        region="us-east-1",
        attributes=ATTRS,
        unit=unit,
        price=D(price),
        purchase_option="reserved",
        term={"leaseContractLength": term, "purchaseOption": payment, "offeringClass": "standard"},
        sku=f"{term}-{payment}-{unit}",
        source="test",
        price_date="2026-01-01",
    )


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> PriceBook:
    tmp = tmp_path_factory.mktemp("reserved")
    rows = []
    for (term, payment), (hourly, upfront) in OFFERS.items():
        rows.append(_row("Hrs", hourly, term, payment))
        if upfront is not None:
            rows.append(_row("Quantity", upfront, term, payment))
    write_catalog(rows, tmp / "data", [SourceInfo(id="test", upstream="", price_date="2026-01-01")], BuildReport())
    return PriceBook(CatalogStore.open(tmp / "data", cache=tmp / "cache"))


def _price(book: PriceBook, term: str, payment: str, **extra: Any) -> dict[str, PricedComponent]:
    """Price one aws_instance reserved for `term` ('1_year'...) and `payment` ('all_upfront'...)."""
    r = Resource(
        address=Address("aws_instance.ri"),
        type="aws_instance",
        name="ri",
        provider="aws",
        region="us-east-1",
        action=Action.CREATE,
        values={"instance_type": ITYPE},
    )
    given = {
        "reserved_instance_type": "standard",
        "reserved_instance_term": term,
        "reserved_instance_payment_option": payment,
        **extra,
    }
    (cost,) = build_project("p", "p", [r], book, usage=lambda _r: Usage(given)).resources
    assert isinstance(cost, ResourceCost)
    return {c.name: c for c in cost.components if c.name in (HOURLY, UPFRONT)}


def _cost(c: PricedComponent) -> Decimal:
    assert c.monthly_cost is not None, f"{c.name} has no cost"
    return c.monthly_cost


def test_all_upfront_one_year_costs_upfront_over_12_a_month(book: PriceBook) -> None:
    comps = _price(book, "1_year", "all_upfront")
    assert comps[HOURLY].monthly_cost == 0
    fee = comps[UPFRONT]
    assert fee.priced and fee.unit_price == D("1051.2")
    assert fee.monthly_cost == D("1051.2") / 12 == D("87.6")
    assert fee.query is not None
    assert fee.query.unit == "Quantity" and fee.query.purchase_option == "reserved"
    assert dict(fee.query.term) == {
        "leaseContractLength": "1yr",
        "offeringClass": "standard",
        "purchaseOption": "All Upfront",
    }
    assert sum(_cost(c) for c in comps.values()) > 0, "an all-upfront RI is never $0"


def test_partial_upfront_three_years_is_hourly_plus_upfront_over_36(book: PriceBook) -> None:
    comps = _price(book, "3_year", "partial_upfront")
    assert comps[HOURLY].monthly_cost == D("0.031") * HOURS_PER_MONTH
    assert comps[UPFRONT].monthly_cost == D("1051.2") / 36
    assert sum(_cost(c) for c in comps.values()) == D("0.031") * 730 + D("1051.2") / 36 == D("51.83")


@pytest.mark.parametrize(
    ("term", "payment", "hourly", "upfront", "months"),
    [
        ("1_year", "partial_upfront", "0.03", "525.6", 12),
        ("3_year", "all_upfront", "0", "2102.4", 36),
    ],
)
def test_other_upfront_offers(book: PriceBook, term: str, payment: str, hourly: str, upfront: str, months: int) -> None:
    comps = _price(book, term, payment)
    assert comps[HOURLY].monthly_cost == D(hourly) * 730
    assert comps[UPFRONT].monthly_cost == D(upfront) / months


@pytest.mark.parametrize("term", ["1_year", "3_year"])
def test_no_upfront_has_no_fee(book: PriceBook, term: str) -> None:
    comps = _price(book, term, "no_upfront")
    assert UPFRONT not in comps
    assert comps[HOURLY].priced and _cost(comps[HOURLY]) > 0


def test_fee_does_not_scale_with_hours_run(book: PriceBook) -> None:
    """The upfront fee is paid whatever the instance runs: monthly_hrs scales only the hourly part."""
    comps = _price(book, "3_year", "partial_upfront", monthly_hrs=100)
    assert comps[HOURLY].monthly_cost == D("3.1")
    assert comps[UPFRONT].monthly_cost == D("1051.2") / 36


def test_fee_is_counted_per_instance_of_a_group() -> None:
    r = Resource(
        address=Address("aws_autoscaling_group.g"),
        type="aws_autoscaling_group",
        name="g",
        provider="aws",
        region="us-east-1",
        action=Action.CREATE,
    )
    usage = Usage(
        {
            "reserved_instance_type": "standard",
            "reserved_instance_term": "1_year",
            "reserved_instance_payment_option": "all_upfront",
        }
    )
    comps = {
        c.name: c for c in instance_components(r, InstanceSpec(ITYPE), usage, count=D(3), count_range=(D(1), D(6)))
    }
    fee = comps[UPFRONT]
    assert fee.monthly_quantity == D(3) / 12
    assert fee.quantity_range == (D(1) / 12, D(6) / 12)
    unknown = {c.name: c for c in instance_components(r, InstanceSpec(ITYPE), usage, count=None)}
    assert unknown[UPFRONT].monthly_quantity is None and unknown[UPFRONT].usage_based


def test_spot_and_on_demand_have_no_fee() -> None:
    r = Resource(
        address=Address("aws_instance.x"),
        type="aws_instance",
        name="x",
        provider="aws",
        region="us-east-1",
        action=Action.CREATE,
    )
    usage = Usage(
        {
            "reserved_instance_type": "standard",
            "reserved_instance_term": "1_year",
            "reserved_instance_payment_option": "all_upfront",
        }
    )
    spot = [c.name for c in instance_components(r, InstanceSpec(ITYPE, spot=True), usage)]
    on_demand = [c.name for c in instance_components(r, InstanceSpec(ITYPE), Usage())]
    assert UPFRONT not in spot and UPFRONT not in on_demand


def test_unknown_term_length_gives_no_fee() -> None:
    """Without the term length there is nothing to spread the fee over: no guessed component."""
    r = Resource(
        address=Address("aws_instance.x"),
        type="aws_instance",
        name="x",
        provider="aws",
        region="us-east-1",
        action=Action.CREATE,
    )
    usage = Usage({"reserved_instance_type": "standard", "reserved_instance_payment_option": "all_upfront"})
    assert UPFRONT not in [c.name for c in instance_components(r, InstanceSpec(ITYPE), usage)]


def test_shipped_catalog_has_no_fee_rows_yet() -> None:
    """Documents the shipped catalog's gap: the fee component exists but is reported unpriced, never $0."""
    shipped = PriceBook(CatalogStore.open())
    r = Resource(
        address=Address("aws_instance.ri"),
        type="aws_instance",
        name="ri",
        provider="aws",
        region="us-east-1",
        action=Action.CREATE,
        values={"instance_type": "t3.medium"},
    )
    given = {
        "reserved_instance_type": "standard",
        "reserved_instance_term": "1_year",
        "reserved_instance_payment_option": "all_upfront",
    }
    (cost,) = build_project("p", "p", [r], shipped, usage=lambda _r: Usage(given)).resources
    fee = next(c for c in cost.components if c.name == UPFRONT)
    assert not fee.priced
