"""The product-feedback dashboard: tickets by team x kind over a period, the weekly trend, anomalies, the
unclear/hidden features by feature and the shared items with most customers.

Figures come from ``cre_desk.db.feedback_figures`` computed off the GUI thread. Every table row and cell
knows its tickets: selecting one lists them on the right, double-clicking opens them.

Signals:
    open_ticket(int): the user wants to see this ticket.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cre_desk import safe_write
from cre_desk.core.feedback import ProductTeam
from cre_desk.db.feedback_figures import FeedbackFigures, build_feedback_figures, ticket_titles, tickets_in
from cre_desk.gui import messages
from cre_desk.gui.context import AppContext
from cre_desk.gui.feedback_tables import (
    CELL_ROLE,
    COUNT_ROLE,
    ITEM_ROLE,
    TICKET_ROLE,
    TICKETS_ROLE,
    fill_anomalies,
    fill_groups,
    fill_matrix,
    table_view,
)
from cre_desk.gui.feedback_tags import feedback_store
from cre_desk.gui.feedback_teams_dialog import TeamsDialog
from cre_desk.gui.feedback_trend import draw_trend, trend_plot
from cre_desk.gui.formatting import plain_tooltip, ui_language
from cre_desk.gui.period_range import day_of, show_last_days, utc_bounds
from cre_desk.gui.tasks import run_in_background


def _figures(db, start, end, tz, store):
    return build_feedback_figures(db, start, end, tz), store.list_teams()


def _listed(db, ids, cell, start, end) -> list[tuple[int, str]]:
    """(id, title) of the tickets behind a figure: its own ids, or a team x kind cell's (None: any)."""
    if ids is None:
        team, kind = cell
        ids = tickets_in(db, start, end, team=team, kind=kind)
    titles = ticket_titles(db, list(ids))
    return [(i, titles.get(i, "")) for i in ids]


class FeedbackDashboardView(QWidget):
    open_ticket = Signal(int)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: FeedbackFigures | None = None
        self._request = 0  # only the newest refresh may show its figures (an older one can finish later)
        self._listing = 0  # likewise for the titles of the listed tickets
        self.teams: list[ProductTeam] = []
        self.setWindowTitle(self.tr("Product-feedback dashboard"))

        self.period = QComboBox()
        for days, label in (
            (28, self.tr("Last 4 weeks")),
            (91, self.tr("Last 13 weeks")),
            (182, self.tr("Last 26 weeks")),
            (365, self.tr("Last 12 months")),
            (0, self.tr("Custom")),
        ):
            self.period.addItem(label, days)
        self.period.setCurrentIndex(1)
        self.period.activated.connect(self._on_period)
        today = QDate.currentDate()
        self.start = QDateEdit(today.addDays(-90))
        self.end = QDateEdit(today)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: self.period.setCurrentIndex(self.period.findData(0)))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.teams_button = QPushButton(self.tr("Teams…"))
        self.teams_button.setToolTip(self.tr("Edit the product teams and what belongs to each"))
        self.teams_button.clicked.connect(self.edit_teams)
        self.voice_button = QPushButton(self.tr("Customer-voice report…"))
        self.voice_button.setToolTip(
            self.tr("Save the customer-voice report of the quarter the period ends in")
        )
        self.voice_button.clicked.connect(self.export_voice)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary.setFont(font)

        self.matrix_model = QStandardItemModel(self)
        self.matrix_view = table_view(self.matrix_model, sortable=False)
        self.matrix_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matrix_view.clicked.connect(self._show_tickets)
        self.matrix_view.doubleClicked.connect(self._open_first)
        self.trend_by = QComboBox()
        self.trend_by.addItem(self.tr("Weekly tickets by team"), "team")
        self.trend_by.addItem(self.tr("Weekly tickets by kind"), "kind")
        self.trend_by.activated.connect(lambda _i: self._draw_trend())
        self.trend = trend_plot()

        self.anomaly_model = QStandardItemModel(0, 5, self)
        self.anomaly_model.setHorizontalHeaderLabels(
            [self.tr("Week"), self.tr("Team"), self.tr("Kind"), self.tr("Tickets"), self.tr("Usual per week")]
        )
        self.confusion_model = QStandardItemModel(0, 4, self)
        self.confusion_model.setHorizontalHeaderLabels(
            [self.tr("Feature"), self.tr("Team"), self.tr("Tickets"), self.tr("Customers")]
        )
        self.item_model = QStandardItemModel(0, 4, self)
        self.item_model.setHorizontalHeaderLabels(
            [self.tr("Request, bug or confusion"), self.tr("Team"), self.tr("Tickets"), self.tr("Customers")]
        )
        self.lists = QTabWidget()
        for model, name in (
            (self.anomaly_model, self.tr("Anomalies")),
            (self.confusion_model, self.tr("Unclear or hidden features")),
            (self.item_model, self.tr("Items with most customers")),
        ):
            view = table_view(model)
            view.clicked.connect(self._show_tickets)
            view.doubleClicked.connect(self._open_first)
            if model is self.anomaly_model:
                self.anomaly_view = view
            if model is self.item_model:
                self.item_view = view
                view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            if model is not self.anomaly_model:
                view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            self.lists.addTab(view, name)
        self.tickets_title = QLabel(self.tr("Select a cell or a row to see its tickets (double-click opens)"))
        self.tickets_title.setTextFormat(Qt.TextFormat.PlainText)
        self.tickets_title.setWordWrap(True)
        self.tickets_model = QStandardItemModel(0, 1, self)
        self.tickets_model.setHorizontalHeaderLabels([self.tr("Ticket")])
        self.tickets_view = table_view(self.tickets_model)
        self.tickets_view.doubleClicked.connect(self._open_ticket)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.period)
        top.addWidget(self.start)
        top.addWidget(QLabel("–"))
        top.addWidget(self.end)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.teams_button)
        top.addWidget(self.voice_button)
        matrix_box = QWidget()
        mb = QVBoxLayout(matrix_box)
        mb.setContentsMargins(0, 0, 0, 0)
        mb.addWidget(QLabel(self.tr("Tickets by team and kind")))
        mb.addWidget(self.matrix_view)
        trend_box = QWidget()
        tb = QVBoxLayout(trend_box)
        tb.setContentsMargins(0, 0, 0, 0)
        tb.addWidget(self.trend_by)
        tb.addWidget(self.trend)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(matrix_box)
        upper.addWidget(trend_box)
        upper.setSizes([620, 560])
        tickets_box = QWidget()
        tk = QVBoxLayout(tickets_box)
        tk.setContentsMargins(0, 0, 0, 0)
        tk.addWidget(self.tickets_title)
        tk.addWidget(self.tickets_view)
        lower = QSplitter(Qt.Orientation.Horizontal)
        self.merge_button = QPushButton(self.tr("Merge selected items"))
        self.merge_button.setToolTip(self.tr("Select two or more items (Ctrl+click) that are the same "
                                             "request: they become one, keeping every ticket"))
        self.merge_button.clicked.connect(self.merge_selected)
        lists_box = QWidget()
        lb = QVBoxLayout(lists_box)
        lb.setContentsMargins(0, 0, 0, 0)
        lb.addWidget(self.lists)
        merge_row = QHBoxLayout()
        merge_row.addStretch(1)
        merge_row.addWidget(self.merge_button)
        lb.addLayout(merge_row)
        lower.addWidget(lists_box)
        lower.addWidget(tickets_box)
        lower.setSizes([720, 460])
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(upper)
        body.addWidget(lower)
        body.setSizes([380, 360])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "trend"):
            self._draw_trend()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.isWindow():
            self.close()
            return
        super().keyPressEvent(event)

    # -- building blocks --------------------------------------------------------------------------

    def _dark(self) -> bool:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        return bool(app is not None and app.property("cre_desk_dark"))

    # -- period -----------------------------------------------------------------------------------

    def _on_period(self) -> None:
        days = self.period.currentData()
        if days:
            show_last_days(self.start, self.end, days)
            self.refresh()

    def period_bounds(self) -> tuple[datetime, datetime]:
        return utc_bounds(self.start, self.end, self.ctx.tickets.calendar.tz)

    # -- figures ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        start, end = self.period_bounds()
        if end <= start:
            self.summary.setText(self.tr("The period ends before it starts."))
            return
        self.summary.setText(self.tr("Computing…"))
        self._request += 1
        request = self._request
        db, tz = self.ctx.tickets.db, self.ctx.tickets.calendar.tz
        run_in_background(_figures, db, start, end, tz, feedback_store(self.ctx),
                          on_done=lambda result: self._on_figures(request, result),
                          on_error=lambda exc: messages.report_exception(self, exc), receiver=self)

    def _on_figures(self, request: int, result) -> None:
        if request != self._request:
            return  # a newer period was asked for meanwhile; its figures are on their way
        self.show_figures(*result)

    def team_name(self, key: str) -> str:
        language = ui_language()
        for team in self.teams:
            if team.key == key:
                return team.label(language)
        return key or self.tr("(no team)")

    def show_figures(self, figures: FeedbackFigures, teams: list[ProductTeam]) -> None:
        self.figures, self.teams = figures, teams
        language = ui_language()
        confusions = sum(
            n for (_t, k), n in figures.cells.items() if k in ("unclear_feature", "hidden_feature")
        )
        self.summary.setText(
            self.tr("{0} tickets · {1} unclear or hidden features · anomalies: {2}").format(
                figures.total, confusions, len(figures.anomalies)
            )
        )
        fill_matrix(self.matrix_model, figures, [t.key for t in teams], self.team_name, language)
        self.matrix_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        fill_anomalies(self.anomaly_model, figures, self.team_name, language)
        fill_groups(self.confusion_model, figures.confusions, self.team_name)
        fill_groups(self.item_model, figures.top_items, self.team_name)
        self.anomaly_view.resizeColumnsToContents()
        self._draw_trend()

    def _draw_trend(self) -> None:
        draw_trend(self.trend, self.figures, self.trend_by.currentData(), self.trend_by.currentText(),
                   [t.key for t in self.teams], self.team_name, dark=self._dark())

    # -- tickets behind a figure ------------------------------------------------------------------

    def _show_tickets(self, index, *, open_first: bool = False) -> None:
        """List the tickets behind a figure: numbers and titles are read off the GUI thread."""
        first = index if index.model() is self.matrix_model else index.siblingAtColumn(0)
        ids, cell, label = first.data(TICKETS_ROLE), first.data(CELL_ROLE), first.data(TICKET_ROLE)
        if (ids is None and cell is None) or self.figures is None:
            return
        count = len(ids) if ids is not None else int(first.data(COUNT_ROLE) or 0)
        self.tickets_title.setText(self.tr("{0}: {1} ticket(s)").format(label or "", count))
        self.tickets_model.removeRows(0, self.tickets_model.rowCount())
        self._listing += 1
        listing = self._listing
        figures = self.figures
        run_in_background(_listed, self.ctx.tickets.db, ids, cell, figures.start, figures.end,
                          on_done=lambda rows: self._show_listed(listing, rows, open_first),
                          on_error=lambda exc: messages.report_exception(self, exc), receiver=self)

    def _show_listed(self, listing: int, rows: list[tuple[int, str]], open_first: bool) -> None:
        if listing != self._listing:
            return  # the user picked another figure meanwhile
        for ticket_id, title in rows:
            item = QStandardItem(f"#{ticket_id} {title}")
            item.setData(ticket_id, TICKET_ROLE)
            item.setToolTip(plain_tooltip(title))
            self.tickets_model.appendRow(item)
        if open_first and rows:
            self.open_ticket.emit(rows[0][0])

    def _open_first(self, index) -> None:
        """Double-click on a figure: list its tickets and open the first (the list stays for the others)."""
        self._show_tickets(index, open_first=True)

    def _open_ticket(self, index) -> None:
        ticket_id = index.siblingAtColumn(0).data(TICKET_ROLE)
        if ticket_id is not None:
            self.open_ticket.emit(int(ticket_id))

    # -- actions ----------------------------------------------------------------------------------

    def selected_items(self) -> list[tuple[int, str, int]]:
        """(item id, title, customers) of the selected rows of the items list, most customers first."""
        rows = {index.row() for index in self.item_view.selectionModel().selectedIndexes()}
        found = []
        for row in rows:
            first = self.item_model.index(row, 0)
            if first.data(ITEM_ROLE) is not None:
                found.append((int(first.data(ITEM_ROLE)), str(first.data(TICKET_ROLE)),
                              int(self.item_model.index(row, 3).data() or 0)))
        return sorted(found, key=lambda f: (-f[2], f[0]))

    def merge_selected(self) -> None:
        """Fold the selected items into the one with most customers; every ticket stays linked."""
        chosen = self.selected_items()
        if len(chosen) < 2:
            messages.info(self, self.tr("Select two or more items in “Items with most customers” to merge."))
            return
        keep, others = chosen[0], chosen[1:]
        text = self.tr("Merge {0} item(s) into “{1}”? Their tickets will all be linked to it.").format(
            len(others), keep[1])
        if not messages.confirm(self, text):
            return
        store = feedback_store(self.ctx)

        def merge() -> None:
            for item_id, _title, _customers in others:
                store.merge(keep[0], item_id)

        self.ctx.run_db(merge, on_done=lambda _r: self.refresh(),
                        on_error=lambda exc: messages.report_exception(self, exc), receiver=self)

    def edit_teams(self) -> None:
        dialog = TeamsDialog(self.teams or feedback_store(self.ctx).list_teams(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        store = feedback_store(self.ctx)
        wanted, removed = dialog.teams(), dialog.removed()

        def save():
            for key in removed:
                store.delete_team(key)
            for team in wanted:
                store.save_team(team)

        self.ctx.run_db(
            save,
            on_done=lambda _r: self.refresh(),
            on_error=lambda exc: messages.report_exception(self, exc),
            receiver=self,
        )

    def export_voice(self) -> None:
        end = day_of(self.end)
        name = f"{end.year}Q{(end.month - 1) // 3 + 1}"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the customer-voice report"),
            f"customer-voice-{name}.html",
            self.tr("Web page (*.html);;Markdown (*.md);;CSV (*.csv)"),
        )
        if path:
            self.write_voice(Path(path), name)

    def write_voice(self, path: Path, quarter_name: str) -> None:
        """Build the quarter's report off the GUI thread and save it in the format the file name says."""
        from cre_desk.core import voice, voice_export
        from cre_desk.db.voice import build_voice_report

        language = ui_language()
        fmt = {".md": "md", ".csv": "csv"}.get(path.suffix.lower(), "html")
        db, tz = self.ctx.tickets.db, self.ctx.tickets.calendar.tz

        def build() -> None:
            report = build_voice_report(db, voice.quarter(quarter_name), tz, language=language)
            renderers = {"md": voice_export.to_markdown, "csv": voice_export.to_csv}
            render = renderers.get(fmt, voice_export.to_html)
            text = render(report, language)
            safe_write.write_text(path, text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")

        run_in_background(
            build,
            on_done=lambda _r: self.summary.setText(
                self.tr("Saved the customer-voice report to {0}").format(path.name)
            ),
            on_error=lambda exc: messages.report_exception(self, exc),
            receiver=self,
        )
