"""What opening a customer file can cap, produce and refuse, shared by the unpacker and its callers.

The caps, the results and the errors live apart from the unpacking code so that ``sources`` (the entry
points), ``unpacking`` (one import's state) and ``zip_reading`` (the zip checks) can all name them
without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cre_desk.errors import UserError

CHUNK = 1024 * 1024            # output written per step; cancel and caps are checked between steps


@dataclass(frozen=True)
class Limits:
    """Caps applied while unpacking; the defaults suit support bundles on a laptop."""

    max_total_bytes: int = 4 * 1024**3      # bytes produced across all entries
    max_entries: int = 500                  # zip members considered
    max_ratio: float = 200.0                # per entry: uncompressed/compressed, checked past 1 MiB
    max_name_length: int = 255


@dataclass(frozen=True)
class OpenedLog:
    """One plain file ready for the log engine."""

    name: str          # "bundle.zip › logs/device.log" for members, the file name otherwise
    path: Path         # a plain file to read (the original file itself when it was already plain)
    size: int
    temporary: bool    # True when we wrote it (the caller deletes it with cleanup())


@dataclass(frozen=True)
class Rejected:
    """An archive member we did not open, with the reason in plain words."""

    name: str
    reason: str


@dataclass
class OpenResult:
    """What came out of one customer file."""

    logs: list[OpenedLog] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


class ArchiveError(UserError):
    """The whole file cannot be used (bomb cap crossed, encrypted-only zip, damaged archive...)."""


class Cancelled(ArchiveError):
    """The user cancelled; everything written so far has been deleted."""


class CapCrossed(ArchiveError):
    """A cap for the whole import was crossed: aborts even from inside a nested archive."""


class EntryRejected(Exception):
    """One entry cannot be opened; the reason is shown next to its name."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

