"""`costgate anomalies`: the recorded changes that were out of line with the history before them,
as a table or as versioned JSON (snake_case, money as decimal strings).

Names (projects, teams) come from configs and plans: the table passes each through safe_text so
no control sequence reaches a terminal; JSON carries them as data.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal

from costgate.gate.anomaly import AnomalyParams, StepChange
from costgate.money import money
from costgate.report.terminal import safe_text

ANOMALY_FORMATS = ("table", "json")
ANOMALIES_JSON_VERSION = 1
_DIRECTION = {"increase": "increases", "decrease": "decreases", "both": "increases and decreases"}


def render_anomalies(
    steps: Sequence[StepChange], fmt: str, *, by: str, params: AnomalyParams, currency: str = "USD"
) -> str:
    """Render the step changes in one of ANOMALY_FORMATS (report/formats/anomalies_*.py offer
    them); every amount is in `currency` (the CLI sets it as the display currency too)."""
    if fmt == "json":
        return _json(steps, by=by, params=params, currency=currency)
    return _table(steps, by=by, params=params)


def _settings(params: AnomalyParams) -> str:
    return (
        f"window {params.window_days} days, at least {params.min_history} changes, robust z >= {params.threshold}, "
        f"at least {money(params.min_amount)} and {params.min_run_rate_percent}% of the run-rate, "
        f"{_DIRECTION[params.direction]}"
    )


def _table(steps: Sequence[StepChange], *, by: str, params: AnomalyParams) -> str:
    header = f"Out-of-line changes by {by} ({_settings(params)})"
    if not steps:
        return f"{header}: none found.\n"
    rows = [("recorded (UTC)", by, "PR", "commit", "change/month", "run-rate after", "median", "x largest", "z")]
    for s in steps:
        c, j = s.change, s.judgement
        rows.append(
            (
                c.recorded_at.strftime("%Y-%m-%d %H:%M"),
                safe_text(j.name if by == "team" else c.project),
                f"#{c.pull_request}" if c.pull_request is not None else "-",
                safe_text((c.head_commit or "-")[:12]),
                money(c.delta, signed=True),
                money(c.run_rate_after),
                money(j.median, signed=True),
                f"{j.ratio:.1f}" if j.ratio is not None else "-",
                f"{j.score:.1f}" if j.score is not None else "inf",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    right = {4, 5, 6, 7, 8}
    lines = [header]
    for r in rows:
        lines.append(
            "  ".join(
                cell.rjust(w) if i in right else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(r, widths, strict=True))
            ).rstrip()
        )
    lines.append(f"{len(steps)} out-of-line change(s).")
    return "\n".join(lines) + "\n"


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _json(steps: Sequence[StepChange], *, by: str, params: AnomalyParams, currency: str) -> str:
    doc = {
        "version": ANOMALIES_JSON_VERSION,
        "group_by": by,
        "currency": currency,
        "params": json.loads(params.model_dump_json()),
        "anomalies": [
            {
                "key": s.judgement.name,
                "project": s.change.project,
                "team": s.change.team,
                "recorded_at": s.change.recorded_at.isoformat(timespec="seconds"),
                "pull_request": s.change.pull_request,
                "head_commit": s.change.head_commit,
                "delta": str(s.change.delta),
                "run_rate_before": str(s.change.run_rate_before),
                "run_rate_after": str(s.change.run_rate_after),
                "changes": s.judgement.changes,
                "median": str(s.judgement.median),
                "spread": str(s.judgement.spread),
                "score": _dec(s.judgement.score),
                "largest": str(s.judgement.largest),
                "ratio": _dec(s.judgement.ratio),
                "message": s.judgement.message(),
            }
            for s in steps
        ],
    }
    return json.dumps(doc, indent=2) + "\n"
