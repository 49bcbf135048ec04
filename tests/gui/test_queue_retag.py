"""Bulk re-tagging in the queue: select several tickets, set a team or kind for all of them after a
confirmation that says how many change; the open ticket, the queue and the feedback dashboard follow."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QItemSelectionModel

from cre_desk.core.tickets import TicketFields
from cre_desk.db.feedback import FeedbackStore


def _tickets(ctx) -> list[int]:
    return [
        ctx.tickets.create_ticket(
            TicketFields(title=f"Quiet hours request {n}", customer="Acme", category="feature_request"),
            actor="aki",
            created_at=ctx.tickets.clock() - timedelta(days=3),
        ).id
        for n in range(3)
    ]


def _select(view, ticket_ids) -> None:
    selection = view.table.selectionModel()
    selection.clear()
    for row in range(view.proxy.rowCount()):
        index = view.proxy.index(row, 0)
        if view.model.ticket_at(view.proxy.mapToSource(index).row()).id in ticket_ids:
            selection.select(
                index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )


def test_selected_tickets_get_a_team_after_a_confirmation_with_the_count(qtbot, window, ctx, monkeypatch):
    made = _tickets(ctx)
    store = FeedbackStore(ctx.workspace.db)
    store.confirm(made[2], team="push", kind="missing_feature")
    view = window.queue
    view.reload()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    _select(view, made)
    assert sorted(view.selected_ticket_ids()) == sorted(made)
    # answered "no": nothing changes
    asked: list[str] = []
    from cre_desk.gui import messages

    answer = {"yes": False}
    monkeypatch.setattr(
        messages.Dialogs,
        "confirm",
        staticmethod(lambda parent, title, text: asked.append(text) or answer["yes"]),
    )
    view.retag_selected(team="push")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10000)
    assert "Set “Push” on 2 ticket(s)?" in asked[0] and "1 selected ticket(s) already" in asked[0]
    assert store.tag_of(made[0]).team == ""
    # answered "yes": the two change; the open dashboard counts them
    window.show_feedback_dashboard()
    board = window.tool_windows.feedback_dashboard
    qtbot.waitUntil(lambda: board.figures is not None, timeout=10000)
    assert board.figures.count("push", "missing_feature") == 1
    answer["yes"] = True
    retagged: list = []
    view.retagged.connect(retagged.append)
    view.retag_selected(team="push")
    qtbot.waitUntil(lambda: bool(retagged), timeout=10000)
    assert sorted(retagged[0]) == sorted(made[:2])
    assert {store.tag_of(t).team for t in made} == {"push"}
    qtbot.waitUntil(lambda: board.figures.count("push", "missing_feature") == 3, timeout=10000)


def test_a_kind_of_another_category_changes_the_open_tickets_category(qtbot, window, ctx, dialogs):
    made = _tickets(ctx)
    dialogs.answers["confirm"] = True
    view = window.queue
    view.reload()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    view.select_ticket(made[0])
    qtbot.waitUntil(lambda: window.pane.ticket is not None and window.pane.ticket.id == made[0])
    _select(view, made[:2])
    view.retag_selected(kind="hidden_feature")
    qtbot.waitUntil(lambda: window.pane.ticket.fields.category == "spec_question", timeout=10000)
    assert window.pane.overview.category.currentData() == "spec_question"
    store = FeedbackStore(ctx.workspace.db)
    assert [store.tag_of(t).kind for t in made] == ["hidden_feature", "hidden_feature", "missing_feature"]


def test_the_dialog_sets_team_and_kind_together_or_keeps_either(qtbot, ctx):
    from cre_desk.gui.retag_dialog import RetagDialog

    teams = FeedbackStore(ctx.workspace.db).list_teams()
    dialog = RetagDialog(teams, 4)
    qtbot.addWidget(dialog)
    assert dialog.choice() == (None, None)
    dialog.team.setCurrentIndex(dialog.team.findData("dashboard"))
    assert dialog.choice() == ("dashboard", None)
    dialog.kind.setCurrentIndex(dialog.kind.findData("unclear_feature"))
    dialog.team.setCurrentIndex(dialog.team.findData(""))
    assert dialog.choice() == ("", "unclear_feature")


def test_the_shortcut_is_on_the_ticket_menu(window):
    assert window.act_retag.shortcut().toString() == "Ctrl+Shift+T"
    assert window.act_retag.isEnabled()
