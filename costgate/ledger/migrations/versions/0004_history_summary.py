"""History's summary: project_months (one row per project, month, currency and team of the
recorded runs) and month_changes (the 5 largest moves of each), filled from the runs already
recorded; from here on every `record` run keeps them up to date (costgate/ledger/summary.py).

The backfill is written out here rather than imported, so that this revision builds the
tables it creates whatever later code does; the tests hold it equal to a recomputation.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"

KEPT = 5


def _key_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("project", sa.String(255), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("team", sa.String(255), nullable=False),
    ]


def upgrade() -> None:
    """Create the two tables and their indexes, then fill them from the recorded runs."""
    op.create_table(
        "project_months",
        *_key_columns(),
        sa.Column("runs", sa.Integer, nullable=False),
        sa.Column("changes", sa.Integer, nullable=False),
        sa.Column("moved_micros", sa.BigInteger, nullable=False),
        sa.Column("last_recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_run_id", sa.Integer, nullable=False),
        sa.Column("last_after_micros", sa.BigInteger, nullable=False),
        sa.UniqueConstraint("project", "month", "currency", "team", name="uq_project_months"),
    )
    op.create_index("ix_project_months_team", "project_months", ["team"])
    op.create_index("ix_project_months_month", "project_months", ["month"])
    op.create_table(
        "month_changes",
        *_key_columns(),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("pull_request", sa.Integer),
        sa.Column("head_commit", sa.String(64)),
        sa.Column("branch", sa.String(255)),
        sa.Column("moved_micros", sa.BigInteger, nullable=False),
        sa.Column("after_micros", sa.BigInteger, nullable=False),
        sa.UniqueConstraint("project", "month", "currency", "team", "rank", name="uq_month_changes"),
    )
    op.create_index("ix_month_changes_team", "month_changes", ["team"])
    op.create_index("ix_month_changes_month", "month_changes", ["month"])
    _backfill(op.get_bind())


def downgrade() -> None:
    """Drop the summary (the runs keep everything it was computed from)."""
    op.drop_table("month_changes")
    op.drop_table("project_months")


def _backfill(conn: sa.Connection) -> None:
    """One pass over every recorded run, project by project in time order: a run moves its
    project's run-rate by `after` minus the previous run's `after` (in the same currency; else
    by its own delta, as a project's first run does)."""
    when_type = sa.DateTime(timezone=True)
    runs = sa.table(
        "runs",
        sa.column("id"),
        sa.column("recorded_at", when_type),
        sa.column("source"),
        sa.column("currency"),
        sa.column("pull_request"),
        sa.column("head_commit"),
        sa.column("branch"),
    )
    rp = sa.table(
        "run_projects",
        sa.column("id"),
        sa.column("run_id"),
        sa.column("project"),
        sa.column("team"),
        sa.column("after_micros"),
        sa.column("delta_micros"),
    )
    query = (
        sa.select(
            rp.c.project,
            runs.c.recorded_at,
            runs.c.id,
            rp.c.team,
            runs.c.currency,
            rp.c.after_micros,
            rp.c.delta_micros,
            runs.c.pull_request,
            runs.c.head_commit,
            runs.c.branch,
        )
        .join(rp, rp.c.run_id == runs.c.id)
        .where(runs.c.source == "record")
        .order_by(rp.c.project, runs.c.recorded_at, runs.c.id, rp.c.id)
    )
    groups: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    previous: tuple[str, str, int] | None = None  # project, currency, after
    for project, when, run_id, team, currency, after, delta, pull_request, head_commit, branch in conn.execute(query):
        moment = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
        same = previous is not None and previous[0] == project and previous[1] == currency
        moved = after - previous[2] if same and previous is not None else delta
        previous = (project, currency, after)
        key = (project, f"{moment.year:04d}-{moment.month:02d}", currency, team or "")
        group = groups.setdefault(key, {"runs": 0, "moves": []})
        group["runs"] += 1
        group["last"] = (moment, run_id, after)
        if moved:
            group["moves"].append((abs(moved), moment, run_id, moved, after, pull_request, head_commit, branch))
    month_rows, change_rows = [], []
    for (project, month, currency, team), group in groups.items():
        moves = group["moves"]
        last: tuple[datetime, int, int] = group["last"]
        base = {"project": project, "month": month, "currency": currency, "team": team}
        month_rows.append(
            {
                **base,
                "runs": group["runs"],
                "changes": len(moves),
                "moved_micros": sum(m[3] for m in moves),
                "last_recorded_at": last[0],
                "last_run_id": last[1],
                "last_after_micros": last[2],
            }
        )
        ranked = sorted(moves, key=lambda m: m[:3], reverse=True)[:KEPT]
        for rank, (_, moment, run_id, moved, after, pull_request, head_commit, branch) in enumerate(ranked, start=1):
            change_rows.append(
                {
                    **base,
                    "rank": rank,
                    "run_id": run_id,
                    "recorded_at": moment,
                    "pull_request": pull_request,
                    "head_commit": head_commit,
                    "branch": branch,
                    "moved_micros": moved,
                    "after_micros": after,
                }
            )
    for name, rows in (("project_months", month_rows), ("month_changes", change_rows)):
        if not rows:
            continue
        columns = [sa.column(c, when_type) if c.endswith("recorded_at") else sa.column(c) for c in rows[0]]
        table = sa.table(name, *columns)
        for lo in range(0, len(rows), 5000):
            conn.execute(sa.insert(table), rows[lo : lo + 5000])
