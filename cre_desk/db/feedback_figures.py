"""The product-feedback dashboard's figures: tickets by team x kind over a period, weekly trends,
anomalies against each series' own usual level, confusions by feature and the items with most customers.

The database does the grouping: one GROUP BY gives every team/kind's count per week (weeks in the team's
time zone, as ranges of ``created_at``) over the period and the baseline weeks before it; items and
confusions are counted per group there too. Only the ticket numbers behind the figures come back as rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy import case, exists, func, literal, select, tuple_
from sqlalchemy.orm import Session

from cre_desk.core.feedback import CONFUSION_KINDS
from cre_desk.core.feedback_trends import Anomaly, find_anomalies, week_of, weeks_between
from cre_desk.db.engine import Database
from cre_desk.db.feedback import distinct_customers, effective_kind, effective_kind_of
from cre_desk.db.id_lists import any_of
from cre_desk.db.models import FeedbackItem, Ticket, TicketItem

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
    #: (team, kind) -> tickets created in the period (``tickets_in`` lists them)
    cells: dict[tuple[str, str], int] = field(default_factory=dict)
    weeks: list[date] = field(default_factory=list)
    #: (team, kind) -> week -> count, for the weeks of the period
    weekly: dict[tuple[str, str], dict[date, int]] = field(default_factory=dict)
    anomalies: list[Anomaly] = field(default_factory=list)
    confusions: list[GroupCount] = field(default_factory=list)
    top_items: list[GroupCount] = field(default_factory=list)

    def count(self, team: str, kind: str) -> int:
        return self.cells.get((team, kind), 0)


def _team():
    return Ticket.product_team


def _kind():
    return effective_kind(Ticket.kind, Ticket.category)


def _tickets(*columns):
    return select(*columns).select_from(Ticket)


def build_feedback_figures(
    db: Database, start: datetime, end: datetime, tz: tzinfo, *, top: int = 15
) -> FeedbackFigures:
    baseline_start = start - timedelta(days=7 * BASELINE_WEEKS)
    figures = FeedbackFigures(start=start, end=end)
    first_week, last_week = week_of(start, tz), week_of(end - timedelta(microseconds=1), tz)
    all_weeks = weeks_between(week_of(baseline_start, tz), last_week)
    figures.weeks = [w for w in all_weeks if w >= first_week]
    # buckets [edge_n, edge_n+1): within one week of the team's time zone, and before or in the period
    edges = sorted(
        {baseline_start, start}
        | {m for w in all_weeks if baseline_start < (m := datetime.combine(w, time.min, tzinfo=tz)) < end}
    )
    bucket = _bucket(edges)
    bucket_week = [week_of(edge, tz) for edge in edges]
    first_in_period = edges.index(start)
    with db.read() as session:
        # the stored kind and the category, grouped raw: the effective kind of a few hundred groups is
        # cheaper in Python than a CASE on every ticket
        team = _team().label("team")
        weekly = session.execute(
            _tickets(
                team, Ticket.kind, Ticket.category, bucket.label("bucket"), func.count().label("n")
            )
            .where(Ticket.created_at >= baseline_start, Ticket.created_at < end)
            .group_by(team, Ticket.kind, Ticket.category, bucket)
        ).all()
        counts: dict[tuple[str, str], dict[date, int]] = defaultdict(lambda: defaultdict(int))
        for row in weekly:
            key = (row.team, effective_kind_of(row.kind, row.category))
            counts[key][bucket_week[row.bucket]] += row.n
            if row.bucket >= first_in_period:
                figures.cells[key] = figures.cells.get(key, 0) + row.n
        figures.total = sum(figures.cells.values())
        figures.weekly = {k: {w: c for w, c in per.items() if w >= first_week} for k, per in counts.items()}
        found = find_anomalies(
            {k: dict(v) for k, v in counts.items()},
            all_weeks,
            baseline=BASELINE_WEEKS,
            report_from=first_week,
        )
        figures.anomalies = _with_tickets(session, found, bucket, bucket_week, edges, end)
        in_period = (Ticket.created_at >= start, Ticket.created_at < end)
        figures.top_items = _top_items(session, in_period, top)
        figures.confusions = _confusions(session, in_period, top)
    return figures


def _bucket(edges: list[datetime]):
    """The bucket number of ``created_at``: a binary search of CASEs (5 comparisons for 30 buckets, where a
    flat CASE would test 15 on average)."""

    def between(low: int, high: int):  # buckets low..high-1; edges[n] starts bucket n
        if high - low == 1:
            return literal(low)
        middle = (low + high) // 2
        return case((Ticket.created_at < edges[middle], between(low, middle)), else_=between(middle, high))

    return between(0, len(edges))


def _with_tickets(session: Session, found: list[Anomaly], bucket, bucket_week, edges, end) -> list[Anomaly]:
    """The anomalies with the tickets of their week."""
    if not found:
        return []
    wanted = [(a.team, a.kind, n) for a in found for n, week in enumerate(bucket_week) if week == a.week]
    team, kind = _team(), _kind()
    rows = session.execute(
        _tickets(Ticket.id, team.label("team"), kind.label("kind"), bucket.label("bucket"))
        .where(Ticket.created_at >= edges[0], Ticket.created_at < end)
        .where(tuple_(team, kind, bucket).in_(wanted))
        .order_by(Ticket.id)
    ).all()
    ids: dict[tuple[str, str, date], list[int]] = defaultdict(list)
    for row in rows:
        ids[(row.team, row.kind, bucket_week[row.bucket])].append(row.id)
    return [
        Anomaly(a.team, a.kind, a.week, a.count, a.usual, tuple(ids[(a.team, a.kind, a.week)])) for a in found
    ]


def _linked(*columns):
    return (
        select(*columns)
        .select_from(TicketItem)
        .join(Ticket, Ticket.id == TicketItem.ticket_id)
        .join(FeedbackItem, FeedbackItem.id == TicketItem.item_id)
    )


def _item_groups(session: Session, where) -> list[tuple]:
    stmt = (
        _linked(
            FeedbackItem.id,
            FeedbackItem.title,
            FeedbackItem.product_team,
            func.count(),
            distinct_customers(),
        )
        .where(*where)
        .group_by(FeedbackItem.id, FeedbackItem.title, FeedbackItem.product_team)
    )
    return [(str(r[0]), r[1], r[2] or "", int(r[3]), int(r[4])) for r in session.execute(stmt).all()]


def _ids_by_item(session: Session, item_keys: list[str], where) -> dict[str, tuple[int, ...]]:
    """The tickets behind a few items: their links first (by item), then which of those tickets count.

    Two indexed reads; as one join SQLite walked every ticket of the period to find the few linked ones."""
    if not item_keys:
        return {}
    links = session.execute(
        select(TicketItem.item_id, TicketItem.ticket_id).where(
            any_of(TicketItem.item_id, [int(k) for k in item_keys])
        )
    ).tuples().all()
    counted = set(session.scalars(
        select(Ticket.id).where(any_of(Ticket.id, {t for _, t in links}), *where)
    ))
    out: dict[str, list[int]] = defaultdict(list)
    for item_id, ticket_id in sorted(links, key=lambda link: link[1]):
        if ticket_id in counted:
            out[str(item_id)].append(ticket_id)
    return {k: tuple(v) for k, v in out.items()}


def _top_items(session: Session, in_period, top: int) -> list[GroupCount]:
    """The shared items with most distinct customers over the period."""
    groups = sorted(_item_groups(session, in_period), key=lambda g: (-g[4], -g[3], g[1], int(g[0])))[
        :top
    ]
    ids = _ids_by_item(session, [g[0] for g in groups], in_period)
    return [GroupCount(key, title, team, n, who, ids.get(key, ())) for key, title, team, n, who in groups]


def _confusions(session: Session, in_period, top: int) -> list[GroupCount]:
    """Unclear/hidden-feature tickets per linked item, and per team for those linked to none."""
    confusing = (*in_period, _kind().in_([str(k) for k in CONFUSION_KINDS]))
    unlinked = ~exists().where(TicketItem.ticket_id == Ticket.id)
    team = _team()
    groups = _item_groups(session, confusing)
    groups += [
        (f"team:{r[0]}", "", r[0], int(r[1]), int(r[2]))
        for r in session.execute(
            _tickets(team, func.count(), distinct_customers())
            .where(*confusing, unlinked)
            .group_by(team)
        ).all()
    ]
    groups = sorted(groups, key=lambda g: (-g[4], -g[3], not g[1], g[1]))[:top]
    ids = _ids_by_item(session, [g[0] for g in groups if not g[0].startswith("team:")], confusing)
    teams = [g[2] for g in groups if g[0].startswith("team:")]
    if teams:
        by_team: dict[str, list[int]] = defaultdict(list)
        stmt = _tickets(team, Ticket.id).where(*confusing, unlinked, team.in_(teams)).order_by(Ticket.id)
        for team_key, ticket_id in session.execute(stmt).all():
            by_team[team_key].append(ticket_id)
        ids.update({f"team:{k}": tuple(v) for k, v in by_team.items()})
    return [GroupCount(key, title, t, n, who, ids.get(key, ())) for key, title, t, n, who in groups]


def tickets_in(
    db: Database, start: datetime, end: datetime, *, team: str | None = None, kind: str | None = None
) -> list[int]:
    """The tickets behind a cell, row or column of the team x kind table (None: any team or kind)."""
    stmt = _tickets(Ticket.id).where(Ticket.created_at >= start, Ticket.created_at < end)
    if team is not None:
        stmt = stmt.where(_team() == team)
    if kind is not None:
        stmt = stmt.where(_kind() == kind)
    with db.read() as session:
        return list(session.scalars(stmt.order_by(Ticket.id)).all())


def ticket_titles(db: Database, ticket_ids: list[int]) -> dict[int, str]:
    """Titles of the tickets behind a figure (the dashboard lists them when the user picks the figure)."""
    out: dict[int, str] = {}
    with db.read() as session:
        for first in range(0, len(ticket_ids), 500):
            chunk = ticket_ids[first : first + 500]
            out.update(
                session.execute(select(Ticket.id, Ticket.title).where(Ticket.id.in_(chunk))).tuples().all()
            )
    return out
