"""`costgate history` as a table, JSON (versioned, snake_case, money as decimal strings) or CSV.

These renderers live beside the history they render rather than in report/: report/ sits below
the ledger in the layer order and cannot import its types.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from decimal import Decimal

from costgate.ledger.history import Series

HISTORY_FORMATS = ("table", "json", "csv")
HISTORY_JSON_VERSION = 1


def _usd(amount: Decimal, *, sign: bool = False) -> str:
    return f"{amount:+,.2f}" if sign else f"{amount:,.2f}"


def render_history(series: Sequence[Series], fmt: str, *, by: str) -> str:
    """Render the series in one of HISTORY_FORMATS (the parser limits the choice)."""
    if fmt == "json":
        return _json(series, by=by)
    if fmt == "csv":
        return _csv(series)
    return _table(series, by=by)


def _table(series: Sequence[Series], *, by: str) -> str:
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
                out.append(f"    {c.recorded_at}{who}  {pr:<9} {commit:<12}  {_usd(c.delta, sign=True):>13}"
                           f"  -> {_usd(c.run_rate)}")
        out.append("")
    return "\n".join(out)


def _json(series: Sequence[Series], *, by: str) -> str:
    doc = {
        "version": HISTORY_JSON_VERSION,
        "group_by": by,
        "currency": "USD",
        "series": [{
            "key": s.key,
            "months": [{"month": p.month, "run_rate": str(p.run_rate), "change": str(p.change)} for p in s.months],
            "changes": [{"month": c.month, "recorded_at": c.recorded_at, "project": c.project, "team": c.team,
                         "pull_request": c.pull_request, "head_commit": c.head_commit, "branch": c.branch,
                         "delta": str(c.delta), "run_rate": str(c.run_rate)} for c in s.changes],
        } for s in series],
    }
    return json.dumps(doc, indent=2) + "\n"


def _csv(series: Sequence[Series]) -> str:
    """One row per month and key, then the change rows of that month (row_type tells them apart)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["row_type", "key", "month", "run_rate", "change", "project", "pull_request", "head_commit", "recorded_at"])
    for s in series:
        for p in s.months:
            w.writerow(["month", s.key, p.month, p.run_rate, p.change, "", "", "", ""])
            for c in (c for c in s.changes if c.month == p.month):
                w.writerow(["change", s.key, c.month, c.run_rate, c.delta, c.project,
                            "" if c.pull_request is None else c.pull_request, c.head_commit or "", c.recorded_at])
    return buf.getvalue()
