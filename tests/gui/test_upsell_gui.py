"""Flagging an upsell signal on the Overview: the dialog needs a feature, the signal is stored with the
engineer's name and listed on the ticket (as plain text)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields
from cre_desk.db.upsell import UpsellStore


def test_flag_an_upsell_signal_on_the_open_ticket(qtbot, window, ctx):
    ticket = ctx.tickets.create_ticket(TicketFields(title="Export limits", customer="Acme"))
    window.queue.reload()
    open_ticket(qtbot, window, ticket.id)
    box = window.pane.feedback_tags.upsell
    qtbot.waitUntil(lambda: box.ticket_id == ticket.id)
    assert box.listing.isHidden()
    box.record(ticket.id, "Data export add-on", "<b>asked</b> about the price")
    qtbot.waitUntil(lambda: "Data export add-on" in box.listing.text(), timeout=10000)
    assert "&lt;b&gt;asked&lt;/b&gt; about the price" in box.listing.toolTip()  # shown literally
    assert not box.listing.isHidden()
    assert box.listing.textFormat() == Qt.TextFormat.PlainText
    (signal,) = UpsellStore(ctx.workspace.db).of_ticket(ticket.id)
    assert signal.flagged_by == "Aki Sato"


def test_the_dialog_needs_a_feature(qtbot):
    from cre_desk.gui.upsell_box import UpsellDialog

    dialog = UpsellDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.feature.setText("Premium support")
    assert ok.isEnabled()
