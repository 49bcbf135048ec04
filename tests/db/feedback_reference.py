"""The product-feedback figures as they were computed in Python before the database grouped them: the oracle
the SQL path is checked against on random data (tests/db/test_feedback_sql.py)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy import select

from cre_desk.core.feedback import CONFUSION_KINDS
from cre_desk.core.feedback_trends import find_anomalies, week_of, weeks_between
from cre_desk.core.voice import Period, VoiceReport, VoiceRow, build_voice
from cre_desk.db.engine import Database
from cre_desk.db.feedback import FeedbackStore, effective_kind
from cre_desk.db.feedback_figures import BASELINE_WEEKS, FeedbackFigures, GroupCount
from cre_desk.db.models import FeedbackItem, IssueLink, Ticket, TicketItem
from cre_desk.db.voice import REPORTED_KINDS


def _bounds(period: Period, tz: tzinfo) -> tuple[datetime, datetime]:
    return (
        datetime.combine(period.start, time.min, tzinfo=tz),
        datetime.combine(period.end, time.min, tzinfo=tz),
    )


def build_feedback_figures(
    db: Database, start: datetime, end: datetime, tz: tzinfo, *, top: int = 15
) -> FeedbackFigures:
    baseline_start = start - timedelta(days=7 * BASELINE_WEEKS)
    kind = effective_kind(Ticket.kind, Ticket.category).label("kind")
    stmt = (
        select(Ticket.id, Ticket.title, Ticket.customer, Ticket.created_at, kind, Ticket.product_team)
        .where(Ticket.created_at >= baseline_start, Ticket.created_at < end)
    )
    links = (
        select(TicketItem.ticket_id, FeedbackItem.id, FeedbackItem.title, FeedbackItem.product_team)
        .join(FeedbackItem, FeedbackItem.id == TicketItem.item_id)
        .join(Ticket, Ticket.id == TicketItem.ticket_id)
        .where(Ticket.created_at >= start, Ticket.created_at < end)
    )
    with db.read() as session:
        rows = session.connection().execute(stmt).all()
        linked = session.connection().execute(links).all()
    figures = FeedbackFigures(start=start, end=end)
    first_week, last_week = week_of(start, tz), week_of(end - timedelta(microseconds=1), tz)
    all_weeks = weeks_between(week_of(baseline_start, tz), last_week)
    figures.weeks = [w for w in all_weeks if w >= first_week]
    counts: dict[tuple[str, str], dict[date, int]] = defaultdict(lambda: defaultdict(int))
    week_tickets: dict[tuple[str, str, date], list[int]] = defaultdict(list)
    customers: dict[int, str] = {}
    in_period: dict[int, tuple[str, str]] = {}
    for r in rows:
        created = r.created_at
        team, week = r.product_team or "", week_of(created, tz)
        counts[(team, r.kind)][week] += 1
        week_tickets[(team, r.kind, week)].append(r.id)
        if created >= start:
            figures.cells.setdefault((team, r.kind), []).append(r.id)
            customers[r.id] = " ".join((r.customer or "").lower().split())
            in_period[r.id] = (team, r.kind)
    figures.total = len(in_period)
    figures.weekly = {key: {w: c for w, c in per.items() if w >= first_week} for key, per in counts.items()}
    figures.anomalies = find_anomalies(
        {k: dict(v) for k, v in counts.items()},
        all_weeks,
        baseline=BASELINE_WEEKS,
        tickets=week_tickets,
        report_from=first_week,
    )

    by_item: dict[int, tuple[str, str, list[int]]] = {}
    linked_ids: set[int] = set()
    for ticket_id, item_id, title, team in linked:
        by_item.setdefault(item_id, (title, team or "", []))[2].append(ticket_id)
        linked_ids.add(ticket_id)

    def group(key: str, title: str, team: str, ids: list[int]) -> GroupCount:
        who = {customers.get(i, "") for i in ids} - {""}
        return GroupCount(key, title, team, len(ids), len(who), tuple(sorted(ids)))

    items = [group(str(i), t, team, ids) for i, (t, team, ids) in by_item.items()]
    figures.top_items = sorted(items, key=lambda g: (-g.customers, -g.tickets, g.title))[:top]
    confusion_ids = {tid for tid, (_team, k) in in_period.items() if k in CONFUSION_KINDS}
    groups = [group(g.key, g.title, g.team, [i for i in g.ticket_ids if i in confusion_ids]) for g in items]
    unlinked: dict[str, list[int]] = defaultdict(list)
    for tid in sorted(confusion_ids - linked_ids):
        unlinked[in_period[tid][0]].append(tid)
    groups += [group(f"team:{team}", "", team, ids) for team, ids in unlinked.items()]
    figures.confusions = sorted(
        (g for g in groups if g.tickets), key=lambda g: (-g.customers, -g.tickets, not g.title, g.title)
    )[:top]
    return figures


def voice_rows(db: Database, start: datetime, end: datetime) -> list[VoiceRow]:
    """Product-feedback tickets created in [start, end), once per linked item (or once when unlinked)."""
    kind = effective_kind(Ticket.kind, Ticket.category).label("kind")
    stmt = (
        select(
            Ticket.id,
            Ticket.title,
            Ticket.customer,
            Ticket.goal,
            Ticket.created_at,
            kind,
            Ticket.product_team,
            FeedbackItem.id.label("item_id"),
            FeedbackItem.title.label("item"),
            FeedbackItem.github_url,
            FeedbackItem.product_team.label("item_team"),
        )
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


def build_voice_report(db: Database, period: Period, tz: tzinfo, *, language: str = "en", top: int = 10
                       ) -> VoiceReport:
    previous = period.previous()
    current_rows = voice_rows(db, *_bounds(period, tz))
    previous_rows = voice_rows(db, *_bounds(previous, tz))
    names = {t.key: t.label(language) for t in FeedbackStore(db).list_teams()}
    return build_voice(current_rows, previous_rows, period, previous, top=top, team_names=names)
