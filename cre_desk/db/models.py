"""SQLAlchemy 2.0 typed models.

Rows people edit carry a ``version`` column used as SQLAlchemy's ``version_id_col``: two engineers
saving the same ticket get a ``StaleDataError`` (shown as a conflict), never a silent overwrite.
Relationships are ``lazy="raise"`` so no query sneaks out of a service method.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from cre_desk.core import group_keys

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def _key_of(context, column: str, key) -> str:
    """A grouping key's value in a Core INSERT, from the row's own text (one row of a bulk insert too)."""
    return key(context.get_current_parameters().get(column) or "")


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC and always returns aware UTC datetimes (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use aware datetimes")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


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


class SyncState(Base):
    """Where an account's import stopped, so the next run resumes instead of starting over."""

    __tablename__ = "sync_state"

    account_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    cursor: Mapped[str | None] = mapped_column(Text, nullable=True)
    since: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    imported: Mapped[int] = mapped_column(Integer, default=0)


class RemoteState(Base):
    """The helpdesk's own view of an imported ticket, to tell its changes from the engineer's."""

    __tablename__ = "remote_state"

    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    remote_status: Mapped[str] = mapped_column(String(40), default="")
    remote_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # The helpdesk's values when last seen (None: not known yet); tags as a JSON list (``db.writeback``).
    remote_title: Mapped[str | None] = mapped_column(Text, nullable=True)
    remote_requester: Mapped[str | None] = mapped_column(String(200), nullable=True)
    remote_priority: Mapped[str | None] = mapped_column(String(20), nullable=True)
    remote_tags: Mapped[str | None] = mapped_column(Text, nullable=True)
    remote_fields: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON {our field: value}
    #: A change made both here and in the helpdesk, in plain words; "" when there is none.
    conflict: Mapped[str] = mapped_column(Text, default="", server_default="")


class IssueLink(Base):
    """A GitHub issue a ticket waits on; refreshed in the background with conditional requests."""

    __tablename__ = "issue_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    owner: Mapped[str] = mapped_column(String(200))
    repo: Mapped[str] = mapped_column(String(200))
    number: Mapped[int] = mapped_column(Integer)
    url: Mapped[str] = mapped_column(String(500), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), default="")
    state_reason: Mapped[str] = mapped_column(String(40), default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    etag: Mapped[str] = mapped_column(String(200), default="")
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    notified: Mapped[bool] = mapped_column(Boolean, default=False)


class ProductTeam(Base):
    """A product team tickets are tagged with; rows a lead edits (the comma lists say what belongs to it)."""

    __tablename__ = "product_teams"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_ja: Mapped[str] = mapped_column(String(200), default="")
    symptoms: Mapped[str] = mapped_column(Text, default="")
    checklist_items: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class TicketFeedback(Base):
    """Who confirmed a ticket's product team and kind (``Ticket.product_team``/``kind``), and when."""

    __tablename__ = "ticket_feedback"

    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed_by: Mapped[str] = mapped_column(String(200), default="")
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class FeedbackItem(Base):
    """One shared request, bug or confusion that many tickets point at (customers counted per item)."""

    __tablename__ = "feedback_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_type: Mapped[str] = mapped_column(String(20), default="request", index=True)
    title: Mapped[str] = mapped_column(String(500))
    product_team: Mapped[str] = mapped_column(String(60), default="")
    github_url: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class UpsellSignal(Base):
    """A customer showed interest in a paid feature (for account managers; never a support metric)."""

    __tablename__ = "upsell_signals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    feature: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    flagged_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


class TicketItem(Base):
    __tablename__ = "ticket_items"

    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("feedback_items.id", ondelete="CASCADE"),
                                         primary_key=True, index=True)
    linked_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Article(Base):
    """A knowledge-base article (FAQ for customers, best-practice card for the team), EN and JA."""

    __tablename__ = "kb_articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="faq")
    title_en: Mapped[str] = mapped_column(String(500), default="")
    title_ja: Mapped[str] = mapped_column(String(500), default="")
    body_en: Mapped[str] = mapped_column(Text, default="")
    body_ja: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    #: One SDK version range per line ("Android SDK >= 30.0").
    sdk_versions: Mapped[str] = mapped_column(Text, default="")
    #: One tag per line ("symptom:iam_not_shown").
    tags: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow, index=True)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    #: The help-center copy: its id, address and the edit time it had when this app last wrote it.
    remote_id: Mapped[str] = mapped_column(String(100), default="")
    remote_url: Mapped[str] = mapped_column(String(1000), default="")
    remote_edited_at: Mapped[str] = mapped_column(String(40), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}


class ArticleRemoteCopy(Base):
    """An article's copy in a help center other than Zendesk Guide (whose copy the article row holds).

    ``center`` names the help center ("intercom"); the edit time is the one the copy had when this app last
    wrote it, so an edit made there since shows.
    """

    __tablename__ = "kb_article_remote_copies"

    article_id: Mapped[int] = mapped_column(ForeignKey("kb_articles.id", ondelete="CASCADE"),
                                            primary_key=True)
    center: Mapped[str] = mapped_column(String(20), primary_key=True)
    account_id: Mapped[str] = mapped_column(String(200), default="")
    remote_id: Mapped[str] = mapped_column(String(100), default="")
    url: Mapped[str] = mapped_column(String(1000), default="")
    edited_at: Mapped[str] = mapped_column(String(40), default="")
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ArticleTicket(Base):
    """A ticket an article was written from or answers."""

    __tablename__ = "kb_article_tickets"

    article_id: Mapped[int] = mapped_column(ForeignKey("kb_articles.id", ondelete="CASCADE"),
                                            primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True,
                                           index=True)


class ArticleEvent(Base):
    """An article suggested for, or inserted into the reply of, a ticket: what FAQ health counts."""

    __tablename__ = "kb_article_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("kb_articles.id", ondelete="CASCADE"), index=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (Index("ix_kb_article_events_once", "article_id", "ticket_id", "kind", unique=True),)


class TermVector(Base):
    """The stashed term counts of a ticket or article, so suggestions never re-read every text."""

    __tablename__ = "kb_term_vectors"

    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    ref_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terms_json: Mapped[str] = mapped_column(Text, default="{}")
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


class LogFingerprint(Base):
    """What the analysis of one attached log found (rules, top suspected area), kept for look-alike search."""

    __tablename__ = "kb_log_fingerprints"

    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    attachment_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rules: Mapped[str] = mapped_column(Text, default="")
    areas: Mapped[str] = mapped_column(Text, default="")
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
