"""A damaged database is moved aside (never deleted or overwritten) and a good backup can be restored."""

from __future__ import annotations

import os
import random

import pytest

from cre_desk.config import default_paths
from cre_desk.core.tickets import TicketFields
from cre_desk.db import safety
from cre_desk.db.workspace import UNCLEAN_MARKER, open_workspace


def _make_workspace_with_ticket(paths, title="Saved before the crash"):
    ws = open_workspace(paths)
    ws.tickets.template_rows = lambda s: []
    ws.tickets.create_ticket(TicketFields(title=title))
    ws.close()
    return paths.database


def _flip_bytes(path, seed=7):
    data = bytearray(path.read_bytes())
    rnd = random.Random(seed)
    for _ in range(64):
        pos = rnd.randrange(4096, len(data)) if len(data) > 4096 else rnd.randrange(100, len(data))
        data[pos] ^= 0xFF
    path.write_bytes(bytes(data))


DAMAGE = {
    "text file renamed": lambda p: p.write_text("this is not a database\n" * 100),
    "random megabyte": lambda p: p.write_bytes(random.Random(1).randbytes(1 << 20)),
    "truncated to half": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "flipped bytes": _flip_bytes,
    "header zeroed": lambda p: p.write_bytes(b"\0" * 100 + p.read_bytes()[100:]),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_file_is_moved_aside_and_a_fresh_one_opens(tmp_path, damage):
    paths = default_paths(tmp_path / "home")
    db_path = _make_workspace_with_ticket(paths)
    DAMAGE[damage](db_path)
    (paths.data_dir / UNCLEAN_MARKER).write_text("crashed")
    damaged_bytes = db_path.read_bytes()

    ws = open_workspace(paths)
    try:
        if ws.report.moved_aside is None:
            # Some damage (bytes in unused pages) is harmless: then the data must still be there.
            assert damage == "flipped bytes"
            assert [t.title for t in ws.tickets.list_queue()] == ["Saved before the crash"]
            return
        assert ws.report.moved_aside.read_bytes() == damaged_bytes
        assert ws.report.reason
        assert ws.tickets.count() == 0
    finally:
        ws.close()


def test_zero_length_file_is_moved_aside_not_silently_taken_for_a_new_workspace(tmp_path):
    """D-5: SQLite never leaves a 0-byte database; one is damage (kept aside), not an empty workspace."""
    paths = default_paths(tmp_path / "home")
    paths.ensure()
    paths.database.write_bytes(b"")
    ws = open_workspace(paths)
    assert ws.report.moved_aside is not None and ws.report.moved_aside.exists()
    assert "empty" in ws.report.reason
    assert ws.tickets.count() == 0
    ws.close()


def test_restore_offers_the_newest_good_backup(tmp_path):
    paths = default_paths(tmp_path / "home")
    db_path = _make_workspace_with_ticket(paths, "In the backup")
    good = safety.backup(db_path, paths.backups_dir)
    (paths.backups_dir / "cre-desk-99999999-000000-000000-auto.sqlite3").write_text("broken backup")
    DAMAGE["text file renamed"](db_path)

    ws = open_workspace(paths, restore_backup=True)
    try:
        assert ws.report.restored_from == good
        assert [s.title for s in ws.tickets.list_queue()] == ["In the backup"]
        assert ws.report.moved_aside.exists()
    finally:
        ws.close()


def test_backup_is_consistent_and_pruned(tmp_path):
    paths = default_paths(tmp_path / "home")
    db_path = _make_workspace_with_ticket(paths)
    made = [safety.backup(db_path, paths.backups_dir, label=f"n{i}") for i in range(5)]
    assert all(safety.check_file(b).ok for b in made)
    removed = safety.prune(paths.backups_dir, keep=2)
    assert len(removed) == 3
    assert len(safety.list_backups(paths.backups_dir)) == 2


def test_clean_close_removes_unclean_marker(tmp_path):
    paths = default_paths(tmp_path / "home")
    ws = open_workspace(paths)
    assert (paths.data_dir / UNCLEAN_MARKER).exists()
    ws.close()
    assert not (paths.data_dir / UNCLEAN_MARKER).exists()
    assert os.listdir(paths.data_dir)
