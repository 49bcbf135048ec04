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
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cre_desk.core.feedback import KIND_ORDER, ProductTeam, kind_label
from cre_desk.db.feedback_figures import FeedbackFigures, build_feedback_figures, ticket_titles, tickets_in
from cre_desk.gui import messages, theme
from cre_desk.gui.context import AppContext
from cre_desk.gui.feedback_tags import feedback_store
from cre_desk.gui.formatting import plain_tooltip, ui_language
from cre_desk.gui.period_range import day_of, show_last_days, utc_bounds
from cre_desk.gui.tasks import run_in_background

TICKETS_ROLE = Qt.ItemDataRole.UserRole + 11
TICKET_ROLE = Qt.ItemDataRole.UserRole + 12
ITEM_ROLE = Qt.ItemDataRole.UserRole + 13
CELL_ROLE = Qt.ItemDataRole.UserRole + 14
COUNT_ROLE = Qt.ItemDataRole.UserRole + 15
TEAM_COLOURS = ("#2563eb", "#dc2626", "#059669", "#7c3aed", "#d97706", "#0891b2", "#db2777", "#4b5563")


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
        self.matrix_view = self._table(self.matrix_model, sortable=False)
        self.matrix_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matrix_view.clicked.connect(self._show_tickets)
        self.matrix_view.doubleClicked.connect(self._open_first)
        self.trend_by = QComboBox()
        self.trend_by.addItem(self.tr("Weekly tickets by team"), "team")
        self.trend_by.addItem(self.tr("Weekly tickets by kind"), "kind")
        self.trend_by.activated.connect(lambda _i: self._draw_trend())
        self.trend = self._plot()

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
            view = self._table(model)
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
        self.tickets_view = self._table(self.tickets_model)
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

    def _table(self, model: QStandardItemModel, *, sortable: bool = True) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectItems
            if not sortable
            else QAbstractItemView.SelectionBehavior.SelectRows
        )
        view.setSortingEnabled(sortable)
        if sortable:
            view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _plot(self):
        import pyqtgraph as pg

        widget = pg.PlotWidget(background=None)
        widget.showGrid(x=False, y=True, alpha=0.25)
        widget.setMenuEnabled(False)
        widget.setMouseEnabled(x=False, y=False)
        widget.addLegend(offset=(-10, 4), colCount=3)
        return widget

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
        # team x kind
        team_keys = [t.key for t in teams]
        team_keys += sorted({t for t, _k in figures.cells} - set(team_keys), key=lambda k: (k == "", k))
        kinds = [str(k) for k in KIND_ORDER]
        self.matrix_model.clear()
        self.matrix_model.setHorizontalHeaderLabels(
            [kind_label(k, language, short=True) for k in kinds] + [self.tr("Total")]
        )
        for c, kind in enumerate(kinds):
            self.matrix_model.setHeaderData(c, Qt.Orientation.Horizontal, kind_label(kind, language),
                                            Qt.ItemDataRole.ToolTipRole)
        self.matrix_model.setVerticalHeaderLabels([self.team_name(t) for t in team_keys] + [self.tr("Total")])
        peak = max(figures.cells.values(), default=0) or 1
        base = QColor("#3b82f6")
        for r, team in enumerate(team_keys):
            for c, kind in enumerate(kinds):
                count = figures.cells.get((team, kind), 0)
                item = self._count_item(
                    count,
                    (team, kind),
                    self.tr("{0} · {1}").format(self.team_name(team), kind_label(kind, language)),
                )
                if count:
                    shade = QColor(base)
                    shade.setAlphaF(0.12 + 0.6 * count / peak)
                    item.setBackground(shade)
                self.matrix_model.setItem(r, c, item)
            row_total = sum(n for (t, _k), n in figures.cells.items() if t == team)
            self.matrix_model.setItem(
                r, len(kinds), self._count_item(row_total, (team, None), self.team_name(team))
            )
        for c, kind in enumerate(kinds):
            column_total = sum(n for (_t, k), n in figures.cells.items() if k == kind)
            self.matrix_model.setItem(
                len(team_keys), c, self._count_item(column_total, (None, kind), kind_label(kind, language))
            )
        self.matrix_model.setItem(
            len(team_keys), len(kinds), self._count_item(figures.total, (None, None), self.tr("All tickets"))
        )
        self.matrix_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # lists
        self.anomaly_model.removeRows(0, self.anomaly_model.rowCount())
        for a in figures.anomalies:
            label = self.tr("{0} · {1}, week of {2}").format(
                self.team_name(a.team), kind_label(a.kind, language), a.week.isoformat()
            )
            week = QStandardItem(a.week.isoformat())
            week.setData(list(a.ticket_ids), TICKETS_ROLE)
            week.setData(label, TICKET_ROLE)
            tickets = QStandardItem()
            tickets.setData(a.count, Qt.ItemDataRole.DisplayRole)
            tickets.setForeground(QColor("#c0262d"))
            usual = QStandardItem()
            usual.setData(a.usual, Qt.ItemDataRole.DisplayRole)
            self.anomaly_model.appendRow(
                [
                    week,
                    QStandardItem(self.team_name(a.team)),
                    QStandardItem(kind_label(a.kind, language)),
                    tickets,
                    usual,
                ]
            )
        for model, groups in (
            (self.confusion_model, figures.confusions),
            (self.item_model, figures.top_items),
        ):
            model.removeRows(0, model.rowCount())
            for g in groups:
                title = QStandardItem(g.title or self.tr("(not linked to a feature)"))
                title.setToolTip(plain_tooltip(g.title))
                title.setData(list(g.ticket_ids), TICKETS_ROLE)
                title.setData(g.title or self.team_name(g.team), TICKET_ROLE)
                if g.key.isdigit():
                    title.setData(int(g.key), ITEM_ROLE)
                tickets, customers = QStandardItem(), QStandardItem()
                tickets.setData(g.tickets, Qt.ItemDataRole.DisplayRole)
                customers.setData(g.customers, Qt.ItemDataRole.DisplayRole)
                model.appendRow([title, QStandardItem(self.team_name(g.team)), tickets, customers])
        self.anomaly_view.resizeColumnsToContents()
        self._draw_trend()

    def _count_item(self, count: int, cell: tuple[str | None, str | None], label: str) -> QStandardItem:
        """A figure of the table; its tickets are read when it is picked (a year can hold thousands)."""
        item = QStandardItem(str(count) if count else "·")
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setData(count, COUNT_ROLE)
        item.setData(cell, CELL_ROLE)
        item.setData(label, TICKET_ROLE)
        return item

    def _draw_trend(self) -> None:
        import pyqtgraph as pg

        plot = self.trend
        plot.clear()
        figures = self.figures
        title = self.trend_by.currentText()
        plot.setTitle(title, color=theme.chart_text_colour(self._dark()), size="10pt")
        if figures is None or not figures.weeks:
            return
        by = self.trend_by.currentData()
        language = ui_language()
        series: dict[str, list[int]] = {}
        for (team, kind), per_week in figures.weekly.items():
            key = team if by == "team" else kind
            values = series.setdefault(key, [0] * len(figures.weeks))
            for n, week in enumerate(figures.weeks):
                values[n] += per_week.get(week, 0)
        # a team (or kind) keeps its colour and place in the stack whatever the period
        fixed = [t.key for t in self.teams] + [""] if by == "team" else [str(k) for k in KIND_ORDER]
        order = [k for k in fixed if k in series] + sorted(k for k in series if k not in fixed)
        xs = list(range(len(figures.weeks)))
        base = [0] * len(xs)
        for n, key in enumerate(order):
            name = self.team_name(key) if by == "team" else kind_label(key, language, short=True)
            colour = TEAM_COLOURS[(fixed.index(key) if key in fixed else n) % len(TEAM_COLOURS)]
            bars = pg.BarGraphItem(x=xs, y0=list(base), height=series[key], width=0.75, brush=colour,
                                   pen=pg.mkPen(None), name=name)
            plot.addItem(bars)
            base = [b + v for b, v in zip(base, series[key], strict=True)]
        for a in figures.anomalies:
            if a.week in figures.weeks:
                x = figures.weeks.index(a.week)
                marker = pg.ScatterPlotItem([x], [base[x] + 0.7], symbol="t", size=14, brush="#c0262d",
                                            pen=pg.mkPen("#7f1d1d"))
                plot.addItem(marker)
        plot.setYRange(0, max(max(base, default=0), 1) * 1.45 + 1, padding=0)  # room for the legend on top
        step = max(1, len(figures.weeks) // 8)
        plot.getAxis("bottom").setTicks(
            [[(n, w.strftime("%m-%d")) for n, w in enumerate(figures.weeks) if n % step == 0]]
        )

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
            path.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")

        run_in_background(
            build,
            on_done=lambda _r: self.summary.setText(
                self.tr("Saved the customer-voice report to {0}").format(path.name)
            ),
            on_error=lambda exc: messages.report_exception(self, exc),
            receiver=self,
        )


class TeamsDialog(QDialog):
    """A lead's table of product teams: key, names, and the symptoms, checklist items and words of each."""

    COLUMNS = ("key", "name", "name_ja", "symptoms", "checklist_items", "keywords")

    def __init__(self, teams: list[ProductTeam], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Product teams"))
        self._original = {t.key for t in teams}
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Key"),
                self.tr("Name"),
                self.tr("Name (Japanese)"),
                self.tr("Symptoms"),
                self.tr("Checklist items"),
                self.tr("Feature words"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        for team in teams:
            self._add_row(team)
        self.table.resizeColumnsToContents()
        add = QPushButton(self.tr("Add team"))
        add.clicked.connect(lambda: self._add_row(ProductTeam(key="", name="")))
        remove = QPushButton(self.tr("Remove team"))
        remove.setToolTip(self.tr("Its tickets keep their kind and become untagged by team"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        note = QLabel(self.tr("Lists are comma-separated. Checklist items match by the start of their key."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(980, 420)

    def _add_row(self, team: ProductTeam) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        values = (
            team.key,
            team.name,
            team.name_ja,
            ", ".join(team.symptoms),
            ", ".join(team.checklist_items),
            ", ".join(team.keywords),
        )
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c == 0 and team.key:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)  # tickets store the key
            self.table.setItem(r, c, item)

    def teams(self) -> list[ProductTeam]:
        out = []
        for r in range(self.table.rowCount()):
            cells = [_text(self.table.item(r, c)) for c in range(6)]
            if not cells[0].strip() and not cells[1].strip():
                continue

            def split(text: str) -> tuple[str, ...]:
                return tuple(p.strip() for p in text.split(",") if p.strip())

            out.append(
                ProductTeam(
                    key=cells[0] or cells[1],
                    name=cells[1] or cells[0],
                    name_ja=cells[2],
                    symptoms=split(cells[3]),
                    checklist_items=split(cells[4]),
                    keywords=split(cells[5]),
                    position=r,
                )
            )
        return out

    def removed(self) -> list[str]:
        kept = {t.key for t in self.teams()}
        return sorted(self._original - kept)


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""
