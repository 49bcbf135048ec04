"""A ticket and the rows that belong to it alone: tags, status history, checklist, conversation, files,
log marks, the reply in progress, replies sent and the resolution clocks.

Why together: they live and die with the ticket (``ondelete="CASCADE"``), and ``Ticket``'s relationships
name its children, so the mapper needs them side by side. The attribute events at the bottom keep the
grouping keys in step with ``title`` and ``customer``; they are registered whenever ``Ticket`` is imported.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cre_desk.core import group_keys
from cre_desk.db.models.base import Base, UTCDateTime, utcnow


def _key_of(context, column: str, key) -> str:
    """A grouping key's value in a Core INSERT, from the row's own text (one row of a bulk insert too)."""
    return key(context.get_current_parameters().get(column) or "")


class Ticket(Base):
    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    customer: Mapped[str] = mapped_column(String(200), default="")
    #: ``customer`` and ``title`` as the feedback figures group them (``core.group_keys``), kept in step by
    #: the attribute events below and, for bulk inserts, by these column defaults (migration 0012)
    customer_key: Mapped[str] = mapped_column(
        String(200), default=lambda ctx: _key_of(ctx, "customer", group_keys.customer_key), server_default=""
    )
    title_key: Mapped[str] = mapped_column(
        String(500), default=lambda ctx: _key_of(ctx, "title", group_keys.title_key), server_default=""
    )
    #: The product team and kind an engineer (or the suggestion) gave the ticket; "" / None when untagged.
    #: They live on the ticket, not in ``ticket_feedback``, so the figures read one table (migration 0012).
    #: Written with Core updates only (``FeedbackStore``): tagging never bumps the ticket's version.
    product_team: Mapped[str] = mapped_column(String(60), default="", server_default="")
    kind: Mapped[str | None] = mapped_column(String(40), nullable=True)
    app_name: Mapped[str] = mapped_column(String(200), default="")
    requester_name: Mapped[str] = mapped_column(String(200), default="")
    requester_role: Mapped[str] = mapped_column(String(20), default="marketer")
    platform: Mapped[str] = mapped_column(String(20), default="android")
    os_version: Mapped[str] = mapped_column(String(50), default="")
    sdk_name: Mapped[str] = mapped_column(String(100), default="")
    sdk_version: Mapped[str] = mapped_column(String(50), default="")
    app_version: Mapped[str] = mapped_column(String(50), default="")
    symptom: Mapped[str] = mapped_column(String(40), default="other")
    category: Mapped[str] = mapped_column(String(40), default="troubleshooting")
    priority: Mapped[str] = mapped_column(String(20), default="normal")
    assignee: Mapped[str] = mapped_column(String(200), default="", index=True)
    team: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(40), default="new", index=True)
    asked: Mapped[str] = mapped_column(Text, default="")
    goal: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(40), default="manual")
    external_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    #: The helpdesk account an imported ticket belongs to ("" for manual tickets and rows from before 0006).
    account_id: Mapped[str] = mapped_column(String(100), default="", server_default="")
    external_url: Mapped[str] = mapped_column(String(1000), default="")
    raw_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow, index=True)
    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    tags: Mapped[list[TicketTag]] = relationship(
        back_populates="ticket", lazy="raise", cascade="all, delete-orphan", order_by="TicketTag.tag"
    )
    events: Mapped[list[StatusEvent]] = relationship(
        back_populates="ticket", lazy="raise", cascade="all, delete-orphan", order_by="StatusEvent.at"
    )
    checklist: Mapped[list[ChecklistItem]] = relationship(
        back_populates="ticket", lazy="raise", cascade="all, delete-orphan", order_by="ChecklistItem.position"
    )
    messages: Mapped[list[Message]] = relationship(
        back_populates="ticket", lazy="raise", cascade="all, delete-orphan", order_by="Message.created_at"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="ticket", lazy="raise", cascade="all, delete-orphan", order_by="Attachment.id"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_tickets_source_account_external", "source", "account_id", "external_id",
                            unique=True),
                      # the product-feedback figures count from this index alone (migrations 0009, 0012)
                      # everything the figures and the report read of a ticket, so both databases answer from
                      # the index alone (id last: PostgreSQL's index holds no row id of its own)
                      Index("ix_tickets_feedback_figures", "created_at", "category", "customer_key",
                            "product_team", "kind", "title_key", "id"))


@event.listens_for(Ticket.title, "set")
def _title_set(target: Ticket, value: str | None, _old, _initiator) -> None:
    target.title_key = group_keys.title_key(value or "")


@event.listens_for(Ticket.customer, "set")
def _customer_set(target: Ticket, value: str | None, _old, _initiator) -> None:
    target.customer_key = group_keys.customer_key(value or "")


class TicketTag(Base):
    __tablename__ = "ticket_tags"

    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(100), primary_key=True, index=True)

    ticket: Mapped[Ticket] = relationship(back_populates="tags", lazy="raise")


class StatusEvent(Base):
    """One status change; the history the resolution timers are computed from."""

    __tablename__ = "status_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    from_status: Mapped[str | None] = mapped_column(String(40), nullable=True)
    to_status: Mapped[str] = mapped_column(String(40))
    pause_reason: Mapped[str | None] = mapped_column(String(40), nullable=True)
    actor: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    ticket: Mapped[Ticket] = relationship(back_populates="events", lazy="raise")


class ChecklistItem(Base):
    """A ticket's verdict on one cause; template text is looked up by (symptom, item_key)."""

    __tablename__ = "checklist_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    symptom: Mapped[str] = mapped_column(String(40))
    item_key: Mapped[str] = mapped_column(String(100))
    area: Mapped[str] = mapped_column(String(1))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500), default="")
    verdict: Mapped[str] = mapped_column(String(20), default="not_checked")
    evidence: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    ticket: Mapped[Ticket] = relationship(back_populates="checklist", lazy="raise")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_checklist_ticket_key", "ticket_id", "symptom", "item_key", unique=True),
        Index("ix_checklist_symptom_item", "symptom", "item_key"),
    )


class Message(Base):
    """A message in the ticket's conversation (customer or agent), kept as plain text."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    author_name: Mapped[str] = mapped_column(String(200), default="")
    from_customer: Mapped[bool] = mapped_column(Boolean, default=True)
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    body: Mapped[str] = mapped_column(Text, default="")
    raw_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    ticket: Mapped[Ticket] = relationship(back_populates="messages", lazy="raise")

    __table_args__ = (Index("ix_messages_ticket_external", "ticket_id", "external_id", unique=True),)


class Attachment(Base):
    """A file attached to a ticket; the bytes live under the data folder, not in the database."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(500))
    stored_path: Mapped[str] = mapped_column(String(1000))
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    content_type: Mapped[str] = mapped_column(String(200), default="")
    external_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    ticket: Mapped[Ticket] = relationship(back_populates="attachments", lazy="raise")

    __table_args__ = (Index("ix_attachments_ticket_sha", "ticket_id", "sha256"),)


class LogMark(Base):
    """A line someone marked in an attached log, with a note; it can become checklist evidence."""

    __tablename__ = "log_marks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id", ondelete="CASCADE"), index=True)
    log_name: Mapped[str] = mapped_column(String(500), default="")
    line_no: Mapped[int] = mapped_column(Integer)
    line_text: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReplyDraft(Base):
    """The reply being written for a ticket; saved seconds after typing stops so a crash loses nothing."""

    __tablename__ = "reply_drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), unique=True)
    language: Mapped[str] = mapped_column(String(10), default="en")
    audience: Mapped[str] = mapped_column(String(20), default="marketer")
    summary: Mapped[str] = mapped_column(Text, default="")
    cause: Mapped[str] = mapped_column(Text, default="")
    fix: Mapped[str] = mapped_column(Text, default="")
    developer_block: Mapped[str] = mapped_column(Text, default="")
    #: The last machine-generated draft, so a new draft never silently replaces the engineer's edits.
    generated_json: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}


class SentReply(Base):
    """A reply that went to the customer (copied, saved or posted), kept as the ticket's history."""

    __tablename__ = "sent_replies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(10), default="en")
    audience: Mapped[str] = mapped_column(String(20), default="marketer")
    body: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str] = mapped_column(String(40), default="marked_sent")
    external_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    sent_by: Mapped[str] = mapped_column(String(200), default="")
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class TicketClock(Base):
    """Resolution clocks of one ticket as of its last change, so reports never replay every history.

    Running tickets store when they will become at risk and breached; a report compares those moments
    with "now" instead of recomputing business time for every open ticket.
    """

    __tablename__ = "ticket_clocks"

    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    category: Mapped[str] = mapped_column(String(40), default="", index=True)
    symptom: Mapped[str] = mapped_column(String(40), default="")
    assignee: Mapped[str] = mapped_column(String(200), default="")
    team: Mapped[str] = mapped_column(String(200), default="")
    sdk_name: Mapped[str] = mapped_column(String(100), default="")
    platform: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)
    first_response_business_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    first_response_calendar_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    resolution_business_s: Mapped[float] = mapped_column(Float, default=0.0)
    resolution_calendar_s: Mapped[float] = mapped_column(Float, default=0.0)
    paused_business_s: Mapped[float] = mapped_column(Float, default=0.0)
    paused_customer_log_s: Mapped[float] = mapped_column(Float, default=0.0)
    paused_engineering_s: Mapped[float] = mapped_column(Float, default=0.0)
    paused_app_release_s: Mapped[float] = mapped_column(Float, default=0.0)
    paused_other_s: Mapped[float] = mapped_column(Float, default=0.0)
    allowed_business_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    state: Mapped[str] = mapped_column(String(20), default="no_target")
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)
    at_risk_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
