"""Service clocks (first response, resolution, pauses) of tickets, computed from their status history.

Every write that changes a ticket stores its clock row in the same transaction (``ticket_upkeep``);
this repository recomputes rows in bulk (after a calendar or target change, or for rows that are
missing) and computes one ticket's live clocks for its header.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select

from cre_desk.db.models import Ticket, TicketClock
from cre_desk.db.records import ticket_detail
from cre_desk.db.repo_base import RepositoryBase
from cre_desk.db.retry import retry_transient


class ClockRepository(RepositoryBase):
    """Stored and live ticket clocks."""

    @retry_transient
    def refresh_clocks(
        self, ticket_ids: Iterable[int] | None = None, *, only_missing: bool = False, batch: int = 500
    ) -> int:
        """Recompute stored clocks (all tickets, some, or only those without a row); returns how many."""
        with self.db.read() as session:
            stmt = select(Ticket.id)
            if ticket_ids is not None:
                stmt = stmt.where(Ticket.id.in_(list(ticket_ids)))
            if only_missing:
                stmt = stmt.where(~Ticket.id.in_(select(TicketClock.ticket_id)))
            ids = session.scalars(stmt.order_by(Ticket.id)).all()
        for start in range(0, len(ids), batch):
            with self.db.write() as session:
                for ticket_id in ids[start : start + batch]:
                    self._refresh_clock(session, ticket_id)
        return len(ids)

    def ticket_clocks(self, ticket_id: int, now: datetime | None = None):
        """Live clocks of one ticket (for its header), computed from its full history."""
        from cre_desk.core import timers

        with self.db.read() as session:
            detail = ticket_detail(session, ticket_id)
        return timers.compute(
            detail.created_at,
            detail.history,
            first_response_at=detail.first_response_at,
            category=detail.fields.category,
            calendar=self.calendar,
            now=now or self.clock(),
            targets=self.targets,
        )

