"""The comparison on hand-made lines (no database, no AWS): by project, the owner-less and the
never-billed rows, and what a missing side means for the gap."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from costgate.spend.compare import BillSlice, compare
from costgate.spend.model import ActualCost, EstimateLine, ReasonCode, UnsupportedLine

WHEN = datetime(2026, 11, 1, tzinfo=UTC)
BILL = BillSlice("2026-09", "aws-cost-explorer", "UnblendedCost", "project", None)


def _line(
    project: str, team: str | None, service: str, monthly: str, *, usage: int = 0, unpriced: int = 0, run_id: int = 1
) -> EstimateLine:
    return EstimateLine(project, team, "aws", service, Decimal(monthly), usage, unpriced, run_id, WHEN)


def _cost(service: str, value: str, amount: str, key: str = "project") -> ActualCost:
    return ActualCost("2026-09", service, key, value, Decimal(amount), "USD", False)


def test_by_project_reads_the_project_tag() -> None:
    lines = [
        _line("api", "core", "AmazonEC2", "40.5", unpriced=1),
        _line("api", "core", "AmazonS3", "2"),
        _line("batch", None, "AWSLambda", "9", run_id=2),
    ]
    costs = [
        _cost("Amazon Elastic Compute Cloud - Compute", "api", "44"),
        _cost("Amazon Simple Storage Service", "api", "1.5"),
        _cost("AWS Lambda", "apii", "3"),
    ]
    c = compare(lines, [UnsupportedLine("api", "core", "aws_x", 1)], costs, by="project", bill=BILL)
    rows = {r.key: (r.estimate, r.actual, r.gap, [x.code for x in r.reasons]) for r in c.rows}
    assert rows == {
        "api": (Decimal("42.5"), Decimal("45.5"), Decimal(3), [ReasonCode.UNPRICED, ReasonCode.UNSUPPORTED]),
        "batch": (Decimal(9), None, Decimal(-9), [ReasonCode.NO_ACTUAL]),
        "apii": (None, Decimal(3), Decimal(3), [ReasonCode.UNKNOWN_TAG_VALUE]),
    }
    assert [r.key for r in c.rows] == ["api", "apii", "batch"]
    assert (c.estimate_total, c.actual_total, c.gap_total, c.runs) == (Decimal("51.5"), Decimal("48.5"), Decimal(-3), 2)
    [note] = c.notes
    assert note == "the estimate is a month of 730 hours; 2026-09 has 720, so always-on resources bill -1.4% against it"


def test_by_team_an_estimate_nobody_owns_is_its_own_row() -> None:
    c = compare(
        [_line("batch", None, "AWSLambda", "9")],
        [],
        [_cost("AWS Lambda", "core", "1", key="team")],
        by="team",
        bill=BillSlice("2026-09", "aws-cost-explorer", "UnblendedCost", "team", None),
        team_aliases={"core": "platform"},
    )
    rows = {r.key: (r.estimate, r.actual, [x.code for x in r.reasons]) for r in c.rows}
    assert rows == {
        "(unowned)": (Decimal(9), None, [ReasonCode.UNALLOCATED]),
        "platform": (None, Decimal(1), [ReasonCode.NO_ESTIMATE]),
    }


def test_nothing_recorded_and_nothing_billed_is_an_empty_comparison() -> None:
    c = compare([], [], [], by="service", bill=BILL)
    assert c.rows == () and c.gap_total == 0
