"""Table model of the ticket queue over plain TicketSummary records."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from cre_desk.core import timers
from cre_desk.core.tickets import TicketSummary
from cre_desk.core.vocabulary import PAUSED_STATUSES, RESOLVED_STATUSES, Status
from cre_desk.gui.formatting import age, due_text, due_tooltip, local_time, plain_tooltip, vocab

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
        self._due: dict[int, timers.Due] = {}
        self._calendar_name = ""

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
            state = self.due(row).state
            colour = {"breached": "#c0262d", "at_risk": "#b45309", "met": "#1f7a3a"}.get(state)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and column == "due":
            return due_tooltip(self.due(row), self._calendar_name)
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

    def due(self, row: TicketSummary) -> timers.Due:
        """The row's standing against its target (computed once per reload, by the one core rule)."""
        return self._due.get(row.id) or timers.Due(timers.NO_TARGET)

    def _due_text(self, row: TicketSummary) -> str:
        return due_text(self.due(row))

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
            due = self.due(row)
            if due.state in (timers.PAUSED, timers.NO_TARGET) or due.left_business_s is None:
                return 3e12
            return due.left_business_s
        return str(self._display(row, column)).lower()

    def set_rows(self, rows: list[TicketSummary], *, now: datetime | None = None, calendar=None) -> None:
        """Show ``rows`` as of ``now`` in the team ``calendar`` (the default calendar when none is given)."""
        if calendar is None:
            from cre_desk.core.calendars import load_calendar

            calendar = load_calendar()
        self.beginResetModel()
        self._rows = list(rows)
        self._now = now or datetime.now(UTC)
        self._calendar_name = calendar.name
        self._due = {row.id: timers.due(status=row.status, allowed_business_s=row.allowed_business_s,
                                        used_business_s=row.used_business_s,
                                        as_of=row.clock_as_of or self._now, now=self._now, calendar=calendar,
                                        missed_at=row.deadline)
                     for row in self._rows}
        self.endResetModel()

    def ticket_at(self, row: int) -> TicketSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, ticket_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row.id == ticket_id:
                return i
        return -1
