"""Nothing in price_facts is left out silently: every line is mapped into a cloud's schema or
listed, with its reason, in costgate/pricing/mappings/unmapped/<provider>.yaml; and no register
entry is stale (explains no line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from costgate.pricing.build.price_facts import MappingReport, load_unmapped_register, rows
from tests.helpers import need_shared


@pytest.fixture(scope="module")
def report() -> MappingReport:
    prices = need_shared() / "prices"
    out = MappingReport()
    for _row in rows(prices, report=out):
        pass
    return out


@pytest.mark.parametrize("provider", ["aws", "azure", "google"])
def test_every_line_is_mapped_or_has_a_reason(report: MappingReport, provider: str) -> None:
    left = [line for line in report.unexplained if line[0] == provider]
    assert not left, f"{len(left)} {provider} lines neither mapped nor in mappings/unmapped/{provider}.yaml: {left[:5]}"


def test_no_register_entry_is_stale(report: MappingReport) -> None:
    stale = [r.origin for r in load_unmapped_register() if r.origin not in report.used_reasons]
    assert not stale, f"register entries that explain no unmapped line (remove them): {stale}"


def test_register_entries_need_a_reason(tmp_path: Path) -> None:
    from costgate.errors import CatalogBuildError

    (tmp_path / "unmapped").mkdir()
    (tmp_path / "unmapped" / "aws.yaml").write_text("provider: aws\nlines:\n  - line_item: Storage\n")
    with pytest.raises(CatalogBuildError, match="reason"):
        load_unmapped_register(tmp_path)
