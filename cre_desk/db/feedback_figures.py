"""The product-feedback dashboard's figures: tickets by team x kind over a period, weekly trends,
anomalies against each series' own usual level, confusions by feature and the items with most customers.

One query over the period (plus the baseline weeks before it for the anomalies); the rest is counting.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from sqlalchemy import select

from cre_desk.core.feedback import CONFUSION_KINDS
from cre_desk.core.feedback_trends import Anomaly, find_anomalies, week_of, weeks_between
from cre_desk.db.engine import Database
from cre_desk.db.feedback import effective_kind
from cre_desk.db.models import FeedbackItem, Ticket, TicketFeedback, TicketItem

BASELINE_WEEKS = 8


@dataclass(frozen=True)
class GroupCount:
    key: str  # item id as text, or the team for unlinked confusions
    title: str
    team: str
    tickets: int
    customers: int
    ticket_ids: tuple[int, ...]


@dataclass
class FeedbackFigures:
    start: datetime
    end: datetime
    total: int = 0
    #: (team, kind) -> ticket ids created in the period
    cells: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    weeks: list[date] = field(default_factory=list)
    #: (team, kind) -> week -> count, for the weeks of the period
    weekly: dict[tuple[str, str], dict[date, int]] = field(default_factory=dict)
    anomalies: list[Anomaly] = field(default_factory=list)
    confusions: list[GroupCount] = field(default_factory=list)
    top_items: list[GroupCount] = field(default_factory=list)
    titles: dict[int, str] = field(default_factory=dict)

    def count(self, team: str, kind: str) -> int:
        return len(self.cells.get((team, kind), ()))


def build_feedback_figures(
    db: Database, start: datetime, end: datetime, tz: tzinfo, *, top: int = 15
) -> FeedbackFigures:
    baseline_start = start - timedelta(days=7 * BASELINE_WEEKS)
    kind = effective_kind(TicketFeedback.kind, Ticket.category).label("kind")
    stmt = (
        select(Ticket.id, Ticket.title, Ticket.customer, Ticket.created_at, kind, TicketFeedback.product_team)
        .outerjoin(TicketFeedback, TicketFeedback.ticket_id == Ticket.id)
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
            figures.titles[r.id] = r.title
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
