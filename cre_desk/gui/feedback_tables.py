"""The feedback dashboard's tables: each figure becomes a cell or row that knows its tickets.

Filling the team x kind matrix and the anomaly, feature and item lists is the same whatever the dashboard
does around them (period, refresh, listing the tickets of a pick), so it is done here from the figures
alone. The words stay in the dashboard's translation context ("FeedbackDashboardView"), so the Japanese
catalogue needs no change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from cre_desk.core.feedback import KIND_ORDER, kind_label
from cre_desk.db.feedback_figures import FeedbackFigures
from cre_desk.gui.formatting import plain_tooltip

TICKETS_ROLE = Qt.ItemDataRole.UserRole + 11
TICKET_ROLE = Qt.ItemDataRole.UserRole + 12
ITEM_ROLE = Qt.ItemDataRole.UserRole + 13
CELL_ROLE = Qt.ItemDataRole.UserRole + 14
COUNT_ROLE = Qt.ItemDataRole.UserRole + 15


def table_view(model: QStandardItemModel, *, sortable: bool = True) -> QTableView:
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


def count_item(count: int, cell: tuple[str | None, str | None], label: str) -> QStandardItem:
    """A figure of the table; its tickets are read when it is picked (a year can hold thousands)."""
    item = QStandardItem(str(count) if count else "·")
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    item.setData(count, COUNT_ROLE)
    item.setData(cell, CELL_ROLE)
    item.setData(label, TICKET_ROLE)
    return item


def fill_matrix(model: QStandardItemModel, figures: FeedbackFigures, team_keys: list[str],
                team_name: Callable[[str], str], language: str) -> None:
    """Tickets by team (rows, with the teams not configured last) and kind (columns), with totals."""
    team_keys = list(team_keys)
    team_keys += sorted({t for t, _k in figures.cells} - set(team_keys), key=lambda k: (k == "", k))
    kinds = [str(k) for k in KIND_ORDER]
    model.clear()
    model.setHorizontalHeaderLabels(
        [kind_label(k, language, short=True) for k in kinds]
        + [QCoreApplication.translate("FeedbackDashboardView", "Total")]
    )
    for c, kind in enumerate(kinds):
        model.setHeaderData(c, Qt.Orientation.Horizontal, kind_label(kind, language),
                            Qt.ItemDataRole.ToolTipRole)
    model.setVerticalHeaderLabels([team_name(t) for t in team_keys]
                                  + [QCoreApplication.translate("FeedbackDashboardView", "Total")])
    peak = max(figures.cells.values(), default=0) or 1
    base = QColor("#3b82f6")
    for r, team in enumerate(team_keys):
        for c, kind in enumerate(kinds):
            count = figures.cells.get((team, kind), 0)
            item = count_item(
                count,
                (team, kind),
                QCoreApplication.translate("FeedbackDashboardView", "{0} · {1}").format(
                    team_name(team), kind_label(kind, language)),
            )
            if count:
                shade = QColor(base)
                shade.setAlphaF(0.12 + 0.6 * count / peak)
                item.setBackground(shade)
            model.setItem(r, c, item)
        row_total = sum(n for (t, _k), n in figures.cells.items() if t == team)
        model.setItem(r, len(kinds), count_item(row_total, (team, None), team_name(team)))
    for c, kind in enumerate(kinds):
        column_total = sum(n for (_t, k), n in figures.cells.items() if k == kind)
        model.setItem(len(team_keys), c, count_item(column_total, (None, kind), kind_label(kind, language)))
    model.setItem(len(team_keys), len(kinds), count_item(
        figures.total, (None, None), QCoreApplication.translate("FeedbackDashboardView", "All tickets")))


def fill_anomalies(model: QStandardItemModel, figures: FeedbackFigures, team_name: Callable[[str], str],
                   language: str) -> None:
    """One row per unusual week of a team and kind: the week, who, what, how many and the usual count."""
    model.removeRows(0, model.rowCount())
    for a in figures.anomalies:
        label = QCoreApplication.translate("FeedbackDashboardView", "{0} · {1}, week of {2}").format(
            team_name(a.team), kind_label(a.kind, language), a.week.isoformat()
        )
        week = QStandardItem(a.week.isoformat())
        week.setData(list(a.ticket_ids), TICKETS_ROLE)
        week.setData(label, TICKET_ROLE)
        tickets = QStandardItem()
        tickets.setData(a.count, Qt.ItemDataRole.DisplayRole)
        tickets.setForeground(QColor("#c0262d"))
        usual = QStandardItem()
        usual.setData(a.usual, Qt.ItemDataRole.DisplayRole)
        model.appendRow(
            [
                week,
                QStandardItem(team_name(a.team)),
                QStandardItem(kind_label(a.kind, language)),
                tickets,
                usual,
            ]
        )


def fill_groups(model: QStandardItemModel, groups, team_name: Callable[[str], str]) -> None:
    """One row per feature or shared item: its title, team, tickets and customers."""
    model.removeRows(0, model.rowCount())
    for g in groups:
        title = QStandardItem(g.title or QCoreApplication.translate("FeedbackDashboardView",
                                                                    "(not linked to a feature)"))
        title.setToolTip(plain_tooltip(g.title))
        title.setData(list(g.ticket_ids), TICKETS_ROLE)
        title.setData(g.title or team_name(g.team), TICKET_ROLE)
        if g.key.isdigit():
            title.setData(int(g.key), ITEM_ROLE)
        tickets, customers = QStandardItem(), QStandardItem()
        tickets.setData(g.tickets, Qt.ItemDataRole.DisplayRole)
        customers.setData(g.customers, Qt.ItemDataRole.DisplayRole)
        model.appendRow([title, QStandardItem(team_name(g.team)), tickets, customers])
