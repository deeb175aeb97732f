"""The ledger's tables, in SQLAlchemy Core, one definition shared by the store and the migrations.

Money is stored as whole micro-dollars (BigInteger): exact like Decimal, summable and indexable in
SQL, and identical on SQLite (which has no decimal type) and PostgreSQL.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
)

MICROS = Decimal(1_000_000)

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("source", String(16), nullable=False),  # the command that recorded it: record | check | comment
    Column("repository", String(255)),
    Column("pull_request", Integer),
    Column("base_commit", String(64)),
    Column("head_commit", String(64)),
    Column("branch", String(255)),
    Column("verdict", String(16)),
    Column("catalog_id", String(128), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("before_micros", BigInteger, nullable=False),
    Column("after_micros", BigInteger, nullable=False),
    Column("delta_micros", BigInteger, nullable=False),
    Index("ix_runs_source_recorded_at", "source", "recorded_at"),
)

run_projects = Table(
    "run_projects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
    Column("project", String(255), nullable=False),
    Column("team", String(255)),
    Column("before_micros", BigInteger, nullable=False),
    Column("after_micros", BigInteger, nullable=False),
    Column("delta_micros", BigInteger, nullable=False),
    Index("ix_run_projects_run", "run_id"),
    Index("ix_run_projects_project", "project"),
    Index("ix_run_projects_team", "team"),
)

resource_costs = Table(
    "resource_costs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
    Column("project", String(255), nullable=False),
    Column("address", String(1024), nullable=False),
    Column("type", String(255), nullable=False),
    Column("action", String(16), nullable=False),
    Column("team", String(255)),
    Column("before_micros", BigInteger, nullable=False),
    Column("after_micros", BigInteger, nullable=False),
    Column("delta_micros", BigInteger, nullable=False),
    Column("support", String(16)),  # priced | free | unsupported (since 0003; NULL in older runs)
    Index("ix_resource_costs_run", "run_id"),
)

run_services = Table(  # since 0003: a run's after-cost per project, team, provider and service
    "run_services",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
    Column("project", String(255), nullable=False),
    Column("team", String(255)),
    Column("provider", String(16), nullable=False),
    Column("service", String(128), nullable=False),  # Price List service code; "" when a component has no query
    Column("after_micros", BigInteger, nullable=False),
    Column("usage_unknown", Integer, nullable=False),  # usage-based components without a quantity
    Column("unpriced", Integer, nullable=False),  # components the catalog had no price for
    Index("ix_run_services_run", "run_id"),
)

project_months = Table(  # since 0004: history's summary, kept up to date by every `record` run (ledger/summary.py)
    "project_months",
    metadata,
    Column("project", String(255), nullable=False),
    Column("month", String(7), nullable=False),  # YYYY-MM (UTC)
    Column("currency", String(3), nullable=False),
    Column("team", String(255), nullable=False),  # "" when the runs named no team
    Column("runs", Integer, nullable=False),  # recorded runs of this project, team and currency that month
    Column("changes", Integer, nullable=False),  # of those, the runs that moved the project's run-rate
    Column("moved_micros", BigInteger, nullable=False),  # the sum of their moves
    Column("last_recorded_at", DateTime(timezone=True), nullable=False),  # the latest of those runs:
    Column("last_run_id", Integer, nullable=False),  # when, which,
    Column("last_after_micros", BigInteger, nullable=False),  # and the project's run-rate after it
    UniqueConstraint("project", "month", "currency", "team", name="uq_project_months"),
    Index("ix_project_months_team", "team"),
    Index("ix_project_months_month", "month"),
)

month_changes = Table(  # since 0004: the largest moves of each project_months row (CHANGES_KEPT at most)
    "month_changes",
    metadata,
    Column("project", String(255), nullable=False),
    Column("month", String(7), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("team", String(255), nullable=False),
    Column("rank", Integer, nullable=False),  # 1 = the largest move (by size; the most recent first on a tie)
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("pull_request", Integer),  # copied from the run, so that history reads no runs
    Column("head_commit", String(64)),
    Column("branch", String(255)),
    Column("moved_micros", BigInteger, nullable=False),
    Column("after_micros", BigInteger, nullable=False),
    UniqueConstraint("project", "month", "currency", "team", "rank", name="uq_month_changes"),
    Index("ix_month_changes_team", "team"),
    Index("ix_month_changes_month", "month"),
)

actual_costs = Table(  # since 0003: billed spend imported from a cloud's billing API
    "actual_costs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(32), nullable=False),  # aws-cost-explorer
    Column("metric", String(32), nullable=False),  # UnblendedCost, ...
    Column("month", String(7), nullable=False),  # YYYY-MM
    Column("tag_key", String(128), nullable=False),  # "" when grouped by service only
    Column("tag_value", String(256), nullable=False),  # "" when untagged
    Column("service", String(255), nullable=False),  # the billing API's own name
    Column("amount_micros", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("estimated", Boolean, nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source", "metric", "month", "tag_key", "service", "tag_value", name="uq_actual_costs_slice"),
)


def to_micros(amount: Decimal) -> int:
    """Dollars to whole micro-dollars (half-even, the Decimal default), as the tables store them."""
    return int((amount * MICROS).to_integral_value())


def from_micros(micros: int) -> Decimal:
    """Whole micro-dollars back to Decimal dollars."""
    return Decimal(micros) / MICROS
