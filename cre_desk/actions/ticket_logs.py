"""Opening a ticket's logs, and releasing the temporary copies that opening makes.

Why here: an attached archive is unpacked, and a UTF-16 or Shift_JIS log transcoded, into the ticket's
temporary folder; something must own those copies and delete them when the ticket is closed, an
attachment is removed or the window goes away. ``TicketLogs`` is that owner, for the window and any
other caller alike; a crash leaves only folders that ``logs.sources.sweep_stale`` removes later.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cre_desk import safe_write
from cre_desk.core.tickets import AttachmentRecord
from cre_desk.db.service import TicketService
from cre_desk.logs import sources


@dataclass(frozen=True)
class LogChoice:
    """One log the engineer can open: an attached file or one member of an attached archive."""

    name: str
    path: Path
    attachment_id: int | None    # None for a baseline
    baseline: str | None = None


@dataclass
class TicketLogs:
    """The logs of one ticket and the folder of temporary copies made to show them."""

    work_dir: Path
    choices: list[LogChoice] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)   # why a file shows fewer (or no) logs

    def attachment_dir(self, attachment_id: int) -> Path:
        return self.work_dir / f"attachment-{attachment_id}"

    def open(self, tickets: TicketService, attachments: Iterable[AttachmentRecord]) -> TicketLogs:
        """Find every log in ``attachments`` (unpacking archives); one unreadable file hides no other."""
        choices: list[LogChoice] = []
        notices: list[str] = []
        for record in attachments:
            try:
                path = tickets.attachment_path(record)
                result = sources.open_log_file(path, self.attachment_dir(record.id))
            except Exception as exc:  # noqa: BLE001 - one unreadable attachment must not hide the others
                notices.append(f"{record.file_name}: {exc}")
                continue
            notices.extend(result.notices)
            notices.extend(f"{r.name}: {r.reason}" for r in result.rejected)
            for log in result.logs:
                name = log.name if log.temporary else record.file_name
                choices.append(LogChoice(name, log.path, record.id))
        self.choices, self.notices = choices, notices
        return self

    def write_baseline(self, name: str, text: str) -> Path:
        """A known-good baseline log as a file beside the ticket's logs (it goes when they go)."""
        self.work_dir.mkdir(parents=True, exist_ok=True)
        path = self.work_dir / f"baseline-{name}.log"
        safe_write.write_text(path, text)
        return path

    def release_attachment(self, attachment_id: int) -> None:
        """Delete the unpacked copies of one attachment (it is being removed from the ticket)."""
        self.choices = [c for c in self.choices if c.attachment_id != attachment_id]
        shutil.rmtree(self.attachment_dir(attachment_id), ignore_errors=True)

    def close(self) -> None:
        """Delete every temporary copy made for this ticket (open documents must be closed first)."""
        self.choices = []
        shutil.rmtree(self.work_dir, ignore_errors=True)


def open_ticket_logs(tickets: TicketService, attachments: Iterable[AttachmentRecord], work_dir: Path
                     ) -> TicketLogs:
    """The logs in a ticket's attachments, owning the copies made in ``work_dir`` until ``close()``."""
    return TicketLogs(Path(work_dir)).open(tickets, attachments)
