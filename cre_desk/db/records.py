"""Rows to plain records: what the repositories hand out instead of live ORM objects.

Views and actions get frozen records (``cre_desk.core.tickets``) that stay valid after the session
closes; these converters are the one place that knows how a row maps onto its record.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from cre_desk.core.tickets import (
    AttachmentRecord,
    ChecklistEntry,
    DraftRecord,
    IssueLinkRecord,
    MarkRecord,
    MessageRecord,
    SentReplyRecord,
    StatusChange,
    TicketDetail,
    TicketFields,
)
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
)
from cre_desk.errors import UserError

#: The ticket columns that mirror ``TicketFields`` one to one (tags live in their own table).
FIELD_NAMES = tuple(f for f in TicketFields.__dataclass_fields__ if f != "tags")


def status_changes(events: Iterable[StatusEvent]) -> list[StatusChange]:
    return [
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


def ticket_detail(session: Session, ticket_id: int) -> TicketDetail:
    """One ticket with its tags, history, checklist, messages and attachments (raises if it is gone)."""
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
        **{name: getattr(ticket, name) for name in FIELD_NAMES}, tags=tuple(t.tag for t in ticket.tags)
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
        history=tuple(status_changes(sorted(ticket.events, key=lambda e: (e.at, e.id)))),
        checklist=tuple(entry_record(i) for i in ticket.checklist if i.symptom == ticket.symptom),
        messages=tuple(message_record(m) for m in ticket.messages),
        attachments=tuple(attachment_record(a) for a in ticket.attachments),
    )


def entry_record(item: ChecklistItem) -> ChecklistEntry:
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


def message_record(m: Message) -> MessageRecord:
    return MessageRecord(
        id=m.id,
        author_name=m.author_name,
        from_customer=m.from_customer,
        public=m.public,
        body=m.body,
        created_at=m.created_at,
    )


def attachment_record(a: Attachment) -> AttachmentRecord:
    return AttachmentRecord(
        id=a.id,
        file_name=a.file_name,
        stored_path=a.stored_path,
        size=a.size,
        sha256=a.sha256,
        added_at=a.added_at,
    )


def mark_record(mark: LogMark) -> MarkRecord:
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


def draft_record(draft: ReplyDraft) -> DraftRecord:
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


def draft_texts(draft: DraftRecord) -> dict:
    """A draft as the conflict dialog shows "theirs"."""
    return {
        "summary": draft.summary,
        "cause": draft.cause,
        "fix": draft.fix,
        "developer_block": draft.developer_block,
        "by": draft.updated_by,
        "version": draft.version,
    }


def sent_record(reply: SentReply) -> SentReplyRecord:
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


def link_record(link: IssueLink) -> IssueLinkRecord:
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
