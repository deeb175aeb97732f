"""EC2 on-demand Linux (shared tenancy) prices from karpenter-provider-aws's generated tables.

*.metal rows are dedicated-host prices in that table (about 10 % above shared tenancy), so
they are dropped, as SOURCES.tsv warns. China prices are in CNY and marked as such.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from costgate.errors import CatalogBuildError
from costgate.pricing.rows import CatalogRow

SOURCE_ID = "karpenter-aws"
FILE = "karpenter-aws/ec2_ondemand_linux.csv"
PRICE_DATES = {"cn-north-1": "2024-11-06"}
DEFAULT_DATE = "2026-07-20"


def rows(prices_dir: Path) -> Iterator[CatalogRow]:
    """Yield one Compute Instance row per (region, instance type)."""
    path = prices_dir / FILE
    try:
        handle = path.open(newline="", encoding="utf-8")
    except FileNotFoundError as exc:
        raise CatalogBuildError("price source not found", path=str(path)) from exc
    with handle:
        for line, rec in enumerate(csv.DictReader(handle), start=2):
            try:
                region, itype, price = rec["region"], rec["instance_type"], Decimal(rec["usd_per_hour"])
            except (KeyError, ArithmeticError) as exc:
                raise CatalogBuildError(f"line {line}: unexpected row ({exc})", path=str(path)) from exc
            if itype.endswith(".metal") or "metal-" in itype:
                continue
            yield CatalogRow(
                provider="aws",
                service="AmazonEC2",
                family="Compute Instance",
                region=region,
                attributes={
                    "instanceType": itype,
                    "operatingSystem": "Linux",
                    "tenancy": "Shared",
                    "preInstalledSw": "NA",
                    "capacitystatus": "Used",
                    "licenseModel": "No License required",
                },
                unit="Hrs",
                price=price,
                currency="CNY" if region.startswith("cn-") else "USD",
                sku=f"karpenter:{region}:{itype}",
                source=SOURCE_ID,
                price_date=PRICE_DATES.get(region, DEFAULT_DATE),
                description=f"{itype} Linux on-demand",
            )
