"""A reply as it was sent, whole, in a window of its own (the Sent list shows only its start).

Why: the Sent history must not cut a reply silently; the list stays short to scan and this window,
opened from it, shows every word as plain text, to read or copy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

# How much of a sent reply the Sent list shows before "…".
PREVIEW_CHARS = 400


def preview(body: str, more: str) -> str:
    """The start of ``body`` for the list; a longer one ends in "…" and ``more`` (how to read it all)."""
    if len(body) <= PREVIEW_CHARS:
        return body
    return body[:PREVIEW_CHARS].rstrip() + "…\n" + more


class SentReplyDialog(QDialog):
    """One sent reply, read-only and whole."""

    def __init__(self, heading: str, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Sent reply"))
        self.heading = QLabel(heading)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)   # the heading names people: plain text
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setPlainText(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(body))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)
