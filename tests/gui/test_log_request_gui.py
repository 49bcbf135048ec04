"""Ticket → Request a log…: the drafted message, copied, and the ticket waiting for the customer's log."""

from __future__ import annotations

import os
from pathlib import Path

from ui_steps import japanese_window, open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields
from cre_desk.core.vocabulary import PauseReason, Status
from cre_desk.gui.tasks import wait_for_all

SHOTS = os.environ.get("CRE_DESK_SHOTS", "")


def test_request_a_log_copies_the_message_and_waits_for_the_customer(qtbot, qapp, window, ctx):
    ticket = ctx.tickets.create_ticket(TicketFields(
        title="プッシュ通知が届かない", platform="android", sdk_name="Braze", symptom="push_not_delivered",
        requester_name="伊藤", requester_role="marketer"))
    open_ticket(qtbot, window, ticket.id)
    window.act_request_log.trigger()
    dialog = window.log_request
    assert dialog.language.currentData() == "ja"
    assert dialog.body.toPlainText().startswith("伊藤 様") and "BrazeLogger" in dialog.body.toPlainText()
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(Path(SHOTS) / "request_log_ja_message.png"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.language.activated.emit(dialog.language.currentIndex())
    dialog.role.setCurrentIndex(dialog.role.findData("engineer"))
    dialog.role.activated.emit(dialog.role.currentIndex())
    text = dialog.body.toPlainText()
    assert text.startswith("Hello 伊藤,") and "forward" not in text
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "request_log_en.png"))
    assert ctx.tickets.get_ticket(ticket.id).status == ticket.status       # nothing changed yet
    dialog.send_button.click()
    qtbot.waitUntil(lambda: ctx.tickets.get_ticket(ticket.id).status == Status.WAITING_CUSTOMER)
    assert qapp.clipboard().text() == text
    last = ctx.tickets.get_ticket(ticket.id).history[-1]
    assert last.pause_reason == PauseReason.CUSTOMER_LOG and last.actor == "Aki Sato"
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_for_all()


def test_request_a_log_in_japanese(qtbot, qapp, ctx, dialogs):
    with japanese_window(qtbot, qapp, ctx) as window:
        ticket = ctx.tickets.create_ticket(TicketFields(title="In-app message never shows", platform="ios",
                                                        sdk_name="OneSignal", requester_role="engineer"))
        open_ticket(qtbot, window, ticket.id)
        assert window.act_request_log.text() == "ログを依頼(&L)…"
        window.act_request_log.trigger()
        dialog = window.log_request
        assert dialog.send_button.text() == "コピーしてログ待ちにする(&W)"
        assert dialog.language.currentData() == "en" and "Xcode" in dialog.body.toPlainText()
        if SHOTS:
            dialog.grab().save(str(Path(SHOTS) / "request_log_ja_ui.png"))
        dialog.reject()
