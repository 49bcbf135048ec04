"""Table model of the ticket queue over plain TicketSummary records."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from cre_desk.core.tickets import TicketSummary
from cre_desk.core.vocabulary import PAUSED_STATUSES, RESOLVED_STATUSES, Status
from cre_desk.gui.formatting import age, local_time, plain_tooltip, vocab

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

_STATUS_COLOURS = {
    Status.NEW: "#2f80ed",
    Status.OPEN: "#27ae60",
    Status.SOLVED: "#8a8a8a",
    Status.CLOSED: "#8a8a8a",
}
_PAUSED_COLOUR = "#d68910"


class QueueModel(QAbstractTableModel):
    """Columns: #, title, customer, status, category, assignee, age, updated."""

    COLUMNS = ("id", "title", "customer", "status", "category", "assignee", "age", "updated", "due")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[TicketSummary] = []
        self._now = datetime.now(UTC)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("#"), self.tr("Title"), self.tr("Customer"), self.tr("Status"),
                    self.tr("Category"), self.tr("Assignee"), self.tr("Age"), self.tr("Updated"),
                    self.tr("Due")][section]
        return None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return plain_tooltip(row.title)
        if role == Qt.ItemDataRole.ForegroundRole and column == "due":
            state = self._due_state(row)
            colour = {"breached": "#c0262d", "at_risk": "#b45309", "met": "#1f7a3a"}.get(state)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and column == "due":
            return self.tr("Time left before the resolution target is missed (business hours; pauses stop it)")
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            colour = _PAUSED_COLOUR if row.status in PAUSED_STATUSES else _STATUS_COLOURS.get(row.status)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("id", "age"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: TicketSummary, column: str):
        if column == "id":
            return str(row.id)
        if column in ("status", "category"):
            return vocab(getattr(row, column))
        if column == "age":
            end = row.resolved_at if row.status in RESOLVED_STATUSES and row.resolved_at else self._now
            return age(row.created_at, end)
        if column == "updated":
            return local_time(row.updated_at)
        if column == "due":
            return self._due_text(row)
        return getattr(row, column)

    def _due_state(self, row: TicketSummary) -> str:
        if row.status in RESOLVED_STATUSES:
            return "met" if row.clock_state == "met" else ("breached" if row.clock_state == "breached" else "")
        if row.status in PAUSED_STATUSES:
            return "paused"
        if row.deadline is None:
            return ""
        if self._now >= row.deadline:
            return "breached"
        if row.at_risk_at is not None and self._now >= row.at_risk_at:
            return "at_risk"
        return "on_track"

    def _due_text(self, row: TicketSummary) -> str:
        state = self._due_state(row)
        if state == "met":
            return self.tr("met")
        if state == "paused":
            return self.tr("paused")
        if row.status in RESOLVED_STATUSES:
            return self.tr("missed") if state == "breached" else ""
        if row.deadline is None:
            return ""
        if state == "breached":
            return self.tr("overdue {0}").format(age(row.deadline, self._now))
        return self.tr("in {0}").format(age(self._now, row.deadline))

    def _sort_key(self, row: TicketSummary, column: str):
        if column == "id":
            return row.id
        if column == "age":
            return row.created_at.timestamp()
        if column == "updated":
            return row.updated_at.timestamp()
        if column == "due":
            # Closest to breach first: overdue, then least time left; paused and resolved last.
            if row.status in RESOLVED_STATUSES:
                return 4e12
            if row.status in PAUSED_STATUSES or row.deadline is None:
                return 3e12
            return row.deadline.timestamp()
        return str(self._display(row, column)).lower()

    def set_rows(self, rows: list[TicketSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._now = datetime.now(UTC)
        self.endResetModel()

    def ticket_at(self, row: int) -> TicketSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, ticket_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row.id == ticket_id:
                return i
        return -1
