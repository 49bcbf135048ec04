"""The window never grows taller than a 900-pixel screen because the Overview gained boxes."""

from __future__ import annotations

from ui_steps import open_ticket

from cre_desk.core.tickets import TicketFields


def test_an_open_ticket_fits_a_laptop_screen(qtbot, window, ctx):
    ticket = ctx.tickets.create_ticket(TicketFields(title="Push never arrives", symptom="push_not_delivered"),
                                       actor="aki")
    window.resize(1400, 860)
    open_ticket(qtbot, window, ticket.id)
    qtbot.wait(200)
    assert window.minimumSizeHint().height() <= 860, window.minimumSizeHint()
    assert window.height() == 860
