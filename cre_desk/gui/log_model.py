"""Qt model over a ``LogDocument``: one row per visible line, rows appear while the file is indexed.

The model never holds line text: each paint asks the document for the few lines on screen, so a
1 GB file costs the same memory as a small one. A filter replaces the identity row mapping with an
array of line numbers.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from cre_desk.logs.document import LogDocument

LINE_ROLE = Qt.ItemDataRole.UserRole + 1      # the 0-based line number of a row
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2     # the entry level code of a row
MARKED_ROLE = Qt.ItemDataRole.UserRole + 3    # True when the line carries a mark
HIT_ROLE = Qt.ItemDataRole.UserRole + 4       # True when the line has a search hit
FINDING_ROLE = Qt.ItemDataRole.UserRole + 5   # rule ids of findings on the line
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 6     # the parsed Entry of the line (for compact painting)

NUMBER_COLUMN, TEXT_COLUMN = 0, 1


class LogLinesModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.doc: LogDocument | None = None
        self._rows: np.ndarray | None = None    # None = every line, in order
        self._count = 0
        self.marks: dict[int, str] = {}
        self.hits: np.ndarray = np.zeros(0, dtype=np.int64)
        self.findings: dict[int, list[tuple[str, str]]] = {}
        self._levels: np.ndarray | None = None
        self.compact = True   # paint time, level, tag and message only (no date, pid, tid)
        self._cache: dict[int, tuple[str, object]] = {}   # line -> (text, entry) for the rows being painted

    # -- content ----------------------------------------------------------------------------------

    def _cached(self, line: int) -> tuple[str, object]:
        """Text and parsed entry of a line; a paint asks several times per row, so parse once."""
        hit = self._cache.get(line)
        if hit is None:
            if len(self._cache) > 4096:
                self._cache.clear()
            hit = (self.doc.line_text(line), self.doc.line_entry(line))
            self._cache[line] = hit
        return hit

    def set_document(self, doc: LogDocument | None) -> None:
        self.beginResetModel()
        self._cache = {}
        self.doc = doc
        self._rows = None
        self._count = len(doc) if doc is not None else 0
        self.hits = np.zeros(0, dtype=np.int64)
        self.findings = {}
        self._levels = None
        self.endResetModel()

    def grow(self) -> None:
        """Show lines indexed since the last call (only while unfiltered)."""
        if self.doc is None or self._rows is not None:
            return
        available = len(self.doc)
        if available > self._count:
            self.beginInsertRows(QModelIndex(), self._count, available - 1)
            self._count = available
            self.endInsertRows()

    def indexing_finished(self) -> None:
        self._cache = {}   # continuation lines are known only now
        self.grow()
        self._levels = self.doc.levels() if self.doc is not None and self.doc.ready else None
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, 1))

    def set_rows(self, rows: np.ndarray | None) -> None:
        """Show only ``rows`` (sorted line numbers), or every line with ``None``."""
        self.beginResetModel()
        self._rows = None if rows is None else np.asarray(rows, dtype=np.int64)
        self._count = len(self.doc) if rows is None and self.doc is not None else (
            0 if self._rows is None else len(self._rows))
        self.endResetModel()

    @property
    def filtered(self) -> bool:
        return self._rows is not None

    def set_hits(self, hits: np.ndarray) -> None:
        self.hits = np.asarray(hits, dtype=np.int64)
        self._repaint()

    def set_findings(self, by_line: dict[int, list[tuple[str, str]]]) -> None:
        self.findings = by_line
        self._repaint()

    def set_marks(self, marks: dict[int, str]) -> None:
        self.marks = dict(marks)
        self._repaint()

    def _repaint(self) -> None:
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, 1))

    # -- mapping ----------------------------------------------------------------------------------

    def line_of_row(self, row: int) -> int:
        return int(self._rows[row]) if self._rows is not None else row

    def row_of_line(self, line: int, nearest: bool = True) -> int | None:
        """The row showing ``line``; with ``nearest`` the row of the next visible line after it."""
        if self._rows is None:
            return line if 0 <= line < self._count else None
        pos = int(np.searchsorted(self._rows, line))
        if pos < len(self._rows) and self._rows[pos] == line:
            return pos
        if nearest and len(self._rows):
            return min(pos, len(self._rows) - 1)
        return None

    def visible_lines(self) -> np.ndarray:
        if self._rows is not None:
            return self._rows
        return np.arange(self._count, dtype=np.int64)

    def level_of_line(self, line: int) -> int:
        if self._levels is not None and line < len(self._levels):
            return int(self._levels[line])
        return self.doc.line_entry(line).level if self.doc is not None else 0

    def is_hit(self, line: int) -> bool:
        if not len(self.hits):
            return False
        pos = int(np.searchsorted(self.hits, line))
        return pos < len(self.hits) and self.hits[pos] == line

    # -- Qt model API -----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Line"), self.tr("Text"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.doc is None or index.row() >= self._count:
            return None
        line = self.line_of_row(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == NUMBER_COLUMN:
                return str(line + 1)
            return self._cached(line)[0]
        if role == LINE_ROLE:
            return line
        if role == LEVEL_ROLE:
            return self.level_of_line(line)
        if role == MARKED_ROLE:
            return line in self.marks
        if role == HIT_ROLE:
            return self.is_hit(line)
        if role == FINDING_ROLE:
            return self.findings.get(line)
        if role == ENTRY_ROLE:
            return self._cached(line)[1]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TEXT_COLUMN:
            from cre_desk.gui.formatting import plain_tooltip

            text = self.doc.line_text(line)
            return plain_tooltip(text[:2000]) if len(text) > 80 else None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == NUMBER_COLUMN:
            parts = []
            if line in self.marks:
                parts.append(self.tr("Marked: {0}").format(self.marks[line] or self.tr("(no note)")))
            for rule_id, area in self.findings.get(line, []):
                parts.append(self.tr("Finding {0} (area {1})").format(rule_id, area))
            if not parts:
                return None
            from cre_desk.gui.formatting import plain_tooltip

            return plain_tooltip("\n".join(parts))   # U-1: mark notes quote customer text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == NUMBER_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
