"""`costgate showback` as a terminal table, JSON or CSV.

The table rounds to cents for reading; CSV and JSON carry every digit (CSV as exact decimal
text), so a spreadsheet's sum of the rows is the estimate's total. Unallocated cost is a row
of its own; a row whose cost leaves out unpriced or usage-dependent components, or resources
of unsupported types, says how many.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

import orjson
from rich.console import Console
from rich.table import Table
from rich.text import Text

from costgate.gate.showback import Incomplete, Showback
from costgate.money import decimal_text as exact
from costgate.money import money
from costgate.report.console import PIPE_WIDTH
from costgate.report.rich_text import literal

SHOWBACK_JSON_VERSION = "1.0"
UNALLOCATED = "(unallocated)"
"""How the table and CSV name the row of cost no owner takes (JSON: owner null)."""


def _gaps(inc: Incomplete) -> str:
    parts = []
    if inc.unpriced_components:
        parts.append(f"{inc.unpriced_components} unpriced")
    if inc.usage_components:
        parts.append(f"{inc.usage_components} need usage")
    if inc.unsupported_resources:
        parts.append(f"{inc.unsupported_resources} unsupported")
    return ", ".join(parts) or "-"


def render_table(sb: Showback, *, color: bool = False, width: int = PIPE_WIDTH) -> str:
    """Owners, their direct and shared monthly cost, and what each leaves out."""
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, no_color=not color, highlight=False, soft_wrap=False)
    table = Table(
        title=literal(f"Showback by {sb.by} (monthly, {sb.currency}, after the change)"), title_justify="left"
    )
    owner = f"Tag {sb.by.removeprefix('tag:')}" if sb.by.startswith("tag:") else sb.by.capitalize()
    for col in (owner, "Resources", "Direct", "Shared", "Total", "Share", "Not in the cost"):
        table.add_column(
            literal(col),
            justify="left" if col in (owner, "Not in the cost") else "right",
            min_width=len(UNALLOCATED) if col == owner else None,
            no_wrap=col != "Not in the cost",
        )
    for row in sb.rows:
        share = f"{row.total.after / sb.total.after * 100:.1f}%" if sb.total.after else "-"
        table.add_row(
            UNALLOCATED if row.owner is None else literal(row.owner),
            str(row.resources),
            money(row.direct.after),
            money(row.shared.after),
            money(row.total.after),
            share,
            _gaps(row.incomplete),
        )
    table.add_section()
    resources = sb.counts.resources  # a resource split across services counts once here
    table.add_row(
        "Total",
        str(resources),
        money(sum((r.direct.after for r in sb.rows), Decimal(0))),
        money(sum((r.shared.after for r in sb.rows), Decimal(0))),
        money(sb.total.after),
        "100.0%" if sb.total.after else "-",
        _gaps(sum((r.incomplete for r in sb.rows), Incomplete()) + sum((p.incomplete for p in sb.pools), Incomplete())),
    )
    console.print(table)
    for pool in sb.pools:
        taken = ", ".join(f"{UNALLOCATED if k is None else k} {money(v.after)}" for k, v in pool.shares.items())
        console.print(
            literal(
                f"shared pool {pool.name}: {money(pool.amount.after)} from {pool.resources} resource(s), "
                f"split {pool.split}: {taken or 'nothing to split'}"
                + (f" ({pool.note})" if pool.note else "")
                + (f"; not in the cost: {_gaps(pool.incomplete)}" if pool.incomplete.any else "")
            )
        )
    message = sb.counts.incomplete_message()
    if message:
        console.print(Text.assemble(literal(message, style="yellow"), ": those components have no cost here, not $0"))
    return buf.getvalue()


def _amount(before: Decimal, after: Decimal) -> dict[str, float]:
    return {"before": float(before), "after": float(after), "delta": float(after - before)}


def _incomplete(inc: Incomplete) -> dict[str, int]:
    return {
        "unpriced_components": inc.unpriced_components,
        "usage_based_components": inc.usage_components,
        "unsupported_resources": inc.unsupported_resources,
    }


def to_dict(sb: Showback) -> dict[str, Any]:
    """The JSON document (money as JSON numbers in USD a month, like every costgate JSON)."""
    return {
        "version": SHOWBACK_JSON_VERSION,
        "by": sb.by,
        "currency": sb.currency,
        "total": _amount(sb.total.before, sb.total.after),
        "complete": sb.counts.complete,
        "incomplete": sb.counts.incomplete_message(),
        "owners": [
            {
                "owner": row.owner,
                "unallocated": row.unallocated,
                "resources": row.resources,
                "direct": _amount(row.direct.before, row.direct.after),
                "shared": _amount(row.shared.before, row.shared.after),
                "total": _amount(row.total.before, row.total.after),
                "shares": {name: _amount(a.before, a.after) for name, a in row.shares.items()},
                "not_in_cost": _incomplete(row.incomplete),
            }
            for row in sb.rows
        ],
        "shared_pools": [
            {
                "name": pool.name,
                "split": pool.split,
                "resources": pool.resources,
                "amount": _amount(pool.amount.before, pool.amount.after),
                "shares": [
                    {"owner": k, "before": float(v.before), "after": float(v.after)} for k, v in pool.shares.items()
                ],
                "note": pool.note or None,
                "not_in_cost": _incomplete(pool.incomplete),
            }
            for pool in sb.pools
        ],
    }


def render_json(sb: Showback) -> str:
    """See to_dict."""
    return orjson.dumps(to_dict(sb), option=orjson.OPT_INDENT_2).decode() + "\n"


CSV_COLUMNS = (
    "owner",
    "unallocated",
    "resources",
    "direct_monthly_cost",
    "shared_monthly_cost",
    "monthly_cost",
    "before_monthly_cost",
    "delta_monthly_cost",
    "unpriced_components",
    "usage_based_components",
    "unsupported_resources",
    "currency",
)


def render_csv(sb: Showback) -> str:
    """One row per owner, exact decimal text; the rows' monthly_cost sums to the estimate's total."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in sb.rows:
        writer.writerow(
            [
                _cell(UNALLOCATED if row.owner is None else row.owner),
                "true" if row.unallocated else "false",
                row.resources,
                exact(row.direct.after),
                exact(row.shared.after),
                exact(row.total.after),
                exact(row.total.before),
                exact(row.total.delta),
                row.incomplete.unpriced_components,
                row.incomplete.usage_components,
                row.incomplete.unsupported_resources,
                sb.currency,
            ]
        )
    return buf.getvalue()


def _cell(text: str) -> str:
    """A plan- or config-controlled cell a spreadsheet would run as a formula (=, +, -, @) made text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
