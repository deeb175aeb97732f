"""`costgate actuals compare` as a table, JSON (versioned, snake_case, money as decimal strings)
or CSV: estimate beside actual spend, the gap, and why, row by row.

Team names, tag values and service names come from the bill and the ledger: the table passes
each through safe_text, and CSV cells that a spreadsheet would run as a formula are quoted.
"""

from __future__ import annotations

import csv
import io
import json

from costgate.report.money import money
from costgate.report.terminal import safe_text
from costgate.spend.model import Comparison

ACTUALS_JSON_VERSION = 1


def _header(c: Comparison) -> list[str]:
    state = " (not final: Cost Explorer marks it estimated)" if c.estimated_month else ""
    lines = [
        f"Estimate vs actual by {c.by}, {c.month}{state}",
        f"actual: {c.source} {c.metric}"
        + (f", allocated by tag `{safe_text(c.tag_key)}`" if c.tag_key else "")
        + (f", imported {c.imported_at:%Y-%m-%d %H:%M} UTC" if c.imported_at else ""),
        f"estimate: monthly run-rate of the latest recorded main-branch run of each project ({c.runs} run(s))",
    ]
    return lines


def actuals_table(c: Comparison) -> str:
    """A plain-text table: one line per key, its billing names and reasons indented under it."""
    out = _header(c)
    out.append("")
    if not c.rows:
        out.append("Nothing to compare: no recorded estimate and no imported spend for this month.")
        return "\n".join(out) + "\n"
    width = max(len(c.by), *(len(safe_text(r.key)) for r in c.rows))
    out.append(f"{c.by:<{width}}  {'estimate':>14}  {'actual':>14}  {'gap':>14}")
    for r in c.rows:
        out.append(
            f"{safe_text(r.key):<{width}}  {money(r.estimate):>14}  {money(r.actual):>14}  "
            f"{money(r.gap, signed=True):>14}"
        )
        if len(r.names) > 1 or (r.names and r.names[0] != r.key):
            out.append(f"  billed as: {', '.join(safe_text(n) for n in r.names)}")
        out.extend(f"  - {safe_text(reason.text)}" for reason in r.reasons)
    out.append(
        f"{'total':<{width}}  {money(c.estimate_total):>14}  {money(c.actual_total):>14}  "
        f"{money(c.gap_total, signed=True):>14}"
    )
    if c.notes:
        out.append("")
        out.extend(f"note: {safe_text(n)}" for n in c.notes)
    return "\n".join(out) + "\n"


def actuals_json(c: Comparison) -> str:
    """JSON version ACTUALS_JSON_VERSION: amounts as decimal strings, None where a side is missing."""
    doc = {
        "version": ACTUALS_JSON_VERSION,
        "group_by": c.by,
        "month": c.month,
        "month_final": not c.estimated_month,
        "source": c.source,
        "metric": c.metric,
        "tag_key": c.tag_key,
        "currency": c.currency,
        "imported_at": c.imported_at.isoformat(timespec="seconds") if c.imported_at else None,
        "runs": c.runs,
        "rows": [
            {
                "key": r.key,
                "estimate": None if r.estimate is None else str(r.estimate),
                "actual": None if r.actual is None else str(r.actual),
                "gap": str(r.gap),
                "billed_as": list(r.names),
                "reasons": [{"code": str(reason.code), "text": reason.text} for reason in r.reasons],
            }
            for r in c.rows
        ],
        "totals": {"estimate": str(c.estimate_total), "actual": str(c.actual_total), "gap": str(c.gap_total)},
        "notes": list(c.notes),
    }
    return json.dumps(doc, indent=2) + "\n"


def _cell(text: str) -> str:
    """A CSV cell a spreadsheet will not evaluate (a leading =, +, -, @ gets a quote mark)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def actuals_csv(c: Comparison) -> str:
    """One row per key; reason codes space-separated, reason texts `; `-separated."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["month", "group_by", "key", "estimate", "actual", "gap", "reason_codes", "reasons", "billed_as"])
    for r in c.rows:
        w.writerow(
            [
                c.month,
                c.by,
                _cell(r.key),
                "" if r.estimate is None else r.estimate,
                "" if r.actual is None else r.actual,
                r.gap,
                " ".join(str(x.code) for x in r.reasons),
                _cell("; ".join(x.text for x in r.reasons)),
                _cell("; ".join(r.names)),
            ]
        )
    return buf.getvalue()
