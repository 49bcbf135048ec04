"""Product feedback: the teams tickets are tagged with, who confirmed a tag, the shared requests and bugs
tickets point at, and interest in paid features.

Why apart from the tickets: these rows answer the product team's and account managers' questions, not
the support engineer's; they point at tickets but a ticket never loads them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cre_desk.db.models.base import Base, UTCDateTime, utcnow


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
