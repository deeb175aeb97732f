"""The first ledger schema: runs, their projects and their per-resource costs.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def _money() -> list[sa.Column[int]]:
    return [sa.Column(f"{side}_micros", sa.BigInteger, nullable=False) for side in ("before", "after", "delta")]


def upgrade() -> None:
    """Create the three tables and the indexes history reads by."""
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("repository", sa.String(255)),
        sa.Column("pull_request", sa.Integer),
        sa.Column("base_commit", sa.String(64)),
        sa.Column("head_commit", sa.String(64)),
        sa.Column("branch", sa.String(255)),
        sa.Column("verdict", sa.String(16)),
        sa.Column("catalog_id", sa.String(128), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        *_money(),
    )
    op.create_table(
        "run_projects",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("project", sa.String(255), nullable=False),
        sa.Column("team", sa.String(255)),
        *_money(),
    )
    op.create_index("ix_run_projects_run", "run_projects", ["run_id"])
    op.create_index("ix_run_projects_project", "run_projects", ["project"])
    op.create_index("ix_run_projects_team", "run_projects", ["team"])
    op.create_table(
        "resource_costs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("project", sa.String(255), nullable=False),
        sa.Column("address", sa.String(1024), nullable=False),
        sa.Column("type", sa.String(255), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("team", sa.String(255)),
        *_money(),
    )
    op.create_index("ix_resource_costs_run", "resource_costs", ["run_id"])
