"""The Overview's Helpdesk box: it says which side wins for each field, shows a conflict in plain text and
lets the engineer take the helpdesk's values (the form and the status follow at once)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from ui_steps import japanese_window, open_ticket  # noqa: E402 - shared GUI steps beside this file

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
    assert box.conflict.text() == "Changed in both places:"
    (row,) = box.conflict_rows.findChildren(QLabel)
    assert row.text() == "Status: Waiting on customer here, On hold in Zendesk"
    assert row.textFormat() == Qt.TextFormat.PlainText
    assert box.take_theirs.text() == "Take Zendesk's"

    qtbot.mouseClick(box.take_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pane.status.currentData() == "on_hold", timeout=10000)
    assert not box.conflict.isVisibleTo(window)
    assert ctx.tickets.get_ticket(tid).status == "on_hold"

    open_ticket(qtbot, window, manual.id)  # a ticket typed in by hand has no helpdesk
    qtbot.waitUntil(lambda: not box.isVisibleTo(window), timeout=10000)


def _two_conflicts(ctx):
    """A Zendesk ticket whose status and priority changed both here and there."""
    store = ImportStore(ctx.tickets)
    tid = store.upsert_ticket("zendesk", _remote("open", "normal", 6), ImportResult(),
                              account_id="zendesk-acme")
    ctx.tickets.change_status(tid, "waiting_customer")
    detail = ctx.tickets.get_ticket(tid)
    from dataclasses import replace

    ctx.tickets.update_ticket(tid, replace(detail.fields, priority="high"), expected_version=detail.version)
    store.upsert_ticket("zendesk", _remote("on_hold", "urgent", 7), ImportResult(), account_id="zendesk-acme")
    return tid


def test_two_conflicts_are_decided_one_field_at_a_time(qtbot, window, ctx):
    tid = _two_conflicts(ctx)
    window.queue.reload()
    open_ticket(qtbot, window, tid)
    box = window.pane.helpdesk_box
    qtbot.waitUntil(lambda: len(box.conflict_rows.findChildren(QLabel)) == 2, timeout=10000)
    texts = sorted(label.text() for label in box.conflict_rows.findChildren(QLabel))
    status = "Status: Waiting on customer here, On hold in Zendesk"
    assert texts == ["Priority: High here, Urgent in Zendesk", status]
    assert box.keep_here.text() == "Keep all mine" and box.take_theirs.text() == "Take all of Zendesk's"
    # take Zendesk's priority, keep this ticket's status
    take_priority = box.conflict_rows.findChild(QPushButton, "take_priority")
    qtbot.mouseClick(take_priority, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [label.text() for label in box.conflict_rows.findChildren(QLabel)
                             if label.isVisibleTo(window)] == [status],
                    timeout=10000)
    detail = ctx.tickets.get_ticket(tid)
    assert (detail.fields.priority, detail.status) == ("urgent", "waiting_customer")
    assert box.take_theirs.text() == "Take Zendesk's"   # one left: the buttons below decide it
    qtbot.mouseClick(box.keep_here, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.conflict.isVisibleTo(window), timeout=10000)
    assert ctx.tickets.get_ticket(tid).status == "waiting_customer"


def test_conflicts_read_in_japanese(qtbot, qapp, ctx):
    tid = _two_conflicts(ctx)
    with japanese_window(qtbot, qapp, ctx) as window:
        open_ticket(qtbot, window, tid)
        box = window.pane.helpdesk_box
        qtbot.waitUntil(lambda: len(box.conflict_rows.findChildren(QLabel)) == 2, timeout=10000)
        texts = sorted(label.text() for label in box.conflict_rows.findChildren(QLabel))
        assert texts == ["ステータス: こちらは お客様回答待ち、Zendesk では 保留",
                         "優先度: こちらは 高、Zendesk では 緊急"]
        assert box.conflict.text() == "両方で変更されています:"


def test_the_helpdesk_box_says_intercom_priority_stays_here(qtbot, window, ctx):
    """Editing an Intercom ticket's priority: the box says it is not sent (Intercom's API cannot set it)."""
    remote = RemoteTicket(external_id="101", url="https://app.intercom.com/a/inbox/x/inbox/conversation/101",
                          title="Pushes missing", requester_name="Carol", customer="customer.example",
                          status="open", tags=(), created_at=datetime(2026, 1, 5, tzinfo=UTC),
                          updated_at=datetime(2026, 1, 6, tzinfo=UTC), priority="normal")
    tid = ImportStore(ctx.tickets).upsert_ticket("intercom", remote, ImportResult(),
                                                 account_id="intercom-acme")
    window.queue.reload()
    open_ticket(qtbot, window, tid)
    box = window.pane.helpdesk_box
    qtbot.waitUntil(lambda: box.isVisibleTo(window), timeout=10000)
    assert "priority set here stays here" in box.rules.text()
