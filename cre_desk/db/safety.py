"""Keeping the SQLite file safe: corruption checks, moving a bad file aside, and backups.

A corrupt file is never deleted or overwritten: it is renamed to ``*.corrupt-<timestamp>`` with its
``-wal``/``-shm`` companions so nothing the user wrote is lost, and the newest backup that passes
``quick_check`` is offered for restore. Backups use ``VACUUM INTO`` (a consistent snapshot even
while another connection writes), never a file copy.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")
DEFAULT_KEEP = 20


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    reason: str = ""


def check_file(path: Path, *, quick: bool = True) -> CheckResult:
    """Tell whether ``path`` is a usable SQLite database; a missing file counts as fine (a new one).

    The check opens the file read-only, so it never writes to a damaged file: a ``-wal`` beside it (ours
    after a crash, or one that came from elsewhere) is read as part of the database but never checkpointed
    into it. A zero-length file is damage, not a new database: SQLite never leaves one behind.
    """
    if not path.exists():
        return CheckResult(True)
    try:
        size = path.stat().st_size
        if size == 0:
            return CheckResult(False, "the database file is empty (0 bytes)")
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
        if header != SQLITE_MAGIC:
            return CheckResult(False, "the file is not a CRE Desk database (its header is wrong)")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            pragma = "quick_check" if quick else "integrity_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            if rows and rows[0][0] == "ok":
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return CheckResult(False, f"SQLite reported: {exc}")
    except UnicodeDecodeError:
        # The damage reached the text of SQLite's own report, which is then not even valid UTF-8.
        return CheckResult(False, "SQLite's integrity check failed and its report is unreadable")
    except OSError as exc:
        return CheckResult(False, f"the file could not be read: {exc.strerror or exc}")
    if rows and rows[0][0] == "ok":
        return CheckResult(True)
    detail = "; ".join(str(r[0]) for r in rows[:3])
    return CheckResult(False, f"SQLite's integrity check failed: {detail}")


def move_aside(path: Path, *, now: datetime | None = None) -> Path:
    """Rename the database and its companions to ``*.corrupt-<ts>``; return the new database path."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, target)
    for suffix in COMPANIONS:
        companion = Path(str(path) + suffix)
        if companion.exists():
            os.replace(companion, Path(str(target) + suffix))
    log.warning("Moved damaged database %s aside to %s", path, target)
    return target


def backup(path: Path, backups_dir: Path, *, label: str = "auto", now: datetime | None = None) -> Path:
    """Write a consistent snapshot of ``path`` into ``backups_dir`` with VACUUM INTO.

    The backup's modification time is set to the moment the snapshot began, so a change committed while
    it was being written still counts as "changed since the last backup".
    """
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir / f"cre-desk-{stamp}-{label}.sqlite3"
    began = time.time_ns()
    conn = sqlite3.connect(str(path), timeout=10)
    try:
        conn.execute("VACUUM INTO ?", (str(target),))
    finally:
        conn.close()
    os.utime(target, ns=(began, began))
    return target


def last_change_ns(path: Path) -> int:
    """When the database last changed on disk: every commit writes the ``-wal``, a checkpoint the file."""
    times = [p.stat().st_mtime_ns for p in (path, Path(str(path) + "-wal")) if p.exists()]
    return max(times, default=0)


def changed_since_last_backup(path: Path, backups_dir: Path) -> bool:
    """True when ``path`` has changes no backup holds yet (any change: fields, verdicts, drafts, imports)."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    newest = list_backups(backups_dir)[:1]
    return not newest or last_change_ns(path) > newest[0].stat().st_mtime_ns


def list_backups(backups_dir: Path) -> list[Path]:
    """Backups, newest first."""
    if not backups_dir.is_dir():
        return []
    return sorted(backups_dir.glob("cre-desk-*.sqlite3"), key=lambda p: p.name, reverse=True)


def newest_good_backup(backups_dir: Path) -> Path | None:
    for candidate in list_backups(backups_dir):
        if check_file(candidate).ok:
            return candidate
    return None


def restore(backup_path: Path, path: Path) -> None:
    """Replace the (already moved-aside or missing) database with a copy of a backup."""
    if path.exists():
        raise FileExistsError(f"{path} still exists; move it aside before restoring")
    src = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
    dst = sqlite3.connect(str(path))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def prune(backups_dir: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Keep the newest ``keep`` backups; return the ones removed."""
    removed = []
    for old in list_backups(backups_dir)[keep:]:
        old.unlink(missing_ok=True)
        removed.append(old)
    return removed
