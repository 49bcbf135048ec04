"""Rows of wrapped text that are as tall as their text, in Japanese as in English.

A word-wrapping ``QListView`` asks its delegate for each row's height; Qt's own estimate wraps only at word
boundaries, while painting also breaks inside long runs without spaces (Japanese), so Japanese rows came
out a line short and their last line was cut. This delegate measures with the same wrapping the painter
uses, at the width the row really gets.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: Wrap at word boundaries, and anywhere inside a run that has none (as item views paint).
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.TextFlag.TextWrapAnywhere)


class WrappingDelegate(QStyledItemDelegate):
    """Row heights from the text wrapped at the list's visible width."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return base
        style = self._view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 1
        width = self._view.viewport().width() - 2 * self._view.spacing() - 2 * margin - 2
        if width <= 0:
            return base
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20), _WRAP, str(text))
        return QSize(base.width(), max(base.height(), bounds.height() + 2 * margin))


def wrap_rows(view: QListView) -> None:
    """Make ``view`` show every row's text in full, wrapped, re-measured when the list is resized."""
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setItemDelegate(WrappingDelegate(view))
