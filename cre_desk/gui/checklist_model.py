"""Tree model of a ticket's checklist: the five areas, each with its items and their verdicts."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from cre_desk.core.tickets import ChecklistEntry
from cre_desk.core.vocabulary import DECIDED_VERDICTS, Area, Verdict
from cre_desk.gui.formatting import plain_tooltip, vocab

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 10
AREA_ROLE = Qt.ItemDataRole.UserRole + 11

VERDICT_COLOURS = {
    Verdict.CONFIRMED: "#c0392b",
    Verdict.SUSPECTED: "#d68910",
    Verdict.RULED_OUT: "#27ae60",
    Verdict.NOT_APPLICABLE: "#8a8a8a",
}
_AREA_STRIDE = 100_000


class ChecklistModel(QAbstractItemModel):
    """Two columns: the item (or area with its progress) and the verdict."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._areas: list[str] = []
        self._items: dict[str, list[ChecklistEntry]] = {}
        self._titles: dict[str, str] = {}

    # ----- structure -----------------------------------------------------------------------------

    def set_entries(self, entries: list[ChecklistEntry] | tuple[ChecklistEntry, ...],
                    titles: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._items = {}
        for entry in sorted(entries, key=lambda e: e.position):
            self._items.setdefault(entry.area, []).append(entry)
        self._areas = [a.value for a in Area if a.value in self._items]
        self._titles = dict(titles or {})
        self.endResetModel()

    def update_entry(self, entry: ChecklistEntry) -> None:
        """Replace one item after a save, without resetting the tree (keeps selection and scroll)."""
        items = self._items.get(entry.area, [])
        for row, old in enumerate(items):
            if old.id == entry.id:
                items[row] = entry
                index = self.index(row, 0, self.index(self._areas.index(entry.area), 0))
                self.dataChanged.emit(index, index.siblingAtColumn(1))
                area_index = self.index(self._areas.index(entry.area), 0)
                self.dataChanged.emit(area_index, area_index.siblingAtColumn(1))
                return

    def entries(self) -> list[ChecklistEntry]:
        return [e for area in self._areas for e in self._items[area]]

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, row)
        area_row = parent.internalId()
        return self.createIndex(row, column, (area_row + 1) * _AREA_STRIDE + row)

    def parent(self, index=QModelIndex()):  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        internal = index.internalId()
        if internal < _AREA_STRIDE:
            return QModelIndex()
        area_row = internal // _AREA_STRIDE - 1
        return self.createIndex(area_row, 0, area_row)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self._areas)
        if parent.internalId() < _AREA_STRIDE and parent.column() == 0:
            return len(self._items[self._areas[parent.row()]])
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Possible cause"), self.tr("Verdict"))[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ----- data ----------------------------------------------------------------------------------

    def entry(self, index: QModelIndex | QPersistentModelIndex) -> ChecklistEntry | None:
        if not index.isValid() or index.internalId() < _AREA_STRIDE:
            return None
        area = self._areas[index.internalId() // _AREA_STRIDE - 1]
        return self._items[area][index.row()]

    def area_progress(self, area: str) -> tuple[int, int]:
        items = self._items.get(area, [])
        return sum(1 for e in items if e.verdict in DECIDED_VERDICTS), len(items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entry(index)
        if entry is None:
            area = self._areas[index.row()]
            done, total = self.area_progress(area)
            if role == Qt.ItemDataRole.DisplayRole:
                if index.column() == 0:
                    return f"{area} · {vocab(area)}"
                # Short, so the verdict column stays narrow and the cause names get the width.
                return f"{done}/{total}"
            if role == Qt.ItemDataRole.ToolTipRole:
                progress = self.tr("{0} of {1} checked").format(done, total)
                return plain_tooltip(f"{area} · {vocab(area)}: {progress}")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == AREA_ROLE:
                return area
            if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1 and done == total:
                return QBrush(QColor(VERDICT_COLOURS[Verdict.RULED_OUT]))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return self._titles.get(entry.item_key) or entry.title
            return vocab(entry.verdict)
        if role == Qt.ItemDataRole.ToolTipRole:   # the whole name, where the column cuts it
            return plain_tooltip(self._titles.get(entry.item_key) or entry.title)
        if role == ENTRY_ROLE:
            return entry
        if role == AREA_ROLE:
            return entry.area
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            colour = VERDICT_COLOURS.get(entry.verdict)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and index.column() == 1 and entry.verdict in (
                Verdict.CONFIRMED, Verdict.SUSPECTED):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def index_of(self, entry_id: int) -> QModelIndex:
        for area_row, area in enumerate(self._areas):
            for row, entry in enumerate(self._items[area]):
                if entry.id == entry_id:
                    return self.index(row, 0, self.index(area_row, 0))
        return QModelIndex()
