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


def _tooltips_and_texts(window):
    """Every tooltip of every widget, and every item's tooltip and text in every item view of the window."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QAbstractItemView, QWidget

    seen = []
    for widget in [window, *window.findChildren(QWidget)]:
        seen.append((f"{type(widget).__name__}.toolTip", widget.toolTip()))
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(min(model.rowCount(parent), 3000)):
                for column in range(model.columnCount(parent)):
                    index = model.index(row, column, parent)
                    for role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DisplayRole):
                        value = index.data(role)
                        if isinstance(value, str):
                            seen.append((f"{type(view).__name__} row {row} role {role.name}", value))
                child = model.index(row, 0, parent)
                if model.rowCount(child) > 0:
                    stack.append(child)
    return seen


def test_u1_no_tooltip_or_item_text_anywhere_renders_customer_log_text_as_rich_text(
        qtbot, window, ctx, tmp_path, monkeypatch):
    """U-1: a customer log line with <img src="file:///…"> reaches the Marks, Comparison, findings and log
    views; every tooltip and item text in the window that carries it must show it literally (Qt would
    otherwise render the tooltip as rich text and load the local file on hover)."""
    from pathlib import Path

    from PySide6 import QtGui
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QInputDialog

    canary = tmp_path / "CANARY.png"
    canary.write_bytes(b"\x89PNG\r\n\x1a\n")
    img = f'<img src="file://{canary}">'
    demo = Path(__file__).resolve().parents[2] / "resources" / "demo" / "logs"
    demo = demo / "braze-android-iam-failing.log"
    lines = demo.read_text(encoding="utf-8").splitlines()
    lines.insert(10, f"11-20 10:14:02.118  4321  4321 W Braze: {img} <b>campaign</b> " + "padding " * 12)
    log = tmp_path / "customer.log"
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ticket = ctx.tickets.create_ticket(TicketFields(title=f"Coupon {img}", symptom="iam_not_shown"))
    ctx.tickets.attach_file(ticket.id, log)
    open_ticket(qtbot, window, ticket.id)
    window.show_tab(3)
    logs = window.pane.logs
    qtbot.waitUntil(lambda: logs.left.doc is not None and logs.left.doc.ready, timeout=10000)
    qtbot.waitUntil(lambda: logs.analysis is not None, timeout=10000)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (f"note {img}", True)))
    logs.marks_panel.toggle_mark(logs.left, 10, logs.left.doc.line_text(10))
    qtbot.waitUntil(lambda: logs.marks_panel.model.rowCount() == 1)
    combo = logs.compare_combo
    target = next(i for i in range(combo.count())
                  if getattr(combo.itemData(i), "baseline", "") == "braze-android-iam")
    combo.setCurrentIndex(target)
    combo.activated.emit(target)
    qtbot.waitUntil(lambda: logs.comparison.model.rowCount() > 0, timeout=10000)

    carrying = [(where, text) for where, text in _tooltips_and_texts(window) if "CANARY" in text]
    where_seen = {where.split(" ")[0] for where, _ in carrying}
    assert {"QListView", "QTreeView"} <= where_seen or len(carrying) >= 4, where_seen   # marks and comparison
    tooltips = [(where, text) for where, text in carrying if "toolTip" in where or "ToolTipRole" in where]
    assert len(tooltips) >= 3, carrying   # the Marks list, the Comparison list and the log line itself
    # Item texts (DisplayRole) go through item delegates, which draw plain text; tooltips guess rich text.
    for where, text in tooltips:
        if QtGui.Qt.mightBeRichText(text):
            doc = QTextDocument()
            doc.setHtml(text)
            assert img in doc.toPlainText(), f"{where} renders customer text as rich text: {text[:200]}"


def test_i5_bidi_and_zero_width_characters_are_shown_as_escapes_in_the_detail_pane(
        qtbot, window, ctx, tmp_path):
    """I-5: U+202E in a tag and zero-width characters in a message are made visible, never obeyed."""
    from cre_desk.gui.log_delegate import _visible

    line = "11-20 10:14:02.118  4321  4321 W Br\u202eaze: cam\u200bpaign\u2066 shown\ufeff"
    log = tmp_path / "bidi.log"
    log.write_text(f"11-20 10:14:02.100  4321  4321 I Braze: start\n{line}\n", encoding="utf-8")
    ticket = ctx.tickets.create_ticket(TicketFields(title="Bidi", symptom="iam_not_shown"), actor="aki")
    ctx.tickets.attach_file(ticket.id, log)
    open_ticket(qtbot, window, ticket.id)
    window.show_tab(3)
    pane = window.pane.logs.left
    qtbot.waitUntil(lambda: pane.doc is not None and pane.doc.ready, timeout=10000)
    qtbot.waitUntil(lambda: pane.model.rowCount() >= 2, timeout=10000)
    row = next(r for r in range(pane.model.rowCount()) if pane.model.line_of_row(r) == 1)
    pane.table.setCurrentIndex(pane.model.index(row, 0))
    qtbot.waitUntil(lambda: pane.detail.toPlainText() != "")
    shown = pane.detail.toPlainText()
    for char in "\u202e\u200b\u2066\ufeff":
        assert char not in shown
        assert char not in _visible(line)
    assert "Br\\u202eaze" in shown and "cam\\u200bpaign" in shown
