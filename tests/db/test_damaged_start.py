"""D-5: a damaged database found at start is detected, moved aside whole, and a good backup offered.

The file is checked on every start (not only after a crash) and the check itself never writes to the
damaged file: a foreign ``-wal`` is never merged into the user's database.
"""

from __future__ import annotations

import random
import shutil
import sqlite3

from cre_desk.config import default_paths
from cre_desk.core.tickets import TicketFields
from cre_desk.db import safety
from cre_desk.db.workspace import UNCLEAN_MARKER, check_local_database, open_workspace


def _workspace(home, title):
    paths = default_paths(home)
    ws = open_workspace(paths)
    ws.tickets.template_rows = lambda s: []
    for n in range(30):
        ws.tickets.create_ticket(TicketFields(title=f"{title} {n}", notes="x" * 2000))
    ws.close()
    return paths


def _foreign_wal(tmp_path):
    """The -wal of another workspace, taken while that one was running (as a sync tool or a copy would)."""
    other = _workspace(tmp_path / "other", "Other workspace")
    conn = sqlite3.connect(other.database)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE tickets SET notes = ?", ("y" * 3000,))
    columns = ("customer, app_name, requester_name, requester_role, platform, os_version, sdk_name, "
               "sdk_version, app_version, symptom, category, priority, assignee, team, asked, goal, notes, "
               "status, source, external_url, created_at, updated_at, version")
    conn.execute(f"INSERT INTO tickets (title, {columns}) SELECT title || ' copy', {columns} FROM tickets")
    conn.commit()
    wal = bytes(open(str(other.database) + "-wal", "rb").read())
    conn.close()
    assert len(wal) > 32
    return wal


def _files(path):
    return {p.name: p.read_bytes() for p in path.parent.glob(path.name + "*")}


def test_d5_a_wal_from_another_workspace_is_detected_moved_aside_with_the_file_and_never_merged(tmp_path):
    paths = _workspace(tmp_path / "home", "Mine")
    good = safety.backup(paths.database, paths.backups_dir)
    wal = _foreign_wal(tmp_path)
    db_bytes = paths.database.read_bytes()
    (paths.database.parent / (paths.database.name + "-wal")).write_bytes(wal)

    result = check_local_database(paths)
    assert not result.ok
    assert paths.database.read_bytes() == db_bytes       # the check merged nothing into the user's file
    ws = open_workspace(paths, restore_backup=True)
    try:
        aside = ws.report.moved_aside
        assert aside is not None and aside.read_bytes() == db_bytes
        assert (aside.parent / (aside.name + "-wal")).read_bytes() == wal   # the whole set, untouched
        assert ws.report.backup_available == good and ws.report.restored_from == good
        assert ws.tickets.count() == 30
        assert all(t.title.startswith("Mine") for t in ws.tickets.list_queue())
    finally:
        ws.close()


def test_d5_flipped_bytes_after_a_clean_exit_are_found_and_a_backup_offered(tmp_path):
    paths = _workspace(tmp_path / "home", "Mine")
    good = safety.backup(paths.database, paths.backups_dir)
    data = bytearray(paths.database.read_bytes())
    rnd = random.Random(3)
    for _ in range(256):   # enough that some land on page structure whatever the schema adds
        data[rnd.randrange(4096, len(data))] ^= 0xFF
    # A flip in a page's free space is invisible to any check; flipping page-type bytes too makes the damage
    # certain, whatever the number of (empty) tables the schema has.
    for page_start in range(4096, len(data), 4096 * 4):
        data[page_start] ^= 0xFF
    paths.database.write_bytes(bytes(data))
    assert not (paths.data_dir / UNCLEAN_MARKER).exists()   # a clean exit: nothing hints at damage

    assert not check_local_database(paths).ok
    ws = open_workspace(paths)
    try:
        assert ws.report.moved_aside is not None and ws.report.moved_aside.read_bytes() == bytes(data)
        assert ws.report.backup_available == good
    finally:
        ws.close()


def test_d5_a_zero_length_database_is_moved_aside_and_the_backup_offered_not_silently_emptied(tmp_path):
    paths = _workspace(tmp_path / "home", "Mine")
    good = safety.backup(paths.database, paths.backups_dir)
    paths.database.write_bytes(b"")
    result = check_local_database(paths)
    assert not result.ok and "empty" in result.reason
    ws = open_workspace(paths, restore_backup=True)
    try:
        assert ws.report.moved_aside is not None and ws.report.moved_aside.stat().st_size == 0
        assert ws.report.restored_from == good and ws.tickets.count() == 30
    finally:
        ws.close()


def test_d5_a_crash_leaves_a_wal_of_our_own_which_is_kept(tmp_path):
    """The unclean-shutdown case: our own -wal holds committed work and must be used, not moved aside."""
    paths = _workspace(tmp_path / "home", "Mine")
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE tickets SET title = 'Committed just before the crash' WHERE id = 1")
    conn.commit()
    saved = tmp_path / "saved"
    saved.mkdir()
    for name, data in _files(paths.database).items():
        (saved / name).write_bytes(data)
    conn.close()
    for p in paths.database.parent.glob(paths.database.name + "*"):
        p.unlink()
    for p in saved.iterdir():
        shutil.copy(p, paths.database.parent / p.name)
    (paths.data_dir / UNCLEAN_MARKER).write_text("crashed")
    assert check_local_database(paths).ok
    ws = open_workspace(paths)
    try:
        assert ws.report.moved_aside is None
        assert ws.tickets.get_ticket(1).fields.title == "Committed just before the crash"
    finally:
        ws.close()
