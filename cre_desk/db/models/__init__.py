"""SQLAlchemy 2.0 typed models: the one place that registers every table.

Why this package imports every model: SQLAlchemy needs all mapped classes imported before the first query
(relationships and foreign keys name other tables), and Alembic's ``env.py`` compares ``Base.metadata``
with the migrations. Importing ``cre_desk.db.models`` (or any name from it) therefore loads every
aggregate's module, and callers keep importing ``from cre_desk.db.models import Ticket, ...`` while each
aggregate (tickets, helpdesk/GitHub state, product feedback, knowledge base) lives in its own module.

Rows people edit carry a ``version`` column used as SQLAlchemy's ``version_id_col``: two engineers
saving the same ticket get a ``StaleDataError`` (shown as a conflict), never a silent overwrite.
Relationships are ``lazy="raise"`` so no query sneaks out of a service method.
"""

from __future__ import annotations

from cre_desk.db.models.base import NAMING_CONVENTION, Base, UTCDateTime, utcnow
from cre_desk.db.models.feedback import FeedbackItem, ProductTeam, TicketFeedback, TicketItem, UpsellSignal
from cre_desk.db.models.integration_state import IssueLink, RemoteState, SyncState
from cre_desk.db.models.knowledge_base import (
    Article,
    ArticleEvent,
    ArticleRemoteCopy,
    ArticleTicket,
    LogFingerprint,
    TermVector,
)
from cre_desk.db.models.tickets import (
    Attachment,
    ChecklistItem,
    LogMark,
    Message,
    ReplyDraft,
    SentReply,
    StatusEvent,
    Ticket,
    TicketClock,
    TicketTag,
)

__all__ = [
    "NAMING_CONVENTION",
    "Article",
    "ArticleEvent",
    "ArticleRemoteCopy",
    "ArticleTicket",
    "Attachment",
    "Base",
    "ChecklistItem",
    "FeedbackItem",
    "IssueLink",
    "LogFingerprint",
    "LogMark",
    "Message",
    "ProductTeam",
    "RemoteState",
    "ReplyDraft",
    "SentReply",
    "StatusEvent",
    "SyncState",
    "TermVector",
    "Ticket",
    "TicketClock",
    "TicketFeedback",
    "TicketItem",
    "TicketTag",
    "UTCDateTime",
    "UpsellSignal",
    "utcnow",
]
