"""Alembic migrations of the ledger, and the one function that runs them.

The revisions in versions/ are numbered 0001, 0002, ...; that number is the schema version a
user sees when a ledger is newer than the costgate reading it.
"""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from costgate.errors import LedgerError

HERE = Path(__file__).resolve().parent


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def known_head() -> str:
    """The newest schema version this costgate knows (the head revision)."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the ledger has no migrations"
    return head


def current_version(connection: Connection) -> str | None:
    """The schema version recorded in the database (None for an empty database)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, *, label: str) -> None:
    """Bring the schema to the newest version this costgate knows, inside the caller's transaction.

    Raises LedgerError when the database holds a version this costgate does not know (written
    by a newer costgate): migrating it or writing to it could lose data.
    """
    from alembic import command

    script = ScriptDirectory.from_config(_config())
    found = current_version(connection)
    if found is not None and not _known(script, found):
        raise LedgerError(
            f"ledger schema version {found} is newer than this costgate knows (up to {known_head()}); upgrade costgate",
            path=label,
        )
    if found == script.get_current_head():
        return
    command.upgrade(_config(connection), "head")


def _known(script: ScriptDirectory, revision: str) -> bool:
    return any(r.revision == revision for r in script.walk_revisions())
