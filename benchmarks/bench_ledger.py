"""Times the ledger: recording one 20,000-resource run, and `history` over many recorded runs.

    python benchmarks/bench_ledger.py [--url URL ...] [--resources 20000] [--runs 10000]

Without --url it uses a fresh SQLite file in a temporary folder. Give a PostgreSQL URL (an empty
database) to time that backend. Prints figures; asserts nothing (DESIGN.md: no timed unit tests).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from costgate.ledger.history import monthly_series
from costgate.ledger.record import ProjectRecord, ResourceRecord, RunContext, RunRecord
from costgate.ledger.store import Ledger


def _run(project: str, resources: int, when: datetime, pr: int) -> RunRecord:
    """A synthetic run: `resources` instances at a few dollars each."""
    rows = tuple(ResourceRecord(project, f"aws_instance.web[{i}]", "aws_instance", "create", "platform",
                                Decimal(0), Decimal("3.504") + Decimal(i % 7)) for i in range(resources))
    after = sum((r.after for r in rows), Decimal(0))
    return RunRecord(RunContext("record", "acme/infra", pr, "b" * 40, f"{pr:040x}", "main"), when, None,
                     "bench", "USD", Decimal(0), after, (ProjectRecord(project, "platform", Decimal(0), after),), rows)


def bench(url: str, *, resources: int, runs: int) -> None:
    """Print the figures for one database."""
    ledger = Ledger.open(url)
    big = _run("big", resources, datetime(2025, 1, 1, tzinfo=UTC), 1)
    t0 = time.perf_counter()
    ledger.record(big)
    print(f"{ledger.label}: record one run of {resources:,} resources: {time.perf_counter() - t0:.3f} s")
    start = datetime(2024, 1, 1, tzinfo=UTC)
    t0 = time.perf_counter()
    for i in range(runs):
        ledger.record(_run(f"p{i % 50}", 2, start + timedelta(hours=3 * i), i + 2))
    spent = time.perf_counter() - t0
    print(f"{ledger.label}: record {runs:,} small runs: {spent:.1f} s ({runs / spent:,.0f} runs/s)")
    for label, kwargs in (("all projects", {}), ("one project", {"project": "p7"})):
        t0 = time.perf_counter()
        entries = ledger.history(**kwargs)  # type: ignore[arg-type]
        series = monthly_series(entries)
        print(f"{ledger.label}: history over {runs + 1:,} runs, {label}: {time.perf_counter() - t0:.3f} s "
              f"({len(entries):,} entries, {len(series)} series)")
    ledger.close()


def main() -> None:
    """Parse options and run the benchmark on each database."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", action="append", help="ledger URL (an empty database); repeatable")
    parser.add_argument("--resources", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for url in args.url or [f"sqlite:///{tmp}/ledger.db"]:
            bench(url, resources=args.resources, runs=args.runs)


if __name__ == "__main__":
    main()
