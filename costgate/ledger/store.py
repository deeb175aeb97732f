"""The ledger database: open (reach, migrate), record a run in one transaction, read history.

SQLite (the default, one file) runs in WAL mode with a busy timeout and starts every transaction
with BEGIN IMMEDIATE, so parallel writers queue for the write lock instead of failing on a lock
upgrade; PostgreSQL (psycopg) gives each run its own transaction and serialises first-time
migrations with an advisory lock. Either way a run is written whole or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    Table,
    and_,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from costgate.errors import LedgerError
from costgate.ledger import migrations, summary
from costgate.ledger.history import CHANGES_KEPT, ChangeRow, MonthRow, Selection
from costgate.ledger.record import HistoryEntry, RunRecord
from costgate.ledger.schema import (
    actual_costs,
    from_micros,
    month_changes,
    project_months,
    resource_costs,
    run_projects,
    run_services,
    runs,
    to_micros,
)
from costgate.spend.model import ActualCost, EstimateLine, UnsupportedLine

DEFAULT_LEDGER = Path(".costgate/ledger.db")
BUSY_TIMEOUT_S = 60
_MIGRATION_LOCK = 0x636F7374  # "cost": the advisory lock id first-time migrations share on PostgreSQL


def ledger_url(value: str | Path) -> URL:
    """A URL from what a user wrote: `sqlite:///…`, `postgresql://…`, or a bare file path (SQLite).

    Raises LedgerError for a URL SQLAlchemy cannot parse or a database other than these two.
    """
    raw = str(value)
    if "://" not in raw:
        return URL.create("sqlite", database=raw)
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
        raise LedgerError(
            "not a database URL (expected sqlite:///FILE or postgresql://…)", path=_redact_text(raw)
        ) from exc
    if url.get_backend_name() == "postgresql":
        return url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() != "sqlite":
        raise LedgerError(
            f"unsupported ledger database {url.get_backend_name()!r} (sqlite or postgresql)", path=safe_url(url)
        )
    return url


def safe_url(url: URL) -> str:
    """The URL for messages, as the user wrote it (no driver name) and never with its password."""
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def _redact_text(raw: str) -> str:
    """A URL SQLAlchemy cannot parse, with anything between `:` and `@` of its authority hidden."""
    scheme, _, rest = raw.partition("://")
    auth, at, host = rest.partition("@")
    if at and ":" in auth:
        return f"{scheme}://{auth.split(':', 1)[0]}:***@{host}"
    return raw


@dataclass(frozen=True)
class ImportedCost:
    """Imported spend as stored: the amount, where it came from and when it was imported."""

    cost: ActualCost
    source: str
    metric: str
    imported_at: datetime


class Ledger:
    """An open ledger: migrated to the schema this costgate knows, ready to record and read."""

    def __init__(self, engine: Engine, label: str) -> None:
        self.engine = engine
        self.label = label

    @staticmethod
    def open(value: str | Path) -> Ledger:
        """Reach the database and migrate it (creating it when new).

        Raises LedgerError (naming the URL without its password) when it cannot be reached, or
        when its schema is newer than this costgate knows.
        """
        url = ledger_url(value)
        label = safe_url(url)
        engine = _engine(url, label)
        ledger = Ledger(engine, label)
        try:
            with ledger._begin() as conn:
                if engine.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK})
                migrations.upgrade(conn, label=label)
        except BaseException:
            engine.dispose()
            raise
        return ledger

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def schema_version(self) -> str | None:
        """The schema version the database holds."""
        with self._begin() as conn:
            return migrations.current_version(conn)

    def record(self, run: RunRecord) -> int:
        """Write one run (its projects and resources too) in one transaction; returns its id.

        Raises LedgerError when the database refuses it; nothing of the run is kept then.
        """
        with self._begin() as conn:
            key = conn.execute(
                insert(runs).values(
                    recorded_at=run.recorded_at.astimezone(UTC),
                    source=run.context.source,
                    repository=run.context.repository,
                    pull_request=run.context.pull_request,
                    base_commit=run.context.base_commit,
                    head_commit=run.context.head_commit,
                    branch=run.context.branch,
                    verdict=run.verdict,
                    catalog_id=run.catalog_id,
                    currency=run.currency,
                    **_money(run.before, run.after),
                )
            ).inserted_primary_key
            assert key is not None  # an INSERT of one row always has its key
            run_id = key[0]
            _bulk_insert(
                conn,
                run_projects,
                ("run_id", "project", "team", "before_micros", "after_micros", "delta_micros"),
                [(run_id, p.project, p.team, *_micros(p.before, p.after)) for p in run.projects],
            )
            _bulk_insert(
                conn,
                resource_costs,
                (
                    "run_id",
                    "project",
                    "address",
                    "type",
                    "action",
                    "team",
                    "before_micros",
                    "after_micros",
                    "delta_micros",
                    "support",
                ),
                [
                    (run_id, r.project, r.address, r.type, r.action, r.team, *_micros(r.before, r.after), r.support)
                    for r in run.resources
                ],
            )
            _bulk_insert(
                conn,
                run_services,
                ("run_id", "project", "team", "provider", "service", "after_micros", "usage_unknown", "unpriced"),
                [
                    (run_id, x.project, x.team, x.provider, x.service, to_micros(x.after), x.usage_unknown, x.unpriced)
                    for x in run.services
                ],
            )
            if run.context.source == "record":  # history's summary, in the same transaction
                summary.refresh(conn, (p.project for p in run.projects), run.recorded_at)
        return int(run_id)

    def replace_actuals(
        self,
        costs: list[ActualCost],
        *,
        source: str,
        metric: str,
        months: list[str],
        tag_keys: list[str],
        imported_at: datetime | None = None,
    ) -> int:
        """Store imported spend in one transaction, replacing what an earlier import of the same
        source, metric, months and tag keys stored (a re-import never duplicates); returns rows kept.

        Raises LedgerError when the database refuses it; nothing changes then.
        """
        when = (imported_at or datetime.now(UTC)).astimezone(UTC)
        with self._begin() as conn:
            conn.execute(
                delete(actual_costs).where(
                    and_(
                        actual_costs.c.source == source,
                        actual_costs.c.metric == metric,
                        actual_costs.c.month.in_(months),
                        actual_costs.c.tag_key.in_(tag_keys),
                    )
                )
            )
            if costs:
                conn.execute(
                    insert(actual_costs),
                    [
                        {
                            "source": source,
                            "metric": metric,
                            "month": c.month,
                            "tag_key": c.tag_key,
                            "tag_value": c.tag_value,
                            "service": c.service,
                            "amount_micros": to_micros(c.amount),
                            "currency": c.currency,
                            "estimated": c.estimated,
                            "imported_at": when,
                        }
                        for c in costs
                    ],
                )
        return len(costs)

    def actuals(self, *, source: str, metric: str | None = None) -> list[ImportedCost]:
        """Imported spend of one source (and metric), by month, tag key, tag value and service."""
        query = (
            select(actual_costs)
            .where(actual_costs.c.source == source)
            .order_by(
                actual_costs.c.month,
                actual_costs.c.metric,
                actual_costs.c.tag_key,
                actual_costs.c.tag_value,
                actual_costs.c.service,
            )
        )
        if metric is not None:
            query = query.where(actual_costs.c.metric == metric)
        with self._begin() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            ImportedCost(
                ActualCost(
                    r["month"],
                    r["service"],
                    r["tag_key"],
                    r["tag_value"],
                    from_micros(r["amount_micros"]),
                    r["currency"],
                    bool(r["estimated"]),
                ),
                r["source"],
                r["metric"],
                _utc(r["imported_at"]),
            )
            for r in rows
        ]

    def latest_currencies(self) -> dict[str, str]:
        """Each project's currency in its latest recorded run (from the summary)."""
        with self._begin() as conn:
            return {e.project: e.currency for e in summary.entries_of(conn, summary.latest_runs(conn))}

    def latest_estimates(self) -> tuple[list[EstimateLine], list[UnsupportedLine]]:
        """Each project's slices of cost in its latest recorded (main-branch) run, and the
        resources of unsupported types in it.

        A run recorded before the ledger kept costs per service (schema 0001) gives one line
        for the whole project, with provider and service "" (unknown).
        """
        with self._begin() as conn:
            latest: dict[str, tuple[int, datetime, str | None, int]] = {
                e.project: (e.run_id, e.recorded_at, e.team, to_micros(e.after))
                for e in summary.entries_of(conn, summary.latest_runs(conn))
            }
            wanted = {(run_id, project) for project, (run_id, _, _, _) in latest.items()}
            run_ids = sorted({run_id for run_id, _ in wanted})
            service_rows: list[Any] = []
            unsupported_rows: list[Any] = []
            for chunk in (run_ids[i : i + 500] for i in range(0, len(run_ids), 500)):
                service_rows += (
                    conn.execute(select(run_services).where(run_services.c.run_id.in_(chunk))).mappings().all()
                )
                unsupported_rows += conn.execute(
                    select(
                        resource_costs.c.run_id, resource_costs.c.project, resource_costs.c.team, resource_costs.c.type
                    ).where(resource_costs.c.run_id.in_(chunk), resource_costs.c.support == "unsupported")
                ).all()
        lines: list[EstimateLine] = []
        covered: set[str] = set()
        for r in service_rows:
            if (r["run_id"], r["project"]) not in wanted:
                continue
            covered.add(r["project"])
            lines.append(
                EstimateLine(
                    r["project"],
                    r["team"],
                    r["provider"],
                    r["service"],
                    from_micros(r["after_micros"]),
                    int(r["usage_unknown"]),
                    int(r["unpriced"]),
                    int(r["run_id"]),
                    latest[r["project"]][1],
                )
            )
        for project, (run_id, when, team, after) in sorted(latest.items()):
            if project not in covered and after:
                lines.append(EstimateLine(project, team, "", "", from_micros(after), 0, 0, run_id, when))
        unsupported = [
            UnsupportedLine(project, team, rtype, int(run_id))
            for run_id, project, team, rtype in unsupported_rows
            if (run_id, project) in wanted
        ]
        return lines, unsupported

    def history(
        self,
        *,
        project: str | None = None,
        team: str | None = None,
        since: date | datetime | None = None,
        sources: tuple[str, ...] = ("record",),
    ) -> list[HistoryEntry]:
        """Recorded project totals, oldest first, from runs of the given sources (by default only
        `costgate record`: the state of the main branch, not proposals a check priced)."""
        query = summary.entry_columns(sources).order_by(runs.c.recorded_at, runs.c.id, run_projects.c.project)
        if project is not None:
            query = query.where(run_projects.c.project == project)
        if team is not None:
            query = query.where(run_projects.c.team == team)
        if since is not None:
            query = query.where(runs.c.recorded_at >= _start(since))
        with self._begin() as conn:
            rows = conn.execute(query).all()
        return [_entry(r) for r in rows]

    def summary_rows(
        self, selection: Selection, *, limit: int = CHANGES_KEPT
    ) -> tuple[list[MonthRow], list[ChangeRow], str | None]:
        """What `history` reads: the summary rows of the projects `selection` concerns, their
        listed changes (at most `limit`, up to CHANGES_KEPT, per project, month, currency and
        team) and the ledger's last recorded month; see ledger/history.build_series."""
        with self._begin() as conn:
            return summary.read(conn, selection, limit=min(limit, CHANGES_KEPT))

    def latest_before(self, before: date | datetime) -> list[HistoryEntry]:
        """Each project's latest recorded entry before `before`: where its run-rate stood when a
        window of history starts (the anomaly rule reads the window, not the whole ledger; the
        summary says which run that was)."""
        with self._begin() as conn:
            return summary.entries_of(conn, summary.latest_runs(conn, before=_start(before)))

    def count(self, table: str) -> int:
        """Rows in one of the ledger's tables (for `record`'s summary and for tests)."""
        chosen = {
            "runs": runs,
            "run_projects": run_projects,
            "resource_costs": resource_costs,
            "run_services": run_services,
            "actual_costs": actual_costs,
            "project_months": project_months,
            "month_changes": month_changes,
        }[table]
        with self._begin() as conn:
            return int(conn.execute(select(func.count()).select_from(chosen)).scalar_one())

    def _begin(self) -> _Transaction:
        return _Transaction(self.engine, self.label)


class _Transaction:
    """engine.begin() whose database errors become one LedgerError line naming the URL."""

    def __init__(self, engine: Engine, label: str) -> None:
        self._engine, self._label = engine, label
        self._ctx: Any = None

    def __enter__(self) -> Connection:
        try:
            self._ctx = self._engine.begin()
            conn: Connection = self._ctx.__enter__()
        except SQLAlchemyError as exc:
            raise LedgerError(f"cannot reach the ledger: {_reason(exc)}", path=self._label) from exc
        return conn

    def __exit__(self, *exc_info: object) -> None:
        try:
            self._ctx.__exit__(*exc_info)
        except SQLAlchemyError as exc:
            raise LedgerError(f"cannot write to the ledger: {_reason(exc)}", path=self._label) from exc
        error = exc_info[1]
        if isinstance(error, SQLAlchemyError):
            raise LedgerError(f"ledger error: {_reason(error)}", path=self._label) from error


def _reason(exc: BaseException) -> str:
    """The database's own first line, without SQLAlchemy's statement dump or URL."""
    inner = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    lines = [line.strip() for line in str(inner).splitlines() if line.strip()]
    return lines[0] if lines else type(inner).__name__


def _entry(r: Sequence[Any]) -> HistoryEntry:
    return HistoryEntry(
        r[0],
        _utc(r[1]),
        r[2],
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
        from_micros(r[8]),
        from_micros(r[9]),
        from_micros(r[10]),
        r[11],
    )


def _start(when: date | datetime) -> datetime:
    """A day (midnight UTC) or a moment, as the UTC datetime runs are compared with."""
    if isinstance(when, datetime):
        return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    return datetime(when.year, when.month, when.day, tzinfo=UTC)


def _bulk_insert(conn: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Many rows into one table inside the run's transaction, by the fastest path each database
    offers: COPY on PostgreSQL, one prepared executemany on SQLite (SQLAlchemy's per-row parameter
    processing cost more than the database for a 20,000-resource run). A failure rolls the whole
    run back like any other: psycopg's errors are turned into the LedgerError the rest raise."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        import psycopg

        raw = conn.connection.driver_connection
        assert raw is not None  # an open transaction always has its DBAPI connection
        try:
            with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        except psycopg.Error as exc:
            raise LedgerError(f"cannot write to the ledger: {_reason(exc)}", path=_label_of(conn)) from exc
        return
    marks = ", ".join("?" for _ in columns)
    conn.exec_driver_sql(f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", rows)


def _label_of(conn: Connection) -> str:
    return safe_url(conn.engine.url)


def _micros(before: Decimal, after: Decimal) -> tuple[int, int, int]:
    b, a = to_micros(before), to_micros(after)
    return b, a, a - b


def _money(before: Decimal, after: Decimal) -> dict[str, int]:
    b, a = to_micros(before), to_micros(after)
    return {"before_micros": b, "after_micros": a, "delta_micros": a - b}


def _utc(value: datetime) -> datetime:
    """SQLite returns naive datetimes; the ledger writes only UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _engine(url: URL, label: str) -> Engine:
    """An engine per backend: SQLite with WAL, busy timeout and BEGIN IMMEDIATE; PostgreSQL via psycopg."""
    try:
        if url.get_backend_name() == "sqlite":
            if url.database and url.database != ":memory:":
                try:
                    Path(url.database).parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise LedgerError(f"cannot create the ledger's folder ({exc.strerror})", path=label) from exc
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        return create_engine(url, connect_args={"connect_timeout": 10}, pool_pre_ping=True)
    except NoSuchModuleError as exc:
        raise LedgerError(f"no driver for this database ({exc}); install costgate[postgres]", path=label) from exc


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's begin event issues BEGIN itself
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")
