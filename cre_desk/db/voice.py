"""Reads the rows of the customer-voice report: tickets raised in a period with their kind, team and items.

One query per period (tickets outer-joined to their feedback tags and items); grouping and ranking happen in
``core.voice`` so the figures are the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime, time, tzinfo

from sqlalchemy import select

from cre_desk.core.feedback import CONFUSION_KINDS, Kind
from cre_desk.core.voice import Period, VoiceReport, VoiceRow, build_voice
from cre_desk.db.engine import Database
from cre_desk.db.feedback import FeedbackStore, effective_kind
from cre_desk.db.models import FeedbackItem, IssueLink, Ticket, TicketFeedback, TicketItem

#: Kinds the report reads (spec questions and troubleshooting are support work, not product feedback).
REPORTED_KINDS = (Kind.MISSING_FEATURE, Kind.BUG, *CONFUSION_KINDS)


def _bounds(period: Period, tz: tzinfo) -> tuple[datetime, datetime]:
    return (
        datetime.combine(period.start, time.min, tzinfo=tz),
        datetime.combine(period.end, time.min, tzinfo=tz),
    )


def voice_rows(db: Database, start: datetime, end: datetime) -> list[VoiceRow]:
    """Product-feedback tickets created in [start, end), once per linked item (or once when unlinked)."""
    kind = effective_kind(TicketFeedback.kind, Ticket.category).label("kind")
    stmt = (
        select(
            Ticket.id,
            Ticket.title,
            Ticket.customer,
            Ticket.goal,
            Ticket.created_at,
            kind,
            TicketFeedback.product_team,
            FeedbackItem.id.label("item_id"),
            FeedbackItem.title.label("item"),
            FeedbackItem.github_url,
            FeedbackItem.product_team.label("item_team"),
        )
        .outerjoin(TicketFeedback, TicketFeedback.ticket_id == Ticket.id)
        .outerjoin(TicketItem, TicketItem.ticket_id == Ticket.id)
        .outerjoin(FeedbackItem, FeedbackItem.id == TicketItem.item_id)
        .where(
            Ticket.created_at >= start, Ticket.created_at < end, kind.in_([str(k) for k in REPORTED_KINDS])
        )
    )
    with db.read() as session:
        rows = session.execute(stmt).all()
        urls = {r.github_url for r in rows if r.github_url}
        states: dict[str, str] = {}
        if urls:
            for url, state, reason in session.execute(
                select(IssueLink.url, IssueLink.state, IssueLink.state_reason).where(
                    IssueLink.url.in_(urls), IssueLink.state != ""
                )
            ).all():
                states[url] = f"{state} ({reason})" if reason else state
    return [
        VoiceRow(
            ticket_id=r.id,
            title=r.title,
            customer=r.customer,
            goal=r.goal,
            created_at=r.created_at,
            kind=r.kind,
            team=r.item_team or r.product_team or "",
            item_id=r.item_id,
            item_title=r.item or "",
            github_url=r.github_url or "",
            github_state=states.get(r.github_url or "", ""),
        )
        for r in rows
    ]


def build_voice_report(
    db: Database, period: Period, tz: tzinfo, *, language: str = "en", top: int = 10
) -> VoiceReport:
    """The customer-voice report of ``period`` (dates in the team's time zone) against the period before."""
    previous = period.previous()
    current_rows = voice_rows(db, *_bounds(period, tz))
    previous_rows = voice_rows(db, *_bounds(previous, tz))
    names = {t.key: t.label(language) for t in FeedbackStore(db).list_teams()}
    return build_voice(current_rows, previous_rows, period, previous, top=top, team_names=names)
