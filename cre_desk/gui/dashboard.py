"""The lead dashboard: resolution medians and p90 against targets, trends, pauses and tickets at risk.

Figures come from ``cre_desk.db.reports`` (stored clocks, so a large team's quarter answers at once);
computing runs off the GUI thread. Double-clicking a ticket opens it in the main window.

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
    QFileDialog,
    QHeaderView,
    QTableView,
    QWidget,
)

from cre_desk import safe_write
from cre_desk.core import timers
from cre_desk.core.vocabulary import Category, PauseReason
from cre_desk.db import reports
from cre_desk.gui import messages, theme
from cre_desk.gui.context import AppContext
from cre_desk.gui.formatting import due_explanation, due_text, local_time, plain_tooltip, vocab
from cre_desk.gui.forms.ui_dashboard import Ui_DashboardView
from cre_desk.gui.period_range import show_last_days, utc_bounds
from cre_desk.gui.tasks import run_in_background

TICKET_ROLE = Qt.ItemDataRole.UserRole + 1
CATEGORY_COLOURS = {"spec_question": "#2563eb", "troubleshooting": "#dc2626", "bug": "#7c3aed",
                    "feature_request": "#059669"}


def _hours(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _vocab_or(key: str) -> str:
    for enum in (Category, PauseReason):
        try:
            return vocab(enum(key))
        except ValueError:
            continue
    return key


class DashboardView(QWidget):
    open_ticket = Signal(int)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: reports.Report | None = None
        # The frame and its texts live in ui/dashboard.ui; charts, tables and period choices are added here.
        self.ui = ui = Ui_DashboardView()
        ui.setupUi(self)
        self.period, self.start, self.end, self.summary = ui.period, ui.start, ui.end, ui.summary
        self.refresh_button, self.export_button = ui.refresh_button, ui.export_button
        self.group_tabs = ui.group_tabs

        for days, label in ((7, self.tr("Last 7 days")), (28, self.tr("Last 4 weeks")),
                            (91, self.tr("Last 13 weeks")), (365, self.tr("Last 12 months")), (0, self.tr("Custom"))):
            self.period.addItem(label, days)
        self.period.setCurrentIndex(1)
        self.period.activated.connect(self._on_period)
        today = QDate.currentDate()
        self.start.setDate(today.addDays(-27))
        self.end.setDate(today)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self._custom())
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export_csv)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary.setFont(font)

        self.group_models: dict[str, QStandardItemModel] = {}
        names = {"category": self.tr("Category"), "team": self.tr("Team"), "assignee": self.tr("Engineer"),
                 "sdk_name": self.tr("SDK"), "platform": self.tr("Platform")}
        for group in reports.GROUPS:
            model = QStandardItemModel(0, 7, self)
            model.setHorizontalHeaderLabels([names[group], self.tr("Resolved"), self.tr("Median h"),
                                             self.tr("p90 h"), self.tr("1st reply h"), self.tr("In target"),
                                             self.tr("Target h")])
            for column, tip in ((2, self.tr("Median business hours to resolution")),
                                (3, self.tr("90% of tickets were resolved within this many business hours")),
                                (4, self.tr("Median business hours to the first reply")),
                                (5, self.tr("Share of tickets resolved within their target")),
                                (6, self.tr("The category's target, in business hours"))):
                model.setHeaderData(column, Qt.Orientation.Horizontal, tip, Qt.ItemDataRole.ToolTipRole)
            model.setSortRole(Qt.ItemDataRole.UserRole)
            self.group_models[group] = model
            self.group_tabs.addTab(self._table(model), names[group])

        self.trend = self._plot(self.tr("Weekly median resolution (business hours)"))
        self.pauses = self._plot(self.tr("Paused time by reason (business hours)"))
        self.pauses.setToolTip(self.tr("Business hours paused, by reason: tickets resolved in the period and "
                                       "tickets still open, whose pauses count up to now"))

        self.risk_model = QStandardItemModel(0, 5, self)
        self.risk_model.setHorizontalHeaderLabels([self.tr("State"), self.tr("Ticket"), self.tr("Category"),
                                                   self.tr("Engineer"), self.tr("Due")])
        self.risk_view = self._table(self.risk_model)
        self.risk_view.doubleClicked.connect(self._open_ticket)
        self.risk_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        ui.charts.addWidget(self.trend)
        ui.charts.addWidget(self.pauses)
        ui.charts.setSizes([600, 400])
        ui.risk_layout.addWidget(self.risk_view)
        ui.lower.setSizes([660, 520])
        ui.body.setSizes([300, 380])

    def changeEvent(self, event) -> None:  # noqa: N802
        """Dark or light chosen in Settings: chart titles follow the new palette at once."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "pauses"):
            from PySide6.QtWidgets import QApplication

            app = QApplication.instance()
            dark = bool(app is not None and app.property("cre_desk_dark"))
            for plot in (self.trend, self.pauses):
                plot.setTitle(plot.property("chart_title"), color=theme.chart_text_colour(dark), size="10pt")
                plot.resetCachedContent()   # the chart caches its background, painted in the old palette
                plot.viewport().update()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        """Escape closes the dashboard window as it closes a dialog (keys no child used arrive here)."""
        if event.key() == Qt.Key.Key_Escape and self.isWindow():
            self.close()
            return
        super().keyPressEvent(event)

    # -- building blocks --------------------------------------------------------------------------

    def _table(self, model: QStandardItemModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSortingEnabled(True)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _plot(self, title: str):
        import pyqtgraph as pg
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        dark = bool(app is not None and app.property("cre_desk_dark"))
        widget = pg.PlotWidget(background=None)
        widget.setTitle(title, color=theme.chart_text_colour(dark), size="10pt")
        widget.setProperty("chart_title", title)
        widget.showGrid(x=False, y=True, alpha=0.25)
        widget.setMenuEnabled(False)
        widget.setMouseEnabled(x=False, y=False)
        widget.addLegend(offset=(10, 10))
        return widget

    # -- period -----------------------------------------------------------------------------------

    def _on_period(self) -> None:
        days = self.period.currentData()
        if days:
            show_last_days(self.start, self.end, days)
            self.refresh()

    def _custom(self) -> None:
        self.period.setCurrentIndex(self.period.findData(0))

    def period_bounds(self) -> tuple[datetime, datetime]:
        return utc_bounds(self.start, self.end, self.ctx.tickets.calendar.tz)

    # -- figures ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        start, end = self.period_bounds()
        if end <= start:
            self.summary.setText(self.tr("The period ends before it starts."))
            return
        self.summary.setText(self.tr("Computing…"))
        db, calendar, now = self.ctx.tickets.db, self.ctx.tickets.calendar, self.ctx.tickets.clock()
        run_in_background(reports.build_report, db, start, end, now=now, calendar=calendar,
                          on_done=self.show_report, receiver=self)

    def show_report(self, report: reports.Report) -> None:
        self.report = report
        by_category = {s.key: s for s in report.groups.get("category", [])}
        parts = [self.tr("%n ticket(s) resolved", "", report.resolved)]
        for key in ("spec_question", "troubleshooting"):
            stat = by_category.get(key)
            if stat is not None and stat.median_h is not None:
                within = f"{stat.within_target:.0%}" if stat.within_target is not None else "–"
                parts.append(self.tr("{0}: median {1} h (target {2} h), {3} within target").format(
                    vocab(Category(key)), _hours(stat.median_h), _hours(stat.target_h), within))
        parts.append(self.tr("{0} open, {1} paused, {2} at risk, {3} past target").format(
            report.open_count, report.paused_count, len(report.at_risk), len(report.breached)))
        self.summary.setText(" · ".join(parts))
        for group, model in self.group_models.items():
            model.removeRows(0, model.rowCount())
            for stat in report.groups.get(group, []):
                key = _vocab_or(stat.key) if group == "category" else stat.key
                cells = [key, stat.count, stat.median_h, stat.p90_h, stat.first_response_median_h,
                         stat.within_target, stat.target_h]
                row = []
                for n, value in enumerate(cells):
                    item = QStandardItem()
                    if isinstance(value, float) and n == 5:
                        item.setText(f"{value:.0%}")
                    elif isinstance(value, float) and n:
                        item.setText(_hours(value))     # one decimal everywhere, as in the summary line
                    elif isinstance(value, int) and n:
                        item.setData(value, Qt.ItemDataRole.DisplayRole)
                    else:
                        item.setText("–" if value is None else str(value))
                    # the sort role: numbers sort as numbers
                    item.setData(-1.0 if value is None else value, Qt.ItemDataRole.UserRole)
                    if n == 2 and stat.target_h is not None and stat.median_h is not None and \
                            stat.median_h > stat.target_h:
                        item.setForeground(QColor("#c0262d"))
                    row.append(item)
                model.appendRow(row)
        self._draw_trend(report)
        self._draw_pauses(report)
        self.risk_model.removeRows(0, self.risk_model.rowCount())
        for state, items in ((self.tr("past target"), report.breached), (self.tr("at risk"), report.at_risk)):
            for t in items:
                first = QStandardItem(state)
                first.setData(t.ticket_id, TICKET_ROLE)
                first.setForeground(QColor("#c0262d" if items is report.breached else "#b45309"))
                title = QStandardItem(f"#{t.ticket_id} {t.title}")
                title.setData(t.ticket_id, TICKET_ROLE)
                title.setToolTip(plain_tooltip(title.text()))
                # The queue's words for the same figure: 'overdue 0.3 h' or 'in 2.5 h'.
                if items is report.breached:
                    due = timers.Due(timers.BREACHED, left_business_s=-(t.overdue_h or 0.0) * 3600)
                else:
                    due = timers.Due(timers.AT_RISK, left_business_s=(t.left_h or 0.0) * 3600)
                due_item = QStandardItem(due_text(due))
                when = (self.tr("Deadline: {0}").format(local_time(t.deadline)) + "\n") if t.deadline else ""
                due_item.setToolTip(when + due_explanation(self.ctx.tickets.calendar.name))
                self.risk_model.appendRow([first, title, QStandardItem(_vocab_or(t.category)),
                                           QStandardItem(t.assignee), due_item])
        self._fit_columns()

    def _tables(self) -> list[QTableView]:
        groups = [self.group_tabs.widget(i) for i in range(self.group_tabs.count())]
        return [*(view for view in groups if isinstance(view, QTableView)), self.risk_view]

    def _fit_columns(self) -> None:
        """Columns as wide as their longest text (Japanese labels are wider than the header guessed)."""
        for view in self._tables():
            header = view.horizontalHeader()
            for column in range(view.model().columnCount() - 1):   # the last one takes the rest
                if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
                    view.resizeColumnToContents(column)

    def _draw_trend(self, report: reports.Report) -> None:
        import pyqtgraph as pg

        plot = self.trend
        plot.clear()
        weeks = sorted({w["week"] for w in report.weekly})
        index = {week: n for n, week in enumerate(weeks)}
        by_category: dict[str, list[tuple[int, float]]] = {}
        for w in report.weekly:
            if w["median_h"] is not None:
                by_category.setdefault(w["category"], []).append((index[w["week"]], w["median_h"]))
        for category, points in sorted(by_category.items()):
            colour = CATEGORY_COLOURS.get(category, "#64748b")
            xs, ys = zip(*points, strict=True)
            plot.plot(list(xs), list(ys), pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=6,
                      symbolBrush=colour, name=_vocab_or(category))
            target = next((s.target_h for s in report.groups.get("category", []) if s.key == category), None)
            if target is not None:
                plot.addLine(y=target, pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine))
        axis = plot.getAxis("bottom")
        step = max(1, len(weeks) // 8)
        axis.setTicks([[(n, week[5:]) for n, week in enumerate(weeks) if n % step == 0]])

    def _draw_pauses(self, report: reports.Report) -> None:
        import pyqtgraph as pg

        plot = self.pauses
        plot.clear()
        reasons = list(reports.PAUSE_COLUMNS)
        values = [report.pauses_h.get(r, 0.0) for r in reasons]
        bars = pg.BarGraphItem(x=list(range(len(reasons))), height=values, width=0.6, brush="#6366f1")
        plot.addItem(bars)
        short = {"customer_log": self.tr("Customer log"), "engineering": self.tr("Engineering"),
                 "app_release": self.tr("App release"), "other": self.tr("Other")}
        plot.getAxis("bottom").setTicks([[(n, short.get(r, r)) for n, r in enumerate(reasons)]])

    # -- actions ----------------------------------------------------------------------------------

    def _open_ticket(self, index) -> None:
        ticket_id = index.siblingAtColumn(0).data(TICKET_ROLE)
        if ticket_id is not None:
            self.open_ticket.emit(int(ticket_id))

    def export_csv(self) -> None:
        if self.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export figures"),
                                              f"cre-desk-report-{self.start.date().toString('yyyyMMdd')}.csv",
                                              self.tr("CSV (*.csv)"))
        if path:
            self.write_csv(Path(path))

    def write_csv(self, path: Path) -> None:
        """The group table and the at-risk list, one after the other, as a spreadsheet opens them."""
        try:
            safe_write.write_text(path, self.report.to_csv() + "\n" + self.report.open_tickets_csv(),
                                  encoding="utf-8-sig")
        except OSError as exc:
            messages.report_exception(self, exc)
            return
        self.summary.setText(self.tr("Exported to {0}").format(path.name))
