"""The price_facts mapping loader: which lines an entry claims and where their rows land."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from costgate.pricing.build.price_facts import MappingReport, load_mappings, rows

FACTS = """provider,region,line_item,unit,unit_price_usd
azure,eastus,NAT gateway,hours,0.045
azure,West Europe,NAT gateway,hours,0.045
azure,eastus,Data processed,GB,0.045
aws,us-east-1,Storage,GB,0.19
aws,us-east-1,Storage,GB,0.10
"""

MAPPINGS = {
    "azure/NAT Gateway.yaml": """provider: azure
service: NAT Gateway
entries:
  - line_item: NAT gateway
    unit: hours
    regions: [eastus, westeurope]
    catalog_region: global          # Azure sells the gateway hour in "Global"
    family: Networking
    attributes: {meterName: Standard Gateway, unitOfMeasure: 1 Hour}
    catalog_unit: 1 Hour
""",
    "aws/AmazonRDS.yaml": """provider: aws
service: AmazonRDS
entries:
  - line_item: Storage
    unit: GB
    regions: [us-east-1]
    price: 0.19
    catalog_region: sa-east-1       # the case's cluster is in sa-east-1; the line says us-east-1
    family: Database Storage
    attributes: {usagetype: SAE1-Aurora:StorageUsage}
    catalog_unit: GB-Mo
""",
}


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    prices = tmp_path / "prices"
    (prices / "infracost-golden").mkdir(parents=True)
    (prices / "infracost-golden" / "price_facts.csv").write_text(FACTS)
    maps = tmp_path / "mappings"
    for name, text in MAPPINGS.items():
        (maps / name).parent.mkdir(parents=True, exist_ok=True)
        (maps / name).write_text(text)
    return prices, maps


def test_catalog_region_stores_the_product_where_it_is_sold(tmp_path: Path) -> None:
    prices, maps = _setup(tmp_path)
    report = MappingReport()
    out = list(rows(prices, load_mappings(maps), report))
    nat = [r for r in out if r.service == "NAT Gateway"]
    # two lines (eastus, West Europe) of one Global product: same row twice, so the build dedupes them
    assert {(r.region, r.price, r.sku) for r in nat} == {("global", Decimal("0.045"), nat[0].sku)}
    rds = [r for r in out if r.service == "AmazonRDS"]
    assert [(r.region, r.price) for r in rds] == [("sa-east-1", Decimal("0.19"))]  # the price filter kept 0.10 out
    assert report.mapped_lines == 3
    assert sorted((u[2], u[4]) for u in report.unmapped) == [("Data processed", "0.045"), ("Storage", "0.10")]


def test_without_catalog_region_the_line_region_is_kept(tmp_path: Path) -> None:
    prices, maps = _setup(tmp_path)
    text = (
        (maps / "azure/NAT Gateway.yaml")
        .read_text()
        .replace('    catalog_region: global          # Azure sells the gateway hour in "Global"\n', "")
    )
    (maps / "azure/NAT Gateway.yaml").write_text(text)
    out = [r for r in rows(prices, load_mappings(maps)) if r.service == "NAT Gateway"]
    assert sorted(r.region for r in out) == ["eastus", "westeurope"]


def test_hourly_list_price_recovers_the_published_price_from_a_rounded_month(tmp_path: Path) -> None:
    """125.71 for 14 GiB x 730 hours printed as 8.979285714 per GiB-month: the meter is $0.0123 per hour;
    without the flag the line is divided as it is (a per-GB-month list price is no rounding artefact)."""
    prices = tmp_path / "prices"
    (prices / "infracost-golden").mkdir(parents=True)
    (prices / "infracost-golden" / "price_facts.csv").write_text(
        "provider,region,line_item,unit,unit_price_usd\nazure,eastus,Memory (EP3),GB,8.979285714\n"
    )
    entry = """provider: azure
service: Functions
entries:
  - line_item: 'Memory \\(EP3\\)'
    unit: GB
    family: Compute
    attributes: {meterName: Premium Memory Duration}
    catalog_unit: 1 GiB Hour
    divisor: 730
"""
    maps = tmp_path / "mappings"
    (maps / "azure").mkdir(parents=True)
    (maps / "azure" / "Functions.yaml").write_text(entry + "    hourly_list_price: true\n")
    assert [r.price for r in rows(prices, load_mappings(maps))] == [Decimal("0.0123")]
    (maps / "azure" / "Functions.yaml").write_text(entry)
    assert [r.price for r in rows(prices, load_mappings(maps))] == [Decimal("8.979285714") / 730]
