"""A ticket's files and the marks on their lines.

Attaching copies (or moves) the file into the workspace's attachment folder under a name that is safe
on every OS, once per content; removing sets the copy aside first so a file held open elsewhere leaves
everything as it was. Marks are the log lines a user pinned, kept with the attachment they point into.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from sqlalchemy import delete, select

from cre_desk.core.tickets import AttachmentRecord, MarkRecord
from cre_desk.db.models import Attachment, LogMark, Ticket
from cre_desk.db.records import attachment_record, mark_record
from cre_desk.db.repo_base import RepositoryBase
from cre_desk.db.retry import retry_transient
from cre_desk.errors import EnvironmentFault, UserError


class AttachmentRepository(RepositoryBase):
    """Attached files and log-line marks."""

    @retry_transient
    def attach_file(
        self,
        ticket_id: int,
        source: Path,
        *,
        file_name: str | None = None,
        external_id: str | None = None,
        sha256: str | None = None,
        move: bool = False,
    ) -> AttachmentRecord:
        """Copy a file into the ticket's attachment folder; the same content twice is attached once.

        ``sha256`` (when the caller already hashed the bytes while writing them) and ``move`` (for a
        temporary file of ours, e.g. a redacted copy) spare a gigabyte log a second read and a copy.
        """
        if self.attachments_dir is None:
            raise UserError("This workspace has no attachment folder configured.")
        source = Path(source)
        if not source.is_file():
            raise UserError(f"“{source.name}” is not a file that can be attached.")
        digest = sha256 or _sha256(source)
        name = _safe_name(file_name or source.name)
        with self.db.write() as session:
            if session.get(Ticket, ticket_id) is None:
                raise UserError(f"Ticket #{ticket_id} no longer exists.")
            existing = session.scalars(
                select(Attachment).where(Attachment.ticket_id == ticket_id, Attachment.sha256 == digest)
            ).first()
            if existing is not None:
                return attachment_record(existing)
            folder = self.attachments_dir / str(ticket_id)
            folder.mkdir(parents=True, exist_ok=True)
            target = _unique_path(folder / name)
            tmp = target.with_name(target.name + ".part")
            if move:
                try:
                    os.replace(source, tmp)
                except OSError:  # another file system: copy after all
                    shutil.copyfile(source, tmp)
            else:
                shutil.copyfile(source, tmp)
            tmp.replace(target)
            try:
                row = Attachment(
                    ticket_id=ticket_id,
                    file_name=name,
                    stored_path=str(target.relative_to(self.attachments_dir)),
                    size=target.stat().st_size,
                    sha256=digest,
                    external_id=external_id,
                    added_at=self.clock(),
                )
                session.add(row)
                session.flush()
                return attachment_record(row)
            except Exception:
                target.unlink(missing_ok=True)
                raise

    def remove_attachment(self, attachment_id: int) -> AttachmentRecord:
        """Detach a file and delete the workspace's copy of it; the marks on its lines go with it.

        The copy is first set aside (that fails while another program holds it open, and then nothing
        changes), the row is deleted, and only after the commit is the copy deleted for good.
        """
        if self.attachments_dir is None:
            raise UserError("This workspace has no attachment folder configured.")
        parked: Path | None = None
        path: Path | None = None
        try:
            with self.db.write() as session:
                row = session.get(Attachment, attachment_id)
                if row is None:
                    raise UserError("That file is no longer attached to the ticket.")
                record = attachment_record(row)
                path = self.attachment_path(record)
                if path.exists():
                    parked = path.with_name(path.name + ".removing")
                    try:
                        os.replace(path, parked)
                    except OSError as exc:
                        raise EnvironmentFault(
                            f"“{record.file_name}” could not be removed: {exc.strerror or exc}.",
                            action="Close any program that has the file open and try again.",
                            detail=str(exc),
                        ) from exc
                session.execute(delete(LogMark).where(LogMark.attachment_id == attachment_id))
                session.delete(row)
        except BaseException:
            if parked is not None and path is not None and parked.exists():
                os.replace(parked, path)
            raise
        if parked is not None:
            parked.unlink(missing_ok=True)
        return record

    def attachment_path(self, record: AttachmentRecord) -> Path:
        if self.attachments_dir is None:
            raise UserError("This workspace has no attachment folder configured.")
        return self.attachments_dir / record.stored_path


    @retry_transient
    def add_mark(
        self,
        ticket_id: int,
        attachment_id: int,
        line_no: int,
        line_text: str,
        *,
        log_name: str,
        note: str = "",
        actor: str = "",
    ) -> MarkRecord:
        with self.db.write() as session:
            if session.get(Attachment, attachment_id) is None:
                raise UserError("That log is no longer attached to the ticket.")
            existing = session.execute(
                select(LogMark).where(
                    LogMark.attachment_id == attachment_id,
                    LogMark.line_no == line_no,
                    LogMark.log_name == log_name,
                )
            ).scalar_one_or_none()
            if existing is not None:
                if note:
                    existing.note = note
                return mark_record(existing)
            mark = LogMark(
                ticket_id=ticket_id,
                attachment_id=attachment_id,
                log_name=log_name,
                line_no=line_no,
                line_text=line_text[:4000],
                note=note,
                created_by=actor,
                created_at=self.clock(),
            )
            session.add(mark)
            session.flush()
            return mark_record(mark)

    @retry_transient
    def update_mark_note(self, mark_id: int, note: str) -> MarkRecord:
        with self.db.write() as session:
            mark = session.get(LogMark, mark_id)
            if mark is None:
                raise UserError("That mark was removed.")
            mark.note = note
            return mark_record(mark)

    @retry_transient
    def delete_mark(self, mark_id: int) -> None:
        with self.db.write() as session:
            session.execute(delete(LogMark).where(LogMark.id == mark_id))

    def list_marks(self, ticket_id: int, attachment_id: int | None = None) -> list[MarkRecord]:
        with self.db.read() as session:
            stmt = select(LogMark).where(LogMark.ticket_id == ticket_id)
            if attachment_id is not None:
                stmt = stmt.where(LogMark.attachment_id == attachment_id)
            rows = session.execute(stmt.order_by(LogMark.log_name, LogMark.line_no)).scalars().all()
            return [mark_record(m) for m in rows]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}


def _safe_name(name: str) -> str:
    """A file name safe on Windows, macOS and Linux, derived from untrusted input."""
    base = name.replace("\\", "/").split("/")[-1]
    base = "".join("_" if (c in '<>:"|?*' or ord(c) < 32) else c for c in base).strip(" .")
    if not base or base.split(".")[0].lower() in _RESERVED:
        base = f"attachment-{base or 'file'}"
    if len(base) > 150:  # cut the name, not its extension: ".log" still says what the file is
        stem, dot, suffix = base.rpartition(".")
        suffix = dot + suffix if stem and len(suffix) <= 16 else ""
        base = base[: 150 - len(suffix)].rstrip(" .") + suffix
    return base


def _unique_path(path: Path) -> Path:
    if not path.exists():
        return path
    stem, suffix = path.stem, path.suffix
    for n in range(2, 10_000):
        candidate = path.with_name(f"{stem} ({n}){suffix}")
        if not candidate.exists():
            return candidate
    raise UserError("Too many attachments with the same name on this ticket.")


