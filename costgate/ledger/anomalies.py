"""The ledger's recorded main-branch runs as the gate's CostHistory: each project's run-rate
movements (the same changes `costgate history` lists), its current run-rate and latest team.

Reading it is the one place anomaly detection touches the database; the judging is pure
(costgate/gate/anomaly.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal

from costgate.gate.anomaly import CostHistory, PastChange
from costgate.ledger.record import HistoryEntry
from costgate.ledger.store import Ledger


def cost_history(
    entries: Sequence[HistoryEntry],
    *,
    as_of: datetime | None = None,
    prior: Sequence[HistoryEntry] = (),
    currency: str | None = None,
) -> CostHistory:
    """Changes from `entries` (any order); `prior` holds each project's latest entry before them,
    which sets where its run-rate stood and is not itself a change.

    A change is an entry whose `after` differs from the project's previous run-rate; a project's
    first entry ever, or its first in another currency than the entry before it, is marked
    `first` (it starts the record, it is not a change). With `currency`, only that currency's
    changes and run-rates are kept: amounts in two currencies are never compared.
    """
    rates: dict[str, tuple[str, Decimal]] = {e.project: (e.currency, e.after) for e in prior}
    teams: dict[str, str | None] = {e.project: e.team for e in prior}
    changes: list[PastChange] = []
    for e in sorted(entries, key=lambda e: (e.recorded_at, e.run_id, e.project)):
        previous = rates.get(e.project)
        first = previous is None or previous[0] != e.currency
        before = e.before if first or previous is None else previous[1]
        moved = e.delta if first else e.after - before
        if (first or moved) and currency in (None, e.currency):
            changes.append(
                PastChange(
                    e.project, e.team, e.recorded_at, moved, before, e.after, e.pull_request, e.head_commit, first=first
                )
            )
        rates[e.project] = (e.currency, e.after)
        teams[e.project] = e.team
    kept = {p: rate for p, (code, rate) in rates.items() if currency in (None, code)}
    return CostHistory(tuple(changes), kept, {p: t for p, t in teams.items() if p in kept}, as_of)


def read_history(ledger: Ledger, *, as_of: datetime, window_days: int, currency: str | None = None) -> CostHistory:
    """The window of main-branch history before `as_of` that the anomaly rule compares with, in
    `currency` (the pull request's): the window's runs, and each project's run-rate when it
    starts (from the summary, not from every run before it)."""
    start = as_of - timedelta(days=window_days)
    entries = [e for e in ledger.history(since=start) if e.recorded_at <= as_of]
    return cost_history(entries, as_of=as_of, prior=ledger.latest_before(start), currency=currency)
