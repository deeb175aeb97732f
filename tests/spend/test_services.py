"""The Cost Explorer service table: every code it maps to is one costgate prices, every name maps
one way, and docs/actuals.md prints the same table."""

from __future__ import annotations

import re

from costgate.spend.services import (
    ServiceKind,
    cost_explorer_names,
    map_service,
    mapping_table,
)
from tests.helpers import REPO


def _codes_costgate_prices() -> set[str]:
    """Service codes of the shipped catalog, and those the AWS pricers name in their queries."""
    codes = {p.name for p in (REPO / "pricing_data" / "aws").iterdir() if p.is_dir()}
    for module in (REPO / "costgate" / "resources" / "aws").glob("*.py"):
        codes |= set(re.findall(r'"((?:Amazon|AWS|aws)[A-Za-z0-9]+)"', module.read_text(encoding="utf-8")))
    return codes


def test_every_mapped_code_is_a_service_costgate_prices() -> None:
    mapped = {m.code for m in mapping_table() if m.kind is ServiceKind.SERVICE}
    assert mapped - _codes_costgate_prices() == set()


def test_ec2_bills_under_two_names_and_an_unknown_name_stays_unmapped() -> None:
    assert cost_explorer_names("AmazonEC2") == ["Amazon Elastic Compute Cloud - Compute", "EC2 - Other"]
    assert map_service("EC2 - Other").code == "AmazonEC2"
    assert map_service("Tax").kind is ServiceKind.ACCOUNT
    odd = map_service("Amazon Something New")
    assert (odd.kind, odd.code, odd.name) == (ServiceKind.UNMAPPED, None, "Amazon Something New")


def test_the_docs_print_the_table() -> None:
    text = (REPO / "docs" / "actuals.md").read_text(encoding="utf-8")
    block = text.split("<!-- services table: begin -->\n")[1].split("<!-- services table: end -->")[0]
    rows = [line for line in block.splitlines() if line.startswith("| ") and not line.startswith("| Cost Explorer")]
    expected = [
        f"| {m.name} | {m.code if m.kind is ServiceKind.SERVICE else 'account charge (no resource)'} |"
        for m in mapping_table()
    ]
    assert rows == expected
