"""Is the database somewhere SQLite cannot keep it safe: a synced folder or a network file system (D-10)?

SQLite's WAL needs shared memory and byte-range locks that network file systems do not provide, and sync
clients (Dropbox, OneDrive, iCloud Drive, Google Drive…) copy the database and its ``-wal`` one at a time,
or bring back an older copy: both corrupt it. The user is warned; the app keeps working.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

#: Folder names the common sync clients create (compared case-insensitively, by path component).
SYNC_FOLDERS = {
    "dropbox": "Dropbox", "onedrive": "OneDrive", "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive", "mobile documents": "iCloud Drive", "google drive": "Google Drive",
    "googledrive": "Google Drive", "my drive": "Google Drive", "box": "Box", "box sync": "Box",
    "pcloud drive": "pCloud", "nextcloud": "Nextcloud",
    "owncloud": "ownCloud", "mega": "MEGA", "megasync": "MEGA", "sync.com": "Sync.com", "seafile": "Seafile",
}
#: File system types (Linux /proc/mounts) that are network or user-space file systems.
NETWORK_FS = ("nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs", "lustre",
              "davfs", "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse", "fuse.onedrive",
              "fuse.dropbox")


def sync_client(path: Path) -> str | None:
    """The sync client whose folder holds ``path``, if any."""
    for part in Path(path).parts:
        name = part.lower()
        if name in SYNC_FOLDERS:
            return SYNC_FOLDERS[name]
        if name.startswith("onedrive - ") or name.startswith("onedrive-"):
            return "OneDrive"   # business accounts: "OneDrive - Company"
        if name.startswith("com~apple~clouddocs"):
            return "iCloud Drive"
    return None


def network_fs_type(path: Path, mounts_file: Path = Path("/proc/mounts")) -> str | None:
    """The network file system type ``path`` lives on (Linux, from the mount table), else None."""
    try:
        text = mounts_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    target = os.path.realpath(path)
    best, best_type = "", ""
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, best_type = mount_point, fields[2]
    fs_type = best_type.lower()
    if fs_type in NETWORK_FS:
        return best_type
    return None


def risky_location(path: Path, *, mounts_file: Path = Path("/proc/mounts"),
                   windows: bool | None = None) -> str:
    """A sentence for the user when ``path`` is in a synced folder or on a network drive, else ''."""
    windows = sys.platform == "win32" if windows is None else windows
    if windows and str(PureWindowsPath(str(path))).startswith("\\\\"):
        where = "a network share"
    elif (client := sync_client(path)) is not None:
        where = f"a {client} folder"
    elif (fs := network_fs_type(path, mounts_file)) is not None:
        where = f"a network drive ({fs})"
    else:
        return ""
    return (f"The database is in {where}: {path}. Syncing or sharing a database file while CRE Desk uses it "
            "can corrupt it or bring back old data. Move the data folder to a local disk (set "
            "CRE_DESK_HOME), or use a team server for sharing.")
