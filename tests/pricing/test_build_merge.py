"""Merging price rows at build time: one product printed twice with different rounding keeps the
better-kept figure; two genuinely different prices for one product stop the build."""

from __future__ import annotations

from decimal import Decimal

import pytest

from costgate.errors import CatalogBuildError
from costgate.pricing.build.writer import BuildReport, merge
from costgate.pricing.rows import CatalogRow


def _row(price: str) -> CatalogRow:
    return CatalogRow(
        provider="azure",
        service="Storage",
        family=None,
        region="eastus",
        attributes={"meterName": "S4 LRS Disk"},
        unit="1/Month",
        price=Decimal(price),
        sku="pf:x",
    )


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [
        ("1.54", "1.536", "1.536"),  # a display rounding and the list price: the list price
        ("1.536", "1.54", "1.536"),  # whichever comes first
        ("0.0463972603", "0.0464", "0.0464"),  # cost / quantity from rounded tables and the printed price
        ("0.0464", "0.0463972603", "0.0464"),
    ],
)
def test_rounding_variants_keep_the_better_kept_figure(first: str, second: str, kept: str) -> None:
    report = BuildReport()
    rows = merge([("infracost-golden", [_row(first), _row(second)])], report)
    assert [r.price for r in rows] == [Decimal(kept)]
    assert report.duplicates == 1


def test_different_prices_for_one_product_stop_the_build() -> None:
    with pytest.raises(CatalogBuildError, match="conflicting prices"):
        merge([("infracost-golden", [_row("1.54"), _row("1.70")])], BuildReport())
