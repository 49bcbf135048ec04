"""The product-feedback dashboard: team x kind counts, the tickets behind a cell, double-click opens a
ticket, teams edited by a lead, and the customer-voice report saved from it."""

from __future__ import annotations

from datetime import timedelta

from cre_desk.core.feedback import KIND_ORDER
from cre_desk.core.tickets import TicketFields
from cre_desk.db.feedback import FeedbackStore


def _tickets(ctx):
    store = FeedbackStore(ctx.workspace.db)
    now = ctx.tickets.clock()
    item = store.create_item("request", "Quiet hours for push")
    made = []
    for n, (category, kind, team, customer) in enumerate(
        [
            ("feature_request", "missing_feature", "push", "Acme"),
            ("feature_request", "missing_feature", "push", "Beta"),
            ("bug", "bug", "sdk_platform", "Acme"),
            ("spec_question", "unclear_feature", "in_app_messaging", "Gamma <b>Corp</b>"),
        ]
    ):
        t = ctx.tickets.create_ticket(
            TicketFields(title=f"Ticket {n}", customer=customer, category=category, goal="=1+1"),
            created_at=now - timedelta(days=3 + n),
        )
        store.confirm(t.id, team=team, kind=kind)
        if kind == "missing_feature":
            store.link(t.id, item.id)
        made.append(t.id)
    return made


def test_matrix_lists_and_opening_tickets(qtbot, window, ctx, tmp_path):
    made = _tickets(ctx)
    window.queue.reload()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() >= 4)
    window.show_feedback_dashboard()
    board = window.tool_windows.feedback_dashboard
    qtbot.waitUntil(lambda: board.figures is not None, timeout=10000)
    assert board.figures.total == 4
    kinds = [str(k) for k in KIND_ORDER]
    model = board.matrix_model
    rows = {model.verticalHeaderItem(r).text(): r for r in range(model.rowCount())}
    cell = model.index(rows["Push"], kinds.index("missing_feature"))
    assert cell.data() == "2"
    assert model.index(rows["Total"], len(kinds)).data() == "4"
    board._show_tickets(cell)
    qtbot.waitUntil(lambda: board.tickets_model.rowCount() == 2, timeout=10000)
    from cre_desk.gui.feedback_tables import TICKET_ROLE

    listed = {board.tickets_model.item(r).data(TICKET_ROLE) for r in range(2)}
    assert listed == {made[0], made[1]}
    texts = {board.tickets_model.item(r).text() for r in range(2)}
    assert texts == {f"#{made[0]} Ticket 0", f"#{made[1]} Ticket 1"}
    # the row total lists the team's tickets of every kind
    board._show_tickets(model.index(rows["Push"], len(kinds)))
    qtbot.waitUntil(lambda: board.tickets_title.text().startswith("Push: 2"), timeout=10000)
    assert board.item_model.rowCount() == 1
    assert board.item_model.item(0, 0).text() == "Quiet hours for push"
    assert board.item_model.item(0, 3).data(0) == 2
    assert board.confusion_model.rowCount() == 1
    # double-click a cell: its tickets are listed and the first opens in the main window
    board._open_first(model.index(rows["SDK platform"], kinds.index("bug")))
    qtbot.waitUntil(lambda: window.pane.ticket is not None and window.pane.ticket.id == made[2])
    # the customer-voice report of the current quarter, as a page
    page = tmp_path / "voice.html"
    end = board.end.date().toPython()
    board.write_voice(page, f"{end.year}Q{(end.month - 1) // 3 + 1}")
    qtbot.waitUntil(page.exists, timeout=10000)
    text = page.read_text(encoding="utf-8")
    assert "Quiet hours for push" in text and "<b>Corp</b>" not in text


def test_lead_adds_and_removes_a_team(qtbot, window, ctx):
    from cre_desk.gui.feedback_teams_dialog import TeamsDialog

    store = FeedbackStore(ctx.workspace.db)
    dialog = TeamsDialog(store.list_teams())
    qtbot.addWidget(dialog)
    dialog._add_row(store.list_teams()[0].__class__(key="", name=""))
    last = dialog.table.rowCount() - 1
    from PySide6.QtWidgets import QTableWidgetItem

    dialog.table.setItem(last, 1, QTableWidgetItem("Web SDK"))
    dialog.table.setItem(last, 5, QTableWidgetItem("browser, service worker"))
    dialog.table.removeRow(0)
    assert dialog.removed() == ["in_app_messaging"]
    for key in dialog.removed():
        store.delete_team(key)
    for team in dialog.teams():
        store.save_team(team)
    keys = [t.key for t in store.list_teams()]
    assert "web_sdk" in keys and "in_app_messaging" not in keys
    assert store.list_teams()[-1].keywords == ("browser", "service worker")


def test_an_older_refresh_finishing_late_does_not_replace_the_newer_period(qtbot, window, ctx):
    _tickets(ctx)
    window.show_feedback_dashboard()
    board = window.tool_windows.feedback_dashboard
    qtbot.waitUntil(lambda: board.figures is not None, timeout=10000)
    shown = board.figures
    from cre_desk.db.feedback_figures import FeedbackFigures

    stale = FeedbackFigures(start=shown.start, end=shown.end, total=999)
    board._on_figures(board._request - 1, (stale, board.teams))
    assert board.figures is shown and board.figures.total == 4


def test_merging_two_items_from_the_dashboard_keeps_every_ticket(qtbot, window, ctx, dialogs):
    from PySide6.QtCore import QItemSelectionModel

    made = _tickets(ctx)
    store = FeedbackStore(ctx.workspace.db)
    twin = store.create_item("request", "Do not disturb hours")
    extra = ctx.tickets.create_ticket(TicketFields(title="DND", customer="Delta", category="feature_request"),
                                      created_at=ctx.tickets.clock() - timedelta(days=1))
    store.link(extra.id, twin.id)
    window.show_feedback_dashboard()
    board = window.tool_windows.feedback_dashboard
    qtbot.waitUntil(lambda: board.figures is not None and board.item_model.rowCount() == 2, timeout=10000)
    selection = board.item_view.selectionModel()
    for row in range(2):
        selection.select(board.item_model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    dialogs.answers["confirm"] = True
    board.merge_selected()
    qtbot.waitUntil(lambda: board.item_model.rowCount() == 1, timeout=10000)
    (item,) = store.list_items()
    assert item.title == "Quiet hours for push" and item.customers == 3
    assert store.tickets_of(item.id) == sorted([made[0], made[1], extra.id])
