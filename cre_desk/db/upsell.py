"""Upsell signals: an engineer notes that a customer showed interest in a paid feature.

They are for account managers and are kept apart from everything the support figures count: the dashboard
never reads them, and the customer-voice report lists them in a section of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, select

from cre_desk.db.engine import Database
from cre_desk.db.models import Ticket, UpsellSignal
from cre_desk.errors import UserError

MAX_FEATURE = 200
MAX_NOTE = 4000


@dataclass(frozen=True)
class UpsellRecord:
    id: int
    ticket_id: int
    feature: str
    note: str
    flagged_by: str
    created_at: datetime
    customer: str = ""
    ticket_title: str = ""


def _record(signal: UpsellSignal, customer: str = "", title: str = "") -> UpsellRecord:
    return UpsellRecord(
        signal.id,
        signal.ticket_id,
        signal.feature,
        signal.note,
        signal.flagged_by,
        signal.created_at,
        customer,
        title,
    )


class UpsellStore:
    def __init__(self, db: Database, clock=None) -> None:
        self.db = db
        self.clock = clock or (lambda: datetime.now(UTC))

    def flag(self, ticket_id: int, feature: str, note: str = "", *, actor: str = "") -> UpsellRecord:
        """Record the interest; the feature names what they would pay for, the note says what was said."""
        feature = " ".join(feature.split())
        if not feature:
            raise UserError("Name the paid feature the customer showed interest in.")
        if len(feature) > MAX_FEATURE:
            raise UserError(
                f"The feature name is too long ({len(feature)} characters; at most {MAX_FEATURE})."
            )
        note = note.strip()[:MAX_NOTE]
        with self.db.write() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                raise UserError(
                    f"Ticket #{ticket_id} no longer exists; it may have been deleted by a teammate."
                )
            signal = UpsellSignal(
                ticket_id=ticket_id, feature=feature, note=note, flagged_by=actor, created_at=self.clock()
            )
            session.add(signal)
            session.flush()
            return _record(signal, ticket.customer, ticket.title)

    def of_ticket(self, ticket_id: int) -> list[UpsellRecord]:
        with self.db.read() as session:
            rows = session.scalars(
                select(UpsellSignal).where(UpsellSignal.ticket_id == ticket_id).order_by(UpsellSignal.id)
            ).all()
            return [_record(r) for r in rows]

    def remove(self, signal_id: int) -> None:
        with self.db.write() as session:
            session.execute(delete(UpsellSignal).where(UpsellSignal.id == signal_id))

    def flagged_between(self, start: datetime, end: datetime) -> list[UpsellRecord]:
        """Signals flagged in [start, end), oldest first, with the ticket's customer and title."""
        with self.db.read() as session:
            rows = session.execute(
                select(UpsellSignal, Ticket.customer, Ticket.title)
                .join(Ticket, Ticket.id == UpsellSignal.ticket_id)
                .where(UpsellSignal.created_at >= start, UpsellSignal.created_at < end)
                .order_by(UpsellSignal.created_at, UpsellSignal.id)
            ).all()
            return [_record(r[0], r[1], r[2]) for r in rows]
