"""The lead dashboard: figures for a period, drill-down to a ticket, CSV export; clocks in the queue."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields


def _history(ctx):
    svc = ctx.tickets
    now = svc.clock()
    made = []
    for n, (category, hours) in enumerate([("spec_question", 3), ("spec_question", 5), ("troubleshooting", 30)]):
        created = now - timedelta(days=20 - n)
        t = svc.create_ticket(TicketFields(title=f"Resolved {n}", category=category, assignee="Aki Sato"),
                              created_at=created)
        svc.change_status(t.id, "solved", at=created + timedelta(hours=hours))
        made.append(t)
    late = svc.create_ticket(TicketFields(title="Push still failing", category="troubleshooting",
                                          assignee="Ben Ito"), created_at=now - timedelta(days=30))
    return made, late


def test_dashboard_shows_period_figures_opens_tickets_and_exports(qtbot, window, ctx, tmp_path):
    _made, late = _history(ctx)
    window.queue.reload()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() >= 1)
    window.show_dashboard()
    board = window.tool_windows.dashboard
    qtbot.waitUntil(lambda: board.report is not None and board.report.resolved == 3, timeout=10000)
    categories = board.group_models["category"]
    keys = {categories.item(r, 0).text(): categories.item(r, 1).data(0) for r in range(categories.rowCount())}
    assert keys == {"Spec question": 2, "Troubleshooting": 1}
    assert board.risk_model.rowCount() == 1
    assert board.risk_model.item(0, 1).text() == f"#{late.id} Push still failing"
    # Drill down: double-click opens the ticket in the main window.
    board._open_ticket(board.risk_model.index(0, 1))
    qtbot.waitUntil(lambda: window.pane.ticket is not None and window.pane.ticket.id == late.id)
    # A period with nothing resolved.
    board.start.setDate(QDate(2020, 1, 1))
    board.end.setDate(QDate(2020, 1, 31))
    board.refresh()
    qtbot.waitUntil(lambda: board.report.resolved == 0, timeout=10000)
    assert categories.rowCount() == 0
    board.period.setCurrentIndex(1)
    board._on_period()
    qtbot.waitUntil(lambda: board.report.resolved == 3, timeout=10000)
    target = tmp_path / "figures.csv"
    board.write_csv(target)
    text = target.read_text(encoding="utf-8-sig")
    assert text.startswith("group,key,resolved") and "Push still failing" in text


def test_queue_shows_time_left_and_sorts_closest_to_breach_first(qtbot, window, ctx):
    svc = ctx.tickets
    now = svc.clock()
    svc.create_ticket(TicketFields(title="Fresh", category="troubleshooting"), created_at=now)
    svc.create_ticket(TicketFields(title="Overdue", category="troubleshooting"), created_at=now - timedelta(days=20))
    paused = svc.create_ticket(TicketFields(title="Waiting", category="troubleshooting"),
                               created_at=now - timedelta(days=25))
    svc.change_status(paused.id, "waiting_customer")
    window.queue.reload()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 3)
    column = window.queue.model.COLUMNS.index("due")
    window.queue.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    titles = [window.queue.proxy.index(r, 1).data() for r in range(3)]
    assert titles == ["Overdue", "Fresh", "Waiting"]
    texts = {window.queue.proxy.index(r, 1).data(): window.queue.proxy.index(r, column).data() for r in range(3)}
    assert texts["Overdue"].startswith("overdue") and texts["Fresh"].startswith("in ")
    assert texts["Waiting"] == "paused"


def test_ticket_header_shows_running_clocks(qtbot, window, ctx):
    svc = ctx.tickets
    ticket = svc.create_ticket(TicketFields(title="Spec", category="spec_question"))
    open_ticket(qtbot, window, ticket.id)
    text = window.pane.clocks.text()
    assert "No response yet" in text and "business h" in text
