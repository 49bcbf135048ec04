"""Product-feedback data: teams (rows a lead edits), each ticket's team and kind, and shared items.

A ticket's *effective* kind is its stored kind when that kind still fits the ticket's category, otherwise the
kind the category means. The category stays the one source for the timers, and changing it on the Overview
can never leave a contradictory kind behind (the next suggestion simply starts from the new category).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, case, delete, func, literal, or_, select, update

from cre_desk.core.feedback import (
    CATEGORY_KIND,
    KIND_CATEGORY,
    Kind,
    ProductTeam,
    Suggestion,
    TicketFacts,
    suggest,
)
from cre_desk.core.vocabulary import Verdict
from cre_desk.db.engine import Database
from cre_desk.db.models import ChecklistItem, FeedbackItem, Ticket, TicketFeedback, TicketItem
from cre_desk.db.models import ProductTeam as TeamRow
from cre_desk.errors import UserError

ITEM_TYPES = ("request", "bug", "confusion")
MAX_ITEM_TITLE = 500


@dataclass(frozen=True)
class FeedbackTag:
    ticket_id: int
    team: str
    kind: str
    confirmed: bool
    confirmed_by: str = ""
    confirmed_at: datetime | None = None


@dataclass(frozen=True)
class ItemRecord:
    id: int
    item_type: str
    title: str
    team: str
    github_url: str
    created_at: datetime
    tickets: int = 0
    customers: int = 0


def distinct_customers():
    """count(DISTINCT customer) over the stored customer keys (case and spacing folded when the ticket was
    written: ``core.group_keys``), not counting tickets without a customer."""
    return func.count(func.distinct(func.nullif(Ticket.customer_key, literal(""))))


def effective_kind(kind_column, category_column):
    """SQL for the kind a ticket counts as: the stored kind if it fits the category, else the category's."""
    fitting = [
        (and_(kind_column == kind, category_column == cat), literal(str(kind)))
        for kind, cat in KIND_CATEGORY.items()
    ]
    by_category = [(category_column == cat, literal(str(kind))) for cat, kind in CATEGORY_KIND.items()]
    return case(*fitting, *by_category, else_=literal(str(Kind.TROUBLESHOOTING)))


def kind_is(kind: str, kind_column, category_column):
    """SQL condition "the ticket counts as ``kind``" without a CASE per row (cheaper where it filters)."""
    category = KIND_CATEGORY[Kind(kind)]
    if CATEGORY_KIND.get(category) != kind:
        return and_(category_column == category, kind_column == str(kind))
    others = [str(k) for k, c in KIND_CATEGORY.items() if c == category and k != kind]
    fits_other = kind_column.in_(others) if others else literal(False)
    return and_(category_column == category, or_(kind_column.is_(None), ~fits_other))


def _retag(where, **values):
    """An UPDATE of tickets' team/kind that leaves their version and update time alone: tagging is not an
    edit of the ticket, so an engineer's open Overview stays saveable and no sync sees a change."""
    # version-exempt: tags are not part of the versioned ticket fields; no engineer's edit is overwritten
    return update(Ticket).where(where).values(**values, updated_at=Ticket.updated_at)


def effective_kind_of(kind: str | None, category: str) -> str:
    """The same rule in Python, for rows the database has already grouped."""
    if kind is not None and KIND_CATEGORY.get(kind) == category:
        return str(kind)
    return str(CATEGORY_KIND.get(category, Kind.TROUBLESHOOTING))


def _team(row: TeamRow) -> ProductTeam:
    def split(text: str) -> tuple[str, ...]:
        return tuple(p.strip() for p in (text or "").split(",") if p.strip())

    return ProductTeam(
        key=row.key,
        name=row.name,
        name_ja=row.name_ja,
        symptoms=split(row.symptoms),
        checklist_items=split(row.checklist_items),
        keywords=split(row.keywords),
        position=row.position,
    )


def _item(row: FeedbackItem, tickets: int = 0, customers: int = 0) -> ItemRecord:
    return ItemRecord(
        id=row.id,
        item_type=row.item_type,
        title=row.title,
        team=row.product_team,
        github_url=row.github_url,
        created_at=row.created_at,
        tickets=tickets,
        customers=customers,
    )


def _clean_url(url: str) -> str:
    url = (url or "").strip()
    if not url:
        return ""
    from cre_desk.core.issue_refs import parse_issue_ref

    owner, repo, number = parse_issue_ref(url)
    return f"https://github.com/{owner}/{repo}/issues/{number}"


class FeedbackStore:
    """Reads and writes of product-feedback data; one method per user action."""

    def __init__(self, db: Database, clock=None) -> None:
        self.db = db
        self.clock = clock or (lambda: datetime.now(UTC))

    # ----- teams -------------------------------------------------------------------------------

    def list_teams(self) -> list[ProductTeam]:
        with self.db.read() as session:
            rows = session.scalars(select(TeamRow).order_by(TeamRow.position, TeamRow.key)).all()
            return [_team(r) for r in rows]

    def save_team(self, team: ProductTeam) -> ProductTeam:
        """Add or change a team (a lead's edit); the key is the stable identity tickets store."""
        key = "_".join(team.key.strip().lower().split())[:60]
        name = " ".join(team.name.split())
        if not key or not name:
            raise UserError("A product team needs a short key and a name.")
        with self.db.write() as session:
            row = session.get(TeamRow, key)
            if row is None:
                position = (session.scalar(select(func.max(TeamRow.position))) or 0) + 1
                row = TeamRow(key=key, position=team.position or position)
                session.add(row)
            row.name, row.name_ja = name[:200], team.name_ja.strip()[:200]
            row.symptoms = ",".join(team.symptoms)
            row.checklist_items = ",".join(team.checklist_items)
            row.keywords = ",".join(team.keywords)
            session.flush()
            return _team(row)

    def delete_team(self, key: str) -> int:
        """Remove a team; its tickets become untagged (team "") rather than disappear. Returns how many."""
        with self.db.write() as session:
            team_tickets = select(Ticket.id).where(Ticket.product_team == key)
            session.execute(
                update(TicketFeedback).where(TicketFeedback.ticket_id.in_(team_tickets)).values(confirmed=False)
            )
            result = session.execute(_retag(Ticket.product_team == key, product_team=""))
            moved = result.rowcount  # type: ignore[attr-defined]
            session.execute(delete(TeamRow).where(TeamRow.key == key))
            return int(moved or 0)

    # ----- a ticket's tags ---------------------------------------------------------------------

    def tag_of(self, ticket_id: int) -> FeedbackTag:
        with self.db.read() as session:
            return self._tag(session, ticket_id)

    def _tag(self, session, ticket_id: int) -> FeedbackTag:
        row = session.execute(
            select(
                Ticket.category,
                Ticket.product_team,
                Ticket.kind,
                TicketFeedback.confirmed,
                TicketFeedback.confirmed_by,
                TicketFeedback.confirmed_at,
            )
            .outerjoin(TicketFeedback, TicketFeedback.ticket_id == Ticket.id)
            .where(Ticket.id == ticket_id)
        ).first()
        if row is None:
            raise UserError(f"Ticket #{ticket_id} no longer exists; it may have been deleted by a teammate.")
        fits = row.kind is not None and KIND_CATEGORY.get(row.kind) == row.category
        kind = effective_kind_of(row.kind, row.category)
        return FeedbackTag(
            ticket_id=ticket_id,
            team=row.product_team or "",
            kind=str(kind),
            confirmed=bool(fits and row.confirmed),
            confirmed_by=row.confirmed_by or "",
            confirmed_at=row.confirmed_at,
        )

    def facts(self, ticket_id: int) -> TicketFacts:
        """What the ticket knows: its fields and its confirmed checklist items with their evidence."""
        with self.db.read() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                raise UserError(
                    f"Ticket #{ticket_id} no longer exists; it may have been deleted by a teammate."
                )
            items = session.execute(
                select(ChecklistItem.item_key, ChecklistItem.area, ChecklistItem.evidence).where(
                    ChecklistItem.ticket_id == ticket_id,
                    ChecklistItem.symptom == ticket.symptom,
                    ChecklistItem.verdict == Verdict.CONFIRMED,
                )
            ).all()
            return TicketFacts(
                symptom=ticket.symptom,
                category=ticket.category,
                title=ticket.title,
                asked=ticket.asked,
                goal=ticket.goal,
                sdk_name=ticket.sdk_name,
                confirmed_items=tuple((i.item_key, i.area) for i in items),
                findings=tuple(i.evidence for i in items if i.evidence),
            )

    def suggestion(self, ticket_id: int) -> Suggestion:
        return suggest(self.facts(ticket_id), self.list_teams())

    def confirm(self, ticket_id: int, *, team: str, kind: str, actor: str = "") -> FeedbackTag:
        """Store the engineer's team and kind. The kind must fit the ticket's category; the caller changes
        the category first (through the Overview save, so the timers and conflicts work as usual)."""
        kind = Kind(kind)
        with self.db.write() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                raise UserError(
                    f"Ticket #{ticket_id} no longer exists; it may have been deleted by a teammate."
                )
            if KIND_CATEGORY[kind] != ticket.category:
                raise UserError(
                    f"“{kind}” needs the category {KIND_CATEGORY[kind]}; the ticket is "
                    f"{ticket.category}. Change the category first."
                )
            if team and session.get(TeamRow, team) is None:
                raise UserError(
                    f"There is no product team “{team}”. A lead adds teams in the feedback dashboard."
                )
            session.execute(_retag(Ticket.id == ticket_id, product_team=team, kind=str(kind)))
            row = session.get(TicketFeedback, ticket_id)
            if row is None:
                row = TicketFeedback(ticket_id=ticket_id)
                session.add(row)
            row.confirmed, row.confirmed_by, row.confirmed_at = True, actor, self.clock()
            session.flush()
            return self._tag(session, ticket_id)

    def external_ids(self, source: str) -> set[str]:
        """Keys of the tickets one source created (the demo loader adds only what is missing)."""
        with self.db.read() as session:
            stmt = select(Ticket.external_id).where(Ticket.source == source, Ticket.external_id.is_not(None))
            return {str(key) for key in session.scalars(stmt).all()}

    # ----- shared items ------------------------------------------------------------------------

    def create_item(self, item_type: str, title: str, *, team: str = "", github_url: str = "") -> ItemRecord:
        if item_type not in ITEM_TYPES:
            raise UserError(f"Unknown item type {item_type!r}; use one of {', '.join(ITEM_TYPES)}.")
        title = " ".join(title.split())
        if not title:
            raise UserError("A request or bug needs a title that says what customers want.")
        if len(title) > MAX_ITEM_TITLE:
            raise UserError(f"The title is too long ({len(title)} characters; at most {MAX_ITEM_TITLE}).")
        url = _clean_url(github_url)
        with self.db.write() as session:
            row = FeedbackItem(
                item_type=item_type, title=title, product_team=team, github_url=url, created_at=self.clock()
            )
            session.add(row)
            session.flush()
            return _item(row)

    def update_item(
        self, item_id: int, *, title: str | None = None, github_url: str | None = None
    ) -> ItemRecord:
        with self.db.write() as session:
            row = self._get_item(session, item_id)
            if title is not None and " ".join(title.split()):
                row.title = " ".join(title.split())[:MAX_ITEM_TITLE]
            if github_url is not None:
                row.github_url = _clean_url(github_url)
            session.flush()
            return _item(row)

    def _get_item(self, session, item_id: int) -> FeedbackItem:
        row = session.get(FeedbackItem, item_id)
        if row is None:
            raise UserError(f"Item #{item_id} no longer exists; it may have been merged by a teammate.")
        return row

    def list_items(self, item_type: str | None = None) -> list[ItemRecord]:
        """Items with their ticket and distinct-customer counts, the most customers first."""
        with self.db.read() as session:
            counts = (
                select(
                    TicketItem.item_id,
                    func.count(TicketItem.ticket_id).label("tickets"),
                    func.count(func.distinct(func.nullif(Ticket.customer, ""))).label("customers"),
                )
                .join(Ticket, Ticket.id == TicketItem.ticket_id)
                .group_by(TicketItem.item_id)
                .subquery()
            )
            stmt = select(
                FeedbackItem, func.coalesce(counts.c.tickets, 0), func.coalesce(counts.c.customers, 0)
            ).outerjoin(counts, counts.c.item_id == FeedbackItem.id)
            if item_type:
                stmt = stmt.where(FeedbackItem.item_type == item_type)
            rows = session.execute(stmt).all()
            items = [_item(r[0], int(r[1]), int(r[2])) for r in rows]
            return sorted(items, key=lambda i: (-i.customers, -i.tickets, i.title.lower()))

    def items_of(self, ticket_id: int) -> list[ItemRecord]:
        with self.db.read() as session:
            rows = session.scalars(
                select(FeedbackItem)
                .join(TicketItem, TicketItem.item_id == FeedbackItem.id)
                .where(TicketItem.ticket_id == ticket_id)
                .order_by(FeedbackItem.title)
            ).all()
            return [_item(r) for r in rows]

    def tickets_of(self, item_id: int) -> list[int]:
        with self.db.read() as session:
            return list(
                session.scalars(
                    select(TicketItem.ticket_id)
                    .where(TicketItem.item_id == item_id)
                    .order_by(TicketItem.ticket_id)
                ).all()
            )

    def link(self, ticket_id: int, item_id: int) -> None:
        with self.db.write() as session:
            self._get_item(session, item_id)
            if session.get(Ticket, ticket_id) is None:
                raise UserError(
                    f"Ticket #{ticket_id} no longer exists; it may have been deleted by a teammate."
                )
            if session.get(TicketItem, (ticket_id, item_id)) is None:
                session.add(TicketItem(ticket_id=ticket_id, item_id=item_id, linked_at=self.clock()))

    def unlink(self, ticket_id: int, item_id: int) -> None:
        with self.db.write() as session:
            session.execute(
                delete(TicketItem).where(TicketItem.ticket_id == ticket_id, TicketItem.item_id == item_id)
            )

    def merge(self, keep_id: int, drop_id: int) -> ItemRecord:
        """Fold ``drop_id`` into ``keep_id``: every ticket of both stays linked (once), the GitHub issue is
        kept when only the dropped item had one, and the dropped item is removed."""
        if keep_id == drop_id:
            raise UserError("Choose two different items to merge.")
        with self.db.write() as session:
            keep, drop = self._get_item(session, keep_id), self._get_item(session, drop_id)
            already = select(TicketItem.ticket_id).where(TicketItem.item_id == keep_id)
            session.execute(
                update(TicketItem)
                .where(TicketItem.item_id == drop_id, TicketItem.ticket_id.not_in(already))
                .values(item_id=keep_id)
            )
            session.execute(delete(TicketItem).where(TicketItem.item_id == drop_id))
            if not keep.github_url and drop.github_url:
                keep.github_url = drop.github_url
            if not keep.product_team:
                keep.product_team = drop.product_team
            session.delete(drop)
            session.flush()
        found = [i for i in self.list_items() if i.id == keep_id]
        return found[0]

    def search_items(self, text: str, limit: int = 20) -> list[ItemRecord]:
        words = [w for w in text.lower().split() if w]
        items = self.list_items()
        if not words:
            return items[:limit]
        return [i for i in items if all(w in i.title.lower() for w in words)][:limit]


__all__ = [
    "FeedbackStore",
    "FeedbackTag",
    "ItemRecord",
    "effective_kind",
    "effective_kind_of",
    "kind_is",
    "ITEM_TYPES",
]
