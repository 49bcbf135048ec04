"""Opening the user's data: check the file, move a damaged one aside, back up, migrate, serve.

This is the start-up path shared by the GUI, the headless commands and ``self-check``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import OperationalError

from cre_desk.config import AppPaths
from cre_desk.db import location, migrate, safety
from cre_desk.db.engine import Database, sqlite_url
from cre_desk.db.service import TicketService
from cre_desk.errors import EnvironmentFault

log = logging.getLogger(__name__)

UNCLEAN_MARKER = "session-open"


@dataclass
class OpenReport:
    """What happened while opening, for the UI to tell the user."""

    moved_aside: Path | None = None
    reason: str = ""
    restored_from: Path | None = None
    backup_available: Path | None = None
    created: bool = False
    notices: list[str] = field(default_factory=list)


@dataclass
class Workspace:
    paths: AppPaths
    db: Database
    tickets: TicketService
    report: OpenReport

    def backup_now(self, label: str) -> Path | None:
        """Back up the local file now (before a delete, an import or a restore); None in team mode."""
        path = self.db.sqlite_path
        if path is None or not path.exists() or path.stat().st_size == 0:
            return None
        made = safety.backup(path, self.paths.backups_dir, label=label)
        safety.prune(self.paths.backups_dir)
        log.info("Backup (%s) written to %s", label, made)
        return made

    def backup_if_changed(self) -> Path | None:
        """The periodic backup: taken only when something changed since the newest backup (D-6)."""
        path = self.db.sqlite_path
        if path is None or not safety.changed_since_last_backup(path, self.paths.backups_dir):
            return None
        return self.backup_now("auto")

    def close(self) -> None:
        """Clean shutdown: checkpoint, drop the unclean-shutdown marker, release connections."""
        self.db.dispose()
        (self.paths.data_dir / UNCLEAN_MARKER).unlink(missing_ok=True)


def open_workspace(paths: AppPaths, db_url: str = "", *, restore_backup: bool = False,
                   calendar=None) -> Workspace:
    """Open (and if needed create, repair, migrate) the workspace.

    Args:
        paths: the per-user folders.
        db_url: a server URL for team mode; empty for the local SQLite file.
        restore_backup: when the local file is damaged, restore the newest good backup.
    """
    paths.ensure()
    report = OpenReport()
    if db_url:
        db = Database(db_url)
    else:
        db_path = paths.database
        report.created = not db_path.exists()
        marker = paths.data_dir / UNCLEAN_MARKER
        result = check_local_database(paths)
        if not result.ok:
            report.reason = result.reason
            report.moved_aside = safety.move_aside(db_path)
            report.backup_available = safety.newest_good_backup(paths.backups_dir)
            if restore_backup and report.backup_available is not None:
                # What is replaced was moved aside whole just above: that is its backup.
                safety.restore(report.backup_available, db_path)
                report.restored_from = report.backup_available
            report.created = report.restored_from is None
        marker.write_text("CRE Desk is running or did not shut down cleanly\n", encoding="utf-8")
        risky = location.risky_location(db_path)
        if risky:
            log.warning("%s", risky)
            report.notices.append(risky)
        db = Database(sqlite_url(db_path))
    try:
        migrate.check_not_newer(db)
        if migrate.needs_upgrade(db):
            if db.is_sqlite and not report.created and db.sqlite_path and db.sqlite_path.exists():
                safety.backup(db.sqlite_path, paths.backups_dir, label="before-upgrade")
            migrate.upgrade(db)
    except OperationalError as exc:
        db.dispose()
        raise EnvironmentFault(
            "CRE Desk could not open its database.",
            action="If you use a team server, check that it is running and reachable; otherwise check "
                   "that the disk is not full and the data folder is writable.",
            detail=str(exc.orig) if exc.orig else str(exc),
        ) from exc
    service = TicketService(db, attachments_dir=paths.attachments_dir, calendar=calendar)
    workspace = Workspace(paths=paths, db=db, tickets=service, report=report)
    service.before_bulk_change = workspace.backup_now
    # Tickets written by an older version (or another client) have no stored clocks yet.
    service.refresh_clocks(only_missing=True)
    return workspace


def check_local_database(paths: AppPaths) -> safety.CheckResult:
    """Is the local database usable? ``quick_check`` runs on every start (D-5): damage that a clean exit
    does not reveal (flipped bytes, a ``-wal`` that came from another database) shows up now, when the file
    can still be moved aside whole and a backup offered, instead of as errors later."""
    db_path = paths.database
    marker = paths.data_dir / UNCLEAN_MARKER
    wal = Path(str(db_path) + "-wal")
    result = safety.check_file(db_path, quick=True)
    if not result.ok:
        if not marker.exists() and wal.exists() and wal.stat().st_size > 0:
            return safety.CheckResult(False, "a -wal file beside the database does not belong to it "
                                             f"(CRE Desk had shut down cleanly); {result.reason}")
        return result
    if db_path.exists() and db_path.stat().st_size > 0:
        return _probe(db_path)
    return safety.CheckResult(True)


def _probe(path: Path) -> safety.CheckResult:
    """Open the file and read its schema; catches damage that the header check cannot see."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=5)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return safety.CheckResult(False, f"SQLite reported: {exc}")
    return safety.CheckResult(True)
