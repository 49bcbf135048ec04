"""The ticket header's resolution clock follows status changes at once, without a refresh."""

from __future__ import annotations

from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields
from cre_desk.core.vocabulary import Status


def _choose_status(pane, status) -> None:
    pane.status.setCurrentIndex(pane.status.findData(status))
    pane.status.activated.emit(pane.status.currentIndex())


def test_pausing_and_reopening_update_the_header_clock_at_once(qtbot, window, ctx):
    ticket = ctx.tickets.create_ticket(TicketFields(title="Push not delivered", category="troubleshooting"),
                                       actor="aki")
    open_ticket(qtbot, window, ticket.id)
    pane = window.pane
    assert "on track" in pane.clocks.text()

    _choose_status(pane, Status.WAITING_CUSTOMER)
    qtbot.waitUntil(lambda: pane.ticket.status == Status.WAITING_CUSTOMER)
    qtbot.waitUntil(lambda: "paused" in pane.clocks.text(), timeout=3000)
    assert "on track" not in pane.clocks.text()

    _choose_status(pane, Status.OPEN)
    qtbot.waitUntil(lambda: pane.ticket.status == Status.OPEN)
    qtbot.waitUntil(lambda: "on track" in pane.clocks.text(), timeout=3000)
    assert "paused" not in pane.clocks.text()
