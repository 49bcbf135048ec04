"""Steps several GUI tests share: what an engineer does to get a ticket on screen."""

from __future__ import annotations


def open_ticket(qtbot, window, ticket_id: int) -> None:
    """Reload the queue, click the ticket, and wait until the ticket pane shows it."""
    window.queue.reload()
    qtbot.waitUntil(lambda: window.queue.model.row_of(ticket_id) >= 0)
    window.queue.select_ticket(ticket_id)
    qtbot.waitUntil(lambda: window.pane.ticket is not None and window.pane.ticket.id == ticket_id)
