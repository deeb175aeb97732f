"""The `--format` choices of `costgate showback`: table, json, csv and focus.

`focus` writes the FOCUS forecast dataset with each row's owner (x_CostgateOwner) and the
shared pool its share came from: CSV, or Parquet when `--out` ends in .parquet (pyarrow).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from costgate.estimate import Estimate
from costgate.gate.showback import Showback
from costgate.report import focus
from costgate.report.console import PIPE_WIDTH
from costgate.report.showback import render_csv, render_json, render_table

SHOWBACK_FORMATS = ("table", "json", "csv", "focus")


def focus_charges(sb: Showback) -> list[focus.Charge]:
    """The showback's allocations of after-side components as FOCUS charges (a shared component
    not priced is listed once, so it is counted once among what the file leaves out)."""
    out: list[focus.Charge] = []
    seen_unpriced: set[int] = set()
    for a in sb.allocations:
        line = a.line
        if line.component is None or not focus.after_side(line.side):
            continue
        if line.component.monthly_cost is None:
            if id(line) in seen_unpriced:
                continue
            seen_unpriced.add(id(line))
        out.append(focus.Charge(line.project, line.cost, line.component, a.amount.after, owner=a.owner, pool=a.pool))
    return out


def write_focus(result: focus.FocusRows, out: Path | None, warn: Callable[[str], None]) -> str | None:
    """CSV text to emit, or None when Parquet was written to `out`; warns about what FOCUS leaves out."""
    if result.left_out:
        warn(f"{result.left_out} component(s) without a price or a usage quantity are not rows of the FOCUS file "
             "(FOCUS cost columns cannot be null or a placeholder 0); `costgate breakdown` lists them")
    if out is not None and out.suffix.lower() == ".parquet":
        focus.write_parquet(result, out)
        return None
    return focus.render_csv(result)


def render_showback(sb: Showback, estimate: Estimate, fmt: str, *, day: date, out: Path | None = None,
                    color: bool = False, width: int = PIPE_WIDTH,
                    warn: Callable[[str], None] = lambda _line: None) -> str | None:
    """The output text of `fmt` (None when a Parquet file was written to `out`)."""
    if fmt == "table":
        return render_table(sb, color=color, width=width)
    if fmt == "json":
        return render_json(sb)
    if fmt == "csv":
        return render_csv(sb)
    if fmt == "focus":
        return write_focus(focus.focus_rows(estimate, focus_charges(sb), day=day), out, warn)
    raise ValueError(f"unknown showback format {fmt!r}")
