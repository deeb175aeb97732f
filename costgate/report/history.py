"""`costgate history` rendered: a table, JSON (versioned, snake_case, money as decimal strings) or CSV.

The ledger computes the series (ledger/history.py); how they look is decided here, in the one
package that renders, through the same format registry as every other command
(report/formats/history_*.py).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from costgate.money import NO_MINOR_UNITS

if TYPE_CHECKING:  # the ledger (SQLAlchemy) is imported by the command that reads it, not by rendering
    from costgate.ledger.history import Change, Series

HISTORY_JSON_VERSION = 2
"""The version of `history --format json`: bumped when a field changes meaning or goes away
(2: a currency per series, a change count per month, the largest changes of each month listed)."""


def _amount(amount: Decimal, currency: str, *, sign: bool = False) -> str:
    places = 0 if currency in NO_MINOR_UNITS else 2
    return f"{amount:+,.{places}f}" if sign else f"{amount:,.{places}f}"


def history_table(series: Sequence[Series], *, by: str) -> str:
    """One block per series (key and currency): each month's run-rate, change and how many runs
    moved it, with the largest of those changes under it."""
    if not series:
        return "No recorded runs match (record runs with `costgate record`).\n"
    out: list[str] = []
    currencies = sorted({s.currency for s in series})
    if len(currencies) > 1:
        out.append(f"The ledger holds runs in {', '.join(currencies)}: each series is in one currency, never added up.")
        out.append("")
    for s in series:
        cur = s.currency
        out.append(f"{by} {s.key} ({cur})")
        out.append(f"  {'month':<8}  {'run-rate/month':>16}  {'change':>14}  changes")
        listed: dict[str, list[Change]] = {}
        for c in s.changes:
            listed.setdefault(c.month, []).append(c)
        for p in s.months:
            count = f"{p.change_count:,}" if p.change_count else ""
            out.append(
                f"  {p.month:<8}  {_amount(p.run_rate, cur):>16}  {_amount(p.change, cur, sign=True):>14}  {count}"
            )
            shown = listed.pop(p.month, [])
            for c in shown:
                out.append("    " + _change_line(c, cur, by=by))
            if shown and p.change_count > len(shown):
                out.append(f"    (the {len(shown)} largest of {p.change_count:,}; --changes all lists every one)")
        for month, rest in sorted(listed.items()):  # changes in a month the series holds no run-rate at its end
            out.extend(f"    {month}: " + _change_line(c, cur, by=by) for c in rest)
        out.append("")
    return "\n".join(out)


def _change_line(c: Change, currency: str, *, by: str) -> str:
    pr = f"PR #{c.pull_request}" if c.pull_request is not None else "no PR"
    commit = (c.head_commit or "")[:12] or "no commit"
    who = f" {c.project}" if by == "team" else ""
    return f"{c.recorded_at}{who}  {pr:<9} {commit:<12}  {_amount(c.delta, currency, sign=True):>14}  -> {_amount(c.run_rate, currency)}"


def history_json(series: Sequence[Series], *, by: str) -> str:
    """The series as a versioned JSON document (money as decimal strings: no float rounding);
    `currency` at the top is the one currency of every series, null when they differ.

    Laid out one month or change per line: the whole ledger lists thousands of them, and the
    C encoder (which cannot indent) writes each line ten times faster than `indent=2` would."""
    currencies = {s.currency for s in series}
    head = {
        "version": HISTORY_JSON_VERSION,
        "group_by": by,
        "currency": next(iter(currencies)) if len(currencies) == 1 else None,
    }
    out = ["{"]
    out.extend(f"  {json.dumps(k)}: {json.dumps(v)}," for k, v in head.items())
    out.append('  "series": [')
    for i, s in enumerate(series):
        months = [
            {"month": p.month, "run_rate": str(p.run_rate), "change": str(p.change), "change_count": p.change_count}
            for p in s.months
        ]
        changes = [
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
        ]
        out.append("    {")
        out.append(f'      "key": {json.dumps(s.key)},')
        out.append(f'      "currency": {json.dumps(s.currency)},')
        out.append(f'      "total_changes": {s.total_changes},')
        out.append(f'      "months": {_lines(months)},')
        out.append(f'      "changes": {_lines(changes)}')
        out.append("    }" + ("," if i < len(series) - 1 else ""))
    out.append("  ]")
    out.append("}")
    return "\n".join(out) + "\n"


def _lines(items: Sequence[Mapping[str, object]]) -> str:
    """A JSON array with one compact object per line."""
    if not items:
        return "[]"
    body = ",\n".join("        " + json.dumps(item, separators=(", ", ": ")) for item in items)
    return "[\n" + body + "\n      ]"


def history_csv(series: Sequence[Series]) -> str:
    """One row per month and key, then the listed change rows of that month (row_type tells them
    apart); `change_count` of a month row counts every change of that month."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        [
            "row_type",
            "key",
            "currency",
            "month",
            "run_rate",
            "change",
            "change_count",
            "project",
            "pull_request",
            "head_commit",
            "recorded_at",
        ]
    )
    for s in series:
        months = {p.month: p for p in s.months}
        for month in sorted(set(months) | {c.month for c in s.changes}):
            p = months.get(month)
            if p is not None:
                w.writerow(["month", s.key, s.currency, p.month, p.run_rate, p.change, p.change_count, "", "", "", ""])
            for c in (c for c in s.changes if c.month == month):
                w.writerow(
                    [
                        "change",
                        s.key,
                        s.currency,
                        c.month,
                        c.run_rate,
                        c.delta,
                        "",
                        c.project,
                        "" if c.pull_request is None else c.pull_request,
                        c.head_commit or "",
                        c.recorded_at,
                    ]
                )
    return buf.getvalue()
