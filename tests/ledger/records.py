"""Hand-built run records (exact Decimals), and the worker the concurrent-write test starts."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from costgate.ledger.record import ProjectRecord, ResourceRecord, RunContext, RunRecord


def make_run(
    *,
    project: str = "payments",
    team: str | None = "payments-team",
    before: str = "100.00",
    after: str = "150.25",
    resources: int = 3,
    pull_request: int | None = 42,
    head_commit: str | None = "c0ffee",
    when: datetime | None = None,
    source: str = "record",
    bad_address_at: int | None = None,
    currency: str = "USD",
) -> RunRecord:
    """A run of one project whose resources split its before/after totals evenly (the first takes the rest)."""
    b, a = Decimal(before), Decimal(after)
    rows = []
    for i in range(resources):
        rb = b / resources if i else b - (b / resources) * (resources - 1)
        ra = a / resources if i else a - (a / resources) * (resources - 1)
        address: Any = None if i == bad_address_at else f"aws_instance.web[{i}]"
        rows.append(ResourceRecord(project, address, "aws_instance", "create", team, rb, ra))
    return RunRecord(
        RunContext(source, "acme/infra", pull_request, "base1", head_commit, "main"),
        when or datetime(2026, 1, 15, 12, 0, tzinfo=UTC),
        "pass",
        "catalog-x",
        currency,
        b,
        a,
        (ProjectRecord(project, team, b, a),),
        tuple(rows),
    )


def write_runs(url: str, worker: int, runs: int, resources: int, barrier: Any) -> None:
    """One writer process: open the ledger (migrating it when new), wait for the others, write."""
    from costgate.ledger.store import Ledger

    barrier.wait()
    ledger = Ledger.open(url)
    try:
        for i in range(runs):
            ledger.record(make_run(project=f"p{worker}", pull_request=worker * 100 + i, resources=resources))
    finally:
        ledger.close()


def write_shared_runs(url: str, worker: int, runs: int, barrier: Any) -> None:
    """One writer of projects every writer also writes (so their run-rates move under each other),
    stamped now or, every fourth run, 40 days earlier (the month before, committed after later
    runs: out of order)."""
    from datetime import timedelta

    from costgate.ledger.store import Ledger

    barrier.wait()
    ledger = Ledger.open(url)
    try:
        for i in range(runs):
            project = ("shared-a", "shared-b", f"own{worker}")[i % 3]
            when = datetime.now(UTC) - (timedelta(days=40) if i % 4 == 3 else timedelta(0))
            after = str(100 + worker * 10 + i)
            ledger.record(
                make_run(
                    project=project,
                    team=f"t{worker % 2}",
                    before=str(100 + worker),
                    after=after,
                    pull_request=worker * 100 + i,
                    when=when,
                    resources=2,
                    currency="EUR" if worker == 7 and i == 4 else "USD",
                )
            )
    finally:
        ledger.close()
