"""`costgate history` rendered: a table, JSON (versioned, snake_case, money as decimal strings) or CSV.

The ledger computes the series (ledger/history.py); how they look is decided here, in the one
package that renders, through the same format registry as every other command
(report/formats/history_*.py).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the ledger (SQLAlchemy) is imported by the command that reads it, not by rendering
    from costgate.ledger.history import Series

HISTORY_JSON_VERSION = 1
"""The version of `history --format json`: bumped when a field changes meaning or goes away."""


def _usd(amount: Decimal, *, sign: bool = False) -> str:
    return f"{amount:+,.2f}" if sign else f"{amount:,.2f}"


def history_table(series: Sequence[Series], *, by: str) -> str:
    """One block per series: the months' run-rate and change, then the runs that moved it."""
    if not series:
        return "No recorded runs match (record runs with `costgate record`).\n"
    out: list[str] = []
    for s in series:
        out.append(f"{by} {s.key}")
        out.append(f"  {'month':<8}  {'run-rate $/mo':>15}  {'change':>13}")
        out.extend(f"  {p.month:<8}  {_usd(p.run_rate):>15}  {_usd(p.change, sign=True):>13}" for p in s.months)
        if s.changes:
            out.append("  changes:")
            for c in s.changes:
                pr = f"PR #{c.pull_request}" if c.pull_request is not None else "no PR"
                commit = (c.head_commit or "")[:12] or "no commit"
                who = f" {c.project}" if by == "team" else ""
                out.append(
                    f"    {c.recorded_at}{who}  {pr:<9} {commit:<12}  {_usd(c.delta, sign=True):>13}"
                    f"  -> {_usd(c.run_rate)}"
                )
        if s.total_changes is not None:
            out.append(
                f"  ({s.total_changes:,} changes in all; the {len(s.changes):,} most recent are listed: "
                "--changes all lists every one)"
            )
        out.append("")
    return "\n".join(out)


def history_json(series: Sequence[Series], *, by: str) -> str:
    """The series as a versioned JSON document (money as decimal strings: no float rounding)."""
    doc = {
        "version": HISTORY_JSON_VERSION,
        "group_by": by,
        "currency": "USD",
        "series": [
            {
                "key": s.key,
                "total_changes": s.total_changes if s.total_changes is not None else len(s.changes),
                "months": [{"month": p.month, "run_rate": str(p.run_rate), "change": str(p.change)} for p in s.months],
                "changes": [
                    {
                        "month": c.month,
                        "recorded_at": c.recorded_at,
                        "project": c.project,
                        "team": c.team,
                        "pull_request": c.pull_request,
                        "head_commit": c.head_commit,
                        "branch": c.branch,
                        "delta": str(c.delta),
                        "run_rate": str(c.run_rate),
                    }
                    for c in s.changes
                ],
            }
            for s in series
        ],
    }
    return json.dumps(doc, indent=2) + "\n"


def history_csv(series: Sequence[Series]) -> str:
    """One row per month and key, then the change rows of that month (row_type tells them apart)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        ["row_type", "key", "month", "run_rate", "change", "project", "pull_request", "head_commit", "recorded_at"]
    )
    for s in series:
        for p in s.months:
            w.writerow(["month", s.key, p.month, p.run_rate, p.change, "", "", "", ""])
            for c in (c for c in s.changes if c.month == p.month):
                w.writerow(
                    [
                        "change",
                        s.key,
                        c.month,
                        c.run_rate,
                        c.delta,
                        c.project,
                        "" if c.pull_request is None else c.pull_request,
                        c.head_commit or "",
                        c.recorded_at,
                    ]
                )
    return buf.getvalue()
