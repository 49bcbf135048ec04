"""Customer text is shown as plain text everywhere (RELIABILITY U-1)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit
from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields

HOSTILE = [
    "<b>x</b>", '<a href="file:///etc/passwd">x</a>', '<img src="file:///CANARY.png">', "<img src=\"CANARY.png\">",
    "<table width=99999>", "<font size=200>big</font>", "&lt;script&gt;", "<qt>rich</qt>", "<style>*{}</style>",
]


def test_hostile_ticket_text_is_displayed_literally(qtbot, window, ctx):
    payload = " ".join(HOSTILE)
    ticket = ctx.tickets.create_ticket(TicketFields(
        title=payload[:400], customer=payload[:150], requester_name=payload[:150], asked=payload, goal=payload,
        notes=payload, tags=("<b>tag</b>",)))
    ctx.tickets.add_message(ticket.id, payload, author_name="<i>Mallory</i>")
    open_ticket(qtbot, window, ticket.id)

    form = window.pane.overview
    assert form.title.text() == payload[:400].strip() or form.title.text() == " ".join(payload[:400].split())
    assert form.asked.toPlainText() == payload
    assert payload in form.conversation.toPlainText()
    assert "<i>Mallory</i>" in form.conversation.toPlainText()

    for label in window.findChildren(QLabel):
        if any(marker in label.text() for marker in ("<b>", "<img", "<a ", "<qt>", "<table", "<font")):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    for edit in window.findChildren(QTextEdit):
        assert isinstance(edit, QPlainTextEdit) or not edit.isVisible()
    for line in window.findChildren(QLineEdit):
        assert "<" not in line.text() or line.text() in (payload[:150], form.title.text(), "<b>tag</b>")


def test_queue_tooltip_shows_markup_literally(qtbot, window, ctx):
    ticket = ctx.tickets.create_ticket(TicketFields(title='<img src="file:///CANARY.png"> hi'))
    window.queue.reload()
    qtbot.waitUntil(lambda: window.queue.model.row_of(ticket.id) >= 0)
    index = window.queue.model.index(window.queue.model.row_of(ticket.id), 1)
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip and "&lt;img" in tooltip
