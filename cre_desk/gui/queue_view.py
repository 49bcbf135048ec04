"""The ticket queue: search box, filters and a sortable table.

Signals:
    ticket_activated(int): the user selected a ticket to open.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cre_desk.core.tickets import QueueFilter, TicketSummary
from cre_desk.core.vocabulary import Category, Status
from cre_desk.gui.context import AppContext
from cre_desk.gui.formatting import vocab
from cre_desk.gui.queue_model import ID_ROLE, SORT_ROLE, QueueModel

SEARCH_DELAY_MS = 250
_OPEN = "__open__"


class QueueView(QWidget):
    ticket_activated = Signal(int)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._pending_select: int | None = None
        self._loading = False
        self._reload_again = False

        self.search = QLineEdit(placeholderText=self.tr("Search titles, questions, notes, messages…"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Open tickets"), _OPEN)
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in Status:
            self.status_filter.addItem(vocab(status), status.value)
        self.category_filter = QComboBox()
        self.category_filter.addItem(self.tr("All categories"), "")
        for category in Category:
            self.category_filter.addItem(vocab(category), category.value)
        self.assignee_filter = QComboBox()
        self.assignee_filter.addItem(self.tr("Anyone"), "")
        self.tag_filter = QComboBox()
        self.tag_filter.addItem(self.tr("Any tag"), "")
        for combo in (self.status_filter, self.category_filter, self.assignee_filter, self.tag_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.reload)

        self.model = QueueModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 36), (2, 92), (3, 104), (4, 96), (5, 72), (6, 56), (7, 0), (8, 80)):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.setColumnHidden(7, True)
        self.table.setColumnHidden(4, True)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.count_label = QLabel()

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for combo in (self.status_filter, self.category_filter, self.assignee_filter, self.tag_filter):
            filters.addWidget(combo)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        ctx.ticket_saved.connect(self._on_ctx_ticket_saved)
        ctx.ticket_deleted.connect(lambda _id: self.reload())
        ctx.queue_changed.connect(self.reload)

    # ----- loading -------------------------------------------------------------------------------

    def current_filter(self) -> QueueFilter:
        status = self.status_filter.currentData()
        return QueueFilter(
            text=self.search.text(),
            statuses=() if status in ("", _OPEN) else (status,),
            include_closed=status != _OPEN,
            category=self.category_filter.currentData() or "",
            assignee=self.assignee_filter.currentData() or "",
            tag=self.tag_filter.currentData() or "",
        )

    def reload(self) -> None:
        """Query the queue in the background; a reload requested meanwhile runs once after it."""
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        flt = self.current_filter()
        service = self.ctx.tickets

        def load():
            return service.list_queue(flt), service.distinct_values()

        self.ctx.run_db(load, on_done=self._on_loaded, on_error=self._on_load_failed, receiver=self)

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading = False
        from cre_desk.gui import messages

        messages.report_exception(self, exc)

    def _on_loaded(self, result) -> None:
        rows, values = result
        self._loading = False
        selected = self.selected_ticket_id()
        self.model.set_rows(rows)
        self._refill(self.assignee_filter, values["assignees"])
        self._refill(self.tag_filter, values["tags"])
        total = len(rows)
        if self.search.text().strip():
            self.count_label.setText(self.tr("%n matching ticket(s), best match first", "", total))
            self.proxy.sort(-1)
        elif total >= QueueFilter().limit:
            self.count_label.setText(self.tr("The newest %n tickets; search or filter to find older ones.", "",
                                             total))
        else:
            self.count_label.setText(self.tr("%n ticket(s)", "", total))
        want = self._pending_select or selected
        self._pending_select = None
        if want is not None:
            self.select_ticket(want)
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _refill(self, combo: QComboBox, values: list[str]) -> None:
        current = combo.currentData()
        existing = [combo.itemData(i) for i in range(1, combo.count())]
        if existing == values:
            return
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value in values:
            combo.addItem(value, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    # ----- selection -----------------------------------------------------------------------------

    def selected_ticket_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_ticket(self, ticket_id: int) -> bool:
        row = self.model.row_of(ticket_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 1))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def select_after_reload(self, ticket_id: int) -> None:
        self._pending_select = ticket_id
        self.reload()

    def rows(self) -> list[TicketSummary]:
        return [self.model.ticket_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                for r in range(self.proxy.rowCount())]

    def _on_table_current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.ticket_activated.emit(current.data(ID_ROLE))

    def _on_ctx_ticket_saved(self, ticket_id: int) -> None:
        self._pending_select = self.selected_ticket_id() or ticket_id
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
