"""Attaching the engineer's files to a ticket: what is refused and why, and the copy that can be cancelled.

Attaching is two steps so the slow part never holds the database: :func:`prepare` reads each file once
(redacting text logs, hashing everything) into the workspace's temporary folder, reporting progress
and stopping within one block when cancelled; :func:`store` then moves the prepared copies into the
ticket, which takes a moment. Empty files and binary files (images, executables, databases) are
refused up front: they cannot be read as logs, and attaching them silently only misleads later.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cre_desk.errors import Cancelled
from cre_desk.logs.file_kind import sniff_kind
from cre_desk.logs.redact import redact_file

BLOCK = 8 * 1024 * 1024

#: What a refused binary file looks like, by the kind ``sniff_kind`` names.
BINARY_KINDS = {
    "png": "a PNG image", "pdf": "a PDF document", "elf": "a program (ELF executable)",
    "jpeg": "a JPEG image",
    "sqlite": "an SQLite database", "gif": "a GIF image", "mach-o": "a program (Mach-O executable)",
    "tar": "a tar archive (not supported: use .zip or .gz)", "data": "binary data",
}


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file the engineer chose, in the order they chose them.

    ``status`` is one of "attached", "already_attached", "empty", "binary", "not_a_file", "failed";
    ``detail`` is the kind of a binary file (a key of :data:`BINARY_KINDS`), or why attaching failed.
    """

    name: str
    status: str
    detail: str = ""
    redacted: int = 0       # secrets and e-mail addresses removed from this file

    @property
    def attached(self) -> bool:
        return self.status == "attached"


@dataclass(frozen=True)
class Prepared:
    """A file copied (and redacted) into the temporary folder, ready to be moved into the ticket."""

    name: str
    copy: Path
    sha256: str
    redacted: int


def refusal(path: Path) -> FileOutcome | None:
    """Why ``path`` cannot be attached as a log, or None when it can."""
    name = path.name
    try:
        if not path.is_file():
            return FileOutcome(name, "not_a_file")
        if path.stat().st_size == 0:
            return FileOutcome(name, "empty")
        with open(path, "rb") as fh:
            kind = sniff_kind(fh.read(8192))
    except OSError as exc:
        return FileOutcome(name, "failed", exc.strerror or str(exc))
    if kind.startswith("binary"):
        what = kind.partition(":")[2]
        return FileOutcome(name, "binary", what if what in BINARY_KINDS else "data")
    return None


def _copy(source: Path, target: Path, cancel: Callable[[], bool], report: Callable[[int], None]) -> str:
    """Copy in blocks (so a cancel is seen within one block) and return the SHA-256 of the bytes."""
    digest = hashlib.sha256()
    try:
        with open(source, "rb") as src, open(target, "wb") as dst:
            while True:
                if cancel():
                    raise Cancelled()
                block = src.read(BLOCK)
                if not block:
                    break
                digest.update(block)
                dst.write(block)
                report(len(block))
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return digest.hexdigest()


def prepare(paths: Sequence[Path], temp_dir: Path, *, redact: bool,
            cancel: Callable[[], bool] = lambda: False,
            progress: Callable[[int, int, str], None] | None = None) -> list[FileOutcome | Prepared]:
    """Check and copy each file into ``temp_dir``; refused files come back as their :class:`FileOutcome`.

    ``progress(done_bytes, total_bytes, file_name)`` follows the bytes read. When cancelled, every copy
    made so far is removed before :class:`Cancelled` is raised.
    """
    items: list[FileOutcome | Prepared] = []
    for path in map(Path, paths):
        items.append(refusal(path) or Prepared(path.name, path, "", 0))   # Prepared(copy=source) until copied
    todo = [item for item in items if isinstance(item, Prepared)]
    total = sum(item.copy.stat().st_size for item in todo) or 1
    done_before = 0
    temp_dir.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    try:
        for position, item in enumerate(items):
            if not isinstance(item, Prepared):
                continue
            source = item.copy
            size = source.stat().st_size
            target = temp_dir / f"attach-{uuid.uuid4().hex}.part"
            made.append(target)

            def seen(done: int, _total: int = 0, base=done_before, name=item.name) -> None:
                if progress is not None:
                    progress(base + done, total, name)

            if progress is not None:
                progress(done_before, total, item.name)
            try:
                if redact and _is_text(source):
                    report = redact_file(source, target, cancel=cancel, progress=seen)
                    items[position] = Prepared(item.name, target, report.sha256, report.total)
                else:
                    copied = 0

                    def count(n: int) -> None:
                        nonlocal copied
                        copied += n
                        seen(copied)

                    items[position] = Prepared(item.name, target, _copy(source, target, cancel, count), 0)
            except Cancelled:
                raise
            except OSError as exc:
                items[position] = FileOutcome(item.name, "failed", exc.strerror or str(exc))
            done_before += size
        if cancel():
            raise Cancelled()
    except BaseException:
        discard(made)
        raise
    return items


def _is_text(path: Path) -> bool:
    """Plain text logs are redacted; archives are stored as they came (their members are read later)."""
    with open(path, "rb") as fh:
        return sniff_kind(fh.read(8192)) == "text"


def discard(copies: Sequence[Path | Prepared | FileOutcome]) -> None:
    """Remove prepared copies that will not be stored (the user cancelled, or the ticket went away)."""
    for item in copies:
        path = item.copy if isinstance(item, Prepared) else item
        if isinstance(path, Path):
            path.unlink(missing_ok=True)


def store(service, ticket_id: int, items: Sequence[FileOutcome | Prepared]) -> list[FileOutcome]:
    """Move the prepared copies into the ticket; one outcome per file, in the order they were chosen."""
    known = {a.sha256 for a in service.get_ticket(ticket_id).attachments}
    outcomes = []
    try:
        for item in items:
            if isinstance(item, FileOutcome):
                outcomes.append(item)
                continue
            if item.sha256 in known:
                outcomes.append(FileOutcome(item.name, "already_attached"))
                continue
            try:
                service.attach_file(ticket_id, item.copy, file_name=item.name, sha256=item.sha256, move=True)
            except OSError as exc:
                outcomes.append(FileOutcome(item.name, "failed", exc.strerror or str(exc)))
                continue
            known.add(item.sha256)
            outcomes.append(FileOutcome(item.name, "attached", redacted=item.redacted))
    finally:
        discard([item for item in items if isinstance(item, Prepared) and item.copy.exists()])
    return outcomes


def attach_files(service, ticket_id: int, paths: Sequence[Path], *, temp_dir: Path, redact: bool = True,
                 cancel: Callable[[], bool] = lambda: False,
                 progress: Callable[[int, int, str], None] | None = None) -> list[FileOutcome]:
    """Both steps at once, for callers without a window (the command line, tests)."""
    items = prepare(paths, temp_dir, redact=redact, cancel=cancel, progress=progress)
    return store(service, ticket_id, items)


def describe(outcome: FileOutcome) -> str:
    """The outcome in plain English, for the command line and logs (the window words its own)."""
    text = {
        "attached": "attached",
        "already_attached": "already attached to this ticket (same content), not added again",
        "empty": "not attached: the file is empty, there is nothing to read in it",
        "binary": "not attached: it is not a text log but "
                  f"{BINARY_KINDS.get(outcome.detail, 'binary data')}. Attach text logs (.log, .txt) "
                  "or .zip/.gz archives of them",
        "not_a_file": "not attached: it is not a file (a folder, or it no longer exists)",
        "failed": f"not attached: {outcome.detail}",
    }[outcome.status]
    if outcome.redacted:
        text += f" ({outcome.redacted} secret(s) or e-mail address(es) removed)"
    return f"{outcome.name}: {text}"


def redacted_copy(path: Path) -> Path:
    """A downloaded attachment as it should be kept: a text log redacted into a copy beside it (the same
    redaction as attaching by hand), anything else as it is. Used by helpdesk imports when redaction is on."""
    if not _is_text(path):
        return path
    target = path.with_name(path.name + ".redacted")
    redact_file(path, target)
    return target
