"""Schema upgrades at start-up with the Alembic scripts shipped inside the package."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from cre_desk.db.engine import Database
from cre_desk.errors import UserError

log = logging.getLogger(__name__)

_MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    return cfg


#: The newest migration this version ships; a packaged app missing a migration file fails self-check.
EXPECTED_HEAD = "0012"


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations have {len(heads)} heads: {heads}")
    return heads[0]


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(db: Database) -> None:
    """Refuse a database written by a newer CRE Desk instead of damaging it."""
    current = current_revision(db)
    if current is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if current not in known:
        raise UserError(
            "This database was written by a newer version of CRE Desk "
            f"(schema {current}). Please update CRE Desk to open it; the file was left untouched."
        )


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != head_revision()


def upgrade(db: Database, revision: str = "head") -> None:
    """Bring the schema to ``revision`` in one transaction (old or new schema, never half)."""
    check_not_newer(db)
    _run(db, command.upgrade, revision)
    log.info("Database schema at %s", current_revision(db))


def downgrade(db: Database, revision: str) -> None:
    _run(db, command.downgrade, revision)


def _run(db: Database, step, revision: str) -> None:
    """Run one Alembic command in one transaction.

    On SQLite a changed table is rebuilt (new table, copy, drop the old one), and dropping a table with
    foreign keys enforced deletes every row that points at it: rebuilding ``tickets`` emptied messages,
    checklists and tags. Enforcement is off while the scripts run (it can only change outside a
    transaction), and the result is checked before it commits.
    """
    cfg = alembic_config()
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection if db.is_sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                step(cfg, revision)
                if raw is not None and (broken := conn.exec_driver_sql("PRAGMA foreign_key_check").all()):
                    raise RuntimeError(f"the schema change left rows pointing nowhere: {broken[:5]}")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")
