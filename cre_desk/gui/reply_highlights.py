"""Marks painted over the reply's text: jargon a marketer may not follow, private notes about to be sent.

Both are the same kind of Qt work (extra selections found in a document) and neither holds state, so
they live apart from the composer that decides when to repaint.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from cre_desk.core import jargon, replies


def underline_jargon(editors: dict[str, QPlainTextEdit], issues_model: QStandardItemModel, *, marketer: bool,
                     language: str) -> int:
    """Underline jargon in each part (not the developer block) and list it in ``issues_model``; the count."""
    underline = QTextCharFormat()
    underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    underline.setUnderlineColor(QColor("#d97706"))
    count = 0
    for part, editor in editors.items():
        selections = []
        if marketer and part != "developer_block":
            for issue in jargon.check(editor.toPlainText(), language):
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(editor.document())
                cursor.setPosition(issue.start)
                cursor.setPosition(issue.end, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = underline
                selections.append(selection)
                item = QStandardItem(f"“{issue.text[:60]}” — {issue.suggestion}")
                item.setData((part, issue.start, issue.end), Qt.ItemDataRole.UserRole)
                issues_model.appendRow(item)
                count += 1
        editor.setExtraSelections(selections)
    return count


def mark_private_notes(preview: QPlainTextEdit, private: tuple[replies.PrivateItem, ...]) -> None:
    """Private notes in the preview get a background, so what leaves the desk is plain to see."""
    document = preview.document()
    highlight = QTextCharFormat()
    highlight.setBackground(QColor(252, 211, 77, 110))
    selections = []
    for item in private:
        for line in {line.strip() for line in item.text.splitlines() if line.strip()}:
            cursor = document.find(line)   # one block at a time: the preview finds no line breaks
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = highlight
                selections.append(selection)
                cursor = document.find(line, cursor)
    preview.setExtraSelections(selections)
