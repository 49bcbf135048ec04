"""Team and kind on the Overview: the suggestion, one-click confirm (changing the category when the kind
needs it, through the normal save), and linking the ticket to a shared request."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields
from cre_desk.db.feedback import FeedbackStore


def test_accept_suggestion_then_confirm_a_kind_of_another_category(qtbot, window, ctx):
    ticket = ctx.tickets.create_ticket(
        TicketFields(
            title="Is there a way to send pushes only in the daytime?",
            symptom="how_to",
            category="spec_question",
            asked="Is there a way to stop push notifications at night? We didn't know.",
        )
    )
    window.queue.reload()
    open_ticket(qtbot, window, ticket.id)
    box = window.pane.feedback_tags
    qtbot.waitUntil(lambda: box.isEnabled() and box.suggested is not None, timeout=10000)
    assert (box.suggested.team, box.suggested.kind) == ("push", "hidden_feature")
    assert "Push" in box.suggestion.text() and box.state.text() == "Not confirmed yet"
    qtbot.mouseClick(box.accept_button, Qt.MouseButton.LeftButton)
    store = FeedbackStore(ctx.workspace.db)
    qtbot.waitUntil(lambda: store.tag_of(ticket.id).confirmed, timeout=10000)
    tag = store.tag_of(ticket.id)
    assert (tag.team, tag.kind, tag.confirmed_by) == ("push", "hidden_feature", "Aki Sato")
    qtbot.waitUntil(lambda: box.state.text().startswith("✓"), timeout=10000)
    # Ctrl+Alt+1 is "bug": the category changes on the Overview (saved as usual), then the kind is stored.
    box.confirm_kind("bug")
    qtbot.waitUntil(
        lambda: store.tag_of(ticket.id).kind == "bug" and store.tag_of(ticket.id).confirmed, timeout=10000
    )
    assert ctx.tickets.get_ticket(ticket.id).fields.category == "bug"
    qtbot.waitUntil(lambda: window.pane.overview.category.currentData() == "bug")
    assert window.pane.ticket.fields.category == "bug"


def test_link_ticket_to_a_new_shared_item(qtbot, window, ctx, monkeypatch):
    from cre_desk.gui import feedback_tags

    ticket = ctx.tickets.create_ticket(
        TicketFields(title="Export segments as CSV", category="feature_request")
    )
    window.queue.reload()
    open_ticket(qtbot, window, ticket.id)
    box = window.pane.feedback_tags
    qtbot.waitUntil(box.isEnabled, timeout=10000)

    def fake_exec(dialog):
        dialog.new_url.setText("https://github.com/acme/sdk/issues/7")
        dialog._new = True
        return feedback_tags.QDialog.DialogCode.Accepted

    monkeypatch.setattr(feedback_tags.ItemPickerDialog, "exec", fake_exec)
    box.choose_item()
    qtbot.waitUntil(lambda: "Linked:" in box.items.text(), timeout=10000)
    (item,) = FeedbackStore(ctx.workspace.db).items_of(ticket.id)
    assert (item.title, item.item_type, item.github_url) == (
        "Export segments as CSV",
        "request",
        "https://github.com/acme/sdk/issues/7",
    )
