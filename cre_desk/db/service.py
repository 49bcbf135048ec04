"""The ticket service: owns every transaction, returns plain records, turns races into conflicts.

Views call these methods from the database worker thread. Each method is one transaction, so a
failure leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from cre_desk.core.tickets import (
    AttachmentRecord,
    ChecklistEntry,
    DraftRecord,
    IssueLinkRecord,
    MarkRecord,
    MessageRecord,
    QueueFilter,
    SentReplyRecord,
    StatusChange,
    TicketDetail,
    TicketFields,
    TicketSummary,
)
from cre_desk.core.vocabulary import (
    DEFAULT_PAUSE_REASON,
    PAUSED_STATUSES,
    RESOLVED_STATUSES,
    Status,
    Verdict,
)
from cre_desk.db import search
from cre_desk.db.engine import Database
from cre_desk.db.models import (
    Attachment,
    ChecklistItem,
    IssueLink,
    LogMark,
    Message,
    ReplyDraft,
    SentReply,
    StatusEvent,
    Ticket,
    TicketClock,
    TicketTag,
)
from cre_desk.db.retry import retry_transient
from cre_desk.errors import ConflictError, EnvironmentFault, UserError

log = logging.getLogger(__name__)

#: (symptom) -> ordered [(item_key, area, title)] — the checklist templates, injected to keep the db
#: layer free of resource loading in tests that do not need it.
TemplateRows = Callable[[str], Sequence[tuple[str, str, str]]]

_FIELD_NAMES = tuple(f for f in TicketFields.__dataclass_fields__ if f != "tags")


def default_template_rows(symptom: str) -> list[tuple[str, str, str]]:
    """Ordered checklist rows for ``symptom`` from the shipped templates."""
    from cre_desk.core import checklist

    template = checklist.template_for(symptom)
    if template is None:
        return []
    return [(item.key, item.area, item.title.get("en", "") if isinstance(item.title, dict) else
             getattr(item.title, "en", str(item.title))) for item in template.items]


#: How often an append (add_evidence) is redone on top of a teammate's save that landed in between.
STALE_RETRIES = 5


def now_utc() -> datetime:
    return datetime.now(UTC)


class TicketService:
    """All ticket reads and writes."""

    def __init__(self, db: Database, *, attachments_dir: Path | None = None,
                 template_rows: TemplateRows = default_template_rows,
                 clock: Callable[[], datetime] = now_utc, calendar=None, targets=None) -> None:
        self.db = db
        self.attachments_dir = attachments_dir
        self.template_rows = template_rows
        self.clock = clock
        self._calendar = calendar
        self._targets = targets
        #: Called with a label ("before-delete", "before-import") before changes that remove or replace
        #: data in bulk; the workspace sets it to take a backup of the local file (D-6).
        self.before_bulk_change: Callable[[str], object] = lambda label: None

    @property
    def calendar(self):
        """The team's business calendar (loaded on first use: most calls never need it)."""
        if self._calendar is None:
            from cre_desk.core.calendars import load_calendar

            self._calendar = load_calendar()
        return self._calendar

    @property
    def targets(self):
        if self._targets is None:
            from cre_desk.core.timers import DEFAULT_TARGETS

            self._targets = DEFAULT_TARGETS
        return self._targets

    # ----- reads -------------------------------------------------------------------------------

    def get_ticket(self, ticket_id: int) -> TicketDetail:
        with self.db.read() as session:
            return self._detail(session, ticket_id)

    def list_queue(self, flt: QueueFilter | None = None) -> list[TicketSummary]:
        """Tickets for the queue, newest activity first; text search ranks by relevance instead."""
        flt = flt or QueueFilter()
        with self.db.read() as session:
            stmt = select(
                Ticket.id, Ticket.title, Ticket.customer, Ticket.status, Ticket.category, Ticket.symptom,
                Ticket.assignee, Ticket.platform, Ticket.sdk_name, Ticket.created_at, Ticket.updated_at,
                Ticket.resolved_at, TicketClock.deadline, TicketClock.at_risk_at, TicketClock.state,
                TicketClock.allowed_business_s, TicketClock.resolution_business_s, TicketClock.computed_at,
            ).outerjoin(TicketClock, TicketClock.ticket_id == Ticket.id)
            ranked: list[int] | None = None
            if flt.text.strip():
                ranked = search.search_ids(session, flt.text, limit=flt.limit)
                if not ranked:
                    return []
                stmt = stmt.where(Ticket.id.in_(ranked))
            if flt.statuses:
                stmt = stmt.where(Ticket.status.in_(flt.statuses))
            elif not flt.include_closed:
                # Most tickets are open, so walking the updated_at index newest-first and skipping the few
                # closed ones beats the status index plus a sort; `status || ''` keeps the planner off it.
                status = Ticket.status.op("||")("") if ranked is None else Ticket.status
                stmt = stmt.where(status.in_(QueueFilter.open_statuses()))
            if flt.assignee:
                stmt = stmt.where(Ticket.assignee == flt.assignee)
            if flt.category:
                stmt = stmt.where(Ticket.category == flt.category)
            if flt.tag:
                stmt = stmt.where(Ticket.id.in_(select(TicketTag.ticket_id).where(TicketTag.tag == flt.tag)))
            if ranked is None:
                stmt = stmt.order_by(Ticket.updated_at.desc(), Ticket.id.desc())
            stmt = stmt.limit(flt.limit)
            rows = session.execute(stmt).all()
            tags = self._tags_for(session, [r.id for r in rows], stmt)
            summaries = [
                TicketSummary(
                    id=r.id, title=r.title, customer=r.customer, status=r.status, category=r.category,
                    symptom=r.symptom, assignee=r.assignee, platform=r.platform, sdk_name=r.sdk_name,
                    tags=tags.get(r.id, ()), created_at=r.created_at, updated_at=r.updated_at,
                    resolved_at=r.resolved_at, deadline=r.deadline, at_risk_at=r.at_risk_at,
                    clock_state=r.state or "", allowed_business_s=r.allowed_business_s,
                    used_business_s=r.resolution_business_s, clock_as_of=r.computed_at,
                )
                for r in rows
            ]
            if ranked is not None:
                order = {tid: i for i, tid in enumerate(ranked)}
                summaries.sort(key=lambda s: order[s.id])
            return summaries

    def search(self, query: str, limit: int = 200) -> list[int]:
        with self.db.read() as session:
            return search.search_ids(session, query, limit)

    def distinct_values(self) -> dict[str, list[str]]:
        """Assignees and tags in use, for the queue's filter menus."""
        with self.db.read() as session:
            assignees = session.scalars(
                select(Ticket.assignee).where(Ticket.assignee != "").distinct().order_by(Ticket.assignee)
            ).all()
            tags = session.scalars(select(TicketTag.tag).distinct().order_by(TicketTag.tag)).all()
            return {"assignees": list(assignees), "tags": list(tags)}

    def count(self) -> int:
        with self.db.read() as session:
            return session.scalar(select(func.count(Ticket.id))) or 0

    # ----- writes ------------------------------------------------------------------------------

    @retry_transient
    def create_ticket(self, fields: TicketFields, *, actor: str = "", status: str = Status.NEW,
                      created_at: datetime | None = None, source: str = "manual",
                      external_id: str | None = None, external_url: str = "",
                      raw_json: str | None = None) -> TicketDetail:
        fields = fields.validated()
        when = created_at or self.clock()
        with self.db.write() as session:
            ticket = Ticket(
                **{name: getattr(fields, name) for name in _FIELD_NAMES},
                status=status, source=source, external_id=external_id, external_url=external_url,
                raw_json=raw_json, created_at=when, updated_at=when,
            )
            ticket.tags = [TicketTag(tag=t) for t in fields.tags]
            ticket.events = [StatusEvent(at=when, from_status=None, to_status=status, actor=actor,
                                         pause_reason=DEFAULT_PAUSE_REASON.get(Status(status)))]
            ticket.checklist = []
            if status in RESOLVED_STATUSES:
                ticket.resolved_at = when
            session.add(ticket)
            session.flush()
            self._instantiate_checklist(session, ticket.id, fields.symptom)
            self._reindex(session, ticket.id)
            self._refresh_clock(session, ticket.id)
            ticket_id = ticket.id
        return self.get_ticket(ticket_id)

    @retry_transient
    def update_ticket(self, ticket_id: int, fields: TicketFields, *, expected_version: int,
                      actor: str = "") -> TicketDetail:
        """Save the Overview form; raises ConflictError if someone saved the ticket meanwhile."""
        fields = fields.validated()
        try:
            with self.db.write() as session:
                ticket = self._load_for_update(session, ticket_id, expected_version, mine=fields)
                old_symptom = ticket.symptom
                for name in _FIELD_NAMES:
                    setattr(ticket, name, getattr(fields, name))
                ticket.updated_at = self.clock()
                current = {t.tag for t in session.scalars(select(TicketTag).where(TicketTag.ticket_id == ticket_id))}
                if current != set(fields.tags):
                    session.execute(delete(TicketTag).where(TicketTag.ticket_id == ticket_id))
                    session.add_all(TicketTag(ticket_id=ticket_id, tag=t) for t in fields.tags)
                session.flush()
                if fields.symptom != old_symptom:
                    self._instantiate_checklist(session, ticket_id, fields.symptom)
                self._reindex(session, ticket_id)
                self._refresh_clock(session, ticket_id)
        except StaleDataError as exc:
            raise self._conflict(ticket_id, fields) from exc
        return self.get_ticket(ticket_id)

    @retry_transient
    def change_status(
        self,
        ticket_id: int,
        new_status: str,
        *,
        expected_version: int | None = None,
        actor: str = "",
        pause_reason: str | None = None,
        note: str = "",
        at: datetime | None = None,
    ) -> TicketDetail:
        """Record a status change as a history event; the timers are computed from these."""
        status = Status(new_status)
        when = at or self.clock()
        try:
            with self.db.write() as session:
                ticket = self._load_for_update(session, ticket_id, expected_version, mine=new_status)
                if ticket.status == status:
                    return self._detail(session, ticket_id)
                if status in PAUSED_STATUSES:
                    reason = pause_reason or DEFAULT_PAUSE_REASON[status]
                else:
                    reason = None
                session.add(
                    StatusEvent(
                        ticket_id=ticket_id,
                        at=when,
                        from_status=ticket.status,
                        to_status=status,
                        pause_reason=reason,
                        actor=actor,
                        note=note,
                    )
                )
                if status in RESOLVED_STATUSES:
                    ticket.resolved_at = when
                elif ticket.status in RESOLVED_STATUSES:
                    ticket.resolved_at = None  # reopened: the resolution clock resumes
                ticket.status = status
                ticket.updated_at = when
                session.flush()
                self._refresh_clock(session, ticket_id)
        except StaleDataError as exc:
            raise self._conflict(ticket_id, new_status) from exc
        return self.get_ticket(ticket_id)

    @retry_transient
    def record_first_response(self, ticket_id: int, at: datetime | None = None) -> None:
        """Remember when the customer first got an answer (kept if already set)."""
        with self.db.write() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                raise UserError(f"Ticket #{ticket_id} no longer exists.")
            if ticket.first_response_at is None:
                ticket.first_response_at = at or self.clock()
                session.flush()
                self._refresh_clock(session, ticket_id)

    @retry_transient
    def set_verdict(
        self, item_id: int, *, verdict: str, evidence: str, expected_version: int, actor: str = ""
    ) -> ChecklistEntry:
        """Save one checklist verdict and its evidence notes."""
        Verdict(verdict)
        try:
            with self.db.write() as session:
                item = session.get(ChecklistItem, item_id)
                if item is None:
                    raise UserError("That checklist item no longer exists; reload the ticket.")
                if item.version != expected_version:
                    raise ConflictError(
                        f"Someone else changed “{item.title}” after you opened it.",
                        mine={"verdict": verdict, "evidence": evidence},
                        theirs={"verdict": item.verdict, "evidence": item.evidence, "by": item.updated_by},
                    )
                item.verdict = verdict
                item.evidence = evidence
                return self._save_item(session, item, actor)
        except StaleDataError as exc:
            raise ConflictError(
                "Someone else changed this checklist item at the same time; reload it.",
                mine={"verdict": verdict, "evidence": evidence},
            ) from exc

    def add_evidence(
        self, item_id: int, text: str, *, actor: str = "", verdict: str | None = None
    ) -> ChecklistEntry:
        """Append quoted evidence (a marked line, a finding) to a checklist item, keeping what is there.

        Appending re-reads the item inside the write, so it never conflicts with a teammate's edit: when a
        teammate's save lands between our read and our write (C-1), the append is simply done again on
        top of their text.
        """
        for attempt in range(STALE_RETRIES + 1):
            try:
                return self._add_evidence_once(item_id, text, actor=actor, verdict=verdict)
            except StaleDataError as exc:
                if attempt == STALE_RETRIES:
                    raise ConflictError(
                        "Teammates kept changing this checklist item while the quote was "
                        "being added; it was not added. Try again.",
                        mine={"evidence": text},
                    ) from exc
        raise AssertionError("unreachable")

    @retry_transient
    def _add_evidence_once(
        self, item_id: int, text: str, *, actor: str, verdict: str | None
    ) -> ChecklistEntry:
        with self.db.write() as session:
            item = session.get(ChecklistItem, item_id)
            if item is None:
                raise UserError("That checklist item no longer exists; reload the ticket.")
            if text.strip() and text.strip() not in item.evidence:
                item.evidence = (
                    item.evidence.rstrip() + "\n\n" if item.evidence.strip() else ""
                ) + text.strip()
            if verdict is not None:
                Verdict(verdict)
                if item.verdict == Verdict.NOT_CHECKED or verdict == Verdict.CONFIRMED:
                    item.verdict = verdict
            return self._save_item(session, item, actor)

    def _save_item(self, session: Session, item: ChecklistItem, actor: str) -> ChecklistEntry:
        """Stamp a changed checklist item and touch its ticket without bumping the ticket's version.

        A verdict is not an edit of the ticket's fields, so an open Overview form must not conflict.
        """
        item.updated_by = actor
        item.updated_at = self.clock()
        session.flush()
        # version-exempt: touches updated_at only (queue order), not a field anyone edits
        session.execute(
            update(Ticket)
            .where(Ticket.id == item.ticket_id)
            .values(updated_at=self.clock())
            .execution_options(synchronize_session=False)
        )
        self._reindex(session, item.ticket_id)
        return _entry(item)

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
                return _mark(existing)
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
            return _mark(mark)

    @retry_transient
    def update_mark_note(self, mark_id: int, note: str) -> MarkRecord:
        with self.db.write() as session:
            mark = session.get(LogMark, mark_id)
            if mark is None:
                raise UserError("That mark was removed.")
            mark.note = note
            return _mark(mark)

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
            return [_mark(m) for m in rows]

    # ----- replies -------------------------------------------------------------------------------

    def get_draft(self, ticket_id: int) -> DraftRecord | None:
        with self.db.read() as session:
            draft = session.execute(
                select(ReplyDraft).where(ReplyDraft.ticket_id == ticket_id)
            ).scalar_one_or_none()
            return None if draft is None else _draft(draft)

    @retry_transient
    def save_draft(
        self,
        ticket_id: int,
        *,
        language: str,
        audience: str,
        summary: str,
        cause: str,
        fix: str,
        developer_block: str = "",
        generated_json: str = "",
        expected_version: int | None = None,
        force: bool = False,
        actor: str = "",
    ) -> DraftRecord:
        """Save the reply draft; a teammate's newer save becomes a conflict, never a silent overwrite (C-1).

        ``expected_version`` is the version of the draft the editor showed, ``None`` when it showed no saved
        draft: a draft that appeared meanwhile is a teammate's and is not replaced. ``force`` saves over
        whatever is there (the user saw both and chose).
        """
        mine = {"summary": summary, "cause": cause, "fix": fix, "developer_block": developer_block}
        try:
            with self.db.write() as session:
                if session.get(Ticket, ticket_id) is None:
                    raise UserError(f"Ticket #{ticket_id} no longer exists.")
                draft = session.execute(
                    select(ReplyDraft).where(ReplyDraft.ticket_id == ticket_id)
                ).scalar_one_or_none()
                if draft is None:
                    draft = ReplyDraft(ticket_id=ticket_id)
                    session.add(draft)
                elif not force and draft.version != expected_version:
                    raise self._draft_conflict(draft, mine)
                draft.language, draft.audience = language, audience
                draft.summary, draft.cause, draft.fix, draft.developer_block = (
                    summary,
                    cause,
                    fix,
                    developer_block,
                )
                draft.generated_json = generated_json
                draft.updated_by = actor
                draft.updated_at = self.clock()
                session.flush()
                return _draft(draft)
        except (StaleDataError, IntegrityError) as exc:
            # A teammate saved (or created) the draft between our read and our write.
            theirs = self.get_draft(ticket_id)
            if theirs is None:
                raise ConflictError(
                    "Someone else saved this reply draft at the same time.", mine=mine
                ) from exc
            raise ConflictError(
                "Someone else saved this reply draft while you were editing it.",
                mine=mine,
                theirs=_draft_texts(theirs),
            ) from exc

    @staticmethod
    def _draft_conflict(draft: ReplyDraft, mine: dict) -> ConflictError:
        return ConflictError(
            "Someone else saved this reply draft while you were editing it.",
            mine=mine,
            theirs=_draft_texts(_draft(draft)),
        )

    @retry_transient
    def discard_draft(self, ticket_id: int, *, expected_version: int | None = None) -> None:
        """Delete the draft; with ``expected_version``, only the draft that was shown (not a teammate's
        newer one)."""
        # version-exempt: the version predicate is added below whenever the caller knows the version
        stmt = delete(ReplyDraft).where(ReplyDraft.ticket_id == ticket_id)
        if expected_version is not None:
            stmt = stmt.where(ReplyDraft.version == expected_version)
        with self.db.write() as session:
            session.execute(stmt)

    @retry_transient
    def record_sent_reply(
        self,
        ticket_id: int,
        body: str,
        *,
        language: str,
        audience: str,
        channel: str = "marked_sent",
        external_id: str | None = None,
        actor: str = "",
        at: datetime | None = None,
        keep_draft: bool = False,
        draft_version: int | None = None,
    ) -> SentReplyRecord:
        """Keep a sent reply in the ticket's history, start the first-response clock, clear the draft.

        With ``draft_version`` only the draft that was sent is cleared; a teammate's newer one stays.
        """
        at = at or self.clock()
        with self.db.write() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                raise UserError(f"Ticket #{ticket_id} no longer exists.")
            reply = SentReply(
                ticket_id=ticket_id,
                language=language,
                audience=audience,
                body=body,
                channel=channel,
                external_id=external_id,
                sent_by=actor,
                sent_at=at,
            )
            session.add(reply)
            # Not an edit of the ticket's fields: no version bump, so an open form does not conflict.
            # version-exempt: sets only first_response_at, which no form edits, and only once
            session.execute(
                update(Ticket)
                .where(Ticket.id == ticket_id, Ticket.first_response_at.is_(None))
                .values(first_response_at=at)
                .execution_options(synchronize_session=False)
            )
            # version-exempt: touches updated_at only (queue order), not a field anyone edits
            session.execute(
                update(Ticket)
                .where(Ticket.id == ticket_id)
                .values(updated_at=at)
                .execution_options(synchronize_session=False)
            )
            if not keep_draft:
                # version-exempt: the version predicate is added below whenever the sent version is known
                clear = delete(ReplyDraft).where(ReplyDraft.ticket_id == ticket_id)
                if draft_version is not None:
                    clear = clear.where(ReplyDraft.version == draft_version)
                session.execute(clear)
            session.flush()
            session.expire(ticket)
            self._refresh_clock(session, ticket_id)
            return _sent(reply)

    def list_sent_replies(self, ticket_id: int) -> list[SentReplyRecord]:
        with self.db.read() as session:
            rows = (
                session.execute(
                    select(SentReply)
                    .where(SentReply.ticket_id == ticket_id)
                    .order_by(SentReply.sent_at, SentReply.id)
                )
                .scalars()
                .all()
            )
            return [_sent(r) for r in rows]

    @retry_transient
    def add_message(
        self,
        ticket_id: int,
        body: str,
        *,
        author_name: str = "",
        from_customer: bool = True,
        public: bool = True,
        created_at: datetime | None = None,
        external_id: str | None = None,
        raw_json: str | None = None,
    ) -> MessageRecord:
        with self.db.write() as session:
            if session.get(Ticket, ticket_id) is None:
                raise UserError(f"Ticket #{ticket_id} no longer exists.")
            message = Message(
                ticket_id=ticket_id,
                body=body,
                author_name=author_name,
                from_customer=from_customer,
                public=public,
                created_at=created_at or self.clock(),
                external_id=external_id,
                raw_json=raw_json,
            )
            session.add(message)
            session.flush()
            self._reindex(session, ticket_id)
            return _message(message)

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
                return _attachment(existing)
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
                return _attachment(row)
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
                record = _attachment(row)
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
    def delete_ticket(self, ticket_id: int) -> None:
        """Delete the ticket with everything that hangs on it, its attached files included.

        The files go only after the rows are gone (a failed delete keeps both); a file another program
        holds open is reported, not silently left behind.
        """
        self.before_bulk_change("before-delete")
        with self.db.write() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                return
            search.delete_document(session, ticket_id)
            session.delete(ticket)
        if self.attachments_dir is None:
            return
        folder = self.attachments_dir / str(ticket_id)
        failed: list[str] = []
        shutil.rmtree(folder, onerror=lambda _fn, path, _exc: failed.append(str(path)))
        if failed and folder.exists():
            raise EnvironmentFault(
                f"Ticket #{ticket_id} was deleted, but {len(failed)} of its attached files could not be removed "
                f"from {folder}.",
                action="Close any program that has them open, then delete that folder.",
                detail="\n".join(failed),
            )

    # ----- internals ---------------------------------------------------------------------------

    def _load_for_update(
        self, session: Session, ticket_id: int, expected_version: int | None, mine: object
    ) -> Ticket:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise UserError(f"Ticket #{ticket_id} no longer exists; it may have been deleted by a teammate.")
        if expected_version is not None and ticket.version != expected_version:
            raise ConflictError(
                f"Ticket #{ticket_id} was changed by someone else after you opened it. "
                "Your edits are kept: compare them with the saved version and save again.",
                mine=mine,
                theirs=self._detail(session, ticket_id),
            )
        return ticket

    def _conflict(self, ticket_id: int, mine: object) -> ConflictError:
        theirs = self.get_ticket(ticket_id)
        return ConflictError(
            f"Ticket #{ticket_id} was saved by someone else at the same moment. Your edits are kept: "
            "compare them with the saved version and save again.",
            mine=mine,
            theirs=theirs,
        )

    def _instantiate_checklist(self, session: Session, ticket_id: int, symptom: str) -> None:
        existing = set(
            session.scalars(
                select(ChecklistItem.item_key).where(
                    ChecklistItem.ticket_id == ticket_id, ChecklistItem.symptom == symptom
                )
            )
        )
        for position, (key, area, title) in enumerate(self.template_rows(symptom)):
            if key not in existing:
                session.add(
                    ChecklistItem(
                        ticket_id=ticket_id,
                        symptom=symptom,
                        item_key=key,
                        area=area,
                        position=position,
                        title=title,
                        verdict=Verdict.NOT_CHECKED,
                        evidence="",
                        updated_at=self.clock(),
                    )
                )
        session.flush()

    # ----- GitHub issue links ----------------------------------------------------------------------

    @retry_transient
    def link_issue(self, ticket_id: int, owner: str, repo: str, number: int) -> IssueLinkRecord:
        with self.db.write() as session:
            if session.get(Ticket, ticket_id) is None:
                raise UserError(f"Ticket #{ticket_id} no longer exists.")
            existing = session.execute(
                select(IssueLink).where(
                    IssueLink.ticket_id == ticket_id,
                    IssueLink.owner == owner,
                    IssueLink.repo == repo,
                    IssueLink.number == number,
                )
            ).scalar_one_or_none()
            if existing is not None:
                return _link(existing)
            link = IssueLink(
                ticket_id=ticket_id,
                owner=owner,
                repo=repo,
                number=number,
                url=f"https://github.com/{owner}/{repo}/issues/{number}",
                title="",
                state="",
                state_reason="",
                etag="",
                notified=False,
            )
            session.add(link)
            session.flush()
            return _link(link)

    def list_issue_links(self, ticket_id: int | None = None) -> list[IssueLinkRecord]:
        with self.db.read() as session:
            stmt = select(IssueLink).order_by(IssueLink.id)
            if ticket_id is not None:
                stmt = stmt.where(IssueLink.ticket_id == ticket_id)
            return [_link(link) for link in session.execute(stmt).scalars()]

    @retry_transient
    def update_issue_link(
        self, link_id: int, *, state=None, checked_at: datetime | None = None, notified: bool | None = None
    ) -> IssueLinkRecord | None:
        """Store what GitHub said (``state`` is an IssueState, or None when unchanged since the last check)."""
        with self.db.write() as session:
            link = session.get(IssueLink, link_id)
            if link is None:
                return None
            if state is not None:
                reopened = link.state == "closed" and state.state == "open"
                link.url, link.title = state.url or link.url, state.title[:2000]
                link.state, link.state_reason = state.state, state.state_reason or ""
                link.closed_at, link.etag = state.closed_at, state.etag or ""
                if reopened:
                    link.notified = False
            if checked_at is not None:
                link.checked_at = checked_at
            if notified is not None:
                link.notified = notified
            session.flush()
            return _link(link)

    @retry_transient
    def unlink_issue(self, link_id: int) -> None:
        with self.db.write() as session:
            session.execute(delete(IssueLink).where(IssueLink.id == link_id))

    # ----- clocks --------------------------------------------------------------------------------

    def _refresh_clock(self, session: Session, ticket_id: int, now: datetime | None = None) -> None:
        """Recompute and store one ticket's clocks (inside the caller's write transaction)."""

        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            return
        now = now or self.clock()
        events = (
            session.execute(
                select(StatusEvent)
                .where(StatusEvent.ticket_id == ticket_id)
                .order_by(StatusEvent.at, StatusEvent.id)
            )
            .scalars()
            .all()
        )
        history = [
            StatusChange(
                at=e.at,
                from_status=e.from_status,
                to_status=e.to_status,
                pause_reason=e.pause_reason,
                actor=e.actor,
                note=e.note,
            )
            for e in events
        ]
        row = clock_row(ticket, history, calendar=self.calendar, targets=self.targets, now=now)
        existing = session.get(TicketClock, ticket_id)
        if existing is None:
            session.add(TicketClock(**row))
        else:
            for key, value in row.items():
                setattr(existing, key, value)
        session.flush()

    @retry_transient
    def refresh_clocks(
        self, ticket_ids: Iterable[int] | None = None, *, only_missing: bool = False, batch: int = 500
    ) -> int:
        """Recompute stored clocks (all tickets, some, or only those without a row); returns how many."""
        with self.db.read() as session:
            stmt = select(Ticket.id)
            if ticket_ids is not None:
                stmt = stmt.where(Ticket.id.in_(list(ticket_ids)))
            if only_missing:
                stmt = stmt.where(~Ticket.id.in_(select(TicketClock.ticket_id)))
            ids = session.scalars(stmt.order_by(Ticket.id)).all()
        for start in range(0, len(ids), batch):
            with self.db.write() as session:
                for ticket_id in ids[start : start + batch]:
                    self._refresh_clock(session, ticket_id)
        return len(ids)

    def ticket_clocks(self, ticket_id: int, now: datetime | None = None):
        """Live clocks of one ticket (for its header), computed from its full history."""
        from cre_desk.core import timers

        detail = self.get_ticket(ticket_id)
        return timers.compute(
            detail.created_at,
            detail.history,
            first_response_at=detail.first_response_at,
            category=detail.fields.category,
            calendar=self.calendar,
            now=now or self.clock(),
            targets=self.targets,
        )

    def _reindex(self, session: Session, ticket_id: int) -> None:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            return
        tags = session.scalars(select(TicketTag.tag).where(TicketTag.ticket_id == ticket_id)).all()
        evidence = session.scalars(
            select(ChecklistItem.evidence).where(
                ChecklistItem.ticket_id == ticket_id, ChecklistItem.evidence != ""
            )
        ).all()
        bodies = session.scalars(select(Message.body).where(Message.ticket_id == ticket_id)).all()
        parts = [
            ticket.customer,
            ticket.app_name,
            ticket.requester_name,
            ticket.sdk_name,
            ticket.asked,
            ticket.goal,
            ticket.notes,
            " ".join(tags),
            *evidence,
            *bodies,
        ]
        search.update_document(session, ticket_id, ticket.title, parts)

    @retry_transient
    def reindex_all(self) -> int:
        with self.db.write() as session:
            ids = session.scalars(select(Ticket.id)).all()
            for tid in ids:
                self._reindex(session, tid)
            return len(ids)

    def _tags_for(self, session: Session, ids: Iterable[int], stmt=None) -> dict[int, tuple[str, ...]]:
        """Tags of the listed tickets in one query (a sub-select, not thousands of bound ids)."""
        ids = list(ids)
        if not ids:
            return {}
        found: dict[int, list[str]] = {}
        if stmt is not None and len(ids) > 900:
            where = TicketTag.ticket_id.in_(stmt.with_only_columns(Ticket.id).scalar_subquery())
        else:
            where = TicketTag.ticket_id.in_(ids)
        for tid, tag in session.execute(select(TicketTag.ticket_id, TicketTag.tag).where(where)):
            found.setdefault(tid, []).append(tag)
        return {tid: tuple(sorted(tags)) for tid, tags in found.items()}

    def _detail(self, session: Session, ticket_id: int) -> TicketDetail:
        ticket = session.scalars(
            select(Ticket)
            .where(Ticket.id == ticket_id)
            .options(
                selectinload(Ticket.tags),
                selectinload(Ticket.events),
                selectinload(Ticket.checklist),
                selectinload(Ticket.messages),
                selectinload(Ticket.attachments),
            )
        ).first()
        if ticket is None:
            raise UserError(f"Ticket #{ticket_id} no longer exists; it may have been deleted by a teammate.")
        fields = TicketFields(
            **{name: getattr(ticket, name) for name in _FIELD_NAMES}, tags=tuple(t.tag for t in ticket.tags)
        )
        return TicketDetail(
            id=ticket.id,
            fields=fields,
            status=ticket.status,
            source=ticket.source,
            external_id=ticket.external_id,
            external_url=ticket.external_url,
            account_id=ticket.account_id,
            created_at=ticket.created_at,
            updated_at=ticket.updated_at,
            first_response_at=ticket.first_response_at,
            resolved_at=ticket.resolved_at,
            version=ticket.version,
            history=tuple(
                StatusChange(
                    at=e.at,
                    from_status=e.from_status,
                    to_status=e.to_status,
                    pause_reason=e.pause_reason,
                    actor=e.actor,
                    note=e.note,
                )
                for e in sorted(ticket.events, key=lambda e: (e.at, e.id))
            ),
            checklist=tuple(_entry(i) for i in ticket.checklist if i.symptom == ticket.symptom),
            messages=tuple(_message(m) for m in ticket.messages),
            attachments=tuple(_attachment(a) for a in ticket.attachments),
        )


def _entry(item: ChecklistItem) -> ChecklistEntry:
    return ChecklistEntry(
        id=item.id,
        symptom=item.symptom,
        item_key=item.item_key,
        area=item.area,
        position=item.position,
        title=item.title,
        verdict=item.verdict,
        evidence=item.evidence,
        version=item.version,
        updated_by=item.updated_by,
        updated_at=item.updated_at,
    )


def _message(m: Message) -> MessageRecord:
    return MessageRecord(
        id=m.id,
        author_name=m.author_name,
        from_customer=m.from_customer,
        public=m.public,
        body=m.body,
        created_at=m.created_at,
    )


def _attachment(a: Attachment) -> AttachmentRecord:
    return AttachmentRecord(
        id=a.id,
        file_name=a.file_name,
        stored_path=a.stored_path,
        size=a.size,
        sha256=a.sha256,
        added_at=a.added_at,
    )


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


def _mark(mark: LogMark) -> MarkRecord:
    return MarkRecord(
        id=mark.id,
        ticket_id=mark.ticket_id,
        attachment_id=mark.attachment_id,
        log_name=mark.log_name,
        line_no=mark.line_no,
        line_text=mark.line_text,
        note=mark.note,
        created_by=mark.created_by,
        created_at=mark.created_at,
    )


def _draft(draft: ReplyDraft) -> DraftRecord:
    return DraftRecord(
        ticket_id=draft.ticket_id,
        language=draft.language,
        audience=draft.audience,
        summary=draft.summary,
        cause=draft.cause,
        fix=draft.fix,
        developer_block=draft.developer_block,
        generated_json=draft.generated_json,
        updated_by=draft.updated_by,
        updated_at=draft.updated_at,
        version=draft.version,
    )


def _draft_texts(draft: DraftRecord) -> dict:
    return {
        "summary": draft.summary,
        "cause": draft.cause,
        "fix": draft.fix,
        "developer_block": draft.developer_block,
        "by": draft.updated_by,
        "version": draft.version,
    }


def _sent(reply: SentReply) -> SentReplyRecord:
    return SentReplyRecord(
        id=reply.id,
        ticket_id=reply.ticket_id,
        language=reply.language,
        audience=reply.audience,
        body=reply.body,
        channel=reply.channel,
        external_id=reply.external_id,
        sent_by=reply.sent_by,
        sent_at=reply.sent_at,
    )


def clock_row(ticket: Ticket, history: Sequence[StatusChange], *, calendar, targets, now: datetime) -> dict:
    """The stored form of a ticket's clocks: durations so far, plus when it turns at risk or breached."""
    from cre_desk.core import timers

    clocks = timers.compute(
        ticket.created_at,
        history,
        first_response_at=ticket.first_response_at,
        category=ticket.category,
        calendar=calendar,
        now=now,
        targets=targets,
    )
    paused = clocks.status in PAUSED_STATUSES
    deadline = at_risk_at = None
    if not clocks.resolved and not paused and clocks.allowed_business_s is not None:
        deadline = clocks.deadline
        remaining = clocks.remaining_business_s or 0.0
        before_risk = remaining - (1 - 0.75) * clocks.allowed_business_s
        at_risk_at = calendar.add_business_time(now, before_risk) if before_risk > 0 else now
    by_reason = clocks.paused_by_reason
    return dict(
        ticket_id=ticket.id,
        category=ticket.category,
        symptom=ticket.symptom,
        assignee=ticket.assignee,
        team=ticket.team,
        sdk_name=ticket.sdk_name,
        platform=ticket.platform,
        status=clocks.status,
        created_at=ticket.created_at,
        resolved_at=ticket.resolved_at if clocks.resolved else None,
        first_response_business_s=clocks.first_response_business_s,
        first_response_calendar_s=clocks.first_response_calendar_s,
        resolution_business_s=clocks.resolution_business_s,
        resolution_calendar_s=clocks.resolution_calendar_s,
        paused_business_s=clocks.paused_business_s,
        paused_customer_log_s=by_reason.get("customer_log", 0.0),
        paused_engineering_s=by_reason.get("engineering", 0.0),
        paused_app_release_s=by_reason.get("app_release", 0.0),
        paused_other_s=by_reason.get("other", 0.0),
        allowed_business_s=clocks.allowed_business_s,
        state=clocks.state,
        deadline=deadline,
        at_risk_at=at_risk_at,
        computed_at=now,
    )


def _link(link: IssueLink) -> IssueLinkRecord:
    return IssueLinkRecord(
        id=link.id,
        ticket_id=link.ticket_id,
        owner=link.owner,
        repo=link.repo,
        number=link.number,
        url=link.url,
        title=link.title,
        state=link.state,
        state_reason=link.state_reason,
        closed_at=link.closed_at,
        etag=link.etag,
        checked_at=link.checked_at,
        notified=bool(link.notified),
    )
