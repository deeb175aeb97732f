"""`costgate whatif` as a terminal table or a JSON document.

Table: the regions ranked (like-for-like total first, since a region where less could be
priced must not look cheaper for it), then the what-if savings (the swap, the rules'
suggestions), then, per region, what could not be priced there and why.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import orjson

from costgate.estimate_document import currency_rate
from costgate.money import currency_note, money
from costgate.report.table import LEFT, RIGHT, Row, _Style, layout
from costgate.report.terminal import safe_text
from costgate.whatif.model import RegionOutcome, SwapLine, WhatIf

WHATIF_JSON_VERSION = "1.0"
"""The whatif document's version: minor for additions, major for changes that break readers."""

FETCH_HINT = (
    "to price what the shipped catalog lacks in a region, rerun with `--fetch-prices missing` "
    "(downloads that region's public price list into the cache)"
)


def _not_priced(o: RegionOutcome) -> str:
    n = len(o.unpriced)
    return "none" if n == 0 else f"{n:,} component{'' if n == 1 else 's'}"


def _swap_cell(line: SwapLine) -> str:
    if line.saving is None:
        return f"{', '.join(line.old)} kept: {safe_text(line.reason)}"
    verb = "saves" if line.saving >= 0 else "costs"
    return f"{', '.join(line.new)} {verb} {money(abs(line.saving))}/month"


def _swap_lines(result: WhatIf) -> list[str]:
    """One block per swappable resource: what the swap does in each place."""
    by_address: dict[tuple[str, str], list[tuple[str, SwapLine]]] = {}
    for o in (result.planned, *result.ranked):
        for line in o.swaps:
            by_address.setdefault((line.project, line.address), []).append((o.label, line))
    if not by_address:
        return [f"  --swap {result.swap}: no resource has an x86 instance type with a Graviton twin"]
    out = []
    for (_project, address), places in by_address.items():
        out.append(f"  --swap {result.swap}: {safe_text(address)} ({', '.join(places[0][1].old)})")
        out += [f"      {label}: {_swap_cell(line)}" for label, line in places]
    return out


def _gap_lines(o: RegionOutcome) -> list[str]:
    """What `o` could not price, one line per reason (a missing region scope is one line, not twenty)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for u in o.unpriced:
        groups.setdefault((u.reason, u.hint), []).append(f"{safe_text(u.address)} {safe_text(u.component)}")
    out = []
    for (reason, hint), items in groups.items():
        out.append(f"  {safe_text(reason)}: {'; '.join(items)}")
        if hint:
            out.append(f"      {safe_text(hint)}")
    return out


def render_table(result: WhatIf, *, color: bool = False) -> str:
    """The ranking, the what-if savings and the gaps, for a terminal."""
    style = _Style(color)
    planned = result.planned
    swap = result.swap is not None
    header: Row = (
        "#",
        "Region",
        "Monthly total",
        "Like-for-like",
        "vs as planned",
        "Not priced",
        *(("With swap",) if swap else ()),
    )
    rows: list[Row | None] = []
    rank = 0
    for o in result.ranked:
        rank += o.comparable
        delta = (
            money(o.like_for_like - planned.like_for_like, signed=True)
            if o.comparable and o.like_for_like is not None and planned.like_for_like is not None
            else "not comparable"
        )
        rows.append(
            (
                str(rank) if o.comparable else "-",
                o.label,
                money(o.total),
                money(o.like_for_like),
                delta,
                _not_priced(o),
                *((money(o.total - o.swap_saving),) if swap else ()),
            )
        )
    rows.append(None)
    rows.append(
        (
            "",
            "as planned",
            money(planned.total),
            money(planned.like_for_like),
            "",
            _not_priced(planned),
            *((money(planned.total - planned.swap_saving),) if swap else ()),
        )
    )
    lines = [style.bold("Where to run it: the monthly cost of the same resources in each region"), ""]
    lines += layout(header, rows, RIGHT + LEFT + RIGHT * 3 + LEFT + (RIGHT if swap else ""), style)
    lines.append(
        "Like-for-like: the components priced as planned and in every comparable region, so the ranking "
        "compares the same things."
    )
    for o in result.ranked:
        if not o.comparable:
            lines.append(style.warn(f"{o.label} is not ranked: {o.why_not_ranked}"))
    for o in result.ranked:
        moved = f"{o.label}: {o.regional:,} resource{'' if o.regional == 1 else 's'} re-priced"
        if o.kept:
            moved += f"; {len(o.kept):,} kept as planned"
        lines.append(moved)
        lines += [f"  kept: {safe_text(k.address)}: {safe_text(k.reason)}" for k in o.kept]
    lines += [f"note: {safe_text(n)}" for n in result.notes]
    savings = _swap_lines(result) if swap else []
    for s in result.suggestions:
        savings.append(f"  {s.code} {s.name}: {safe_text(s.message)}: saves {money(s.saving)}/month (as planned)")
    if savings:
        lines += ["", style.bold("What-if savings"), *savings]
    for o in (*result.ranked, planned):
        if o.unpriced:
            lines += ["", style.warn(f"Not priced in {o.label} ({_not_priced(o)}):"), *_gap_lines(o)]
    if any(o.unpriced for o in (*result.ranked, planned)):
        lines += ["", style.dim(FETCH_HINT)]
    e = planned.estimate
    lines += [
        "",
        style.dim(f"Prices: costgate catalog {e.catalog.catalog_id}; a month is 730 hours; {currency_note(e)}."),
    ]
    return "\n".join(lines) + "\n"


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _outcome(o: RegionOutcome, planned: RegionOutcome, rank: int | None) -> dict[str, Any]:
    return {
        "rank": rank,
        "provider": o.target.provider if o.target is not None else None,
        "region": o.target.region if o.target is not None else None,
        "label": o.label,
        "monthly_total": _num(o.total),
        "comparable": o.comparable,
        "not_ranked_because": o.why_not_ranked or None,
        "missing_vs_planned": o.missing,
        "like_for_like_total": _num(o.like_for_like),
        "like_for_like_delta": (
            _num(o.like_for_like - planned.like_for_like)
            if o.like_for_like is not None and planned.like_for_like is not None
            else None
        ),
        "complete": o.estimate.counts.unpriced_after == 0,
        "resources_repriced": o.regional,
        "kept": [{"project": k.project, "address": k.address, "reason": k.reason} for k in o.kept],
        "unpriced": [
            {
                "project": u.project,
                "address": u.address,
                "component": u.component,
                "reason": u.reason,
                "hint": u.hint or None,
            }
            for u in o.unpriced
        ],
        "swaps": [
            {
                "project": s.project,
                "address": s.address,
                "from": list(s.old),
                "to": list(s.new) or None,
                "monthly_saving": _num(s.saving),
                "reason": s.reason or None,
            }
            for s in o.swaps
        ],
        "monthly_total_with_swaps": _num(o.total - o.swap_saving),
    }


def to_dict(result: WhatIf) -> dict[str, Any]:
    """The JSON document as plain data (docs/whatif.md lists the keys)."""
    e = result.planned.estimate
    fetch = e.fetch
    return {
        "version": WHATIF_JSON_VERSION,
        "currency": e.currency,
        "currency_rate": currency_rate(e),
        "catalog": {"id": e.catalog.catalog_id, "price_date": e.catalog.price_date},
        "swap": result.swap,
        "planned": _outcome(result.planned, result.planned, None),
        "regions": [_outcome(o, result.planned, i if o.comparable else None) for i, o in enumerate(result.ranked, 1)],
        "suggestions": [
            {
                "code": s.code,
                "name": s.name,
                "project": s.project,
                "address": s.address,
                "message": s.message,
                "monthly_saving": _num(s.saving),
            }
            for s in result.suggestions
        ],
        "notes": list(result.notes),
        "fetch_mode": fetch.mode if fetch is not None else None,
    }


def render_json(result: WhatIf) -> str:
    """The JSON document, indented, ending in a newline."""
    return orjson.dumps(to_dict(result), option=orjson.OPT_INDENT_2).decode() + "\n"
