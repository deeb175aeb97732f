"""The ledger's tables, in SQLAlchemy Core, one definition shared by the store and the migrations.

Money is stored as whole micro-dollars (BigInteger): exact like Decimal, summable and indexable in
SQL, and identical on SQLite (which has no decimal type) and PostgreSQL.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger, Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table

MICROS = Decimal(1_000_000)

metadata = MetaData()

runs = Table(
    "runs", metadata,
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
)

run_projects = Table(
    "run_projects", metadata,
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
    "resource_costs", metadata,
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
    Index("ix_resource_costs_run", "run_id"),
)


def to_micros(amount: Decimal) -> int:
    """Dollars to whole micro-dollars (half-even, the Decimal default), as the tables store them."""
    return int((amount * MICROS).to_integral_value())


def from_micros(micros: int) -> Decimal:
    """Whole micro-dollars back to Decimal dollars."""
    return Decimal(micros) / MICROS
