"""The Overview's Helpdesk box: it says which side wins for each field, shows a conflict in plain text and
lets the engineer take the helpdesk's values (the form and the status follow at once)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields
from cre_desk.db.imports import ImportResult, ImportStore
from cre_desk.integrations.models import RemoteTicket


def _remote(status: str, priority: str, at: int) -> RemoteTicket:
    return RemoteTicket(
        external_id="7",
        url="https://acme.zendesk.com/agent/tickets/7",
        title="Push broken on iOS 18",
        requester_name="Carol Customer",
        customer="customer.example",
        status=status,
        tags=("ios",),
        created_at=datetime(2026, 1, 5, tzinfo=UTC),
        updated_at=datetime(2026, 1, at, tzinfo=UTC),
        priority=priority,
    )


def test_a_conflict_is_shown_and_the_helpdesks_side_can_be_taken(qtbot, window, ctx):
    store = ImportStore(ctx.tickets)
    tid = store.upsert_ticket(
        "zendesk", _remote("open", "normal", 6), ImportResult(), account_id="zendesk-acme"
    )
    manual = ctx.tickets.create_ticket(TicketFields(title="Typed in by hand"))
    ctx.tickets.change_status(tid, "waiting_customer")
    result = ImportResult()
    store.upsert_ticket("zendesk", _remote("on_hold", "normal", 7), result, account_id="zendesk-acme")
    assert "status is waiting customer here but on hold in the helpdesk" in result.problems[0]

    window.queue.reload()
    open_ticket(qtbot, window, tid)
    box = window.pane.helpdesk_box
    qtbot.waitUntil(lambda: box.take_theirs.isVisibleTo(window), timeout=10000)
    assert "Title and requester follow Zendesk" in box.rules.text()
    assert (
        box.conflict.text()
        == "Changed in both places: status is waiting customer here but on hold in the helpdesk."
    )
    assert box.conflict.textFormat() == Qt.TextFormat.PlainText

    qtbot.mouseClick(box.take_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pane.status.currentData() == "on_hold", timeout=10000)
    assert not box.conflict.isVisibleTo(window)
    assert ctx.tickets.get_ticket(tid).status == "on_hold"

    open_ticket(qtbot, window, manual.id)  # a ticket typed in by hand has no helpdesk
    qtbot.waitUntil(lambda: not box.isVisibleTo(window), timeout=10000)
