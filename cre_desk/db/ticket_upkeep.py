"""What every write that touches a ticket keeps in step, inside the caller's transaction.

A ticket's search document, its checklist items for the current symptom and its stored clock row are
derived from the ticket; the repositories and the helpdesk import (``db/imports.py``) call these public
functions in the same transaction as the change, so the derived rows can never lag behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cre_desk.core.tickets import StatusChange
from cre_desk.core.vocabulary import PAUSED_STATUSES, Verdict
from cre_desk.db import search
from cre_desk.db.models import ChecklistItem, Message, StatusEvent, Ticket, TicketClock, TicketTag
from cre_desk.db.records import status_changes

#: (symptom) -> ordered [(item_key, area, title)] — the checklist templates, injected to keep the db
#: layer free of resource loading in tests that do not need it.
TemplateRows = Callable[[str], Sequence[tuple[str, str, str]]]


def instantiate_checklist(session: Session, ticket_id: int, symptom: str, *, template_rows: TemplateRows,
                          now: datetime) -> None:
    """Add the template's checklist items for ``symptom`` that the ticket does not have yet."""
    existing = set(
        session.scalars(
            select(ChecklistItem.item_key).where(
                ChecklistItem.ticket_id == ticket_id, ChecklistItem.symptom == symptom
            )
        )
    )
    for position, (key, area, title) in enumerate(template_rows(symptom)):
        if key not in existing:
            session.add(
                ChecklistItem(
                    ticket_id=ticket_id,
                    symptom=symptom,
                    item_key=key,
                    area=area,
                    position=position,
                    title=title,
                    verdict=Verdict.NOT_CHECKED,
                    evidence="",
                    updated_at=now,
                )
            )
    session.flush()


def reindex(session: Session, ticket_id: int) -> None:
    """Rewrite the ticket's full-text search document from its fields, tags, evidence and messages."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        return
    tags = session.scalars(select(TicketTag.tag).where(TicketTag.ticket_id == ticket_id)).all()
    evidence = session.scalars(
        select(ChecklistItem.evidence).where(
            ChecklistItem.ticket_id == ticket_id, ChecklistItem.evidence != ""
        )
    ).all()
    bodies = session.scalars(select(Message.body).where(Message.ticket_id == ticket_id)).all()
    parts = [
        ticket.customer,
        ticket.app_name,
        ticket.requester_name,
        ticket.sdk_name,
        ticket.asked,
        ticket.goal,
        ticket.notes,
        " ".join(tags),
        *evidence,
        *bodies,
    ]
    search.update_document(session, ticket_id, ticket.title, parts)


def refresh_clock(session: Session, ticket_id: int, *, calendar, targets, now: datetime) -> None:
    """Recompute and store one ticket's clocks (inside the caller's write transaction)."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        return
    events = (
        session.execute(
            select(StatusEvent)
            .where(StatusEvent.ticket_id == ticket_id)
            .order_by(StatusEvent.at, StatusEvent.id)
        )
        .scalars()
        .all()
    )
    history = status_changes(events)
    row = clock_row(ticket, history, calendar=calendar, targets=targets, now=now)
    existing = session.get(TicketClock, ticket_id)
    if existing is None:
        session.add(TicketClock(**row))
    else:
        for key, value in row.items():
            setattr(existing, key, value)
    session.flush()


def clock_row(ticket: Ticket, history: Sequence[StatusChange], *, calendar, targets, now: datetime) -> dict:
    """The stored form of a ticket's clocks: durations so far, plus when it turns at risk or breached."""
    from cre_desk.core import timers

    clocks = timers.compute(
        ticket.created_at,
        history,
        first_response_at=ticket.first_response_at,
        category=ticket.category,
        calendar=calendar,
        now=now,
        targets=targets,
    )
    paused = clocks.status in PAUSED_STATUSES
    deadline = at_risk_at = None
    if not clocks.resolved and not paused and clocks.allowed_business_s is not None:
        deadline = clocks.deadline
        remaining = clocks.remaining_business_s or 0.0
        before_risk = remaining - (1 - 0.75) * clocks.allowed_business_s
        at_risk_at = calendar.add_business_time(now, before_risk) if before_risk > 0 else now
    by_reason = clocks.paused_by_reason
    return dict(
        ticket_id=ticket.id,
        category=ticket.category,
        symptom=ticket.symptom,
        assignee=ticket.assignee,
        team=ticket.team,
        sdk_name=ticket.sdk_name,
        platform=ticket.platform,
        status=clocks.status,
        created_at=ticket.created_at,
        resolved_at=ticket.resolved_at if clocks.resolved else None,
        first_response_business_s=clocks.first_response_business_s,
        first_response_calendar_s=clocks.first_response_calendar_s,
        resolution_business_s=clocks.resolution_business_s,
        resolution_calendar_s=clocks.resolution_calendar_s,
        paused_business_s=clocks.paused_business_s,
        paused_customer_log_s=by_reason.get("customer_log", 0.0),
        paused_engineering_s=by_reason.get("engineering", 0.0),
        paused_app_release_s=by_reason.get("app_release", 0.0),
        paused_other_s=by_reason.get("other", 0.0),
        allowed_business_s=clocks.allowed_business_s,
        state=clocks.state,
        deadline=deadline,
        at_risk_at=at_risk_at,
        computed_at=now,
    )
