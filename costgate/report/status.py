"""The one-line commit status of `costgate comment`: the verdict and the monthly change.

A status description is rendered text like the comment, so it is made here; vcs/ only sends it.
Platforms cut descriptions short (GitHub at 140 characters), so the line leads with the verdict.
"""

from __future__ import annotations

from costgate.estimate import Estimate
from costgate.gate.model import GateResult, Verdict
from costgate.money import money, percent

MAX_STATUS_CHARS = 140
"""GitHub's limit on a commit status description."""


def status_description(
    estimate: Estimate, gate: GateResult | None, verdict: Verdict | None, override: str | None
) -> str:
    """ "Blocked (2 blocking findings); +$120.00/month (+8%)" and its siblings. `verdict` is the
    verdict after an override label (None without a gate); `override` names that label."""
    t = estimate.totals
    pct = percent(t.delta_percent) if t.before else ""
    change = (
        f"{money(t.delta, signed=True)}/month" + (f" ({pct})" if pct else "") + ("" if t.complete else " (incomplete)")
    )
    if verdict is None:
        return f"Monthly cost {change}; {money(t.after)}/month in total"
    if verdict is Verdict.BLOCK:
        n = len(gate.blocking) if gate else 0
        return f"Blocked ({n} blocking finding{'s' if n != 1 else ''}); {change}"
    if override:
        return f"Block overridden by label {override}; {change}"[:MAX_STATUS_CHARS]
    word = "Passed with warnings" if verdict is Verdict.WARN else "Passed"
    return f"{word}; {change}"
