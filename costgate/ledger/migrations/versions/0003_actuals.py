"""Actual spend: billed amounts imported from a cloud's billing API, and what the comparison with
them needs from each recorded run (its cost per service, and which resources were unsupported).

Revision ID: 0003
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"


def upgrade() -> None:
    """Add run_services, actual_costs and resource_costs.support (NULL for runs recorded before)."""
    op.add_column("resource_costs", sa.Column("support", sa.String(16)))
    op.create_table(
        "run_services",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("project", sa.String(255), nullable=False),
        sa.Column("team", sa.String(255)),
        sa.Column("provider", sa.String(16), nullable=False),
        sa.Column("service", sa.String(128), nullable=False),
        sa.Column("after_micros", sa.BigInteger, nullable=False),
        sa.Column("usage_unknown", sa.Integer, nullable=False),
        sa.Column("unpriced", sa.Integer, nullable=False),
    )
    op.create_index("ix_run_services_run", "run_services", ["run_id"])
    op.create_table(
        "actual_costs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("metric", sa.String(32), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("tag_key", sa.String(128), nullable=False),
        sa.Column("tag_value", sa.String(256), nullable=False),
        sa.Column("service", sa.String(255), nullable=False),
        sa.Column("amount_micros", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("estimated", sa.Boolean, nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint(
            "source", "metric", "month", "tag_key", "service", "tag_value", name="uq_actual_costs_slice"
        ),
    )
