"""Creating, saving and deleting a ticket: the New ticket dialog, the Overview form and Delete ticket.

Each is one transaction in the ticket repository; the action is where the window and the command line
meet, so both record the same actor and both delete a ticket together with its attached files.
"""

from __future__ import annotations

from cre_desk.core.tickets import TicketDetail, TicketFields
from cre_desk.db.service import TicketService


def create_ticket(tickets: TicketService, fields: TicketFields, *, actor: str) -> TicketDetail:
    """A new ticket with its checklist for the chosen symptom; its history starts with ``actor``."""
    return tickets.create_ticket(fields, actor=actor)


def save_ticket(tickets: TicketService, shown: TicketDetail, fields: TicketFields, *, actor: str
                ) -> TicketDetail:
    """Save the Overview form over the version the user saw (``shown``).

    A teammate's save in between raises ``ConflictError`` with both versions; nothing is overwritten.
    """
    return tickets.update_ticket(shown.id, fields, expected_version=shown.version, actor=actor)


def delete_ticket(tickets: TicketService, ticket_id: int) -> None:
    """Delete the ticket with its checklist, history, replies, marks and attached files.

    The workspace takes a backup first; a file another program holds open is reported (``EnvironmentFault``)
    after the rows are gone, naming the folder to delete by hand.
    """
    tickets.delete_ticket(ticket_id)
