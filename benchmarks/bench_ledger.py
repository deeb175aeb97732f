"""Ledger speed (issue 16 part 5): recording one 20,000-resource estimate, and `history` over
100,000 recorded runs, on SQLite and PostgreSQL. Prints figures; asserts nothing.

    python benchmarks/bench_ledger.py                      # SQLite, and PostgreSQL when initdb is found
    python benchmarks/bench_ledger.py --url postgresql://u@host/emptydb --runs 100000 --repeat 5

The estimate is the real 20,000-resource plan (benchmarks/make_scale_plan.py, made by Terraform
and cached); without it a synthetic run of as many resources is recorded instead. The 100,000
runs are written in bulk (a few transactions; that is set-up, not what is timed), one project row
each over 50 projects, a run every 15 minutes. Each timing is the median of --repeat runs, with
the minimum; CPU time (process_time) is printed beside wall time because these machines are
shared and the load average moves wall time, not CPU time.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from costgate.ledger.record import ProjectRecord, ResourceRecord, RunContext, RunRecord  # noqa: E402
from costgate.ledger.store import Ledger  # noqa: E402

PROJECTS = 50


def _timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """(median wall, min wall, median CPU) seconds of `repeat` calls."""
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), min(walls), statistics.median(cpus)


def _fmt(figures: tuple[float, float, float]) -> str:
    wall, low, cpu = figures
    return f"{wall * 1000:8.1f} ms wall (min {low * 1000:.1f}), {cpu * 1000:.1f} ms CPU"


def _big_run(plan: Path | None, resources: int) -> RunRecord:
    """The run record of the scale plan (priced like `costgate record` does), else a synthetic one."""
    if plan is not None and plan.is_file():
        from costgate.ledger.record import run_record
        from costgate.pipeline import estimate_plans

        t0 = time.perf_counter()
        estimate = estimate_plans([plan])
        print(
            f"priced {plan.name}: {estimate.counts.resources:,} resources in {time.perf_counter() - t0:.1f} s "
            "(not part of the figures below)"
        )
        context = RunContext("record", "acme/infra", 1, "b" * 40, "c" * 40, "main")
        t0 = time.perf_counter()
        record = run_record(estimate, context, team_of={})
        print(f"run record built from the estimate: {(time.perf_counter() - t0) * 1000:.0f} ms")
        return record
    rows = tuple(
        ResourceRecord(
            "big",
            f'module.svc["k{i:05d}"].aws_instance.web[{i % 10}]',
            "aws_instance",
            "create",
            "platform",
            Decimal(0),
            Decimal("3.504") + Decimal(i % 7),
        )
        for i in range(resources)
    )
    after = sum((r.after for r in rows), Decimal(0))
    return RunRecord(
        RunContext("record", "acme/infra", 1, "b" * 40, "c" * 40, "main"),
        datetime.now(UTC),
        None,
        "bench",
        "USD",
        Decimal(0),
        after,
        (ProjectRecord("big", "platform", Decimal(0), after),),
        rows,
    )


def _populate(ledger: Ledger, runs_wanted: int) -> None:
    """`runs_wanted` main-branch runs in bulk: one project row each, 50 projects, a run every 15
    minutes, five of the projects priced in EUR (history keeps the currencies apart)."""
    from sqlalchemy import func, insert, select

    from costgate.ledger.schema import run_projects, runs

    start = datetime(2023, 1, 1, tzinfo=UTC)
    with ledger.engine.begin() as conn:
        first = int(conn.execute(select(func.coalesce(func.max(runs.c.id), 0))).scalar_one()) + 1
    rate = [1_000_000_000 * (p + 1) for p in range(PROJECTS)]  # micro-dollars
    t0 = time.perf_counter()
    batch = 10_000
    for lo in range(0, runs_wanted, batch):
        run_rows, project_rows = [], []
        for i in range(lo, min(lo + batch, runs_wanted)):
            p = i % PROJECTS
            delta = ((i * 7919) % 200 - 90) * 1_000_000
            before, rate[p] = rate[p], rate[p] + delta
            run_rows.append(
                {
                    "id": first + i,
                    "recorded_at": start + timedelta(minutes=15 * i),
                    "source": "record",
                    "repository": "acme/infra",
                    "pull_request": i,
                    "base_commit": None,
                    "head_commit": f"{i:040x}",
                    "branch": "main",
                    "verdict": None,
                    "catalog_id": "bench",
                    "currency": "EUR" if i % 10 == 3 else "USD",
                    "before_micros": before,
                    "after_micros": rate[p],
                    "delta_micros": delta,
                }
            )
            project_rows.append(
                {
                    "run_id": first + i,
                    "project": f"p{p:02d}",
                    "team": f"team{p % 5}",
                    "before_micros": before,
                    "after_micros": rate[p],
                    "delta_micros": delta,
                }
            )
        with ledger.engine.begin() as conn:
            conn.execute(insert(runs), run_rows)
            conn.execute(insert(run_projects), project_rows)
    if ledger.engine.dialect.name == "postgresql":
        from sqlalchemy import text

        with ledger.engine.begin() as conn:
            conn.execute(text("SELECT setval(pg_get_serial_sequence('runs', 'id'), (SELECT max(id) FROM runs))"))
            conn.execute(text("ANALYZE"))
    print(f"  set-up: {runs_wanted:,} runs written in bulk in {time.perf_counter() - t0:.1f} s")


def _history(ledger: Ledger, fmt: str = "table", limit: int | None = 3, **kwargs: object) -> int:
    """What `costgate history` does after opening the ledger: read the summary (or, for more
    changes than it keeps, every run), build the series, render them."""
    from costgate.ledger.history import CHANGES_KEPT, Selection, build_series, monthly_series
    from costgate.report.history import history_csv, history_json, history_table

    by = "team" if "team" in kwargs else "project"
    selection = Selection(by, **kwargs)  # type: ignore[arg-type]
    if limit is not None and limit <= CHANGES_KEPT:
        months, changes, last = ledger.summary_rows(selection, limit=limit)
        series = build_series(months, changes, selection, limit=limit, last_month=last)
    else:
        series = monthly_series(ledger.history(), selection, limit=limit)
    if fmt == "csv":
        return len(history_csv(series))
    return len(history_table(series, by=by) if fmt == "table" else history_json(series, by=by))


def _migrate_to(url: str, revision: str) -> None:
    """Bring an empty database to one schema revision (the ledger as an older costgate left it)."""
    from alembic import command
    from sqlalchemy import create_engine

    from costgate.ledger import migrations
    from costgate.ledger.store import ledger_url

    engine = create_engine(ledger_url(url))
    with engine.begin() as conn:
        command.upgrade(migrations._config(conn), revision)
    engine.dispose()


def bench(url: str, big: RunRecord, *, runs_wanted: int, repeat: int) -> None:
    """Print the figures for one (empty) database: 100,000 runs written at schema 0003, the
    migration that summarises them, recording into that ledger, then every `history` variant."""
    from dataclasses import replace

    _migrate_to(url, "0003")
    bare = Ledger.__new__(Ledger)  # the engine only: Ledger.open would migrate before the runs are in
    from costgate.ledger.store import _engine, ledger_url, safe_url

    parsed = ledger_url(url)
    Ledger.__init__(bare, _engine(parsed, safe_url(parsed)), safe_url(parsed))
    print(f"{bare.label}:")
    _populate(bare, runs_wanted)
    bare.close()
    w, c = time.perf_counter(), time.process_time()
    ledger = Ledger.open(url)
    print(
        f"  migration 0004 (summary backfill of {runs_wanted:,} runs): "
        f"{(time.perf_counter() - w) * 1000:,.0f} ms wall, {(time.process_time() - c) * 1000:,.0f} ms CPU"
    )
    last = datetime(2023, 1, 1, tzinfo=UTC) + timedelta(minutes=15 * runs_wanted)
    big = replace(big, recorded_at=last - timedelta(minutes=7))  # inside the recorded months
    figures = _timed(lambda: ledger.record(big), repeat)
    print(f"  record one run of {len(big.resources):,} resources: {_fmt(figures)}")
    small = replace(big, resources=(), services=(), projects=big.projects[:1])
    figures = _timed(lambda: ledger.record(small), repeat)
    print(f"  record one run of one project, no resources (the summary's share): {_fmt(figures)}")
    total = ledger.count("runs")
    cases: tuple[tuple[str, str, int | None, dict[str, object]], ...] = (
        ("table, all projects", "table", 3, {}),
        ("json, all projects", "json", 3, {}),
        ("csv, all projects", "csv", 3, {}),
        ("json, all projects, --changes 5 (all the summary keeps)", "json", 5, {}),
        ("table, one project", "table", 3, {"project": "p07"}),
        ("json, one project", "json", 3, {"project": "p07"}),
        ("table, one team", "table", 3, {"team": "team3"}),
        ("json, one team", "json", 3, {"team": "team3"}),
        ("table, since (last 30 days)", "table", 3, {"since": (last - timedelta(days=30)).date()}),
        ("json, since (last 30 days)", "json", 3, {"since": (last - timedelta(days=30)).date()}),
        ("json, all projects, --changes all (every run read)", "json", None, {}),
    )
    for label, fmt, limit, kwargs in cases:
        if limit is None:  # the reference path over every run: once is enough to see its cost
            figures = _timed(lambda fmt=fmt: _history(ledger, fmt, None), 1)  # type: ignore[misc]
            print(f"  history over {total:,} runs, {label}: {_fmt(figures)}")
            continue
        _history(ledger, fmt, limit, **kwargs)  # warm the caches once
        figures = _timed(lambda fmt=fmt, limit=limit, kwargs=kwargs: _history(ledger, fmt, limit, **kwargs), repeat)  # type: ignore[misc]
        print(f"  history over {total:,} runs, {label}: {_fmt(figures)}")
    ledger.close()


@contextlib.contextmanager
def _postgres() -> Iterator[str | None]:
    """A throw-away PostgreSQL server (initdb + pg_ctl on a free port, as the test suite starts one),
    or None when the binaries are absent."""
    import glob

    def binary(name: str) -> str | None:
        found = shutil.which(name)
        return found or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))[-1:]), None)

    initdb, pg_ctl = binary("initdb"), binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        yield None
        return
    root = Path(tempfile.mkdtemp(prefix="costgate-bench-pg-"))
    prefix = []
    if os.geteuid() == 0:
        shutil.chown(root, user="nobody")
        prefix = ["runuser", "-u", "nobody", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = root / "data"
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    subprocess.run(
        [*prefix, initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"],
        check=True,
        capture_output=True,
        env=env,
        cwd=root,
    )
    subprocess.run(
        [
            *prefix,
            pg_ctl,
            "-D",
            str(data),
            "-l",
            str(root / "log"),
            "-w",
            "-o",
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1",
            "start",
        ],
        check=True,
        capture_output=True,
        env=env,
        cwd=root,
    )
    try:
        import psycopg

        name = f"bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        yield f"postgresql://postgres@127.0.0.1:{port}/{name}"
    finally:
        subprocess.run(
            [*prefix, pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"],
            check=False,
            capture_output=True,
            env=env,
            cwd=root,
        )
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    """Parse options and run the benchmark on each database."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--url",
        action="append",
        help="ledger URL of an empty database; repeatable (default: a SQLite file, and a throw-away PostgreSQL server)",
    )
    parser.add_argument(
        "--plan", type=Path, help="plan to record (default: make_scale_plan.py's cached 20,000-resource plan)"
    )
    parser.add_argument("--resources", type=int, default=20_000, help="synthetic run size when there is no plan")
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    plan = args.plan
    if plan is None:
        made = subprocess.run(
            [sys.executable, str(REPO / "benchmarks" / "make_scale_plan.py")],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        plan = Path(made) if made else None
    big = _big_run(plan, args.resources)
    print(f"load average: {os.getloadavg()[0]:.1f} (2 cores shared)")
    with tempfile.TemporaryDirectory() as tmp:
        if args.url:
            for url in args.url:
                bench(url, big, runs_wanted=args.runs, repeat=args.repeat)
            return
        bench(f"sqlite:///{tmp}/ledger.db", big, runs_wanted=args.runs, repeat=args.repeat)
        with _postgres() as pg:
            if pg is None:
                print("PostgreSQL: no initdb/pg_ctl found; skipped")
            else:
                bench(pg, big, runs_wanted=args.runs, repeat=args.repeat)


if __name__ == "__main__":
    main()
