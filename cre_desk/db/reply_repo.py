"""Replies to the customer: the one shared draft per ticket and the history of sent replies.

A draft is saved against the version the editor showed, so a teammate's newer save becomes a conflict
rather than a silent overwrite (C-1); recording a sent reply starts the first-response clock and clears
exactly the draft that was sent.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from cre_desk.core.tickets import DraftRecord, SentReplyRecord
from cre_desk.db.models import ReplyDraft, SentReply, Ticket
from cre_desk.db.records import draft_record, draft_texts, sent_record
from cre_desk.db.repo_base import RepositoryBase
from cre_desk.db.retry import retry_transient
from cre_desk.errors import ConflictError, UserError


class ReplyRepository(RepositoryBase):
    """Reply drafts and sent replies."""

    def get_draft(self, ticket_id: int) -> DraftRecord | None:
        with self.db.read() as session:
            draft = session.execute(
                select(ReplyDraft).where(ReplyDraft.ticket_id == ticket_id)
            ).scalar_one_or_none()
            return None if draft is None else draft_record(draft)

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
                return draft_record(draft)
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
                theirs=draft_texts(theirs),
            ) from exc

    @staticmethod
    def _draft_conflict(draft: ReplyDraft, mine: dict) -> ConflictError:
        return ConflictError(
            "Someone else saved this reply draft while you were editing it.",
            mine=mine,
            theirs=draft_texts(draft_record(draft)),
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
            return sent_record(reply)

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
            return [sent_record(r) for r in rows]

