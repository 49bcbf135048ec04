"""The Timeline tab: the ticket's status history, newest last, with who changed it and why."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from cre_desk.core.tickets import StatusChange, TicketDetail
from cre_desk.gui.formatting import local_time, vocab


class TimelineModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[StatusChange] = []

    def set_history(self, history) -> None:
        self.beginResetModel()
        self._rows = list(history)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("When"), self.tr("From"), self.tr("To"), self.tr("Pause reason"), self.tr("By"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        return (local_time(row.at), vocab(row.from_status) if row.from_status else "—", vocab(row.to_status),
                vocab(row.pause_reason) if row.pause_reason else "", row.actor)[index.column()]


class TimelineView(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = TimelineModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def load(self, ticket: TicketDetail) -> None:
        self.model.set_history(ticket.history)
        self.table.scrollToBottom()
