"""The log's rows on screen: one fixed-height line per row, and moving to a line reliably.

Scrolling to a line is subtler than it looks while a log is still being indexed: rows appended in the
same turn of the event loop are not laid out yet, so the view retries once they are. The pane, the
search and the side-by-side sync all move through this one view.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from cre_desk.gui.log_delegate import LogLineDelegate
from cre_desk.gui.log_model import NUMBER_COLUMN, TEXT_COLUMN, LogLinesModel


class LogLinesView(QTableView):
    """A table of log lines (line number, text) painted by a ``LogLineDelegate``."""

    def __init__(self, model: LogLinesModel, parent=None) -> None:
        super().__init__(parent)
        self.lines_model = model
        self.setModel(model)
        self.delegate = LogLineDelegate("auto", self)
        self.setItemDelegate(self.delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.delegate.metrics.height() + 2)
        self.horizontalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(NUMBER_COLUMN, QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.fit_number_column(10 ** 7)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def fit_number_column(self, lines: int) -> None:
        """Line numbers as wide as the log's longest one (the message, not the gutter, gets the width)."""
        digits = max(3, len(str(max(lines, 1))))
        self.setColumnWidth(NUMBER_COLUMN, self.delegate.metrics.horizontalAdvance("0") * digits + 20)

    def current_line(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.lines_model.line_of_row(index.row())

    def top_line(self) -> int | None:
        row = self.rowAt(0)
        return self.lines_model.line_of_row(row) if row >= 0 else None

    def go_to_line(self, line: int, *, select: bool = True, top: bool = False) -> bool:
        row = self.lines_model.row_of_line(line)
        if row is None:
            return False
        index = self.lines_model.index(row, TEXT_COLUMN)
        hint = (QAbstractItemView.ScrollHint.PositionAtTop if top
                else QAbstractItemView.ScrollHint.PositionAtCenter)
        self.scrollTo(index, hint)
        if self.rowAt(0) < 0 or (top and self.rowAt(0) != row):
            # Rows added in this same turn of the event loop are not laid out yet, so the view could not
            # scroll to them: do it again once they are.
            QTimer.singleShot(0, self, lambda: self._scroll_to_row(row, hint))
        if select:
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def _scroll_to_row(self, row: int, hint) -> None:
        if row < self.lines_model.rowCount():
            self.scrollTo(self.lines_model.index(row, TEXT_COLUMN), hint)

    def selected_lines(self) -> list[int]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows(TEXT_COLUMN)})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return [self.lines_model.line_of_row(r) for r in rows]
