"""The ticket queue: search box, filters and a sortable table.

Several tickets can be selected (Ctrl/Shift+click) and re-tagged at once: a product team and/or kind for
all of them from the context menu or Ctrl+Shift+T (``gui.retag_dialog``).

Signals:
    ticket_activated(int): the user selected a ticket to open.
    retagging(list): these tickets are about to be re-tagged (the open ticket's edits are saved first).
    retagged(list): these tickets were re-tagged.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cre_desk.core.tickets import QueueFilter, TicketSummary
from cre_desk.core.vocabulary import Category, Status
from cre_desk.gui.context import AppContext
from cre_desk.gui.formatting import vocab
from cre_desk.gui.queue_model import ID_ROLE, SORT_ROLE, QueueModel
from cre_desk.gui.wrap_row import WrapRow

SEARCH_DELAY_MS = 250
_OPEN = "__open__"


class QueueView(QWidget):
    ticket_activated = Signal(int)
    retagging = Signal(list)
    retagged = Signal(list)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._pending_select: int | None = None
        self._loading = False
        self._reload_again = False
        self.teams: list = []  # product teams, for the re-tagging menu (read with the queue)

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
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(7, True)
        self.table.setColumnHidden(4, True)
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.count_label = QLabel()

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)

        # The filters wrap onto a second line in a narrow queue rather than setting the window's width.
        filters = WrapRow()
        for combo in (self.status_filter, self.category_filter, self.assignee_filter, self.tag_filter):
            filters.addWidget(combo)
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

    #: Columns given up, in this order, when the queue is too narrow for a readable title.
    OPTIONAL_COLUMNS = (5, 6, 2)   # assignee, age, customer
    #: The title keeps room for about this many characters before any other column is shown.
    TITLE_CHARS = 24

    def eventFilter(self, watched, event):  # noqa: N802 - Qt API
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Size the short columns to their content and give the title what is left; when the queue is
        narrow, hide the least useful columns rather than cut the title (what people scan for) to "…"."""
        metrics = self.table.fontMetrics()
        available = self.table.viewport().width()
        title_min = metrics.horizontalAdvance("M" * (self.TITLE_CHARS // 2)) + \
            metrics.horizontalAdvance("a" * (self.TITLE_CHARS - self.TITLE_CHARS // 2))
        widths = {}
        for column in (0, 2, 3, 5, 6, 8):
            content = self.table.sizeHintForColumn(column) if self.model.rowCount() else 0
            header = self.table.horizontalHeader().sectionSizeFromContents(column).width()
            widths[column] = min(max(content, header) + 8, metrics.horizontalAdvance("M" * 14))
        shown = [c for c in (0, 2, 3, 5, 6, 8)]
        for column in self.OPTIONAL_COLUMNS:
            if available - sum(widths[c] for c in shown) >= title_min:
                break
            shown.remove(column)
        for column in (0, 2, 3, 5, 6, 8):
            self.table.setColumnHidden(column, column not in shown)
            if column in shown:
                self.table.setColumnWidth(column, widths[column])

    def reload(self) -> None:
        """Query the queue in the background; a reload requested meanwhile runs once after it."""
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        flt = self.current_filter()
        service = self.ctx.tickets
        from cre_desk.gui.feedback_tags import feedback_store

        store = feedback_store(self.ctx)

        def load():
            return service.list_queue(flt), service.distinct_values(), store.list_teams()

        self.ctx.run_db(load, on_done=self._on_loaded, on_error=self._on_load_failed, receiver=self)

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading = False
        from cre_desk.gui import messages

        messages.report_exception(self, exc)

    def _on_loaded(self, result) -> None:
        rows, values, self.teams = result
        self._loading = False
        selected = self.selected_ticket_id()
        self.model.set_rows(rows, now=self.ctx.tickets.clock(), calendar=self.ctx.tickets.calendar)
        self._fit_columns()
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

    def selected_ticket_ids(self) -> list[int]:
        """The selected tickets in the order shown (the current one when nothing is selected)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [self.proxy.index(row, 0).data(ID_ROLE) for row in rows]
        current = self.selected_ticket_id()
        return [i for i in ids if i is not None] or ([current] if current is not None else [])

    # ----- re-tagging ----------------------------------------------------------------------------

    def _context_menu(self, pos) -> None:
        from cre_desk.core.feedback import KIND_ORDER, kind_label
        from cre_desk.gui.formatting import ui_language

        ids = self.selected_ticket_ids()
        if not ids:
            return
        language = ui_language()
        menu = QMenu(self)
        teams = menu.addMenu(self.tr("Set product team (%n ticket(s))", "", len(ids)))
        for team in self.teams:
            teams.addAction(team.label(language), partial(self.retag_selected, team=team.key))
        teams.addAction(self.tr("(no team)"), partial(self.retag_selected, team=""))
        kinds = menu.addMenu(self.tr("Set kind (%n ticket(s))", "", len(ids)))
        for kind in KIND_ORDER:
            kinds.addAction(kind_label(kind, language), partial(self.retag_selected, kind=str(kind)))
        menu.addSeparator()
        both = menu.addAction(self.tr("Re-tag selected tickets…"), self.retag_selected)
        both.setShortcut(QKeySequence("Ctrl+Shift+T"))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def retag_selected(self, *, team: str | None = None, kind: str | None = None) -> None:
        """Set a team and/or kind on the selected tickets; with neither given, ask which."""
        from cre_desk.gui.retag_dialog import BulkRetag, RetagDialog

        ids = self.selected_ticket_ids()
        if not ids:
            return
        if team is None and kind is None:
            dialog = RetagDialog(self.teams, len(ids), self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            team, kind = dialog.choice()
            if team is None and kind is None:
                return
        self.retagging.emit(ids)
        job = BulkRetag(self, self.ctx, self.teams)
        job.done.connect(self._on_retagged)
        job.start(ids, team, kind)

    def _on_retagged(self, result) -> None:
        self.reload()
        self.retagged.emit(list(result.changed))

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
