"""List prices, not cost / quantity artefacts (issue 10, part 4e).

price_facts printed an ALB hour ($0.0225 list) as $16.43 for 730 hours and gives 0.02250684932 back;
the build recovers the list price, only where that is an artefact (hourly lines sold by the hour),
and outputs print a unit price with the digits its source gave.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from costgate.money import unit_price
from costgate.pricing.build import price_facts
from costgate.pricing.build.list_price import list_price
from tests.pricing.catalog_queries import query

D = Decimal


@pytest.mark.parametrize(
    ("derived", "listed"),
    [
        ("0.02250684932", "0.0225"),  # $16.43 / 730: ALB hour
        ("0.0463972603", "0.0464"),  # $33.87 / 730
        ("0.1913972603", "0.1914"),  # $139.72 / 730
        ("0.0225", "0.0225"),  # already a list price: untouched
        ("0.0000166667", "0.0000166667"),  # a real list price with many decimals (Lambda GB-second): untouched
        ("0.1666666667", "0.1666666667"),  # 1/6: no 730-hour figure explains it, kept
    ],
)
def test_list_price(derived: str, listed: str) -> None:
    assert list_price(D(derived)) == D(listed)


def _one_line(tmp_path: Path, line: str) -> list[Decimal]:
    folder = tmp_path / "infracost-golden"
    folder.mkdir()
    (folder / "price_facts.csv").write_text(
        "provider,region,line_item,unit,unit_price_usd\n" + line + "\n", encoding="utf-8"
    )
    return [row.price for row in price_facts.rows(tmp_path)]


def test_the_build_stores_the_list_price_of_an_hourly_line(tmp_path: Path) -> None:
    assert _one_line(tmp_path, "aws,us-east-1,Application load balancer,hours,0.02250684932") == [D("0.0225")]


def test_the_shipped_catalog_has_the_alb_list_price() -> None:
    found = query(
        "--provider",
        "aws",
        "--service",
        "AWSELB",
        "--region",
        "us-east-1",
        "--attr",
        "usagetype=LoadBalancerUsage",
        "--attr",
        "group=ELB:Balancing",
    )
    by_family = {p["family"]: p["price"] for p in found}
    assert by_family["Load Balancer-Application"] == by_family["Load Balancer-Network"] == "0.0225"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("0.0225", "$0.0225"),
        ("1.5365", "$1.5365"),
        ("0.00000000208", "$0.00000000208"),
        ("0.1", "$0.10"),
        ("1234.5", "$1,234.50"),
    ],
)
def test_unit_prices_print_with_their_source_precision(value: str, shown: str) -> None:
    assert unit_price(D(value)) == shown
