"""Reads the customer-voice report: the database groups and ranks, Python renders the few winners.

Per section (requests, bugs, confusions) the database counts tickets, distinct customers and last-seen per
group (a shared item, or the normalised title of unlinked tickets) and keeps the groups that can reach the
top ten (ties included). Only those groups' rows come back to ``core.voice``, which builds their entries
(examples, customers' words, first/last seen) exactly as it does for any list of rows; so 100,000 tickets cost
a few aggregate queries, and SQLite and PostgreSQL give the same figures.
"""

from __future__ import annotations

from datetime import datetime, time, tzinfo

from sqlalchemy import String, and_, case, cast, func, literal, or_, select, tuple_
from sqlalchemy.orm import Session

from cre_desk.core.feedback import CONFUSION_KINDS, KIND_CATEGORY, Kind
from cre_desk.core.voice import Period, UpsellEntry, VoiceReport, VoiceRow, rank_voice
from cre_desk.db.engine import Database
from cre_desk.db.feedback import FeedbackStore, distinct_customers, effective_kind, kind_is
from cre_desk.db.models import FeedbackItem, IssueLink, Ticket, TicketItem
from cre_desk.db.upsell import UpsellStore

#: Kinds the report reads (spec questions and troubleshooting are support work, not product feedback).
REPORTED_KINDS = (Kind.MISSING_FEATURE, Kind.BUG, *CONFUSION_KINDS)


def _bounds(period: Period, tz: tzinfo) -> tuple[datetime, datetime]:
    return (
        datetime.combine(period.start, time.min, tzinfo=tz),
        datetime.combine(period.end, time.min, tzinfo=tz),
    )


class _Query:
    """The report's joined rows of one period as SQL: tickets, their kind, section and group key."""

    def __init__(self, start: datetime, end: datetime) -> None:
        self.kind = effective_kind(Ticket.kind, Ticket.category).label("kind")

        def counts_as(*kinds):
            return or_(*(kind_is(k, Ticket.kind, Ticket.category) for k in kinds))

        self.section = case(
            (counts_as(Kind.MISSING_FEATURE), literal("requests")),
            (counts_as(Kind.BUG), literal("bugs")),
            (counts_as(*CONFUSION_KINDS), literal("confusions")),
        ).label("section")
        self.group = case(
            (TicketItem.item_id.is_not(None), literal("item:") + cast(TicketItem.item_id, String)),
            else_=literal("title:") + Ticket.title_key,
        ).label("group_key")
        self.customer = Ticket.customer_key
        self.start, self.end = start, end

    def joined(self, *columns):
        return (
            select(*columns)
            .select_from(Ticket)
            .outerjoin(TicketItem, TicketItem.ticket_id == Ticket.id)   # items cascade: never dangling
            .where(
                Ticket.created_at >= self.start,
                Ticket.created_at < self.end,
                Ticket.category.in_(sorted({KIND_CATEGORY[k] for k in REPORTED_KINDS})),
                self.section.is_not(None),
            )
        )

    def groups(self, wanted: list[tuple[str, str]] | None = None):
        """(section, group_key, tickets, customers, last) per group (of the ``wanted`` ones)."""
        stmt = self.joined(
            self.section, self.group, self.customer.label("customer_key"), Ticket.created_at.label("at")
        )
        if wanted is not None:
            # only the tickets that can belong to a wanted group reach the grouping: its item, or its title
            items = [int(k.removeprefix("item:")) for _s, k in wanted if k.startswith("item:")]
            titles = [k.removeprefix("title:") for _s, k in wanted if k.startswith("title:")]
            stmt = stmt.where(or_(TicketItem.item_id.in_(items),
                                  and_(TicketItem.item_id.is_(None), Ticket.title_key.in_(titles))))
        return _grouped(stmt.subquery())


def _grouped(rows):
    """Tickets, distinct customers and newest ticket per (section, group) of ``rows``.

    In two steps (per customer, then per group) rather than with count(DISTINCT): that needs a sort of every
    row by its text key, the slowest part of the report on PostgreSQL; both steps here hash. A ticket is in
    a group once (one link per item; titles group only unlinked tickets), so rows count tickets.
    """
    per_customer = (
        select(rows.c.section, rows.c.group_key, rows.c.customer_key,
               func.count().label("tickets"), func.max(rows.c.at).label("last"))
        .group_by(rows.c.section, rows.c.group_key, rows.c.customer_key)
        .subquery()
    )
    return select(
        per_customer.c.section,
        per_customer.c.group_key,
        func.sum(per_customer.c.tickets).label("tickets"),
        func.count(func.nullif(per_customer.c.customer_key, literal(""))).label("customers"),
        func.max(per_customer.c.last).label("last"),
    ).group_by(per_customer.c.section, per_customer.c.group_key)


def _contender_rows(session: Session, query: _Query, top: int) -> tuple[list, list[VoiceRow]]:
    """The groups ranked within ``top`` of their section (a tie at the cut stays in: the title decides ties
    last, in Python) and all their rows, in one statement: each row's group key is computed once."""
    base = query.joined(
        Ticket.id.label("ticket_id"),
        TicketItem.item_id.label("item_id"),
        query.section,
        query.group,
        query.customer.label("customer_key"),
        Ticket.created_at.label("at"),
    ).cte("base").prefix_with("MATERIALIZED")  # read twice: group keys computed once (SQLite 3.35, PG 12)
    groups = _grouped(base).subquery()
    place = func.rank().over(
        partition_by=groups.c.section,
        order_by=(groups.c.customers.desc(), groups.c.tickets.desc(), groups.c.last.desc()),
    )
    ranked = select(groups.c.section, groups.c.group_key, place.label("place")).subquery()
    wanted = select(ranked.c.section, ranked.c.group_key).where(ranked.c.place <= top)
    stmt = (
        select(
            base.c.section,
            base.c.group_key,
            Ticket.id,
            Ticket.title,
            Ticket.customer,
            Ticket.goal,
            Ticket.created_at,
            query.kind,
            Ticket.product_team,
            FeedbackItem.id.label("item_id"),
            FeedbackItem.title.label("item"),
            FeedbackItem.github_url,
            FeedbackItem.product_team.label("item_team"),
        )
        .select_from(base)
        .join(Ticket, Ticket.id == base.c.ticket_id)
        .outerjoin(FeedbackItem, FeedbackItem.id == base.c.item_id)
        .where(tuple_(base.c.section, base.c.group_key).in_(wanted))
    )
    rows = session.execute(stmt).all()
    return sorted({(r.section, r.group_key) for r in rows}), _voice_rows(session, rows)


def _voice_rows(session: Session, rows) -> list[VoiceRow]:
    """The rows as ``core.voice`` reads them, with the state of their GitHub issues."""
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


def _previous(session: Session, query: _Query, wanted: list[tuple[str, str]]) -> dict:
    """(tickets, customers) of the wanted groups in the previous period, for the change column."""
    if not wanted:
        return {}
    stmt = query.groups(wanted)
    return {(r.section, r.group_key): (int(r.tickets), int(r.customers)) for r in session.execute(stmt)}


def _totals(session: Session, query: _Query) -> tuple[int, int]:
    """Tickets and distinct customers of the period (without the item joins: each ticket once)."""
    row = session.execute(
        select(func.count(), distinct_customers())
        .select_from(Ticket)
        .where(
            Ticket.created_at >= query.start,
            Ticket.created_at < query.end,
            Ticket.category.in_(sorted({KIND_CATEGORY[k] for k in REPORTED_KINDS})),
            query.section.is_not(None),
        )
    ).one()
    return int(row[0]), int(row[1])


def build_voice_report(
    db: Database, period: Period, tz: tzinfo, *, language: str = "en", top: int = 10
) -> VoiceReport:
    """The customer-voice report of ``period`` (dates in the team's time zone) against the period before."""
    previous = period.previous()
    with db.read() as session:
        now = _Query(*_bounds(period, tz))
        wanted, rows = _contender_rows(session, now, top)
        before = _previous(session, _Query(*_bounds(previous, tz)), wanted)
        tickets, customers = _totals(session, now)
    names = {t.key: t.label(language) for t in FeedbackStore(db).list_teams()}
    report = rank_voice(
        rows, before, period, previous, tickets=tickets, customers=customers, top=top, team_names=names
    )
    report.upsell = [
        UpsellEntry(u.customer, u.feature, u.note, u.ticket_id, u.ticket_title, u.flagged_by, u.created_at)
        for u in UpsellStore(db).flagged_between(*_bounds(period, tz))
    ]
    return report
