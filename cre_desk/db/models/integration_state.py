"""What the app remembers of the services it talks to: where a helpdesk import stopped, the helpdesk's
own view of each imported ticket, and the GitHub issues tickets wait on.

Why apart from the tickets: these rows mirror remote systems; the sync and refresh workers keep them up to
date from what the services answer, and a ticket never loads them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cre_desk.db.models.base import Base, UTCDateTime


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
