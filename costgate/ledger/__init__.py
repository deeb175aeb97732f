"""The ledger: every recorded estimate kept over time (SQLAlchemy Core, Alembic migrations), so a
project's or team's cost can be followed month by month. The gate's verdict never depends on it
unless the config says `ledger_required: true`. See docs/ledger.md.
"""
