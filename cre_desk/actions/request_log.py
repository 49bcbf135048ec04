""""Request a log" as one user action: draft the message for a ticket, and once the user sent it, move the
ticket to waiting-on-customer with "customer log" as the reason (the resolution clock pauses for it).

The window and any script call these; drafting never changes the ticket, so the user can read and edit
the message first.
"""

from __future__ import annotations

from cre_desk.core import log_request
from cre_desk.core.tickets import TicketDetail
from cre_desk.core.vocabulary import PauseReason, Status


def draft_for(ticket: TicketDetail, *, language: str | None = None, role: str | None = None
              ) -> log_request.LogRequest:
    """The log request for ``ticket``, in the customer's language unless ``language`` is given."""
    customer = tuple(m.body for m in ticket.messages if m.from_customer)
    language = language or log_request.guess_language(ticket.fields, customer)
    return log_request.draft(ticket.fields, language=language, role=role)


def mark_log_requested(tickets, ticket_id: int, request: log_request.LogRequest, *, actor: str = "",
                       expected_version: int | None = None) -> TicketDetail:
    """The request went out: the ticket waits on the customer, for their log."""
    return tickets.change_status(ticket_id, Status.WAITING_CUSTOMER, expected_version=expected_version,
                                 actor=actor, pause_reason=PauseReason.CUSTOMER_LOG, note=request.note())
