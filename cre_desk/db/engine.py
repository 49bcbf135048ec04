"""Engine set-up: SQLite (durable WAL, immediate write transactions) or PostgreSQL for teams.

SQLite notes (see the RELIABILITY brief): pysqlite's own transaction handling is switched off and we
emit BEGIN ourselves, so DDL is transactional and write transactions take the write lock up front
(``BEGIN IMMEDIATE``) instead of failing later with SQLITE_BUSY_SNAPSHOT. Read-only sessions use a
plain deferred BEGIN so they never wait for a writer.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
READ_ONLY = "cre_desk_read_only"
#: The write-ahead log may grow to this before the app checkpoints it, or warns that it cannot (D-11).
WAL_LIMIT_BYTES = 64 << 20


@dataclass(frozen=True)
class WalStatus:
    """The -wal's size before and after :meth:`Database.keep_wal_small`; ``starved`` when a long-running
    read kept the checkpoint from bringing it back under the limit."""

    size_before: int
    size_after: int
    starved: bool


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def normalise_url(url: str) -> str:
    """Accept plain ``postgresql://`` URLs and route them to the psycopg 3 driver we ship."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def create_db_engine(url: str) -> Engine:
    """Create the engine for ``url`` with the pragmas/options CRE Desk relies on."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
        _install_sqlite_hooks(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    return engine


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (documented pysqlite fix)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode.lower() != "wal" and not str(engine.url.database or "").startswith(":memory:"):
            log.warning("SQLite refused WAL mode (got %s); running with %s", mode, mode)
        # FULL: a committed verdict or draft survives power loss, not only an app crash.
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        # After a checkpoint resets the log, SQLite truncates the -wal back to this size (D-11).
        cur.execute(f"PRAGMA journal_size_limit={WAL_LIMIT_BYTES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        if conn.get_execution_options().get(READ_ONLY):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """Owns the engine and hands out sessions; one per app (or per test)."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.engine = create_db_engine(self.url)
        self._write = sessionmaker(self.engine, expire_on_commit=False)
        self._read = sessionmaker(self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        name = self.engine.url.database
        return Path(name) if name and name != ":memory:" else None

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one write transaction: committed on success, rolled back on any error."""
        with self._write() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reads; never takes the write lock."""
        with self._read() as session, session.begin():
            yield session

    def keep_wal_small(self, limit: int = WAL_LIMIT_BYTES) -> WalStatus | None:
        """Checkpoint a -wal grown past ``limit``; log a warning when a long read keeps it from shrinking.

        SQLite's automatic checkpoint cannot move past a reader's snapshot, so one long read lets the log
        grow without bound. This never waits for that reader: a passive checkpoint copies what it can, and
        the log is truncated only when every frame was copied. Returns None in team mode.
        """
        path = self.sqlite_path
        if path is None:
            return None
        wal = Path(str(path) + "-wal")
        before = wal.stat().st_size if wal.exists() else 0
        if before <= limit:
            return WalStatus(before, before, False)
        raw = self.engine.raw_connection()
        try:
            cur = raw.cursor()
            _busy, frames, copied = cur.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            if frames >= 0 and copied == frames:
                cur.execute("PRAGMA busy_timeout=100")
                try:
                    cur.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                finally:
                    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cur.close()
        finally:
            raw.close()
        after = wal.stat().st_size if wal.exists() else 0
        starved = after > limit
        if starved:
            log.warning("The database's write-ahead log is %.0f MiB and could not be checkpointed: a "
                        "long-running read (a report, a second program reading the file) is holding it. It "
                        "shrinks once that read ends.", after / (1 << 20))
        else:
            log.info("Checkpointed the write-ahead log: %.1f MiB -> %.1f MiB", before / (1 << 20),
                     after / (1 << 20))
        return WalStatus(before, after, starved)

    def dispose(self) -> None:
        self.engine.dispose()
