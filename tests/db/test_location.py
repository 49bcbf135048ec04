"""D-10: a database in a synced folder or on a network file system gets a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from cre_desk.config import default_paths
from cre_desk.db.location import risky_location
from cre_desk.db.workspace import open_workspace


@pytest.mark.parametrize("where, client", [
    ("/home/aki/Dropbox/cre", "Dropbox"),
    ("/Users/aki/Library/Mobile Documents/com~apple~CloudDocs/cre", "iCloud Drive"),
    ("C:/Users/aki/OneDrive - Example Corp/cre", "OneDrive"),
    ("/home/aki/OneDrive/cre", "OneDrive"),
    ("/home/aki/Google Drive/My Drive/cre", "Google Drive"),
])
def test_d10_known_sync_folders_are_named(where, client):
    assert client in risky_location(Path(where) / "cre-desk.sqlite3", mounts_file=Path("/nonexistent"))


def test_d10_network_file_systems_are_found_from_the_mount_table(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/sda1 / ext4 rw 0 0\nfiler:/export/home /mnt/home nfs4 rw 0 0\n"
                      "//nas/share /mnt/nas cifs rw 0 0\n")
    assert "nfs4" in risky_location(Path("/mnt/home/aki/cre-desk.sqlite3"), mounts_file=mounts)
    assert "cifs" in risky_location(Path("/mnt/nas/cre-desk.sqlite3"), mounts_file=mounts)
    assert risky_location(Path("/home/aki/cre-desk.sqlite3"), mounts_file=mounts) == ""
    assert risky_location(Path("/mnt/homework/cre-desk.sqlite3"), mounts_file=mounts) == ""


def test_d10_unc_paths_on_windows():
    assert "network share" in risky_location(Path("//server/share/cre-desk.sqlite3"), windows=True,
                                             mounts_file=Path("/nonexistent"))


def test_d10_opening_a_workspace_in_a_synced_folder_reports_a_warning(tmp_path):
    ws = open_workspace(default_paths(tmp_path / "Dropbox" / "cre"))
    try:
        assert any("Dropbox" in n for n in ws.report.notices)
    finally:
        ws.close()
    ws = open_workspace(default_paths(tmp_path / "local"))
    try:
        assert ws.report.notices == []
    finally:
        ws.close()
