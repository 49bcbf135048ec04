"""Turn a file a customer sent (plain log, gzip, zip) into plain files the log engine can mmap.

Customers attach whatever they have: a raw logcat dump, a ``.gz`` of it, a zip bundle of several
logs, sometimes a screenshot renamed to ``.log``. Those files are hostile input, so this module
decides what a file is from its magic bytes (never its extension) and unpacks archives under hard
caps: no member name is ever used as a path (zip slip), symlinks are not followed, zip bombs
(overlapping entries, huge ratios, huge totals) are stopped early, and every byte we write goes to
``work_dir/<n>.log`` so a cancelled or failed import leaves nothing behind (RELIABILITY A-1..A-6,
I-1).

This module holds the entry points and the work-dir housekeeping; ``file_kind`` tells what a file is,
``unpacking`` and ``zip_reading`` do the guarded unpacking, ``unpack_types`` names their caps and results.
"""

from __future__ import annotations

import re
import stat
import time
from collections.abc import Callable
from pathlib import Path

from cre_desk.logs.file_kind import SNIFF_BYTES, binary_notice, sniff_kind
from cre_desk.logs.unpack_types import ArchiveError, EntryRejected, Limits, OpenedLog, OpenResult
from cre_desk.logs.unpacking import UnpackRun, environment_fault

WORK_MARKER = ".cre-desk-work"  # marks a work dir as ours so sweep_stale never removes anything else

_OUR_FILE = re.compile(r"\d+\.log")


def open_log_file(path: Path, work_dir: Path, limits: Limits = Limits(),  # noqa: B008 - frozen, immutable
                  cancel: Callable[[], bool] = lambda: False,
                  progress: Callable[[int], None] = lambda n: None) -> OpenResult:
    """Open a customer file as one or more plain logs; archives are unpacked into ``work_dir``.

    ``progress`` receives the bytes produced so far. On cancel, a crossed cap or any other
    failure, everything written by this call is deleted before the exception propagates.
    """
    path, work_dir = Path(path), Path(work_dir)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ArchiveError(f"{path.name} is not a regular file.")
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise ArchiveError(f"The file {path.name} cannot be read.", detail=str(exc)) from exc
    if info.st_size == 0 or not head:
        return OpenResult([OpenedLog(path.name, path, 0, False)], [], ["The file is empty."])
    kind = sniff_kind(head)
    if kind not in ("gzip", "zip"):
        notices = [binary_notice(kind, None)] if kind.startswith("binary:") else []
        return OpenResult([OpenedLog(path.name, path, info.st_size, False)], [], notices)

    created_dir = not work_dir.exists()
    marker = work_dir / WORK_MARKER
    created_marker = False
    run = UnpackRun(work_dir, limits, cancel, progress)
    try:
        work_dir.mkdir(parents=True, exist_ok=True)
        if not marker.exists():
            marker.touch()
            created_marker = True
        run.open_archive(path, kind, path.name, 0)
    except BaseException as exc:
        run.abort()
        if created_marker:
            marker.unlink(missing_ok=True)
        if created_dir:
            try:
                work_dir.rmdir()
            except OSError:
                pass
        if isinstance(exc, EntryRejected):
            raise ArchiveError(f"{path.name} cannot be opened: {exc.reason}.") from exc
        if isinstance(exc, OSError):
            raise environment_fault(exc) from exc
        raise
    return run.result


def cleanup(work_dir: Path) -> None:
    """Remove the files open_log_file wrote in ``work_dir``, then the folder itself if it is empty."""
    work_dir = Path(work_dir)
    if work_dir.is_symlink() or not work_dir.is_dir():
        return
    for child in work_dir.iterdir():
        if child.name == WORK_MARKER or _OUR_FILE.fullmatch(child.name):
            if child.is_symlink() or not child.is_dir():
                child.unlink(missing_ok=True)
    try:
        work_dir.rmdir()
    except OSError:
        pass


def sweep_stale(temp_root: Path, older_than_s: float = 24 * 3600) -> int:
    """Remove work dirs left by killed runs (marked as ours, untouched for ``older_than_s``); return how many."""
    temp_root = Path(temp_root)
    if not temp_root.is_dir():
        return 0
    cutoff = time.time() - older_than_s
    removed = 0
    for child in temp_root.iterdir():
        try:
            if child.is_symlink() or not child.is_dir() or not (child / WORK_MARKER).exists():
                continue
            newest = max([child.lstat().st_mtime] + [entry.lstat().st_mtime for entry in child.iterdir()])
            if newest > cutoff:
                continue
            cleanup(child)
        except OSError:
            continue
        if not child.exists():
            removed += 1
    return removed
