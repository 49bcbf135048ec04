"""The knowledge base: articles (EN and JA), their help-center copies, the tickets they answer, how often
they were suggested or used, and the stashed term counts and log fingerprints suggestions search.

Why apart from the tickets: articles have their own life (draft, published, synced to help centers) and
their own tables (``kb_*``); tickets appear here only as references.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cre_desk.db.models.base import Base, UTCDateTime, utcnow


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
